#include "entities.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "scratch.h"
#include "unicode.h"
#include "vocabulary.h"

namespace quotelink::detail {

namespace {

// How far back (in mentions) anaphors and nominals look for an antecedent.
constexpr int kWindow = 60;

// A person's name key: the lower-cased parts of its words split at hyphens,
// spaces and dots ("Kim Jong-Un" -> kim jong un), each part an id of
// `parts` (the document's part strings, numbered as met), so that keys
// compare as integers. The keys of a document's names lie in one pool; a key
// is a run of it.
struct NameKey {
  const int* first = nullptr;
  std::size_t size = 0;
  const int* begin() const { return first; }
  const int* end() const { return first + size; }
  int front() const { return first[0]; }
  int back() const { return first[size - 1]; }
  bool operator==(const NameKey& other) const {
    return size == other.size && std::equal(begin(), end(), other.begin());
  }
};

// Appends the part ids of the name key of `name` (a name's words, one space
// apart) to `pool`; returns how many.
// `buffer` is kept over the calls (it holds the lower-cased name).
std::size_t add_name_key(std::string_view name, WordTable* parts,
                         std::vector<int>* pool, std::string* buffer) {
  const std::size_t before = pool->size();
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  if (ascii) {  // what to_lower gives, into the kept buffer
    buffer->assign(name);
    for (char& c : *buffer)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    *buffer = to_lower(name);
  }
  const std::string& lower = *buffer;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= lower.size(); ++i) {
    if (i < lower.size() && lower[i] != '-' && lower[i] != ' ' &&
        lower[i] != '.')
      continue;
    if (i > start)
      pool->push_back(static_cast<int>(
          parts->intern(std::string_view(lower).substr(start, i - start))));
    start = i + 1;
  }
  return pool->size() - before;
}

// True when `small` is a contiguous run of `big`.
bool contains_run(const NameKey& big, const NameKey& small) {
  if (small.size == 0 || small.size > big.size) return false;
  return std::search(big.begin(), big.end(), small.begin(), small.end()) !=
         big.end();
}

std::string initials(std::string_view name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (c == ' ' || c == '-') {
      start = true;
    } else {
      if (start && c >= 'A' && c <= 'Z') out += c;
      start = false;
    }
  }
  return out;
}

bool personal(const SpeakerMention& m) {
  return m.mention.kind == MentionKind::name ||
         (m.mention.kind == MentionKind::role && !m.plural);
}

class Clusterer {
 public:
  Clusterer(std::string_view text, const std::vector<SpeakerMention>& ms,
            const MentionTables& tables,
            const std::map<std::string, std::string>& aliases, Scratch* scratch)
      : text_(text),
        ms_(ms),
        tables_(tables),
        aliases_(aliases),
        scratch_(scratch),
        borrowed_(scratch, {&key_pool_, &rank_}),
        borrowed_sizes_(scratch, {&names_, &organisations_, &tested_}) {
    r_.entity_of.assign(ms.size(), -1);
    r_.antecedent.assign(ms.size(), -1);
    // At most one entity per mention: room for all, so that none moves.
    r_.entities.reserve(ms.size());
    joined_.reserve(ms.size());
    info_.reserve(ms.size());
    tested_.reserve(ms.size());
    // A possessive pronoun ("his") takes no room in the look-back window.
    rank_.assign(ms.size() + 1, 0);
    for (std::size_t i = 0; i < ms.size(); ++i)
      rank_[i + 1] =
          rank_[i] +
          (ms[i].possessive && ms[i].mention.kind == MentionKind::pronoun ? 0
                                                                          : 1);
    precompute_keys();
  }

