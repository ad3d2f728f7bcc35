// A C++ program using quotelink as a library: prints each quotation and its
// speaker, and fails if the library finds nothing in a plain quotation.
#include <iostream>

#include "quotelink/quotelink.h"

int main() {
  const char* text =
      "\"We are convinced that this is counter-productive,\" Foreign "
      "Minister Sergei Lavrov said on Thursday.";
  quotelink::Document doc = quotelink::extract(text, "consumer");
  std::cout << "quotelink " << quotelink::version() << "\n";
  for (const quotelink::Quote& quote : doc.quotes) {
    std::string speaker =
        quote.speaker >= 0 ? doc.entities[quote.speaker].name : "(none)";
    std::cout << "speaker=" << speaker << " text=" << doc.text_of(quote)
              << " cue=" << (quote.has_cue() ? doc.slice(quote.cue) : "-")
              << " sieve=" << quote.sieve << "\n";
  }
  return doc.quotes.empty() ? 1 : 0;
}
