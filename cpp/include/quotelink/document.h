// The data model: what extraction produces for one document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotelink {

/// A half-open byte range [begin, end) into the document's UTF-8 text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

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
enum class QuoteKind {
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

/// A candidate or chosen speaker expression in the text.
struct Mention {
  Span span;                     ///< the words in the text
  MentionKind kind = MentionKind::name;
  int entity = -1;               ///< index into Document::entities, or -1
  std::string head;              ///< the mention's key words, titles removed
};

/// One speaker within a document: all its mentions and a canonical name.
struct Entity {
  std::string name;              ///< canonical name: fullest name, no titles
  EntityType type = EntityType::unknown;
  std::vector<int> mentions;     ///< indices into Document::mentions
};

/// One quotation and its attribution.
struct Quote {
  Span span;                     ///< the content, without enclosing marks
  Span outer;                    ///< the content with its marks (== span if none)
  std::string text;              ///< the content's text (bytes of `span`)
  QuoteKind kind = QuoteKind::direct;
  /// The marked parts of the content: a partial quotation's own span, the
  /// partial quotations inside an indirect (mixed) one, the quotations nested
  /// inside a direct one ("'no'" in "\"He said 'no',\" Roe said").
  std::vector<Span> quoted_parts;
  int speaker = -1;              ///< index into Document::entities, or -1
  int mention = -1;              ///< index into Document::mentions, or -1
  std::optional<Span> cue;       ///< the cue words ("said", ":", ...)
  std::string sieve;             ///< name of the rule that attributed it
  double confidence = 0.0;       ///< 0 when no speaker was found
  int paragraph = 0;             ///< index into Document::paragraphs
  int sentence = 0;              ///< index into Document::sentences
  bool multi_paragraph = false;  ///< runs over several paragraphs
  bool repaired = false;         ///< a missing or displaced mark was repaired
  bool headline = false;         ///< found in a headline line
  /// The record's number in its document: its index in Document::quotes as
  /// extraction made them, before Config::kinds and min_confidence dropped
  /// any (so without those filters doc.quotes[q.id] is q). -1 when unset.
  int id = -1;
  /// The id of the record whose marked words this one is (a partial
  /// quotation inside reported speech or nested in another quotation), or
  /// -1 for a record of its own.
  int parent = -1;
};

/// A paragraph of the document.
struct Paragraph {
  Span span;                     ///< from first to last non-space byte
  bool heading = false;          ///< a headline or markdown heading
  bool boilerplate = false;      ///< navigation, bylines, copyright, ...
};

/// A sentence of the document.
struct Sentence {
  Span span;
  int paragraph = 0;             ///< index into Document::paragraphs
};

/// The result of extraction on one text.
class Document {
 public:
  std::string id;                     ///< caller-given identifier (file name)
  std::string text;                   ///< the UTF-8 text that offsets refer to
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
  /// Code-point offset of byte offset `byte` (which must be <= text.size()).
  std::size_t code_point_offset(std::size_t byte) const;
  /// Builds the byte -> code-point index; called by the extractor.
  void build_offset_index();

 private:
  // Code points before every 64-byte block boundary.
  std::vector<std::uint32_t> block_code_points_;
};

}  // namespace quotelink
