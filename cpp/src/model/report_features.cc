#include "model/report_features.h"

#include <algorithm>
#include <string>

#include "model/feature_text.h"

namespace quotelink::detail {

namespace {

// Appends feature hashes.
struct Features {
  std::vector<std::uint32_t>& out;
  void add(FeatureHash f) { out.push_back(f.value()); }
};

// Features of the cue: its words, its neighbours, its side of the content.
void add_cue_features(Features& f, const Document& doc,
                      const TextLayout& layout, const Quote& quote,
                      int content_first, int content_end) {
  if (!quote.has_cue()) {
    f.add(FeatureHash(10) << kNothing);
    return;
  }
  const int first = first_token_from(layout, quote.cue.begin);
  const int end = first_token_from(layout, quote.cue.end);
  const std::uint32_t cue = text_hash(doc.slice(quote.cue));
  const std::uint32_t before = token_hash(doc, layout, first - 1);
  const std::uint32_t after = token_hash(doc, layout, end);
  f.add(FeatureHash(11) << cue);
  f.add(FeatureHash(12) << before);
  f.add(FeatureHash(13) << after);
  f.add(FeatureHash(14) << cue << after);
  f.add(FeatureHash(15) << before << cue);
  f.add(FeatureHash(16) << after << token_hash(doc, layout, end + 1));
  f.add(FeatureHash(17) << cue << text_hash(base_sieve(quote.sieve.name())));
  const std::string_view last =
      end - 1 >= 0 && end - 1 < static_cast<int>(layout.tokens.size())
          ? doc.slice(layout.tokens[end - 1].span)
          : std::string_view();
  f.add(FeatureHash(18) << tail_hash(last, 3));
  const std::uint32_t side = end <= content_first   ? 1
                             : first >= content_end ? 2
                                                    : 3;
  f.add(FeatureHash(19) << side);
  const int gap = end <= content_first ? content_first - end
                                       : std::max(0, first - content_end);
  f.add(FeatureHash(20) << side << bucket(gap + 1));
  f.add(FeatureHash(21) << cue << side);
}

// Features of the content: its edges and its length.
void add_content_features(Features& f, const Document& doc,
                          const TextLayout& layout, const Quote& quote,
                          int first, int end) {
  const std::uint32_t w0 = token_hash(doc, layout, first);
  f.add(FeatureHash(30) << w0);
  f.add(FeatureHash(31) << w0 << token_hash(doc, layout, first + 1));
  f.add(FeatureHash(32) << token_hash(doc, layout, end - 1));
  f.add(FeatureHash(33) << token_hash(doc, layout, end));
  f.add(FeatureHash(34) << bucket(end - first));
  f.add(FeatureHash(35) << text_hash(base_sieve(quote.sieve.name()))
                        << bucket(end - first));
  f.add(FeatureHash(36) << (quote.quoted_parts.empty() ? 0u : 1u));
  int commas = 0;
  for (int t = first; t < end; ++t) commas += is_comma(doc, layout, t);
  f.add(FeatureHash(37) << bucket(commas + 1));
}

// Features of the source: found or not, its kind, its words.
void add_source_features(Features& f, const Document& doc, const Quote& quote) {
  const std::uint32_t sieve = text_hash(base_sieve(quote.sieve.name()));
  if (quote.mention < 0) {
    f.add(FeatureHash(40) << kNothing);
    f.add(FeatureHash(41) << sieve << kNothing);
    return;
  }
  const Mention& m = doc.mentions[quote.mention];
  const std::uint32_t kind = text_hash(to_string(m.kind));
  f.add(FeatureHash(40) << kind);
  f.add(FeatureHash(41) << sieve << kind);
  f.add(FeatureHash(42) << (quote.speaker >= 0 ? 1u : 0u));
  if (m.kind == MentionKind::pronoun || m.kind == MentionKind::role)
    f.add(FeatureHash(43) << text_hash(doc.slice(m.span)));
  const std::size_t last_space = m.head.rfind(' ');
  f.add(FeatureHash(44) << text_hash(
            last_space == std::string::npos
                ? std::string_view(m.head)
                : std::string_view(m.head).substr(last_space + 1)));
}

// Features of the parts of speech: the cue's and its neighbours', the
// content's first and last, whether the content holds a finite verb.
void add_tag_features(Features& f, const TextLayout& layout,
                      const PosTags& tags, const Quote& quote, int first,
                      int end) {
  if (quote.has_cue()) {
    const int cue = first_token_from(layout, quote.cue.begin);
    const int cue_end = first_token_from(layout, quote.cue.end);
    const std::uint32_t tag = tag_part(tags, cue_end - 1);
    f.add(FeatureHash(50) << tag);
    f.add(FeatureHash(51) << tag_part(tags, cue - 1) << tag);
    f.add(FeatureHash(52) << tag << tag_part(tags, cue_end));
    f.add(FeatureHash(53) << tag_part(tags, cue_end)
                          << tag_part(tags, cue_end + 1));
  }
  f.add(FeatureHash(54) << tag_part(tags, first));
  f.add(FeatureHash(55) << tag_part(tags, first) << tag_part(tags, first + 1));
  f.add(FeatureHash(56) << tag_part(tags, end - 1));
  f.add(FeatureHash(57) << tag_part(tags, end));
  bool finite = false;
  for (int t = first; t < end && !finite; ++t) finite = tags[t] == kPosVerbFin;
  f.add(FeatureHash(58) << (finite ? 1u : 0u) << bucket(end - first));
}

}  // namespace

std::vector<std::uint32_t> report_features(const Document& doc,
                                           const TextLayout& layout,
                                           std::size_t q, const PosTags* tags) {
  std::vector<std::uint32_t> out;
  out.reserve(40);
  report_features(doc, layout, q, tags, out);
  return out;
}

void report_features(const Document& doc, const TextLayout& layout,
                     std::size_t q, const PosTags* tags,
                     std::vector<std::uint32_t>& out) {
  const Quote& quote = doc.quotes[q];
  out.clear();
  Features f{out};
  f.add(FeatureHash(1));
  f.add(FeatureHash(2) << text_hash(quote.sieve.name()));
  f.add(FeatureHash(3) << text_hash(base_sieve(quote.sieve.name())));
  f.add(FeatureHash(4) << text_hash(to_string(quote.kind)));
  const int first = first_token_from(layout, quote.span.begin);
  const int end = std::max(first, first_token_from(layout, quote.span.end));
  add_cue_features(f, doc, layout, quote, first, end);
  add_content_features(f, doc, layout, quote, first, end);
  add_source_features(f, doc, quote);
  if (tags && !tags->empty())
    add_tag_features(f, layout, *tags, quote, first, end);
}

}  // namespace quotelink::detail
