#include "model/report_features.h"

#include <algorithm>
#include <string>

#include "model/feature_text.h"

namespace quotelink::detail {

namespace {

// Features of the cue: its words, its neighbours, its side of the content.
void add_cue_features(FeatureSink& f, const Document& doc,
                      const TextLayout& layout, const Quote& quote,
                      int content_first, int content_end) {
  if (!quote.has_cue()) {
    f.add(10, "none");
    return;
  }
  const int first = first_token_from(layout, quote.cue.begin);
  const int end = first_token_from(layout, quote.cue.end);
  const std::string cue = lower_ascii(doc.slice(quote.cue));
  const std::string before = word_at(doc, layout, first - 1);
  const std::string after = word_at(doc, layout, end);
  const std::string after2 = word_at(doc, layout, end + 1);
  f.add(11, cue);
  f.add(12, before);
  f.add(13, after);
  f.add(14, cue, after);
  f.add(15, before, cue);
  f.add(16, after, after2);
  f.add(17, cue, base_sieve(quote.sieve));
  const std::string last = word_at(doc, layout, end - 1);
  f.add(18, last.size() > 3 ? last.substr(last.size() - 3) : last);
  const char* side = end <= content_first   ? "before"
                     : first >= content_end ? "after"
                                            : "inside";
  f.add(19, side);
  const int gap = end <= content_first ? content_first - end
                                       : std::max(0, first - content_end);
  f.add(20, side, length_bucket(gap + 1));
  f.add(21, cue, side);
}

// Features of the content: its edges and its length.
void add_content_features(FeatureSink& f, const Document& doc,
                          const TextLayout& layout, const Quote& quote,
                          int first, int end) {
  const std::string w0 = word_at(doc, layout, first);
  const std::string w1 = word_at(doc, layout, first + 1);
  f.add(30, w0);
  f.add(31, w0, w1);
  f.add(32, word_at(doc, layout, end - 1));
  f.add(33, word_at(doc, layout, end));
  f.add(34, length_bucket(end - first));
  f.add(35, base_sieve(quote.sieve), length_bucket(end - first));
  f.add(36, quote.quoted_parts.empty() ? "plain" : "mixed");
  int commas = 0;
  for (int t = first; t < end; ++t)
    commas += layout.tokens[t].kind == TokenKind::punctuation &&
              doc.text[layout.tokens[t].span.begin] == ',';
  f.add(37, length_bucket(commas + 1));
}

// Features of the source: found or not, its kind, its words.
void add_source_features(FeatureSink& f, const Document& doc,
                         const Quote& quote) {
  if (quote.mention < 0) {
    f.add(40, "none");
    f.add(41, base_sieve(quote.sieve), "none");
    return;
  }
  const Mention& m = doc.mentions[quote.mention];
  f.add(40, to_string(m.kind));
  f.add(41, base_sieve(quote.sieve), to_string(m.kind));
  f.add(42, quote.speaker >= 0 ? "entity" : "no_entity");
  if (m.kind == MentionKind::pronoun || m.kind == MentionKind::role)
    f.add(43, lower_ascii(doc.slice(m.span)));
  const std::size_t last_space = m.head.rfind(' ');
  f.add(44, lower_ascii(last_space == std::string::npos
                            ? m.head
                            : m.head.substr(last_space + 1)));
}

}  // namespace

std::vector<std::uint32_t> report_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q) {
  const Quote& quote = doc.quotes[q];
  std::vector<std::uint32_t> out;
  out.reserve(40);
  FeatureSink f(out);
  f.add(1, "bias");
  f.add(2, quote.sieve);
  f.add(3, base_sieve(quote.sieve));
  f.add(4, to_string(quote.kind));
  const int first = first_token_from(layout, quote.span.begin);
  const int end = std::max(first, first_token_from(layout, quote.span.end));
  add_cue_features(f, doc, layout, quote, first, end);
  add_content_features(f, doc, layout, quote, first, end);
  add_source_features(f, doc, quote);
  return out;
}

}  // namespace quotelink::detail
