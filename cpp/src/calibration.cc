#include "calibration.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>
#include <utility>

#include "lexicon.h"
#include "quotelink/error.h"

namespace quotelink::detail {

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The bucket of `value`: how many edges are at most `value`.
template <class T>
std::size_t bucket_of(const std::vector<T>& edges, T value) {
  return static_cast<std::size_t>(
      std::upper_bound(edges.begin(), edges.end(), value) - edges.begin());
}

// What a group key is made of, as views: the evidence of a stored
// CalibrationEvidence, or of a record read straight from its Document.
struct EvidenceView {
  QuoteKind kind = QuoteKind::direct;
  std::string_view rule;
  std::string_view speaker;         // mention kind name, or "none"
  std::string_view speaker_suffix;  // "+unlinked" or ""
  bool judged = false;
  double score = 0.0;
  int words = 0;
};

EvidenceView view_of(const CalibrationEvidence& e) {
  return {e.kind, e.rule, e.speaker, {}, e.judged, e.score, e.words};
}

void append_number(std::string& key, std::size_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  key.append(buffer, result.ptr);
}

// Calls `visit(key)` with each group key of `e` in `table`, coarsest first,
// in one buffer that each key extends; stops when `visit` returns false.
// (Extraction walks a CalibrationIndex instead: this serves training, the
// bindings and tables the index cannot pack.)
template <class Visit>
void for_each_group_key(const CalibrationTable& table, const EvidenceView& e,
                        Visit visit) {
  std::string key = "*";
  if (!visit(key)) return;
  key += "|kind=";
  key += to_string(e.kind);
  if (!visit(key)) return;
  key += "|rule=";
  key += e.rule;
  if (!visit(key)) return;
  key += "|speaker=";
  key += e.speaker;
  key += e.speaker_suffix;
  if (!visit(key)) return;
  key += "|score=";
  if (e.judged)
    append_number(key, bucket_of(table.score_edges, e.score));
  else
    key += "none";
  if (!visit(key)) return;
  key += "|words=";
  append_number(key, bucket_of(table.word_edges, e.words));
  visit(key);
}

// The evidence of doc.quotes[q] as views into the document and the label
// table (calibration_evidence without its strings).
EvidenceView evidence_view(const Document& doc, std::size_t q, double score) {
  const Quote& quote = doc.quotes[q];
  EvidenceView e;
  e.kind = quote.kind;
  e.rule = quote.sieve.name();
  if (quote.mention >= 0) {
    e.speaker = to_string(doc.mentions[quote.mention].kind);
    if (quote.speaker < 0) e.speaker_suffix = "+unlinked";
  } else {
    e.speaker = "none";
  }
  e.judged = !std::isnan(score);
  e.score = e.judged ? score : 0.0;
  e.words = count_words(doc.text_of(quote));
  return e;
}

// The table's probability for the evidence `e` (CalibrationTable's contract).
double probability_of(const CalibrationTable& table, const EvidenceView& e) {
  double p = 0.5;
  for_each_group_key(table, e, [&table, &p](const std::string& key) {
    const auto found = table.groups.find(key);
    if (found == table.groups.end()) return false;
    p = (found->second.right + table.strength * p) /
        (found->second.records + table.strength);
    return true;
  });
  return p;
}

// `value` with two decimals, as the table file writes it (locale-free).
std::string two_decimals(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                    std::chars_format::fixed, 2);
  return std::string(buffer, result.ptr);
}

