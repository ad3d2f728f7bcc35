// Training of a LinearClassifier: an averaged perceptron over hashed
// features, deterministic for a given example order and seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/linear_model.h"

namespace quotelink::detail {

/// One training example: feature hashes and whether the answer is yes.
struct TrainingExample {
  std::vector<std::uint32_t> features;
  bool positive = false;
};

/// How to train.
struct PerceptronOptions {
  std::uint32_t bits = 18;  ///< table size 2^bits
  int epochs = 10;          ///< passes over the examples
  std::uint64_t seed = 1;   ///< the shuffle of each pass
};

/// Shuffles `order` with splitmix64 from `state` (advanced): the same
/// order on every platform (std::shuffle's use of a generator is
/// implementation-defined).
void shuffle_order(std::vector<std::size_t>& order, std::uint64_t& state);

/// The averaged weights w - u / c (Daumé's trick: u accumulates c * update)
/// quantized to int16 into `out`; returns the scale (real weight per int16
/// unit).
float quantized_average(const std::vector<double>& w,
                        const std::vector<double>& u, double c,
                        std::vector<std::int16_t>& out);

/// Trains `name` on `examples` (averaged perceptron, one shuffled pass per
/// epoch) and quantizes the averaged weights to int16; threshold 0. Throws
/// quotelink::error for bits over kMaxClassifierBits or epochs < 1. The same
/// examples, options and seed give the same bytes on every platform.
LinearClassifier train_perceptron(const std::string& name,
                                  const std::vector<TrainingExample>& examples,
                                  const PerceptronOptions& options);

}  // namespace quotelink::detail
