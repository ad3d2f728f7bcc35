// libFuzzer target: extraction of arbitrary bytes, strict and replacing.
//
// Strict mode must either succeed on valid UTF-8 or throw quotelink::error
// naming an offset inside the input; replacing mode must always succeed and
// yield valid UTF-8. Both results must satisfy check_document().
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "invariants.h"
#include "quotelink/quotelink.h"

namespace {

[[noreturn]] void fail(const char* mode, const std::string& problem) {
  std::fprintf(stderr, "quotelink invariant broken (%s): %s\n", mode,
               problem.c_str());
  std::abort();
}

const quotelink::Extractor& strict_extractor() {
  static const quotelink::Extractor extractor;
  return extractor;
}

const quotelink::Extractor& replacing_extractor() {
  static const quotelink::Extractor extractor = [] {
    quotelink::Config config;
    config.replace_invalid_utf8 = true;
    return quotelink::Extractor(config);
  }();
  return extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  bool strict_ok = false;
  try {
    quotelink::Document doc = strict_extractor().extract(input, "fuzz");
    strict_ok = true;
    if (doc.text != input) fail("strict", "document text differs from input");
    if (doc.replaced_invalid_bytes != 0)
      fail("strict", "replaced bytes in strict mode");
    const std::string problem = quotelink::testing::check_document(doc);
    if (!problem.empty()) fail("strict", problem);
  } catch (const quotelink::error& e) {
    if (e.byte_offset() == quotelink::error::npos || e.byte_offset() >= size)
      fail("strict",
           std::string("error without an offset in the input: ") + e.what());
  }

  quotelink::Document doc;
  try {
    doc = replacing_extractor().extract(input, "fuzz");
  } catch (const quotelink::error& e) {
    fail("replace", std::string("threw: ") + e.what());
  }
  if ((doc.replaced_invalid_bytes == 0) != strict_ok)
    fail("replace", "replaced bytes disagree with strict validation");
  if (strict_ok && doc.text != input)
    fail("replace", "valid input was changed");
  std::string problem = quotelink::testing::check_document(doc);
  if (!problem.empty()) fail("replace", problem);
  // The repaired text must itself be valid UTF-8 and extract identically.
  try {
    quotelink::Document again = strict_extractor().extract(doc.text);
    if (again.quotes.size() != doc.quotes.size())
      fail("replace", "re-extracting the repaired text gave other quotes");
  } catch (const quotelink::error& e) {
    fail("replace",
         std::string("repaired text is not valid UTF-8: ") + e.what());
  }
  return 0;
}