std::string shortest(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

template <class T>
bool parse_number(std::string_view text, T& out) {
  const auto result =
      std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// The `buckets`-quantile edges of `values` (sorted here), repeated edges
// merged; `round` maps a raw edge to the value the file keeps.
template <class T, class Round>
std::vector<T> quantile_edges(std::vector<T> values, int buckets, Round round) {
  std::vector<T> edges;
  if (values.empty()) return edges;
  std::sort(values.begin(), values.end());
  for (int i = 1; i < buckets; ++i) {
    const T edge = round(values[values.size() * i / buckets]);
    if (edges.empty() || edge > edges.back()) edges.push_back(edge);
  }
  return edges;
}

// Splits a line at tabs.
std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t at = line.find('\t'); at != std::string_view::npos;
       at = line.find('\t', start)) {
    out.push_back(line.substr(start, at - start));
    start = at + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

// Reads the table file line by line, failing with the line and its offset.
class TableReader {
 public:
  TableReader(std::size_t line, std::size_t offset)
      : line_(line), offset_(offset) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw error("calibration table line " + std::to_string(line_) + " (byte " +
                    std::to_string(offset_) + "): " + what,
                offset_);
  }

  template <class T>
  T number(std::string_view text, const char* what) const {
    T value{};
    if (!parse_number(text, value))
      fail(std::string("bad ") + what + " '" + std::string(text) + "'");
    return value;
  }

  template <class T>
  std::vector<T> ascending(const std::vector<std::string_view>& fields,
                           const char* what) const {
    std::vector<T> out;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      out.push_back(number<T>(fields[i], what));
      if (out.size() > 1 && !(out[out.size() - 2] < out.back()))
        fail(std::string(what) + "s are not ascending");
    }
    return out;
  }

  void read(CalibrationTable& table,
            const std::vector<std::string_view>& fields) const {
    const std::string_view name = fields[0];
    if (name == "strength" && fields.size() == 2) {
      table.strength = number<double>(fields[1], "strength");
      if (!(table.strength > 0)) fail("strength must be positive");
    } else if (name == "score_edges") {
      table.score_edges = ascending<double>(fields, "score edge");
    } else if (name == "word_edges") {
      table.word_edges = ascending<int>(fields, "word edge");
    } else if (name == "group" && fields.size() == 4) {
      CalibrationCounts counts;
      counts.right = number<std::uint32_t>(fields[2], "right count");
      counts.records = number<std::uint32_t>(fields[3], "record count");
      if (counts.right > counts.records)
        fail("more right records than records");
      if (!table.groups.emplace(std::string(fields[1]), counts).second)
        fail("group '" + std::string(fields[1]) + "' listed twice");
    } else {
      fail(
          "expected strength, score_edges, word_edges or group KEY RIGHT "
          "RECORDS, not '" +
          std::string(name) + "' with " + std::to_string(fields.size() - 1) +
          " fields");
    }
  }

 private:
  std::size_t line_;
  std::size_t offset_;
};

}  // namespace

CalibrationEvidence calibration_evidence(const Document& doc, std::size_t q,
                                         double score) {
  const EvidenceView view = evidence_view(doc, q, score);
  CalibrationEvidence e;
  e.kind = view.kind;
  e.rule = std::string(view.rule);
  e.speaker = std::string(view.speaker);
  e.speaker += view.speaker_suffix;
  e.judged = view.judged;
  e.score = view.score;
  e.words = view.words;
  return e;
}

std::vector<std::string> CalibrationTable::keys(
    const CalibrationEvidence& e) const {
  std::vector<std::string> out;
  out.reserve(6);
  for_each_group_key(*this, view_of(e), [&out](const std::string& key) {
    out.push_back(key);
    return true;
  });
  return out;
}

double CalibrationTable::probability(const CalibrationEvidence& e) const {
  return probability_of(*this, view_of(e));
}

std::string CalibrationTable::serialize() const {
  std::string out =
      "# quotelink calibration table (docs/model.md): the records of each "
      "group and how many were right.\n"
      "# Written by `quotelink train --calibration-out`; do not edit.\n";
  out += "strength\t" + shortest(strength) + "\n";
  out += "score_edges";
  for (double edge : score_edges) out += "\t" + two_decimals(edge);
  out += "\nword_edges";
  for (int edge : word_edges) out += "\t" + std::to_string(edge);
  out += "\n";
  std::vector<const std::string*> keys;
  keys.reserve(groups.size());
  for (const auto& group : groups) keys.push_back(&group.first);
  std::sort(keys.begin(), keys.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  for (const std::string* key : keys) {
    const CalibrationCounts& counts = groups.at(*key);
    out += "group\t" + *key + "\t" + std::to_string(counts.right) + "\t" +
           std::to_string(counts.records) + "\n";
  }
  return out;
}

CalibrationTable CalibrationTable::parse(std::string_view text) {
  CalibrationTable table;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#')
      TableReader(line_number, start).read(table, fields_of(line));
    start = end + 1;
  }
  if (table.groups.find("*") == table.groups.end())
    throw error("calibration table: no group '*' (every record)", text.size());
  return table;
}

