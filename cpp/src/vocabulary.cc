#include "vocabulary.h"

#include <algorithm>
#include <cstring>

#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

constexpr std::size_t kChunkBytes = 8192;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The fields of `line` separated by `sep`, each trimmed; empty ones kept.
std::vector<std::string_view> fields(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(sep, start);
    out.push_back(trim(line.substr(start, end - start)));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace

// ---- WordTable ------------------------------------------------------------

WordTable::WordTable() : slots_(64, 0) {}
WordTable::WordTable(WordTable&&) noexcept = default;
WordTable& WordTable::operator=(WordTable&&) noexcept = default;
WordTable::~WordTable() = default;

std::uint64_t WordTable::hash(std::string_view word) noexcept {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

WordId WordTable::find(std::string_view word, std::uint64_t h) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const WordId slot = slots_[i];
    if (slot == 0) return kNoWord;
    if (hashes_[slot - 1] == h && words_[slot - 1] == word) return slot - 1;
  }
}

WordId WordTable::intern(std::string_view word, std::uint64_t h) {
  const WordId found = find(word, h);
  if (found != kNoWord) return found;
  if ((words_.size() + 1) * 2 > slots_.size()) grow();
  const auto id = static_cast<WordId>(words_.size());
  words_.push_back(store(word));
  hashes_.push_back(h);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = id + 1;
  return id;
}

void WordTable::reserve(std::size_t words) {
  words_.reserve(words);
  hashes_.reserve(words);
  std::size_t slots = slots_.size();
  while (slots < words * 2) slots *= 2;
  if (slots == slots_.size()) return;
  slots_.assign(slots, 0);
  const std::size_t mask = slots - 1;
  for (std::size_t id = 0; id < words_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<WordId>(id + 1);
  }
}

void WordTable::grow() {
  std::vector<WordId> slots(slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t id = 0; id < words_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = static_cast<WordId>(id + 1);
  }
  slots_ = std::move(slots);
}

std::string_view WordTable::store(std::string_view word) {
  if (word.empty()) return {};
  if (word.size() > kChunkBytes) {  // a block of its own
    oversized_.push_back(std::make_unique<char[]>(word.size()));
    std::memcpy(oversized_.back().get(), word.data(), word.size());
    return {oversized_.back().get(), word.size()};
  }
  if (chunks_in_use_ == 0 || chunk_used_ + word.size() > kChunkBytes) {
    if (chunks_in_use_ == chunks_.size())
      chunks_.push_back(std::make_unique<char[]>(kChunkBytes));
    ++chunks_in_use_;
    chunk_used_ = 0;
  }
  char* data = chunks_[chunks_in_use_ - 1].get() + chunk_used_;
  std::memcpy(data, word.data(), word.size());
  chunk_used_ += word.size();
  return {data, word.size()};
}

void WordTable::clear() {
  words_.clear();
  hashes_.clear();
  if (slots_.empty()) slots_.assign(64, 0);  // moved from: usable again
  std::fill(slots_.begin(), slots_.end(), 0);
  oversized_.clear();
  chunks_in_use_ = 0;
  chunk_used_ = 0;
}

// ---- LexiconEntry -----------------------------------------------------------

std::string_view LexiconEntry::attribute(std::string_view key) const noexcept {
  for (const auto& [k, v] : attributes)
    if (k == key) return v;
  return {};
}

// ---- Vocabulary -------------------------------------------------------------

Vocabulary::Vocabulary(const std::vector<std::string_view>& declared) {
  for (std::string_view name : declared)
    if (std::find(class_names_.begin(), class_names_.end(), name) ==
        class_names_.end())
      class_names_.emplace_back(name);
  if (class_names_.size() > kMaxClasses)
    throw error("lexicon: more than " + std::to_string(kMaxClasses) +
                " word classes declared");
}