  EntityResult run() {
    // Pass 1: mentions that name their referent.
    for (std::size_t i = 0; i < ms_.size(); ++i) {
      const SpeakerMention& m = ms_[i];
      if (alias(i)) continue;
      switch (m.mention.kind) {
        case MentionKind::name:
          person(i);
          break;
        case MentionKind::organisation:
          organisation(i);
          break;
        case MentionKind::place:
          place(i);
          break;
        case MentionKind::role:
          if (!m.definite && m.appositive < 0) join(i, create(i));
          break;
        default:
          break;
      }
    }
    // Pass 2: mentions that refer back (or sideways, by apposition).
    for (std::size_t i = 0; i < ms_.size(); ++i) {
      if (r_.entity_of[i] >= 0) continue;
      const SpeakerMention& m = ms_[i];
      switch (m.mention.kind) {
        case MentionKind::role:
          role(i);
          break;
        case MentionKind::document:
          document(i);
          break;
        case MentionKind::pronoun:
          pronoun(i);
          break;
        default:
          join(i, create(i));
          break;
      }
    }
    name_entities();
    return std::move(r_);
  }

 private:
  struct Info {
    // The person name key of the entity's fullest name (into keys_).
    NameKey longest_name;
    int country = -1;
    int joined = 0;         // joins so far (a mention may join twice)
    int first_joined = -1;  // the mention that joined first
    bool gov = false;
    Gender gender = Gender::unknown;  // entity_gender()
    std::string alias;
  };

  // What the look-backs compare, computed once per mention rather than once
  // per pair: a name's key, an organisation's lower-case name and initials,
  // a role's or name's title group (-1 when it has none).
  struct Keys {
    NameKey name;
    std::string lower_head;
    std::string initials;
    int title_group = -1;
  };

  void precompute_keys() {
    WordTable own_parts;
    WordTable& name_parts = scratch_ ? scratch_->words : own_parts;
    name_parts.clear();
    std::string lower;
    std::vector<std::size_t> key_start(ms_.size(), 0);
    keys_.resize(ms_.size());
    std::size_t names = 0, organisations = 0;
    for (const SpeakerMention& m : ms_) {
      names += m.mention.kind == MentionKind::name;
      organisations += m.mention.kind == MentionKind::organisation;
    }
    names_.reserve(names);
    key_pool_.reserve(2 * names);  // most names have one or two parts
    name_parts.reserve(2 * names);
    organisations_.reserve(organisations);
    for (std::size_t i = 0; i < ms_.size(); ++i) {
      const SpeakerMention& m = ms_[i];
      Keys& k = keys_[i];
      if (m.mention.kind == MentionKind::name) {
        key_start[i] = key_pool_.size();
        k.name.size =
            add_name_key(m.mention.head, &name_parts, &key_pool_, &lower);
        names_.push_back(i);
      }
      if (m.mention.kind == MentionKind::organisation) {
        organisations_.push_back(i);
        k.lower_head = to_lower(m.mention.head);
        k.initials = initials(m.mention.head);
      }
      const CompactString& title =
          m.mention.kind == MentionKind::name ? m.title : m.role;
      if (!title.empty()) k.title_group = role_group_of(tables_, title);
    }
    // The pool is whole: the name keys may point into it.
    for (std::size_t i = 0; i < ms_.size(); ++i)
      keys_[i].name.first = key_pool_.data() + key_start[i];
  }

  // The entity of country c's government, or -1.
  int gov_entity(int c) const {
    for (const auto& [country, e] : gov_entity_)
      if (country == c) return e;
    return -1;
  }
  void add_gov(int c, int e) {
    if (gov_entity(c) < 0) gov_entity_.emplace_back(c, e);
  }

  // True when mention j is at most kWindow counted mentions before i.
  bool within(std::size_t i, std::size_t j) const {
    return rank_[i] - rank_[j] <= kWindow;
  }
  int create(std::size_t i) {
    r_.entities.emplace_back();
    info_.emplace_back();
    tested_.push_back(0);
    info_.back().country = ms_[i].country;
    return static_cast<int>(r_.entities.size()) - 1;
  }
  void join(std::size_t i, int e) {
    r_.entity_of[i] = e;
    joined_.push_back({e, static_cast<int>(i)});
    const SpeakerMention& m = ms_[i];
    Info& info = info_[e];
    if (info.joined++ == 0) info.first_joined = static_cast<int>(i);
    if (info.country < 0) info.country = m.country;
    if (info.gender == Gender::unknown &&
        (m.gender == Gender::male || m.gender == Gender::female))
      info.gender = m.gender;
    if (m.government && m.country >= 0) {
      info.gov = true;
      add_gov(m.country, e);
    }
    if (m.mention.kind == MentionKind::name) {
      const NameKey& key = keys_[i].name;
      if (key.size > info.longest_name.size) info.longest_name = key;
    }
  }
  void join_through(std::size_t i, std::size_t antecedent) {
    r_.antecedent[i] = static_cast<int>(antecedent);
    join(i, r_.entity_of[antecedent]);
  }

