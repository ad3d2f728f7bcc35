#include "text.h"

#include <string>

#include <unicode/utf8.h>

#include "lexicon.h"
#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

TextTables TextTables::load(const Config&) {
  TextTables tables;
  for (std::string& line : embedded_lines("en/abbreviations.txt"))
    tables.abbreviations.insert(to_lower(line));
  return tables;
}

std::string validate_utf8(std::string_view input, bool replace,
                          std::size_t* replaced) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(input.data());
  const int32_t n = static_cast<int32_t>(input.size());
  if (input.size() > static_cast<std::size_t>(INT32_MAX))
    throw error("text is larger than 2 GiB");
  std::string out;
  std::size_t copied = 0;  // bytes of input already copied to out
  int32_t i = 0;
  while (i < n) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 cp = 0;
    U8_NEXT(bytes, i, n, cp);
    if (cp >= 0) continue;
    if (!replace) {
      throw error("invalid UTF-8 at byte offset " + std::to_string(start),
                  static_cast<std::size_t>(start));
    }
    out.append(input.data() + copied, static_cast<std::size_t>(start) - copied);
    out.append("\xEF\xBF\xBD");
    copied = static_cast<std::size_t>(i);
    if (replaced) *replaced += static_cast<std::size_t>(i - start);
  }
  if (copied == 0) return std::string(input);
  out.append(input.data() + copied, input.size() - copied);
  return out;
}

namespace {

bool is_sentence_final(char32_t cp) { return cp == '.' || cp == '!' || cp == '?'; }

}  // namespace

TextLayout analyse_text(std::string_view text, const TextTables& tables) {
  TextLayout layout;
  // A line ends at LF, or at a CR not followed by LF (old Mac text).
  auto line_end = [&text](std::size_t i) {
    return text[i] == '\n' ||
           (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  };
  // Paragraphs: blocks separated by blank lines.
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Skip blank space to the paragraph start.
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
    if (pos >= text.size()) break;
    std::size_t end = pos;
    std::size_t last_non_space = pos;
    while (end < text.size()) {
      if (line_end(end)) {
        std::size_t next = end + 1;
        while (next < text.size() &&
               (text[next] == ' ' || text[next] == '\t' ||
                (text[next] == '\r' && !line_end(next))))
          ++next;
        if (next >= text.size() || line_end(next)) break;
      } else if (text[end] != ' ' && text[end] != '\t' && text[end] != '\r') {
        last_non_space = end;
      }
      ++end;
    }
    Paragraph paragraph;
    paragraph.span = {pos, last_non_space + 1};
    layout.paragraphs.push_back(paragraph);
    pos = end;
  }

  // Tokens, per paragraph.
  for (std::size_t p = 0; p < layout.paragraphs.size(); ++p) {
    layout.paragraph_first_token.push_back(
        static_cast<int>(layout.tokens.size()));
    const Span span = layout.paragraphs[p].span;
    std::size_t i = span.begin;
    bool space = true;
    bool line_start = true;
    while (i < span.end) {
      std::size_t length = 0;
      char32_t cp = decode_at(text, i, &length);
      if (is_space(cp)) {
        if (cp == '\n' || cp == '\r') line_start = true;
        space = true;
        i += length;
        continue;
      }
      Token token;
      token.paragraph = static_cast<int>(p);
      token.space_before = space;
      token.line_start = line_start;
      std::size_t end = i + length;
      if (is_letter(cp) || is_digit(cp)) {
        bool digits = is_digit(cp);
        while (end < span.end) {
          std::size_t l2 = 0;
          char32_t c2 = decode_at(text, end, &l2);
          if (is_letter(c2) || is_digit(c2) || c2 == 0x2019 || c2 == '\'' ||
              c2 == '-' || c2 == '.' || c2 == ',') {
            if (is_letter(c2) || is_digit(c2)) {
              end += l2;
              continue;
            }
            // Inner punctuation only when a letter or digit follows.
            std::size_t l3 = 0;
            if (end + l2 >= span.end) break;
            char32_t c3 = decode_at(text, end + l2, &l3);
            bool inner = false;
            if (c2 == ',') inner = digits && is_digit(c3);
            else if (c2 == '.') inner = is_letter(c3) || (digits && is_digit(c3));
            else inner = is_letter(c3) || is_digit(c3);
            if (!inner) break;
            end += l2;
            continue;
          }
          break;
        }
        // An abbreviation keeps its final dot ("U.S.", "Mr.").
        if (end < span.end && text[end] == '.') {
          std::string word = to_lower(text.substr(i, end + 1 - i));
          if (tables.abbreviations.count(word) ||
              word.find('.') < word.size() - 1)
            ++end;
        }
        token.kind = digits ? TokenKind::number : TokenKind::word;
      } else if (is_quotation_mark(cp)) {
        token.kind = TokenKind::quote_mark;
      } else {
        token.kind = TokenKind::punctuation;
      }
      token.span = {i, end};
      layout.tokens.push_back(token);
      space = false;
      line_start = false;
      i = end;
    }
  }
  layout.paragraph_first_token.push_back(static_cast<int>(layout.tokens.size()));

  // Sentences: end after . ! ? (and any closing marks) before a capital, a
  // digit or a quotation mark, and at every paragraph end.
  for (std::size_t p = 0; p < layout.paragraphs.size(); ++p) {
    int first = layout.paragraph_first_token[p];
    int last = layout.paragraph_first_token[p + 1];
    int start = first;
    for (int t = first; t < last; ++t) {
      bool end_here = (t + 1 == last);
      const Token& token = layout.tokens[t];
      if (!end_here && token.kind == TokenKind::punctuation) {
        std::size_t length = 0;
        char32_t cp = decode_at(text, token.span.begin, &length);
        if (is_sentence_final(cp)) {
          int next = t + 1;
          while (next < last &&
                 (layout.tokens[next].kind == TokenKind::quote_mark ||
                  text[layout.tokens[next].span.begin] == ')') &&
                 !layout.tokens[next].space_before)
            ++next;
          if (next < last && layout.tokens[next].space_before) {
            std::size_t l2 = 0;
            char32_t c2 = decode_at(text, layout.tokens[next].span.begin, &l2);
            if (is_upper(c2) || is_digit(c2) || is_quotation_mark(c2)) {
              t = next - 1;
              end_here = true;
            }
          } else if (next >= last) {
            t = last - 1;
            end_here = true;
          }
        }
      }
      if (end_here) {
        Sentence sentence;
        sentence.paragraph = static_cast<int>(p);
        sentence.span = {layout.tokens[start].span.begin,
                         layout.tokens[t].span.end};
        layout.sentence_first_token.push_back(start);
        for (int k = start; k <= t; ++k)
          layout.tokens[k].sentence = static_cast<int>(layout.sentences.size());
        layout.sentences.push_back(sentence);
        start = t + 1;
      }
    }
  }
  layout.sentence_first_token.push_back(static_cast<int>(layout.tokens.size()));
  return layout;
}

}  // namespace quotelink::detail
