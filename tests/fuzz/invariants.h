// Structural invariants every extracted Document must satisfy, whatever the
// input. Shared by the fuzz targets and the hostile-input tests so that a
// fuzzer finding and its regression test check exactly the same thing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "quotelink/document.h"

namespace quotelink::testing {

namespace invariants_detail {

inline bool is_continuation(const std::string& text, std::size_t byte) {
  return byte < text.size() &&
         (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80;
}

// A span must lie inside the text and start and end on code-point boundaries:
// the Python layer converts byte offsets to code points, and a span that cuts
// a character would give a slice that differs from the quote's text.
inline std::string check_span(const Document& doc, const Span& span,
                              const std::string& what) {
  if (span.begin > span.end)
    return what + ": begin " + std::to_string(span.begin) + " > end " +
           std::to_string(span.end);
  if (span.end > doc.text.size())
    return what + ": end " + std::to_string(span.end) + " past text size " +
           std::to_string(doc.text.size());
  if (is_continuation(doc.text, span.begin) ||
      is_continuation(doc.text, span.end))
    return what + ": [" + std::to_string(span.begin) + ", " +
           std::to_string(span.end) + ") cuts a UTF-8 character";
  return {};
}

}  // namespace invariants_detail

/// Empty when `doc` is well formed; otherwise a description of the first
/// broken invariant: spans inside the text and on character boundaries, quote
/// text equal to its slice, quotations ordered and overlapping only by
/// nesting, and every cross-reference index in range.
inline std::string check_document(const Document& doc) {
  using invariants_detail::check_span;
  const int n_paragraphs = static_cast<int>(doc.paragraphs.size());
  const int n_sentences = static_cast<int>(doc.sentences.size());
  const int n_mentions = static_cast<int>(doc.mentions.size());
  const int n_entities = static_cast<int>(doc.entities.size());
  std::string problem;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    problem = check_span(doc, doc.paragraphs[i].span,
                         "paragraph " + std::to_string(i));
    if (!problem.empty()) return problem;
  }
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    problem = check_span(doc, sentence.span, "sentence " + std::to_string(i));
    if (!problem.empty()) return problem;
    if (sentence.paragraph < 0 || sentence.paragraph >= n_paragraphs)
      return "sentence " + std::to_string(i) + ": paragraph index " +
             std::to_string(sentence.paragraph) + " out of range";
  }
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& quote = doc.quotes[i];
    const std::string name = "quote " + std::to_string(i);
    problem = check_span(doc, quote.span, name + " span");
    if (problem.empty())
      problem = check_span(doc, quote.outer, name + " outer");
    if (!problem.empty()) return problem;
    if (!quote.outer.contains(quote.span))
      return name + ": outer does not contain span";
    for (const Span& part : quote.quoted_parts) {
      problem = check_span(doc, part, name + " quoted part");
      if (!problem.empty()) return problem;
    }
    if (quote.has_cue()) {
      problem = check_span(doc, quote.cue, name + " cue");
      if (!problem.empty()) return problem;
    }
    if (quote.speaker < -1 || quote.speaker >= n_entities)
      return name + ": speaker index out of range";
    if (quote.mention < -1 || quote.mention >= n_mentions)
      return name + ": mention index out of range";
    if (!(quote.confidence >= 0.0 && quote.confidence <= 1.0))
      return name + ": confidence outside [0, 1]";
    if (n_paragraphs > 0 &&
        (quote.paragraph < 0 || quote.paragraph >= n_paragraphs))
      return name + ": paragraph index out of range";
    if (n_sentences > 0 &&
        (quote.sentence < 0 || quote.sentence >= n_sentences))
      return name + ": sentence index out of range";
    if (i > 0 && doc.quotes[i - 1].outer.begin > quote.outer.begin)
      return name + ": quotations not ordered by start";
  }
  // Overlap only by nesting. Ordered by start, so a later quotation either
  // starts after an earlier one ends or lies inside it; a stack of the open
  // enclosing quotations checks all pairs in linear time.
  std::vector<Span> open;
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Span outer = doc.quotes[i].outer;
    while (!open.empty() &&
           (open.back().end <= outer.begin ||
            (open.back().begin == outer.begin && outer.contains(open.back()))))
      open.pop_back();
    if (!open.empty() && !open.back().contains(outer))
      return "quote " + std::to_string(i) +
             " overlaps an earlier quotation without nesting in it";
    open.push_back(outer);
  }
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& mention = doc.mentions[i];
    problem = check_span(doc, mention.span, "mention " + std::to_string(i));
    if (!problem.empty()) return problem;
    if (mention.entity < -1 || mention.entity >= n_entities)
      return "mention " + std::to_string(i) + ": entity index out of range";
  }
  for (std::size_t i = 0; i < doc.entities.size(); ++i)
    for (int m : doc.entities[i].mentions)
      if (m < 0 || m >= n_mentions)
        return "entity " + std::to_string(i) + ": mention index out of range";
  // Code-point offsets must be monotone and end at the code-point count.
  std::size_t code_points = 0;
  for (char c : doc.text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
  if (doc.code_point_offset(doc.text.size()) != code_points)
    return "code_point_offset(size) is not the number of code points";
  return {};
}

}  // namespace quotelink::testing
