// The data model: what extraction produces for one document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
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

/// A short list of spans read like a std::vector<Span> (size, [], range-for,
/// push_back), in 8 bytes: a null pointer when empty (most quotations), else
/// one heap block holding the count, the capacity and the spans. A Quote
/// holds one, so a 24-byte vector in every record is not paid for the few
/// that list parts (issue #19). Copies are deep, as a vector's.
class SpanList {
 public:
  SpanList() = default;
  /// The list of `spans`, in order.
  SpanList(std::initializer_list<Span> spans);
  SpanList(const SpanList& other);
  SpanList(SpanList&& other) noexcept : block_(other.block_) {
    other.block_ = nullptr;
  }
  SpanList& operator=(const SpanList& other);
  SpanList& operator=(SpanList&& other) noexcept;
  ~SpanList();

  /// Number of spans.
  std::size_t size() const noexcept { return block_ ? block_[0].begin : 0; }
  /// True when the list holds no span.
  bool empty() const noexcept { return size() == 0; }
  const Span* begin() const noexcept { return block_ ? block_ + 1 : nullptr; }
  const Span* end() const noexcept { return begin() + size(); }
  Span* begin() noexcept { return block_ ? block_ + 1 : nullptr; }
  Span* end() noexcept { return begin() + size(); }
  /// The `i`th span (i < size()).
  const Span& operator[](std::size_t i) const noexcept { return begin()[i]; }
  Span& operator[](std::size_t i) noexcept { return begin()[i]; }
  /// Appends `span`, growing the block by doubling.
  void push_back(const Span& span);
  /// Removes every span and frees the block.
  void clear() noexcept;

  friend bool operator==(const SpanList& a, const SpanList& b) noexcept;
  friend bool operator!=(const SpanList& a, const SpanList& b) noexcept {
    return !(a == b);
  }

 private:
  // block_[0] is {size, capacity}; the spans follow it. nullptr when empty.
  Span* block_ = nullptr;
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

/// A string of 16 bytes that keeps up to 15 bytes in place and longer ones
/// in one heap block (a std::string is 32 bytes): what a Mention holds for
/// its head words, mostly short ("he", "Roe", "Russia"). Reads like a
/// std::string_view (it converts to one); assigned from strings and views.
class CompactString {
  template <class T>
  using ViewLike =
      std::enable_if_t<std::is_convertible_v<const T&, std::string_view> &&
                       !std::is_same_v<T, CompactString>>;

 public:
  static constexpr std::size_t npos = std::string_view::npos;

  CompactString() noexcept = default;
  /// A copy of `text` (implicit, as a std::string's: Mention{span, kind,
  /// entity, "Ann"}).
  CompactString(std::string_view text) { assign(text); }
  CompactString(const char* text) { assign(text); }
  CompactString(const std::string& text) { assign(text); }
  CompactString(const CompactString& other) { assign(other.view()); }
  CompactString(CompactString&& other) noexcept;
  CompactString& operator=(const CompactString& other);
  CompactString& operator=(CompactString&& other) noexcept;
  CompactString& operator=(std::string_view text);
  CompactString& operator=(const std::string& text) {
    return *this = std::string_view(text);
  }
  CompactString& operator=(const char* text) {
    return *this = std::string_view(text);
  }
  ~CompactString() { release(); }

  /// The bytes, as a view valid until this string changes or goes.
  std::string_view view() const noexcept {
    return on_heap() ? std::string_view(heap_data(), heap_size())
                     : std::string_view(bytes_, tag());
  }
  operator std::string_view() const noexcept { return view(); }
  const char* data() const noexcept { return view().data(); }
  std::size_t size() const noexcept { return view().size(); }
  bool empty() const noexcept { return size() == 0; }
  /// As std::string_view::rfind and find.
  std::size_t rfind(char c, std::size_t pos = npos) const noexcept {
    return view().rfind(c, pos);
  }
  std::size_t find(char c, std::size_t pos = 0) const noexcept {
    return view().find(c, pos);
  }
  /// A std::string copy.
  std::string str() const { return std::string(view()); }

  friend bool operator==(const CompactString& a,
                         const CompactString& b) noexcept {
    return a.view() == b.view();
  }
  friend bool operator!=(const CompactString& a,
                         const CompactString& b) noexcept {
    return a.view() != b.view();
  }
  // Against anything that reads as a string_view (a literal, a std::string):
  // templates, so that no implicit conversion makes a call ambiguous.
  template <class T, class = ViewLike<T>>
  friend bool operator==(const CompactString& a, const T& b) noexcept {
    return a.view() == std::string_view(b);
  }
  template <class T, class = ViewLike<T>>
  friend bool operator!=(const CompactString& a, const T& b) noexcept {
    return a.view() != std::string_view(b);
  }
  template <class T, class = ViewLike<T>>
  friend bool operator==(const T& a, const CompactString& b) noexcept {
    return std::string_view(a) == b.view();
  }
  template <class T, class = ViewLike<T>>
  friend bool operator!=(const T& a, const CompactString& b) noexcept {
    return std::string_view(a) != b.view();
  }

 private:
  static constexpr unsigned char kHeap = 0xFF;  // tag of a heap string
  static constexpr std::size_t kInline = 15;    // bytes kept in place

  // In place: bytes_[0..15) and their count in bytes_[15]. On the heap:
  // the pointer in bytes_[0..8), the size in bytes_[8..12), kHeap in [15].
  unsigned char tag() const noexcept {
    return static_cast<unsigned char>(bytes_[15]);
  }
  bool on_heap() const noexcept { return tag() == kHeap; }
  const char* heap_data() const noexcept;
  std::size_t heap_size() const noexcept;
  void assign(std::string_view text);
  void release() noexcept;

  alignas(8) char bytes_[16] = {};
};

/// Writes the string's bytes.
std::ostream& operator<<(std::ostream& out, const CompactString& text);

/// A candidate or chosen speaker expression in the text.
/// 32 bytes (48 with a std::string head).
struct Mention {
  Span span;  ///< the words in the text
  MentionKind kind = MentionKind::name;
  int entity = -1;     ///< index into Document::entities, or -1
  CompactString head;  ///< the mention's key words, titles removed
};

/// One speaker within a document: all its mentions and a canonical name.
struct Entity {
  std::string name;  ///< canonical name: fullest name, no titles
  EntityType type = EntityType::unknown;
  std::vector<int> mentions;  ///< indices into Document::mentions
};

/// One quotation and its attribution: 72 bytes and no string (the fields
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
  SpanList quoted_parts;
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
