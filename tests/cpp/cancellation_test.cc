// Cancellation of long extractions (cancellation.h): a flag set from another
// thread stops a windowed extraction at its next window.
#include "cancellation.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "pipeline.h"
#include "quotelink/extractor.h"
#include "quotelink/stream.h"

namespace quotelink::detail {
namespace {

std::string long_text(std::size_t bytes) {
  const std::string paragraph =
      "\"We will not accept this,\" Foreign Minister Sergei Lavrov said on "
      "Tuesday.\n\n";
  std::string text;
  while (text.size() < bytes) text += paragraph;
  return text;
}

TEST(Cancellation, ASetFlagStopsAWindowedExtraction) {
  const Extractor extractor;
  std::atomic<bool> flag{true};
  CancellationScope scope(flag);
  EXPECT_THROW(extractor.extract(long_text(4 * kWindowBytes)), cancelled);
}

TEST(Cancellation, WithoutAFlagOrWithItClearNothingStops) {
  const Extractor extractor;
  const std::string text = long_text(3 * kWindowBytes);
  EXPECT_NO_THROW(extractor.extract(text));
  std::atomic<bool> flag{false};
  CancellationScope scope(flag);
  EXPECT_GT(extractor.extract(text).quotes.size(), 0u);
}

TEST(Cancellation, ScopesNestAndRestoreThePreviousFlag) {
  std::atomic<bool> outer{false};
  std::atomic<bool> inner{true};
  CancellationScope outer_scope(outer);
  {
    CancellationScope inner_scope(inner);
    EXPECT_THROW(throw_if_cancelled(), cancelled);
  }
  EXPECT_NO_THROW(throw_if_cancelled());
}

TEST(Cancellation, ACancelledExtractionIsAQuotelinkError) {
  std::atomic<bool> flag{true};
  CancellationScope scope(flag);
  try {
    throw_if_cancelled();
    FAIL() << "not cancelled";
  } catch (const error& e) {
    EXPECT_STREQ(e.what(), "extraction cancelled");
  }
}

// A flag set while another thread is extracting stops it well before the
// end: the extraction of many windows returns early with `cancelled`.
TEST(Cancellation, AFlagSetFromAnotherThreadStopsTheExtraction) {
  const Extractor extractor;
  const std::string text = long_text(64 * kWindowBytes);
  std::atomic<bool> flag{false};
  std::atomic<bool> stopped{false};
  std::thread worker([&] {
    CancellationScope scope(flag);
    try {
      extractor.extract(text);
    } catch (const cancelled&) {
      stopped = true;
    }
  });
  flag = true;
  worker.join();
  EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace quotelink::detail
