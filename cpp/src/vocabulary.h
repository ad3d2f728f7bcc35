// The words of a language pack: every lexicon entry's lower-cased words
// interned to word ids, a bit set of lexicon classes per id (a class test is
// one AND), and an index of entries by first word for multi-word matches.
//
// A pack is data/<lang>/pack.txt, which lists the pack's lexicon files; every
// lexicon file has one format, one entry a line:
//
//   ENTRY<TAB>CLASS[,CLASS...][<TAB>KEY=VALUE...]     # comment
//
// ENTRY is one or more words separated by spaces (matched against tokens,
// lower case); CLASS names a word class some stage declares (all_word_classes
// in lexicon.cc); KEY=VALUE pairs are attributes a stage reads from the
// entry (a cue verb's lemma=say form=past). The same entry may appear on
// several lines: its classes add up, and each attribute keeps its first
// value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quotelink::detail {

/// A word's id: its index in the vocabulary, or (in a TokenLayer) a
/// document-local id past the vocabulary for words the pack does not hold.
using WordId = std::uint32_t;
inline constexpr WordId kNoWord = 0xFFFFFFFFU;

/// One lexicon class: a bit of a ClassMask (Vocabulary::word_class).
struct WordClass {
  std::uint8_t index = 0;
};

/// The classes of one word, 128 bits.
struct ClassMask {
  std::uint64_t bits[2] = {0, 0};

  /// True when class `c` is in the mask.
  bool has(WordClass c) const noexcept {
    return ((bits[c.index >> 6] >> (c.index & 63U)) & 1U) != 0;
  }
  void add(WordClass c) noexcept {
    bits[c.index >> 6] |= std::uint64_t{1} << (c.index & 63U);
  }
  ClassMask& operator|=(const ClassMask& other) noexcept {
    bits[0] |= other.bits[0];
    bits[1] |= other.bits[1];
    return *this;
  }
  bool empty() const noexcept { return (bits[0] | bits[1]) == 0; }
  /// True when the masks share a class.
  bool intersects(const ClassMask& other) const noexcept {
    return ((bits[0] & other.bits[0]) | (bits[1] & other.bits[1])) != 0;
  }
};

/// A string -> id table with open addressing; the strings live in the table.
/// Ids are dense, in insertion order.
class WordTable {
 public:
  WordTable();
  WordTable(WordTable&&) noexcept;
  WordTable& operator=(WordTable&&) noexcept;
  ~WordTable();

  /// The hash the table keys `word` by (FNV-1a), so that a caller looking a
  /// word up in several tables hashes it once.
  static std::uint64_t hash(std::string_view word) noexcept;
  /// The id of `word`, or kNoWord.
  WordId find(std::string_view word) const noexcept {
    return find(word, hash(word));
  }
  /// The same with `word`'s hash `h` (hash(word)).
  WordId find(std::string_view word, std::uint64_t h) const noexcept;
  /// The id of `word`, added when absent.
  WordId intern(std::string_view word) { return intern(word, hash(word)); }
  /// The same with `word`'s hash `h` (hash(word)).
  WordId intern(std::string_view word, std::uint64_t h);
  /// The string of id `id` (< size()).
  std::string_view word(WordId id) const noexcept { return words_[id]; }
  std::size_t size() const noexcept { return words_.size(); }
  /// Makes room for `words` words without growing.
  void reserve(std::size_t words);
  /// Forgets every word, keeping the memory for the next use.
  void clear();

 private:
  void grow();
  std::string_view store(std::string_view word);

  std::vector<std::string_view> words_;
  std::vector<std::uint64_t> hashes_;
  std::vector<WordId> slots_;                       // id + 1; 0 is empty
  std::vector<std::unique_ptr<char[]>> chunks_;     // kChunkBytes each
  std::vector<std::unique_ptr<char[]>> oversized_;  // one word each
  std::size_t chunk_used_ = 0;
  std::size_t chunks_in_use_ = 0;
};

/// One lexicon line (merged over lines with the same entry).
struct LexiconEntry {
  std::vector<WordId> words;  ///< the entry's words, in order
  ClassMask classes;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string where;  ///< "<pack>/cues.tsv:12", for error messages

  /// The value of attribute `key`, or an empty view.
  std::string_view attribute(std::string_view key) const noexcept;
};

/// Reads file `name` of a pack ("pack.txt", "words.tsv"); nullopt when the
/// pack has no such file.
using PackReader =
    std::function<std::optional<std::string>(const std::string& name)>;

/// The vocabulary of a language pack. Immutable once built; shared
/// read-only by threads.
class Vocabulary {
 public:
  /// Most classes a pack may use (the width of ClassMask).
  static constexpr std::size_t kMaxClasses = 128;

  /// An empty vocabulary knowing the class names `declared` (the classes
  /// the stages ask for).
  explicit Vocabulary(const std::vector<std::string_view>& declared);

