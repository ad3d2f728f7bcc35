// Corpus: per-document keys (link_keys) and their incremental reduction into
// global entities and quotation clusters (Corpus::add_keys).
#include "quotelink/corpus.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "name_keys.h"
#include "quote_clusters.h"
#include "quotelink/error.h"

namespace quotelink {

namespace {

using detail::KeyKind;
using detail::NameKey;
using detail::NameTables;

bool has_kind(const Document& doc, const Entity& entity, MentionKind kind) {
  return std::any_of(
      entity.mentions.begin(), entity.mentions.end(), [&](int m) {
        return m >= 0 && static_cast<std::size_t>(m) < doc.mentions.size() &&
               doc.mentions[m].kind == kind;
      });
}

// The key of a person: the full name most of its name mentions agree on, so
// that one noisy mention chosen as the canonical name (a headline's "Kim Jong
// Un Planning") does not decide; ties go to the entity's own name.
NameKey person_by_mentions(const Document& doc, const Entity& entity,
                           const NameTables& tables) {
  NameKey own = detail::person_key(entity.name, tables);
  // The name mentions' texts, each once with its count: a name is mostly
  // repeated as written ("Lavrov" ten times), and its key is the same.
  std::vector<std::pair<std::string_view, int>> texts;
  for (int m : entity.mentions) {
    if (m < 0 || static_cast<std::size_t>(m) >= doc.mentions.size()) continue;
    const Mention& mention = doc.mentions[m];
    if (mention.kind != MentionKind::name || mention.span.end > doc.text.size())
      continue;
    const std::string_view text = doc.slice(mention.span);
    auto it = std::find_if(texts.begin(), texts.end(),
                           [&](const auto& t) { return t.first == text; });
    if (it == texts.end()) {
      texts.emplace_back(text, 1);
    } else {
      ++it->second;
    }
  }
  std::vector<std::pair<NameKey, int>> votes;
  for (const auto& [text, count] : texts) {
    NameKey key = detail::person_key(text, tables);
    if (key.kind != KeyKind::person) continue;
    auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) {
      return v.first.key == key.key;
    });
    if (it == votes.end()) {
      votes.emplace_back(std::move(key), count);
    } else {
      it->second += count;
    }
  }
  const std::pair<NameKey, int>* best = nullptr;
  int own_votes = 0;
  for (const auto& v : votes) {
    if (v.first.key == own.key) own_votes = v.second;
    if (!best || v.second > best->second) best = &v;
  }
  if (!best || best->second <= own_votes) return own;
  return best->first;
}

// The key of one document entity before in-document resolution. Entities
// known only through roles, pronouns or documents ("the official", "he",
// "the resolution") are never linked across documents: the same words name
// different speakers in different articles.
NameKey entity_key(const Document& doc, const Entity& entity,
                   const NameTables& tables) {
  const bool by_name = has_kind(doc, entity, MentionKind::name);
  const bool by_org = has_kind(doc, entity, MentionKind::organisation) ||
                      has_kind(doc, entity, MentionKind::place);
  const bool linkable = entity.mentions.empty() || by_name || by_org;
  if (!linkable) return {};
  // A country typed as a person ("North Korea said") is its government.
  if (detail::is_country(entity.name, tables))
    return detail::organisation_key(entity.name, tables);
  switch (entity.type) {
    case EntityType::person:
      return person_by_mentions(doc, entity, tables);
    case EntityType::organisation:
    case EntityType::group:
      return detail::organisation_key(entity.name, tables);
    case EntityType::unknown:
      break;
  }
  if (by_org && !by_name) return detail::organisation_key(entity.name, tables);
  NameKey person = detail::person_key(entity.name, tables);
  return person.kind != KeyKind::none
             ? person
             : detail::organisation_key(entity.name, tables);
}

struct TextWord {
  std::string_view text;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool spaced_before = false;  // only spaces (no punctuation) before it
};

