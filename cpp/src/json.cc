#include "quotelink/json.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "quotelink/corpus.h"
#include "quotelink/error.h"

namespace quotelink {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_size(std::string& out, std::size_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

// Fields in record order, as the JSON keys and CSV columns name them.
constexpr const char* kFieldNames[] = {
    "doc",           "text",        "start",        "end",
    "kind",          "speaker",     "speaker_type", "mention",
    "mention_start", "mention_end", "cue",          "sieve",
    "confidence",    "id",          "parent"};

// The JSON value of an optional field: null when absent.
template <typename T, typename Append>
void append_or_null(std::string& out, const std::optional<T>& value,
                    Append append) {
  if (value)
    append(out, *value);
  else
    out += "null";
}

void append_json_optional(std::string& out,
                          const std::optional<std::string_view>& text) {
  append_or_null(out, text, append_json_string);
}

void append_json_optional(std::string& out,
                          const std::optional<std::size_t>& value) {
  append_or_null(out, value, append_size);
}

// json.dumps writes non-finite floats as JavaScript literals, not as repr().
void append_json_float(std::string& out, double value) {
  if (std::isnan(value))
    out += "NaN";
  else if (std::isinf(value))
    out += value > 0 ? "Infinity" : "-Infinity";
  else
    append_python_float(out, value);
}

// csv's QUOTE_MINIMAL: quoted when the field holds a delimiter, a quote or a
// line break; quotes inside are doubled. A bare CR is quoted too (Python 3.11
// leaves it bare with lineterminator "\n", which breaks other CSV readers).
void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

QuoteRecord quote_record(const Document& doc, const Quote& quote) {
  QuoteRecord r;
  r.text = doc.text_of(quote);
  r.start = doc.code_point_offset(quote.span.begin);
  r.end = doc.code_point_offset(quote.span.end);
  r.kind = to_string(quote.kind);
  if (quote.speaker >= 0 &&
      static_cast<std::size_t>(quote.speaker) < doc.entities.size()) {
    const Entity& entity = doc.entities[quote.speaker];
    r.speaker = entity.name;
    r.speaker_type = to_string(entity.type);
  }
  if (quote.mention >= 0 &&
      static_cast<std::size_t>(quote.mention) < doc.mentions.size()) {
    const Mention& mention = doc.mentions[quote.mention];
    r.mention = doc.slice(mention.span);
    r.mention_start = doc.code_point_offset(mention.span.begin);
    r.mention_end = doc.code_point_offset(mention.span.end);
  }
  if (quote.has_cue()) r.cue = doc.slice(quote.cue);
  r.sieve = quote.sieve;
  r.confidence = quote.confidence;
  if (quote.id >= 0) r.id = static_cast<std::size_t>(quote.id);
  if (quote.parent >= 0) r.parent = static_cast<std::size_t>(quote.parent);
  return r;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t plain = 0;  // start of the run of bytes copied unchanged
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
}

void append_python_float(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? "inf" : "-inf";
    return;
  }
  // The shortest round-tripping digits, as repr() chooses them; repr() then
  // writes them in fixed notation unless the exponent is < -4 or >= 16.
  char buffer[40];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                              std::chars_format::scientific);
  std::string_view sci(buffer, result.ptr - buffer);
  std::size_t e = sci.find('e');
  std::string_view mantissa = sci.substr(0, e);
  int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  bool negative = !mantissa.empty() && mantissa[0] == '-';
  if (negative) mantissa.remove_prefix(1);
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits += c;
  if (negative) out += '-';
  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += exponent < 0 ? "e-" : "e+";
    int magnitude = std::abs(exponent);
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
    return;
  }
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out += digits;
    return;
  }
  std::size_t point = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= point) {
    out += digits;
    out.append(point - digits.size(), '0');
    out += ".0";
  } else {
    out.append(digits, 0, point);
    out += '.';
    out.append(digits, point, std::string::npos);
  }
}

