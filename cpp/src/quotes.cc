#include "quotes.h"

#include "unicode.h"

namespace quotelink::detail {

std::vector<Quote> find_quotes(std::string_view text, const TextLayout& layout) {
  // First cut: pair double marks within a paragraph.
  std::vector<Quote> quotes;
  for (std::size_t p = 0; p < layout.paragraphs.size(); ++p) {
    int open = -1;
    for (int t = layout.paragraph_first_token[p];
         t < layout.paragraph_first_token[p + 1]; ++t) {
      const Token& token = layout.tokens[t];
      if (token.kind != TokenKind::quote_mark) continue;
      std::size_t length = 0;
      char32_t cp = decode_at(text, token.span.begin, &length);
      if (cp != '"' && cp != 0x201C && cp != 0x201D) continue;
      if (open < 0) {
        open = t;
        continue;
      }
      const Token& opener = layout.tokens[open];
      Quote quote;
      quote.span = {opener.span.end, token.span.begin};
      quote.outer = {opener.span.begin, token.span.end};
      quote.text = std::string(text.substr(quote.span.begin, quote.span.size()));
      quote.paragraph = static_cast<int>(p);
      quote.sentence = opener.sentence;
      quotes.push_back(quote);
      open = -1;
    }
  }
  return quotes;
}

}  // namespace quotelink::detail