  bool alias(std::size_t i) {
    if (aliases_.empty()) return false;
    const Span& s = ms_[i].mention.span;
    std::string surface(text_.substr(s.begin, s.size()));
    auto it = aliases_.find(surface);
    if (it == aliases_.end()) it = aliases_.find(ms_[i].mention.head.str());
    if (it == aliases_.end()) return false;
    auto known = alias_entity_.find(it->second);
    int e = known != alias_entity_.end() ? known->second : create(i);
    info_[e].alias = it->second;
    alias_entity_[it->second] = e;
    join(i, e);
    return true;
  }

  // The earlier name mentions, nearest first; an entity met again is not
  // compared again (the match depends on the entity's key alone). A lone
  // surname that fits several full names joins the one mentioned most so
  // far, the nearest of those on a tie ("Kim" after "his father Kim
  // Jong-il" in a story about Kim Jong-un).
  void person(std::size_t i) {
    const NameKey& key = keys_[i].name;
    const bool surname = key.size == 1;
    int best = -1;
    const auto before = std::lower_bound(names_.begin(), names_.end(), i);
    for (auto it = before; it != names_.begin();) {
      const int e = r_.entity_of[*--it];
      if (e < 0 || tested_[e] == i + 1) continue;
      tested_[e] = i + 1;
      const NameKey& other = info_[e].longest_name;
      const bool match =
          surname && other.size > 1
              ? other.back() == key.front() || other.front() == key.front()
              : other == key || contains_run(other, key) ||
                    contains_run(key, other);
      if (!match || !same_gender(ms_[i].gender, info_[e].gender)) continue;
      if (!surname || other.size == 1) {  // the same name, or a full one
        if (best < 0) best = e;
        break;
      }
      if (best < 0 || info_[e].joined > info_[best].joined) best = e;
    }
    join(i, best >= 0 ? best : create(i));
  }

  // A mention's gender fits an entity's unless both are known to differ
  // ("Mrs. Clinton" is not "Bill Clinton").
  static bool same_gender(Gender mention, Gender entity) {
    const auto known = [](Gender g) {
      return g == Gender::male || g == Gender::female;
    };
    return !known(mention) || !known(entity) || mention == entity;
  }

  void organisation(std::size_t i) {
    const SpeakerMention& m = ms_[i];
    if (m.government && m.country >= 0) {
      const int g = gov_entity(m.country);
      if (g >= 0) {
        join(i, g);
        return;
      }
    }
    const bool nominal = !m.role.empty();
    const Keys& mine = keys_[i];
    const std::string_view surface =
        text_.substr(m.mention.span.begin, m.mention.span.size());
    const auto before =
        std::lower_bound(organisations_.begin(), organisations_.end(), i);
    for (auto it = before; it != organisations_.begin();) {
      const std::size_t j = *--it;
      int e = r_.entity_of[j];
      const SpeakerMention& o = ms_[j];
      if (e < 0) continue;
      const Keys& other = keys_[j];
      bool match = other.lower_head == mine.lower_head ||
                   (m.head_word.size() >= 2 && other.initials == surface) ||
                   mine.initials == o.mention.head;
      if (!match && nominal && (m.definite || m.possessive) && within(i, j))
        match = o.head_word == m.head_word &&
                (m.country < 0 || o.country < 0 || m.country == o.country);
      if (match) {
        r_.antecedent[i] = nominal ? static_cast<int>(j) : -1;
        join(i, e);
        return;
      }
    }
    join(i, create(i));
  }