// The words of `text` separated by white space, hyphens kept inside words,
// with surrounding punctuation stripped. Enough to read the capitalised run
// around a surname.
std::vector<TextWord> text_words(std::string_view text) {
  std::vector<TextWord> words;
  std::size_t i = 0;
  bool clean_gap = true;
  while (i < text.size()) {
    std::size_t end = text.find_first_of(" \t\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view token = text.substr(i, end - i);
    std::size_t lead = 0;
    while (lead < token.size() && std::strchr("\"'([{", token[lead])) ++lead;
    std::size_t trail = token.size();
    while (trail > lead && std::strchr("\"')]}.,;:!?", token[trail - 1]))
      --trail;
    if (trail > lead) {
      words.push_back({token.substr(lead, trail - lead), i + lead, i + trail,
                       clean_gap && lead == 0});
    }
    clean_gap = trail == token.size();
    i = end;
    while (i < text.size() && std::strchr(" \t\r\n", text[i])) ++i;
  }
  return words;
}

// A capitalised word that can be part of a person's name.
bool name_like(std::string_view word, const NameTables& tables) {
  if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  if (word.find('\'') != std::string_view::npos) return false;  // Russia's
  std::vector<detail::NameWord> folded = detail::name_words(word);
  if (folded.empty()) return false;
  std::string country;
  if (tables.countries.match(folded, 0, &country)) return false;
  for (const auto& w : folded)
    if (tables.titles.count(w.text) || tables.not_name_words.count(w.text))
      return false;
  return true;
}

// Full names around the occurrences of `surname` in the text: capitalised
// runs ending in it ("Vladimir Putin") or starting with it ("Kim Jong Un").
std::vector<NameKey> full_names_in_text(std::string_view text,
                                        const std::vector<TextWord>& words,
                                        const NameKey& surname,
                                        const NameTables& tables) {
  std::vector<NameKey> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].text != surname.display) continue;
    std::size_t first = i;
    while (first > 0 && words[first].spaced_before && first - 1 + 4 > i &&
           name_like(words[first - 1].text, tables))
      --first;
    std::size_t last = i;
    if (first == i) {
      while (last + 1 < words.size() && words[last + 1].spaced_before &&
             last + 1 < i + 4 && name_like(words[last + 1].text, tables))
        ++last;
    }
    if (first == last) continue;
    NameKey key = detail::person_key(
        text.substr(words[first].begin, words[last].end - words[first].begin),
        tables);
    if (key.kind == KeyKind::person) out.push_back(std::move(key));
  }
  return out;
}

// Resolves a surname-only key inside its document: the unique full name in
// the document whose first or last word is the surname, from the document's
// other entities first, then from the text.
void resolve_surname(NameKey& key, const std::vector<NameKey>& others,
                     std::string_view text, std::vector<TextWord>* words,
                     const NameTables& tables) {
  const std::string& word = key.words.front();
  auto pick = [&](const std::vector<NameKey>& candidates) {
    const NameKey* found = nullptr;
    for (const NameKey& c : candidates) {
      if (c.kind != KeyKind::person) continue;
      if (c.words.front() != word && c.words.back() != word) continue;
      if (found && found->key != c.key) return false;  // ambiguous: Kim
      found = &c;
    }
    if (!found) return false;
    key = *found;
    return true;
  };
  if (pick(others)) return;
  if (!text.empty()) {
    // The text's words are read once per document, on first need.
    if (words->empty()) *words = text_words(text);
    std::vector<NameKey> from_text =
        full_names_in_text(text, *words, key, tables);
    // Another name than the surname's own entity may share it (Kim Jong-il
    // beside Kim Jong-un): any disagreement leaves it unresolved.
    pick(from_text);
  }
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_u64(std::string& out, std::uint64_t v) {
  put_u32(out, static_cast<std::uint32_t>(v));
  put_u32(out, static_cast<std::uint32_t>(v >> 32));
}
void put_string(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(
               static_cast<unsigned char>(data_[pos_ + i]))
           << (8 * i);
    pos_ += 4;
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t low = u32();
    return low | static_cast<std::uint64_t>(u32()) << 32;
  }
  std::string str() {
    std::uint32_t n = u32();
    need(n);
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items each at least `min_bytes` long: bounded by the data left.
  std::uint32_t count(std::size_t min_bytes) {
    std::uint32_t n = u32();
    if (static_cast<std::uint64_t>(n) * min_bytes > data_.size() - pos_) fail();
    return n;
  }
  bool done() const { return pos_ == data_.size(); }
  [[noreturn]] void fail() const {
    throw error("malformed DocumentKeys data (truncated or corrupt)", pos_);
  }

 private:
  void need(std::size_t n) const {
    if (data_.size() - pos_ < n) fail();
  }
  std::string_view data_;
  std::size_t pos_ = 0;
};

constexpr std::uint32_t kKeysMagic = 0x314B4C51;  // "QLK1"

}  // namespace