CalibrationTable fit_calibration(
    const std::vector<CalibrationEvidence>& evidence,
    const std::vector<bool>& right, const CalibrationFitOptions& options) {
  if (evidence.size() != right.size())
    throw error("fit_calibration: " + std::to_string(evidence.size()) +
                " records but " + std::to_string(right.size()) + " outcomes");
  if (!(options.strength > 0) || options.score_buckets < 1 ||
      options.word_buckets < 1)
    throw error(
        "fit_calibration: strength must be positive and buckets at least 1");
  CalibrationTable table;
  table.strength = options.strength;
  std::vector<double> scores;
  std::vector<int> words;
  for (const CalibrationEvidence& e : evidence) {
    if (e.judged) scores.push_back(e.score);
    words.push_back(e.words);
  }
  table.score_edges =
      quantile_edges(scores, options.score_buckets, [](double s) {
        double kept = 0;
        parse_number(two_decimals(s), kept);  // the value the file keeps
        return kept;
      });
  table.word_edges =
      quantile_edges(words, options.word_buckets, [](int w) { return w; });
  table.groups["*"];
  for (std::size_t i = 0; i < evidence.size(); ++i)
    for (const std::string& key : table.keys(evidence[i])) {
      CalibrationCounts& counts = table.groups[key];
      ++counts.records;
      counts.right += right[i] ? 1 : 0;
    }
  return table;
}

namespace {

// The parts of a packed group key: level (how many parts follow "*"), then
// kind + 1, rule number, speaker code, score bucket (kNoScore: not judged)
// and word bucket, each in its own bits.
constexpr std::uint64_t kNoScore = 255;

std::uint64_t packed_key(int level, std::uint64_t kind, std::uint64_t rule,
                         std::uint64_t speaker, std::uint64_t score,
                         std::uint64_t words) {
  return static_cast<std::uint64_t>(level) | kind << 3 | rule << 5 |
         speaker << 25 | score << 29 | words << 37;
}

// 0 for "none", else 1 + 2 * mention kind (+1 when "+unlinked"); -1 when
// `value` is no speaker the calibration stage writes.
int speaker_code(std::string_view value) {
  if (value == "none") return 0;
  for (int kind = 0; kind <= static_cast<int>(MentionKind::pronoun); ++kind) {
    const std::string_view name = to_string(static_cast<MentionKind>(kind));
    if (value == name) return 1 + 2 * kind;
    if (value.substr(0, name.size()) == name &&
        value.substr(name.size()) == "+unlinked")
      return 2 + 2 * kind;
  }
  return -1;
}

// speaker_code of the speaker part calibration_evidence gives `quote`.
std::uint64_t speaker_code_of(const Quote& quote, const Document& doc) {
  if (quote.mention < 0) return 0;
  const auto kind =
      static_cast<std::uint64_t>(doc.mentions[quote.mention].kind);
  return 1 + 2 * kind + (quote.speaker < 0 ? 1 : 0);
}

int quote_kind_code(std::string_view value) {
  for (int kind = 0; kind <= static_cast<int>(QuoteKind::indirect); ++kind)
    if (value == to_string(static_cast<QuoteKind>(kind))) return kind + 1;
  return -1;
}

// A small number below `limit` written in decimal, or -1.
int small_number(std::string_view value, int limit) {
  int out = -1;
  if (!parse_number(value, out) || out < 0 || out >= limit) return -1;
  return out;
}

}  // namespace