  /// Loads the files `pack.txt` lists, from `read`; `pack` names the pack in
  /// error messages. Throws quotelink::error for a missing pack.txt or
  /// listed file, and for a bad line (naming file, line and problem).
  void load_pack(std::string_view pack, const PackReader& read);
  /// Adds one entry of text `entry` (words separated by spaces) with classes
  /// `classes` and attributes `attributes`; `where` names its origin.
  void add_entry(std::string_view entry, const std::vector<WordClass>& classes,
                 std::vector<std::pair<std::string, std::string>> attributes,
                 std::string where);
  /// The index (into entries()) of the entry of text `entry`, or -1.
  int find_entry(std::string_view entry) const;
  /// Orders each first word's entries longest first (after the last add).
  void finish();

  /// The class named `name`; throws quotelink::error unless it was declared.
  WordClass word_class(std::string_view name) const;
  /// The id of lower-case word `word`, or kNoWord.
  WordId find(std::string_view word) const noexcept {
    return words_.find(word);
  }
  /// The same with `word`'s hash `h` (WordTable::hash(word)).
  WordId find(std::string_view word, std::uint64_t h) const noexcept {
    return words_.find(word, h);
  }
  /// The classes of word `id`; empty for ids past the vocabulary.
  const ClassMask& classes(WordId id) const noexcept {
    return id < masks_.size() ? masks_[id] : empty_mask_;
  }
  /// True when word `id` has class `c` (one AND).
  bool has(WordId id, WordClass c) const noexcept { return classes(id).has(c); }
  /// The word of `id` (< size()).
  std::string_view word(WordId id) const noexcept { return words_.word(id); }
  /// Number of words.
  std::size_t size() const noexcept { return words_.size(); }

  /// The classes of the entries starting with word `id` (empty for ids past
  /// the vocabulary): a match of a class can start there only if it is in.
  const ClassMask& first_classes(WordId id) const noexcept {
    return id < first_masks_.size() ? first_masks_[id] : empty_mask_;
  }
  /// Indices (into entries()) of the entries starting with word `first`,
  /// longest first.
  const std::vector<std::uint32_t>& entries_from(WordId first) const noexcept {
    return first < by_first_.size() ? by_first_[first] : no_entries_;
  }
  const std::vector<LexiconEntry>& entries() const noexcept { return entries_; }
  /// Entries holding class `c`, in file order.
  std::vector<const LexiconEntry*> entries_of(WordClass c) const;
  /// The texts (words joined by one space) of the entries of class `c`, in
  /// file order: for a stage that keeps a class as strings.
  std::vector<std::string> entry_texts(WordClass c) const;

 private:
  WordId intern(std::string_view word);
  void load_file(const std::string& name, std::string_view text);

  std::vector<std::string> class_names_;
  WordTable words_;
  std::vector<ClassMask> masks_;
  std::vector<ClassMask> first_masks_;  // per word: its entries' classes
  std::vector<LexiconEntry> entries_;
  std::vector<std::vector<std::uint32_t>> by_first_;
  WordTable entry_keys_;  // entry text -> index in entries_
  ClassMask empty_mask_;
  std::vector<std::uint32_t> no_entries_;
};

/// Word endings a pack lists as entries "-ENDING" of one class ("-ly
/// manner_suffix"): a stage tests how a word ends, not the whole word.
class SuffixList {
 public:
  SuffixList() = default;
  /// The entries of class `c` in `vocabulary`; throws quotelink::error
  /// (naming the entry's file and line) for one not written "-ENDING".
  SuffixList(const Vocabulary& vocabulary, WordClass c);
  /// True when lower-case `word` ends with one of the endings after a stem
  /// of at least `min_stem` bytes.
  bool ends(std::string_view word, std::size_t min_stem) const noexcept;

 private:
  std::vector<std::string> endings_;
};

/// The lower-cased form of a word as the lexicon keys it: Unicode lower case,
/// NFC, the typographic apostrophe U+2019 as "'". ASCII needs no ICU call.
/// Writes into `*out` (cleared first) to reuse its memory.
void lexicon_key(std::string_view word, std::string* out);

/// `lower` without a possessive ending ("russia's" -> "russia", "koreas'"
/// -> "koreas").
inline std::string_view strip_possessive(std::string_view lower) noexcept {
  if (lower.size() > 2 && lower[lower.size() - 2] == '\'' &&
      lower.back() == 's')
    lower.remove_suffix(2);
  else if (!lower.empty() && lower.back() == '\'')
    lower.remove_suffix(1);
  return lower;
}

/// True when `lower` ends in a possessive "'s" or "'".
inline bool has_possessive(std::string_view lower) noexcept {
  return (lower.size() > 2 && lower[lower.size() - 2] == '\'' &&
          lower.back() == 's') ||
         (lower.size() > 1 && lower.back() == '\'');
}

}  // namespace quotelink::detail