namespace {

// What --link changes in a record: the speaker's global name, and the global
// entity and cluster ids appended after the record's own fields.
struct LinkedFields {
  std::optional<std::string_view> speaker;
  std::optional<std::size_t> entity;
  std::size_t cluster = 0;
};

LinkedFields linked_fields(const Document& doc, const LinkedDocument& linked,
                           std::size_t quote) {
  const int speaker = doc.quotes[quote].speaker;
  if (speaker >= 0 && static_cast<std::size_t>(speaker) >= linked.names.size())
    throw error("the linked ids of document '" + doc.id +
                "' do not match its entities");
  if (quote >= linked.clusters.size())
    throw error("the linked ids of document '" + doc.id +
                "' do not match its quotations");
  LinkedFields f;
  if (speaker >= 0) {
    f.speaker = linked.names[speaker];
    f.entity = static_cast<std::size_t>(linked.entities[speaker]);
  }
  f.cluster = static_cast<std::size_t>(linked.clusters[quote]);
  return f;
}

// One JSON line, keys and separators as json.dumps writes them (", " and
// ": "), with `linked`'s fields when given.
void append_jsonl_record(std::string& out, std::string_view id,
                         const QuoteRecord& r, const LinkedFields* linked) {
  auto key = [&out](const char* name, bool first = false) {
    out += first ? "{\"" : ", \"";
    out += name;
    out += "\": ";
  };
  key(kFieldNames[0], true);
  append_json_string(out, id);
  key(kFieldNames[1]);
  append_json_string(out, r.text);
  key(kFieldNames[2]);
  append_size(out, r.start);
  key(kFieldNames[3]);
  append_size(out, r.end);
  key(kFieldNames[4]);
  append_json_string(out, r.kind);
  key(kFieldNames[5]);
  append_json_optional(out, linked ? linked->speaker : r.speaker);
  key(kFieldNames[6]);
  append_json_optional(out, r.speaker_type);
  key(kFieldNames[7]);
  append_json_optional(out, r.mention);
  key(kFieldNames[8]);
  append_json_optional(out, r.mention_start);
  key(kFieldNames[9]);
  append_json_optional(out, r.mention_end);
  key(kFieldNames[10]);
  append_json_optional(out, r.cue);
  key(kFieldNames[11]);
  append_json_string(out, r.sieve);
  key(kFieldNames[12]);
  append_json_float(out, r.confidence);
  key(kFieldNames[13]);
  append_json_optional(out, r.id);
  key(kFieldNames[14]);
  append_json_optional(out, r.parent);
  if (linked) {
    key("entity");
    append_json_optional(out, linked->entity);
    key("cluster");
    append_size(out, linked->cluster);
  }
  out += "}\n";
}

// One CSV row in record order (linked fields last when given).
void append_csv_record(std::string& out, std::string_view id,
                       const QuoteRecord& r, const LinkedFields* linked) {
  auto optional_text = [&out](const std::optional<std::string_view>& text) {
    out += ',';
    if (text) append_csv_field(out, *text);
  };
  auto optional_size = [&out](const std::optional<std::size_t>& value) {
    out += ',';
    if (value) append_size(out, *value);
  };
  append_csv_field(out, id);
  out += ',';
  append_csv_field(out, r.text);
  out += ',';
  append_size(out, r.start);
  out += ',';
  append_size(out, r.end);
  out += ',';
  out += r.kind;
  optional_text(linked ? linked->speaker : r.speaker);
  optional_text(r.speaker_type);
  optional_text(r.mention);
  optional_size(r.mention_start);
  optional_size(r.mention_end);
  optional_text(r.cue);
  out += ',';
  append_csv_field(out, r.sieve);
  out += ',';
  append_python_float(out, r.confidence);
  optional_size(r.id);
  optional_size(r.parent);
  if (linked) {
    optional_size(linked->entity);
    optional_size(linked->cluster);
  }
  out += '\n';
}

using AppendRecord = void (*)(std::string&, std::string_view,
                              const QuoteRecord&, const LinkedFields*);

std::string serialise(const Document& doc, std::string_view id,
                      const LinkedDocument* linked, AppendRecord append) {
  std::string out;
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const QuoteRecord r = quote_record(doc, doc.quotes[i]);
    if (linked) {
      const LinkedFields fields = linked_fields(doc, *linked, i);
      append(out, id, r, &fields);
    } else {
      append(out, id, r, nullptr);
    }
  }
  return out;
}

}  // namespace

std::string to_jsonl(const Document& doc, std::string_view id) {
  return serialise(doc, id, nullptr, append_jsonl_record);
}

std::string to_csv(const Document& doc, std::string_view id) {
  return serialise(doc, id, nullptr, append_csv_record);
}

std::string to_linked_jsonl(const Document& doc, std::string_view id,
                            const LinkedDocument& linked) {
  return serialise(doc, id, &linked, append_jsonl_record);
}

std::string to_linked_csv(const Document& doc, std::string_view id,
                          const LinkedDocument& linked) {
  return serialise(doc, id, &linked, append_csv_record);
}

}  // namespace quotelink