// Reads each group key "*|kind=K|rule=R|speaker=S|score=B|words=W" (or a
// prefix of it) into its packed number; rules are numbered in the order
// first seen, by the address of their SieveLabel's name (one per name).
CalibrationIndex::CalibrationIndex(const CalibrationTable& table)
    : table_(&table) {
  static constexpr std::string_view kParts[] = {
      "kind=", "rule=", "speaker=", "score=", "words="};
  for (const auto& [key, counts] : table.groups) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
      const std::size_t bar = key.find('|', start);
      parts.push_back(std::string_view(key).substr(start, bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    int codes[5] = {0, 0, 0, 0, 0};
    bool ok = parts[0] == "*" && parts.size() <= 6;
    for (std::size_t i = 1; ok && i < parts.size(); ++i) {
      const std::string_view name = kParts[i - 1];
      ok = parts[i].substr(0, name.size()) == name;
      if (!ok) break;
      const std::string_view value = parts[i].substr(name.size());
      if (i == 1) codes[0] = quote_kind_code(value);
      if (i == 2) {
        const char* label = SieveLabel(value).name().data();
        codes[1] = static_cast<int>(
            rules_.emplace(label, rules_.size() + 1).first->second);
      }
      if (i == 3) codes[2] = speaker_code(value);
      if (i == 4)
        codes[3] = value == "none" ? static_cast<int>(kNoScore)
                                   : small_number(value, kNoScore);
      if (i == 5) codes[4] = small_number(value, 256);
      ok = codes[i - 1] >= 0 && rules_.size() < (1u << 20);
    }
    if (!ok) {
      packed_ = false;
      return;
    }
    counts_[packed_key(static_cast<int>(parts.size()) - 1, codes[0], codes[1],
                       codes[2], codes[3], codes[4])] = counts;
  }
}

double CalibrationIndex::probability(const Document& doc, std::size_t q,
                                     double score) const {
  if (!packed_) return table_->probability(calibration_evidence(doc, q, score));
  const EvidenceView e = evidence_view(doc, q, score);
  const auto rule = rules_.find(e.rule.data());
  const std::uint64_t codes[5] = {
      static_cast<std::uint64_t>(e.kind) + 1,
      rule == rules_.end() ? 0 : rule->second,
      speaker_code_of(doc.quotes[q], doc),
      e.judged ? bucket_of(table_->score_edges, e.score) : kNoScore,
      bucket_of(table_->word_edges, e.words)};
  std::uint64_t parts[5] = {0, 0, 0, 0, 0};
  double p = 0.5;
  for (int level = 0; level <= 5; ++level) {
    if (level > 0) parts[level - 1] = codes[level - 1];
    if (level == 2 && rule == rules_.end()) break;
    const auto found = counts_.find(
        packed_key(level, parts[0], parts[1], parts[2], parts[3], parts[4]));
    if (found == counts_.end()) break;
    p = (found->second.right + table_->strength * p) /
        (found->second.records + table_->strength);
  }
  return p;
}

void calibrate_confidences(Document& doc, const std::vector<double>& scores,
                           const CalibrationIndex* table,
                           std::vector<CalibrationEvidence>* evidence_out) {
  if (!table && !evidence_out) return;
  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    const double score = q < scores.size() ? scores[q] : std::nan("");
    if (table) doc.quotes[q].confidence = table->probability(doc, q, score);
    if (evidence_out)
      evidence_out->push_back(calibration_evidence(doc, q, score));
  }
}

const CalibrationTable& shipped_calibration() {
  static const CalibrationTable table =
      CalibrationTable::parse(embedded_file_or_fail(
          kShippedCalibration,
          "this build of quotelink embeds no calibration table "
          "(cpp/data/model/calibration.tsv): fit one with `quotelink train "
          "--calibration-out`, or set Config.calibration = false"));
  return table;
}

const CalibrationIndex& shipped_calibration_index() {
  static const CalibrationIndex index(shipped_calibration());
  return index;
}

}  // namespace quotelink::detail