std::string DocumentKeys::serialize() const {
  std::string out;
  put_u32(out, kKeysMagic);
  put_string(out, id);
  put_u32(out, static_cast<std::uint32_t>(entities.size()));
  for (const EntityKeys& e : entities) {
    put_string(out, e.name);
    put_u32(out, static_cast<std::uint32_t>(e.type));
    put_string(out, e.key);
    put_u32(out, static_cast<std::uint32_t>(e.mentions));
    put_u32(out, static_cast<std::uint32_t>(e.aliases.size()));
    for (const std::string& a : e.aliases) put_string(out, a);
  }
  put_u32(out, static_cast<std::uint32_t>(quotes.size()));
  for (const QuoteKeys& q : quotes) {
    put_u64(out, q.exact);
    put_u32(out, q.words);
    put_string(out, q.text);
    put_u32(out, static_cast<std::uint32_t>(q.entity));
    put_u32(out, static_cast<std::uint32_t>(q.shingles.size()));
    for (std::uint32_t s : q.shingles) put_u32(out, s);
  }
  return out;
}

DocumentKeys DocumentKeys::deserialize(std::string_view data) {
  Reader in(data);
  if (in.u32() != kKeysMagic) in.fail();
  DocumentKeys keys;
  keys.id = in.str();
  keys.entities.resize(in.count(20));
  for (EntityKeys& e : keys.entities) {
    e.name = in.str();
    std::uint32_t type = in.u32();
    if (type > static_cast<std::uint32_t>(EntityType::unknown)) in.fail();
    e.type = static_cast<EntityType>(type);
    e.key = in.str();
    e.mentions = static_cast<int>(in.u32());
    e.aliases.resize(in.count(4));
    for (std::string& a : e.aliases) a = in.str();
  }
  keys.quotes.resize(in.count(24));
  for (QuoteKeys& q : keys.quotes) {
    q.exact = in.u64();
    q.words = in.u32();
    q.text = in.str();
    q.entity = static_cast<int>(in.u32());
    if (q.entity < -1 || q.entity >= static_cast<int>(keys.entities.size()))
      in.fail();
    q.shingles.resize(in.count(4));
    for (std::uint32_t& s : q.shingles) s = in.u32();
  }
  if (!in.done()) in.fail();
  return keys;
}

