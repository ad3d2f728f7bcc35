#include "attribute.h"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "entities.h"
#include "lexicon.h"
#include "model/propose_cues.h"
#include "pipeline.h"
#include "quote_kinds.h"
#include "sieves.h"

namespace quotelink::detail {

namespace {

// Contract: frees `v`'s memory now rather than at the end of its scope.
template <class T>
void free_vector(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// A speaker found through an anaphor is less certain: the sieve's confidence
// is multiplied by these.
constexpr double kResolvedPronounFactor = 0.9;     // "he", resolved
constexpr double kUnresolvedPronounFactor = 0.5;   // "he", no antecedent
constexpr double kNominalAntecedentFactor = 0.95;  // "the senator" -> a name

// "Christie announced that he would support Trump": a report inside another
// reported clause is part of the outer speaker's words, not an attribution
// of its own, unless its cue is a speech verb of `nested_verbs` ("officials
// said Kim told Putin that ..."). `reported` is in text order, enclosing
// reports first; nested ones that do not stand are removed.
void drop_nested_reports(std::vector<ReportedQuote>& reported,
                         const std::vector<CueFrame>& frames,
                         const std::vector<Cue>& cues,
                         const std::unordered_set<std::string>& nested_verbs) {
  std::vector<ReportedQuote> kept;
  kept.reserve(reported.size());
  std::size_t outer_end = 0;  // end of the enclosing report, if any
  for (ReportedQuote& r : reported) {
    const Span& s = r.quote.span;
    if (s.begin < outer_end && s.end <= outer_end) {
      const bool speech =
          r.frame >= 0 && nested_verbs.count(cues[frames[r.frame].cue].lemma);
      if (!speech) continue;
    } else {
      outer_end = s.end;
    }
    kept.push_back(std::move(r));
  }
  reported = std::move(kept);
}

// Merges reported speech into doc.quotes (sorted by start) and its
// attributions into `attributions` (same order); a partial quotation inside a
// reported clause is absorbed: the mixed quotation replaces it.
// Scare quotes (`dropped`) are removed too.
void add_reported(Document& doc, std::vector<ReportedQuote> reported,
                  const std::vector<CueFrame>& frames,
                  const std::vector<Cue>& cues,
                  std::vector<Attribution>& attributions,
                  std::vector<bool> dropped,
                  const std::unordered_set<std::string>& nested_verbs) {
  drop_nested_reports(reported, frames, cues, nested_verbs);
  std::vector<bool>& absorbed = dropped;
  for (const ReportedQuote& r : reported)
    for (int q : r.absorbed) absorbed[q] = true;
  std::vector<Quote> quotes;
  std::vector<Attribution> atts;
  quotes.reserve(doc.quotes.size() + reported.size());
  atts.reserve(quotes.capacity());
  std::size_t r = 0;
  for (std::size_t q = 0; q <= doc.quotes.size(); ++q) {
    const std::size_t limit =
        q < doc.quotes.size() ? doc.quotes[q].span.begin : SIZE_MAX;
    for (; r < reported.size() && reported[r].quote.span.begin <= limit; ++r) {
      ReportedQuote& rq = reported[r];
      Attribution a;
      a.mention = rq.source;
      if (rq.frame >= 0) {  // a frameless report names its own source
        const CueFrame& f = frames[rq.frame];
        if (a.mention < 0 && !rq.sourceless) a.mention = f.source;
        a.cue = f.cue;
        a.cue_span = cues[f.cue].span;
      }
      a.sieve = std::move(rq.sieve);
      a.confidence = rq.confidence;
      quotes.push_back(std::move(rq.quote));
      atts.push_back(std::move(a));
    }
    if (q == doc.quotes.size()) break;
    if (absorbed[q]) continue;
    quotes.push_back(std::move(doc.quotes[q]));
    atts.push_back(std::move(attributions[q]));
  }
  doc.quotes = std::move(quotes);
  attributions = std::move(atts);
}

// "\"He said 'no' and then 'never',\" Jane Roe said": a quotation inside a
// direct quotation is its speaker quoting someone or marking a term, no
// attribution of its own. It leaves doc.quotes and becomes one of the outer
// quotation's quoted_parts. doc.quotes is sorted by start, enclosing first.
void fold_nested_quotes(std::vector<Quote>& quotes) {
  std::vector<Quote> kept;
  kept.reserve(quotes.size());
  std::vector<std::size_t> open;  // indices into `kept` of enclosing quotes
  for (Quote& quote : quotes) {
    while (!open.empty() && kept[open.back()].outer.end <= quote.outer.begin)
      open.pop_back();
    if (!open.empty() && kept[open.front()].kind == QuoteKind::direct &&
        kept[open.front()].outer.end >= quote.outer.end &&
        quote.kind != QuoteKind::indirect && quote.speaker < 0) {
      kept[open.front()].quoted_parts.push_back(quote.span);
      continue;
    }
    open.push_back(kept.size());
    kept.push_back(std::move(quote));
  }
  quotes = std::move(kept);
}

// Fills doc.mentions (every mention with an entity, plus pronouns that
// speak), doc.entities and each quotation's speaker, mention, cue, sieve
// label and confidence from `attributions` (same order as doc.quotes). The
// published mentions are moved out of `mentions` (their heads not copied).
void publish(Document& doc, std::vector<SpeakerMention>& mentions,
             EntityResult& entities,
             const std::vector<Attribution>& attributions) {
  std::vector<bool> speaks(mentions.size(), false);
  for (const Attribution& a : attributions)
    if (a.mention >= 0) speaks[a.mention] = true;
  std::vector<int> public_index(mentions.size(), -1);
  auto published = [&](std::size_t i) {
    return entities.entity_of[i] >= 0 || speaks[i];
  };
  std::size_t count = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) count += published(i);
  doc.mentions.reserve(doc.mentions.size() + count);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (!published(i)) continue;
    public_index[i] = static_cast<int>(doc.mentions.size());
    Mention m = std::move(mentions[i].mention);
    m.entity = entities.entity_of[i];
    doc.mentions.push_back(std::move(m));
  }
  doc.entities = std::move(entities.entities);
  for (Entity& e : doc.entities)
    for (int& k : e.mentions) k = public_index[k];