  void place(std::size_t i) {
    int c = ms_[i].country;
    int g = gov_entity(c);
    if (g < 0) {
      // A government body of that country later in the text still counts.
      for (std::size_t j = i + 1; j < ms_.size(); ++j)
        if (ms_[j].mention.kind == MentionKind::organisation &&
            ms_[j].government && ms_[j].country == c) {
          int e = create(j);
          join(j, e);
          break;
        }
      g = gov_entity(c);
    }
    if (g >= 0) {
      join(i, g);
      return;
    }
    int e = create(i);
    join(i, e);
    add_gov(c, e);
  }

  void role(std::size_t i) {
    const SpeakerMention& m = ms_[i];
    if (m.appositive >= 0) {
      std::size_t p = static_cast<std::size_t>(m.appositive);
      if (r_.entity_of[p] < 0) join(p, create(p));
      join_through(i, p);
      return;
    }
    const int group = keys_[i].title_group;
    for (std::size_t j = i; j-- > 0 && within(i, j);) {
      const SpeakerMention& o = ms_[j];
      if (r_.entity_of[j] < 0 || o.plural != m.plural) continue;
      if (o.mention.kind != MentionKind::role &&
          o.mention.kind != MentionKind::name)
        continue;
      if (m.country >= 0 && info_[r_.entity_of[j]].country >= 0 &&
          m.country != info_[r_.entity_of[j]].country)
        continue;
      bool match =
          o.mention.kind == MentionKind::role && o.head_word == m.head_word;
      const CompactString& title =
          o.mention.kind == MentionKind::name ? o.title : o.role;
      if (!match && !title.empty()) {
        const std::string_view last =
            std::string_view(title).substr(title.rfind(' ') + 1);
        match = last == m.head_word ||
                (group >= 0 && keys_[j].title_group == group);
      }
      if (match) {
        join_through(i, j);
        return;
      }
    }
    join(i, create(i));
  }

  void document(std::size_t i) {
    const SpeakerMention& m = ms_[i];
    if (m.owner >= 0 && r_.entity_of[m.owner] >= 0) {
      join_through(i, static_cast<std::size_t>(m.owner));
      return;
    }
    if (m.country >= 0) {
      const int g = gov_entity(m.country);
      if (g >= 0) {
        r_.antecedent[i] = info_[g].first_joined;
        join(i, g);
        return;
      }
    }
    if (m.definite) {
      for (std::size_t j = i; j-- > 0 && within(i, j);) {
        if (ms_[j].mention.kind == MentionKind::document &&
            r_.entity_of[j] >= 0 && ms_[j].head_word == m.head_word) {
          join_through(i, j);
          return;
        }
      }
    }
    join(i, create(i));
  }