WordClass Vocabulary::word_class(std::string_view name) const {
  for (std::size_t i = 0; i < class_names_.size(); ++i)
    if (class_names_[i] == name) return WordClass{static_cast<std::uint8_t>(i)};
  throw error("lexicon: no word class named '" + std::string(name) + "'");
}

WordId Vocabulary::intern(std::string_view word) {
  const WordId id = words_.intern(word);
  if (id >= masks_.size()) {
    masks_.resize(id + 1);
    first_masks_.resize(id + 1);
    by_first_.resize(id + 1);
  }
  return id;
}

namespace {

// The keyed words of `entry` joined by one space: the entry's identity.
std::string entry_key(std::string_view entry) {
  std::string key, normal;
  for (std::string_view word : fields(entry, ' ')) {
    if (word.empty()) continue;
    lexicon_key(word, &key);
    if (!normal.empty()) normal += ' ';
    normal += key;
  }
  return normal;
}

}  // namespace

int Vocabulary::find_entry(std::string_view entry) const {
  const WordId index = entry_keys_.find(entry_key(entry));
  return index == kNoWord ? -1 : static_cast<int>(index);
}

void Vocabulary::add_entry(
    std::string_view entry, const std::vector<WordClass>& classes,
    std::vector<std::pair<std::string, std::string>> attributes,
    std::string where) {
  std::string key;
  std::vector<WordId> words;
  std::string normal;  // the entry's words, keyed, joined by one space
  for (std::string_view word : fields(entry, ' ')) {
    if (word.empty()) continue;
    lexicon_key(word, &key);
    words.push_back(intern(key));
    if (!normal.empty()) normal += ' ';
    normal += key;
  }
  if (words.empty()) throw error(where + ": empty entry");
  WordId index = entry_keys_.intern(normal);
  if (index == entries_.size()) {
    LexiconEntry fresh;
    fresh.words = std::move(words);
    fresh.where = std::move(where);
    entries_.push_back(std::move(fresh));
    by_first_[entries_[index].words[0]].push_back(index);
  }
  LexiconEntry& e = entries_[index];
  for (WordClass c : classes) e.classes.add(c);
  for (auto& attribute : attributes)  // each key keeps its first value
    if (e.attribute(attribute.first).empty())
      e.attributes.push_back(std::move(attribute));
  if (e.words.size() == 1) masks_[e.words[0]] |= e.classes;
  first_masks_[e.words[0]] |= e.classes;
}

void Vocabulary::finish() {
  for (std::vector<std::uint32_t>& list : by_first_)
    std::stable_sort(
        list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
          return entries_[a].words.size() > entries_[b].words.size();
        });
}

std::vector<const LexiconEntry*> Vocabulary::entries_of(WordClass c) const {
  std::vector<const LexiconEntry*> out;
  for (const LexiconEntry& e : entries_)
    if (e.classes.has(c)) out.push_back(&e);
  return out;
}

void Vocabulary::load_pack(std::string_view pack, const PackReader& read) {
  const std::string prefix = std::string(pack) + "/";
  std::optional<std::string> index = read("pack.txt");
  if (!index)
    throw error("lexicon: language pack '" + std::string(pack) +
                "' has no pack.txt");
  for (std::string_view line : fields(*index, '\n')) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::string name(line);
    std::optional<std::string> text = read(name);
    if (!text)
      throw error("lexicon: " + prefix + "pack.txt lists '" + name +
                  "', which the pack does not hold");
    load_file(prefix + name, *text);
  }
  finish();
}