  for (std::size_t q = 0; q < doc.quotes.size(); ++q) {
    const Attribution& a = attributions[q];
    Quote& quote = doc.quotes[q];
    quote.cue = a.cue_span.value_or(Span{});
    // Reported speech names its rule even unattributed.
    quote.sieve = SieveLabel(a.sieve);
    if (a.mention < 0) continue;
    quote.mention = public_index[a.mention];
    quote.speaker = entities.entity_of[a.mention];
    quote.confidence = a.confidence;
    // Anaphors resolved through an antecedent are less certain.
    const SpeakerMention& m = mentions[a.mention];
    if (m.mention.kind == MentionKind::pronoun) {
      quote.sieve += "+pronoun";
      quote.confidence *= quote.speaker >= 0 ? kResolvedPronounFactor
                                             : kUnresolvedPronounFactor;
    } else if (entities.antecedent[a.mention] >= 0) {
      quote.sieve += "+nominal";
      quote.confidence *= kNominalAntecedentFactor;
    }
  }
}

}  // namespace

SpeakerTables SpeakerTables::load(const Vocabulary& vocabulary) {
  ReportedTables reported = ReportedTables::load(vocabulary);
  MentionTables mentions = MentionTables::load(vocabulary);
  return SpeakerTables{CueLexicon(vocabulary), std::move(mentions),
                       std::move(reported)};
}

void attribute_quotes(Document& doc, const TextLayout& layout,
                      const TokenLayer& tokens, const Lexicon& lexicon,
                      const Config& config, const LinearModel* model,
                      Scratch* scratch) {
  const SpeakerTables& tables = lexicon.speakers;
  const std::string_view text = doc.text;
  std::vector<int> quote_of_token = tokens.quote_of_tokens();
  // Reported speech also hears verbs that never introduce marked quotes
  // ("polls show"); they get frames of their own, apart from the sieves'.
  CueSets cue_sets =
      find_cue_sets(tokens, layout, tables.cue_lexicon, config.indirect);
  std::vector<Cue>& cues = cue_sets.cues;
  std::vector<Cue>& extra = cue_sets.reported;
  // The learned layer's cues, words no lexicon lists (cpp/src/model).
  if (config.indirect && model)
    extra = merge_cues(
        extra, propose_cues(text, layout, quote_of_token, cues, extra, *model));
  std::vector<bool> cue_starts(layout.tokens.size(), false);
  for (const std::vector<Cue>* list : {&cues, &extra})
    for (const Cue& cue : *list)
      if (cue.kind == CueKind::verb && cue.form != VerbForm::gerund)
        cue_starts[cue.first] = true;
  std::vector<SpeakerMention> mentions = find_mentions(
      text, layout, tokens, tables.mentions, &cue_starts, lexicon.rules);
  SieveInput input{text,          layout,   doc.quotes, quote_of_token,
                   cues,          mentions, tokens,     tables.cue_lexicon,
                   lexicon.rules, scratch};
  std::vector<CueFrame> frames = frame_cues(input);
  std::vector<Attribution> attributions = run_sieves(input, frames);
  decide_kinds(text, layout, tokens, cues, tables.reported.cls.complementisers,
               attributions, doc.quotes);
  if (config.indirect) {
    if (extra.empty()) {
      add_reported(
          doc, find_reported(input, frames, tables.reported, lexicon.rules),
          frames, cues, attributions, scare_quotes(input, attributions),
          tables.reported.nested_verbs);
    } else {
      std::vector<Cue> all_cues = merge_cues(cues, extra);
      SieveInput reported_input{
          text,     layout, doc.quotes,         quote_of_token, all_cues,
          mentions, tokens, tables.cue_lexicon, lexicon.rules,  scratch};
      std::vector<CueFrame> reported_frames = frame_cues(reported_input);
      add_reported(doc,
                   find_reported(reported_input, reported_frames,
                                 tables.reported, lexicon.rules),
                   reported_frames, all_cues, attributions,
                   scare_quotes(reported_input, attributions),
                   tables.reported.nested_verbs);
    }
  }
  // Clustering is the stage's peak (its keys per mention): what only the
  // sieves and reported speech read goes first.
  free_vector(cue_sets.cues);
  free_vector(cue_sets.reported);
  free_vector(frames);
  free_vector(quote_of_token);
  free_vector(cue_starts);
  EntityResult entities = cluster_mentions(text, mentions, tables.mentions,
                                           config.speaker_aliases, scratch);

  publish(doc, mentions, entities, attributions);
  fold_nested_quotes(doc.quotes);
}

}  // namespace quotelink::detail
