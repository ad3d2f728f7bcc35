// The data model: what extraction produces for one document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace quotelink {

/// A half-open byte range [begin, end) into the document's UTF-8 text.
/// Offsets are 32-bit: texts of 2 GiB and more are refused with a
/// quotelink::error before any is analysed.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  /// Number of bytes covered.
  std::size_t size() const noexcept { return end - begin; }
  /// True when the range covers no byte.
  bool empty() const noexcept { return end <= begin; }
  /// True when `other` lies entirely inside this span.
  bool contains(const Span& other) const noexcept {
    return begin <= other.begin && other.end <= end;
  }
  friend bool operator==(const Span& a, const Span& b) noexcept {
    return a.begin == b.begin && a.end == b.end;
  }
  friend bool operator!=(const Span& a, const Span& b) noexcept {
    return !(a == b);
  }
};

/// How a quotation is reported.
enum class QuoteKind : std::uint8_t {
  direct,    ///< the whole reported content is inside quotation marks
  partial,   ///< quoted words embedded in reported speech
  indirect,  ///< reported speech without quotation marks ("X said that ...")
};

/// What kind of expression a speaker mention is.
enum class MentionKind {
  name,          ///< a proper name, possibly with titles: "Sergei Lavrov"
  role,          ///< a nominal: "the official", "Russia's top diplomat"
  organisation,  ///< "the Russian foreign ministry", "KCNA"
  place,         ///< a place standing for its government: "Moscow"
  document,      ///< "the resolution", "the Russian statement"
  pronoun,       ///< "he", "she", "they"
};

/// The type of a speaker entity.
enum class EntityType { person, organisation, group, unknown };

/// Returns the lower-case name used in JSONL ("direct", "partial", ...).
const char* to_string(QuoteKind kind) noexcept;
/// Returns the lower-case name ("name", "role", ...).
const char* to_string(MentionKind kind) noexcept;
/// Returns the lower-case name ("person", "organisation", ...).
const char* to_string(EntityType type) noexcept;

/// The name of the rule that attributed a quotation ("same_sentence",
/// "reported_after+model+source"), interned: two bytes in a Quote instead of
/// a string. Labels live in one table per process that only grows (the rules'
/// names and the suffixes later stages append, a few hundred at most); it
/// holds up to 65,535 labels, and interning one more throws quotelink::error.
/// Any thread may intern and read labels at the same time.
class SieveLabel {
 public:
  /// The empty label ("": no rule).
  SieveLabel() = default;
  /// The label named `name`, added to the table when new.
  explicit SieveLabel(std::string_view name);

  /// The label's text; valid for the life of the process.
  std::string_view name() const noexcept;
  operator std::string_view() const noexcept { return name(); }
  /// True for the empty label.
  bool empty() const noexcept { return id_ == 0; }
  /// Makes this the label of this one's name followed by `suffix`
  /// ("reported_after" += "+model" is "reported_after+model").
  SieveLabel& operator+=(std::string_view suffix);

  friend bool operator==(SieveLabel a, SieveLabel b) noexcept {
    return a.id_ == b.id_;
  }
  friend bool operator!=(SieveLabel a, SieveLabel b) noexcept {
    return a.id_ != b.id_;
  }
  friend bool operator==(SieveLabel a, std::string_view b) noexcept {
    return a.name() == b;
  }
  friend bool operator!=(SieveLabel a, std::string_view b) noexcept {
    return a.name() != b;
  }
  friend bool operator==(std::string_view a, SieveLabel b) noexcept {
    return a == b.name();
  }
  friend bool operator!=(std::string_view a, SieveLabel b) noexcept {
    return a != b.name();
  }

 private:
  std::uint16_t id_ = 0;  // index into the process's label table; 0 is ""
};

/// Writes the label's name.
std::ostream& operator<<(std::ostream& out, SieveLabel label);

/// A candidate or chosen speaker expression in the text.
struct Mention {
  Span span;  ///< the words in the text
  MentionKind kind = MentionKind::name;
  int entity = -1;   ///< index into Document::entities, or -1
  std::string head;  ///< the mention's key words, titles removed
};

/// One speaker within a document: all its mentions and a canonical name.
struct Entity {
  std::string name;  ///< canonical name: fullest name, no titles
  EntityType type = EntityType::unknown;
  std::vector<int> mentions;  ///< indices into Document::mentions
};

/// One quotation and its attribution: 88 bytes and no string (the fields
/// are ordered so that none pads another).
struct Quote {
  Span span;   ///< the content, without enclosing marks (its words:
               ///< Document::text_of)
  Span outer;  ///< the content with its marks (== span if none)
  /// The cue words ("said", ":", ...); empty when there is none.
  Span cue;
  /// The marked parts of the content: a partial quotation's own span, the
  /// partial quotations inside an indirect (mixed) one, the quotations nested
  /// inside a direct one ("'no'" in "\"He said 'no',\" Roe said").
  std::vector<Span> quoted_parts;
  int speaker = -1;         ///< index into Document::entities, or -1
  int mention = -1;         ///< index into Document::mentions, or -1
  double confidence = 0.0;  ///< 0 when no speaker was found
  int paragraph = 0;        ///< index into Document::paragraphs
  int sentence = 0;         ///< index into Document::sentences
  /// The record's number in its document: its index in Document::quotes as
  /// extraction made them, before Config::kinds and min_confidence dropped
  /// any (so without those filters doc.quotes[q.id] is q). -1 when unset.
  int id = -1;
  /// The id of the record whose marked words this one is (a partial
  /// quotation inside reported speech or nested in another quotation), or
  /// -1 for a record of its own.
  int parent = -1;
  QuoteKind kind = QuoteKind::direct;
  SieveLabel sieve;              ///< the rule that attributed it
  bool multi_paragraph = false;  ///< runs over several paragraphs
  bool repaired = false;         ///< a missing or displaced mark was repaired
  bool headline = false;         ///< found in a headline line

  /// True when a cue was found (`cue` is not empty).
  bool has_cue() const noexcept { return !cue.empty(); }
};

/// A paragraph of the document.
struct Paragraph {
  Span span;                 ///< from first to last non-space byte
  bool heading = false;      ///< a headline or markdown heading
  bool boilerplate = false;  ///< navigation, bylines, copyright, ...
};

/// A sentence of the document.
struct Sentence {
  Span span;
  int paragraph = 0;  ///< index into Document::paragraphs
};

/// The result of extraction on one text.
class Document {
 public:
  std::string id;    ///< caller-given identifier (file name)
  std::string text;  ///< the UTF-8 text that offsets refer to
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Quote> quotes;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::size_t replaced_invalid_bytes = 0;  ///< invalid bytes replaced by U+FFFD

  /// The text of `span` as a string view into `text`.
  std::string_view slice(const Span& span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
  /// The quoted words of `quote` (the bytes of its `span`).
  std::string_view text_of(const Quote& quote) const {
    return slice(quote.span);
  }
  /// Code-point offset of byte offset `byte` (which must be <= text.size()).
  std::size_t code_point_offset(std::size_t byte) const;
  /// Builds the byte -> code-point index; called by the extractor.
  void build_offset_index();

 private:
  // Code points before every 64-byte block boundary.
  std::vector<std::uint32_t> block_code_points_;
};

}  // namespace quotelink