  void pronoun(std::size_t i) {
    const SpeakerMention& m = ms_[i];
    if (!m.anaphor) return;  // "I", "we": the speaker is the quote's own
    // Subjects of the last sentences first (centering), then any mention.
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t j = i; j-- > 0 && within(i, j);) {
        const SpeakerMention& o = ms_[j];
        if (pass == 0 && o.sentence < m.sentence - 2) break;
        if ((pass == 0 && !o.subject) || !compatible(m, j)) continue;
        join_through(i, j);
        return;
      }
    }
  }

  bool compatible(const SpeakerMention& m, std::size_t j) const {
    const SpeakerMention& o = ms_[j];
    if (r_.entity_of[j] < 0 || o.mention.kind == MentionKind::pronoun)
      return false;
    if (m.plural)
      return o.plural || o.mention.kind == MentionKind::organisation ||
             o.mention.kind == MentionKind::place;
    if (m.gender == Gender::neuter)
      return o.mention.kind == MentionKind::organisation ||
             o.mention.kind == MentionKind::document ||
             o.mention.kind == MentionKind::place;
    Gender g = entity_gender(r_.entity_of[j]);
    return personal(o) && (g == Gender::unknown || g == m.gender);
  }

  // The gender of the entity's first mention (in joining order) that is male
  // or female, kept by join().
  Gender entity_gender(int e) const { return info_[e].gender; }

  // Each entity's mentions, in text order (a mention joined twice is listed
  // twice): sized once from the join counts.
  void fill_mentions() {
    for (std::size_t e = 0; e < r_.entities.size(); ++e)
      r_.entities[e].mentions.reserve(
          static_cast<std::size_t>(info_[e].joined));
    for (const Joined& j : joined_)
      r_.entities[j.entity].mentions.push_back(j.mention);
    for (Entity& entity : r_.entities)
      std::sort(entity.mentions.begin(), entity.mentions.end());
  }

  void name_entities() {
    fill_mentions();
    for (std::size_t e = 0; e < r_.entities.size(); ++e) {
      Entity& entity = r_.entities[e];
      bool person = false, org = false, group = false, doc = false;
      // Views of the mentions' heads and the country names: one copy, the
      // chosen one.
      std::string_view name, org_name, place_name, role_name, doc_name;
      bool org_named = false;
      int name_words = 0;
      bool name_headline = true;
      for (int k : entity.mentions) {
        const SpeakerMention& m = ms_[k];
        switch (m.mention.kind) {
          case MentionKind::name:
            person = true;
            // A name from prose beats one from a title-case headline, then
            // the name of more words.
            if (std::make_pair(!m.headline, m.name_word_count) >
                std::make_pair(!name_headline, name_words)) {
              name_words = m.name_word_count;
              name_headline = m.headline;
              name = m.mention.head;
            }
            break;
          case MentionKind::organisation:
          case MentionKind::place:
            org = true;
            // Organisation names beat nominals, which beat country names.
            if (m.mention.kind == MentionKind::place) {
              if (place_name.empty())
                place_name = tables_.countries.names[m.country];
            } else if (m.role.empty()) {
              if (org_name.empty() || !org_named) org_name = m.mention.head;
              org_named = true;
            } else if (org_name.empty()) {
              org_name = m.mention.head;
            }
            break;
          case MentionKind::role:
            (m.plural ? group : person) = true;
            if (m.mention.head.size() > role_name.size())
              role_name = m.mention.head;
            break;
          case MentionKind::document:
            doc = true;
            if (doc_name.empty()) doc_name = m.mention.head;
            break;
          case MentionKind::pronoun:
            break;
        }
      }
      if (!info_[e].alias.empty())
        entity.name = info_[e].alias;
      else if (!name.empty())
        entity.name = name;
      else if (!org_name.empty())
        entity.name = org_name;
      else if (!place_name.empty())
        entity.name = place_name;
      else if (!role_name.empty())
        entity.name = role_name;
      else
        entity.name = doc_name;
      if (!name.empty() || (person && !org))
        entity.type = EntityType::person;
      else if (org)
        entity.type = EntityType::organisation;
      else if (group)
        entity.type = EntityType::group;
      else if (doc)
        entity.type = EntityType::unknown;
    }
  }

  std::string_view text_;
  const std::vector<SpeakerMention>& ms_;
  const MentionTables& tables_;
  const std::map<std::string, std::string>& aliases_;
  EntityResult r_;
  // Each join, in joining order: fill_mentions() lists them per entity.
  struct Joined {
    int entity;
    int mention;
  };
  std::vector<Joined> joined_;
  std::vector<Info> info_;
  std::vector<Keys> keys_;     // per mention
  std::vector<int> key_pool_;  // the name keys' part ids
  // The name and organisation mentions, in text order.
  std::vector<std::size_t> names_, organisations_;
  // Per entity: 1 + the mention whose look-back last compared it.
  std::vector<std::size_t> tested_;
  std::vector<int> rank_;  // mentions before each one, possessive pronouns
                           // not counted
  // (country, the entity of its government), the first one set per country;
  // a document names few countries, so a flat list.
  std::vector<std::pair<int, int>> gov_entity_;
  std::unordered_map<std::string, int> alias_entity_;
  Scratch* scratch_;
  BorrowedArrays borrowed_;  // after the arrays they fill
  Borrowed<std::size_t> borrowed_sizes_;
};

}  // namespace

EntityResult cluster_mentions(std::string_view text,
                              const std::vector<SpeakerMention>& mentions,
                              const MentionTables& tables,
                              const std::map<std::string, std::string>& aliases,
                              Scratch* scratch) {
  return Clusterer(text, mentions, tables, aliases, scratch).run();
}

}  // namespace quotelink::detail