namespace {

// The cross-document view of entity `i` of `doc`, whose key is `name`;
// `with_aliases`: also its distinct mention texts (a Corpus's aliases).
EntityKeys entity_keys_of(const Document& doc, std::size_t i,
                          const NameKey& name, bool with_aliases) {
  const Entity& entity = doc.entities[i];
  EntityKeys e;
  e.type = entity.type;
  e.key = name.key;
  e.name = name.kind == KeyKind::person || name.kind == KeyKind::surname
               ? name.display
               : entity.name;
  if (e.name.empty()) e.name = entity.name;
  e.mentions = static_cast<int>(entity.mentions.size());
  std::unordered_set<std::string> seen;
  auto alias = [&](std::string_view text) {
    if (with_aliases && !text.empty() && seen.emplace(text).second)
      e.aliases.emplace_back(text);
  };
  alias(entity.name);
  for (int m : entity.mentions) {
    if (m < 0 || static_cast<std::size_t>(m) >= doc.mentions.size())
      throw error("entity " + std::to_string(i) + " of document '" + doc.id +
                  "' refers to mention " + std::to_string(m) +
                  ", which does not exist");
    const Span& span = doc.mentions[m].span;
    if (span.end > doc.text.size() || span.begin > span.end)
      throw error("mention " + std::to_string(m) + " of document '" + doc.id +
                  "' lies outside the text");
    alias(doc.slice(span));
  }
  return e;
}

// The cross-document view of `quote`; `with_text`: also its text (the text
// a Corpus's clusters show).
QuoteKeys quote_keys_of(const Document& doc, const Quote& quote,
                        const LinkOptions& options, bool with_text) {
  // A mixed quotation is shared across outlets by its quoted words; the
  // reported clause around them is each outlet's own paraphrase. (A direct
  // quotation's parts are quotations nested in it: its text is shared.)
  const bool by_parts =
      quote.kind != QuoteKind::direct && !quote.quoted_parts.empty();
  std::string shared;
  if (by_parts)
    for (const Span& part : quote.quoted_parts)
      if (part.end <= doc.text.size() && part.begin <= part.end)
        shared.append(doc.slice(part)).push_back(' ');
  if (quote.span.end > doc.text.size() || quote.span.begin > quote.span.end)
    throw error("a quotation of document '" + doc.id +
                "' lies outside the text");
  const std::string_view text = doc.text_of(quote);
  QuoteKeys q = detail::quote_keys(by_parts ? std::string_view(shared) : text,
                                   options.shingle_words);
  if (with_text) q.text = text;
  if (quote.speaker >= static_cast<int>(doc.entities.size()) ||
      quote.speaker < -1)
    throw error("a quotation of document '" + doc.id + "' refers to speaker " +
                std::to_string(quote.speaker) + ", which does not exist");
  q.entity = quote.speaker;
  return q;
}

DocumentKeys document_keys(const Document& doc, const LinkOptions& options,
                           bool full) {
  const NameTables& tables = NameTables::builtin();
  DocumentKeys keys;
  keys.id = doc.id;
  std::vector<NameKey> names;
  names.reserve(doc.entities.size());
  for (const Entity& entity : doc.entities)
    names.push_back(entity_key(doc, entity, tables));
  // Surnames resolve against the full names as written, before any other
  // surname was rewritten.
  const std::vector<NameKey> full_names = names;
  std::vector<TextWord> words;
  for (NameKey& name : names)
    if (name.kind == KeyKind::surname)
      resolve_surname(name, full_names, doc.text, &words, tables);
  keys.entities.reserve(doc.entities.size());
  for (std::size_t i = 0; i < doc.entities.size(); ++i)
    keys.entities.push_back(entity_keys_of(doc, i, names[i], full));
  keys.quotes.reserve(doc.quotes.size());
  for (const Quote& quote : doc.quotes)
    keys.quotes.push_back(quote_keys_of(doc, quote, options, full));
  return keys;
}

}  // namespace

DocumentKeys link_keys(const Document& doc, const LinkOptions& options) {
  return document_keys(doc, options, /*full=*/true);
}

DocumentKeys stream_keys(const Document& doc, const LinkOptions& options) {
  return document_keys(doc, options, /*full=*/false);
}

std::size_t QuoteCluster::document_count() const {
  std::unordered_set<std::size_t> documents;
  for (const QuoteRef& q : quotes) documents.insert(q.document);
  return documents.size();
}

struct Corpus::State {
  explicit State(const LinkOptions& o)
      : options(o), clusterer(o.shingle_words, o.min_contained_words) {}

  struct Names {
    std::map<std::string, int> counts;  // display name -> occurrences
    std::unordered_set<std::string> aliases;
  };
  LinkOptions options;
  detail::QuoteClusterer clusterer;
  std::vector<GlobalEntity> entities;
  // Only linked entities (with a key) can gather names from several
  // documents; unlinked ones (roles, pronouns) stay as small as possible.
  std::unordered_map<int, Names> names;
  std::unordered_map<std::string, int> by_key;
  std::vector<std::string> document_ids;
  std::vector<std::vector<int>> document_entities;  // local -> global
  std::vector<std::vector<int>> document_clusters;  // quote -> cluster