void Vocabulary::load_file(const std::string& name, std::string_view text) {
  std::size_t number = 0;
  for (std::string_view line : fields(text, '\n')) {
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::string where = name + ":" + std::to_string(number);
    std::vector<std::string_view> cols = fields(line, '\t');
    if (cols.size() < 2 || cols[0].empty() || cols[1].empty())
      throw error("lexicon: " + where +
                  ": expected ENTRY<TAB>CLASS[,CLASS...][<TAB>KEY=VALUE...]");
    std::vector<WordClass> classes;
    for (std::string_view c : fields(cols[1], ',')) {
      try {
        classes.push_back(word_class(c));
      } catch (const error&) {
        throw error("lexicon: " + where + ": unknown class '" + std::string(c) +
                    "'");
      }
    }
    std::vector<std::pair<std::string, std::string>> attributes;
    for (std::size_t i = 2; i < cols.size(); ++i) {
      const std::size_t eq = cols[i].find('=');
      if (eq == std::string_view::npos || eq == 0)
        throw error("lexicon: " + where + ": attribute '" +
                    std::string(cols[i]) + "' is not KEY=VALUE");
      attributes.emplace_back(cols[i].substr(0, eq), cols[i].substr(eq + 1));
    }
    add_entry(cols[0], classes, std::move(attributes), where);
  }
}

// ---- word forms -------------------------------------------------------------

namespace {

// True when the three bytes at word[i] encode a code point of U+2010..U+205F
// (dashes, quotation marks, apostrophes, the ellipsis, ...): none has a case
// mapping or a canonical decomposition and none combines, so lower case and
// NFC leave them as they are.
bool general_punctuation_at(std::string_view word, std::size_t i) {
  if (i + 2 >= word.size() || static_cast<unsigned char>(word[i]) != 0xE2)
    return false;
  const auto second = static_cast<unsigned char>(word[i + 1]);
  const auto third = static_cast<unsigned char>(word[i + 2]);
  if (third < 0x80 || third > 0xBF) return false;
  return (second == 0x80 && third >= 0x90) ||  // U+2010..U+203F
         (second == 0x81 && third <= 0x9F);    // U+2040..U+205F
}

// True when the three bytes at word[i] are U+2019, the typographic
// apostrophe.
bool apostrophe_at(std::string_view word, std::size_t i) {
  return static_cast<unsigned char>(word[i + 1]) == 0x80 &&
         static_cast<unsigned char>(word[i + 2]) == 0x99;
}

}  // namespace

void lexicon_key(std::string_view word, std::string* out) {
  out->clear();
  // ASCII and general punctuation need no ICU call: ASCII letters lower-cased
  // in place, U+2019 written as "'".
  bool plain = true;
  bool apostrophe = false;  // a U+2019 to replace
  for (std::size_t i = 0; i < word.size() && plain; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) continue;
    if (general_punctuation_at(word, i)) {
      apostrophe = apostrophe || apostrophe_at(word, i);
      i += 2;
      continue;
    }
    plain = false;
  }
  if (!plain) {
    *out = to_lower(word);
    apostrophe = true;  // look for it in the lower-cased form
  } else {
    out->assign(word);
    for (char& c : *out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (!apostrophe) return;
  for (std::size_t pos; (pos = out->find("\xE2\x80\x99")) != std::string::npos;)
    out->replace(pos, 3, "'");
}

std::vector<std::string> Vocabulary::entry_texts(WordClass c) const {
  std::vector<std::string> out;
  for (const LexiconEntry* entry : entries_of(c)) {
    std::string text;
    for (WordId w : entry->words) (text += text.empty() ? "" : " ") += word(w);
    out.push_back(std::move(text));
  }
  return out;
}

SuffixList::SuffixList(const Vocabulary& vocabulary, WordClass c) {
  for (const LexiconEntry* entry : vocabulary.entries_of(c)) {
    const std::string_view word =
        entry->words.size() == 1 ? vocabulary.word(entry->words[0]) : "";
    if (word.size() < 2 || word[0] != '-')
      throw error(entry->where + ": a suffix is written -ENDING");
    endings_.emplace_back(word.substr(1));
  }
}

bool SuffixList::ends(std::string_view word,
                      std::size_t min_stem) const noexcept {
  for (const std::string& ending : endings_)
    if (word.size() >= ending.size() + min_stem &&
        word.compare(word.size() - ending.size(), ending.size(), ending) == 0)
      return true;
  return false;
}

}  // namespace quotelink::detail