  int entity_for(const EntityKeys& e) {
    if (!e.key.empty()) {
      auto it = by_key.find(e.key);
      if (it != by_key.end()) return it->second;
    }
    GlobalEntity g;
    g.id = static_cast<int>(entities.size());
    g.name = e.name;
    g.type = e.type;
    g.key = e.key;
    entities.push_back(std::move(g));
    if (!e.key.empty()) by_key.emplace(e.key, entities.back().id);
    return entities.back().id;
  }

  void record(int id, const EntityKeys& e, std::size_t document, int local) {
    GlobalEntity& g = entities[id];
    g.occurrences.push_back({document, local, e.mentions});
    if (g.key.empty()) {
      g.aliases = e.aliases;  // one occurrence only
      return;
    }
    Names& n = names[id];
    // The most frequent display name wins; ties keep the earliest.
    const int count = ++n.counts[e.name];
    if (e.name != g.name && count > n.counts[g.name]) g.name = e.name;
    if (g.type == EntityType::unknown) g.type = e.type;
    if (n.aliases.insert(e.name).second) g.aliases.push_back(e.name);
    for (const std::string& a : e.aliases)
      if (n.aliases.insert(a).second) g.aliases.push_back(a);
  }
};

Corpus::Corpus(LinkOptions options)
    : state_(std::make_unique<State>(options)) {}
Corpus::~Corpus() = default;
Corpus::Corpus(Corpus&&) noexcept = default;
Corpus& Corpus::operator=(Corpus&&) noexcept = default;

const LinkOptions& Corpus::options() const noexcept { return state_->options; }

std::size_t Corpus::add_document(const Document& doc) {
  return add_keys(link_keys(doc, state_->options));
}

std::size_t Corpus::add_keys(const DocumentKeys& keys) {
  State& s = *state_;
  for (const QuoteKeys& q : keys.quotes)
    if (q.entity < -1 || q.entity >= static_cast<int>(keys.entities.size()))
      throw error("DocumentKeys of '" + keys.id +
                  "': a quotation refers to a missing entity");
  const std::size_t document = s.document_ids.size();
  s.document_ids.push_back(keys.id);
  std::vector<int> local_to_global;
  local_to_global.reserve(keys.entities.size());
  for (std::size_t i = 0; i < keys.entities.size(); ++i) {
    const int id = s.entity_for(keys.entities[i]);
    s.record(id, keys.entities[i], document, static_cast<int>(i));
    local_to_global.push_back(id);
  }
  std::vector<int> clusters;
  clusters.reserve(keys.quotes.size());
  for (std::size_t i = 0; i < keys.quotes.size(); ++i)
    clusters.push_back(s.clusterer.add(keys.quotes[i],
                                       QuoteRef{document, static_cast<int>(i)},
                                       keys.quotes[i].text));
  s.document_entities.push_back(std::move(local_to_global));
  s.document_clusters.push_back(std::move(clusters));
  return document;
}

std::size_t Corpus::size() const noexcept {
  return state_->document_ids.size();
}

const std::string& Corpus::document_id(std::size_t document) const {
  if (document >= size())
    throw error("no document " + std::to_string(document) + " in a corpus of " +
                std::to_string(size()));
  return state_->document_ids[document];
}

int Corpus::entity_id(std::size_t document, int entity) const {
  document_id(document);
  if (entity == -1) return -1;
  const auto& locals = state_->document_entities[document];
  if (entity < 0 || static_cast<std::size_t>(entity) >= locals.size())
    throw error("document " + std::to_string(document) + " has no entity " +
                std::to_string(entity));
  return locals[entity];
}

int Corpus::cluster_id(std::size_t document, int quote) const {
  document_id(document);
  const auto& clusters = state_->document_clusters[document];
  if (quote < 0 || static_cast<std::size_t>(quote) >= clusters.size())
    throw error("document " + std::to_string(document) + " has no quotation " +
                std::to_string(quote));
  return state_->clusterer.find(clusters[quote]);
}

const std::vector<GlobalEntity>& Corpus::entities() const noexcept {
  return state_->entities;
}

std::vector<QuoteCluster> Corpus::quote_clusters(
    std::size_t min_documents) const {
  return state_->clusterer.clusters(min_documents);
}

}  // namespace quotelink
