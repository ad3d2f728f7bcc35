#include "model/perceptron_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "quotelink/error.h"

namespace quotelink::detail {

namespace {

// splitmix64: a small, portable generator.
std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

void shuffle_order(std::vector<std::size_t>& order, std::uint64_t& state) {
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[next_random(state) % i]);
}

float quantized_average(const std::vector<double>& w,
                        const std::vector<double>& u, double c,
                        std::vector<std::int16_t>& out) {
  std::vector<double> avg(w.size());
  double largest = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    avg[i] = w[i] - u[i] / c;
    largest = std::max(largest, std::fabs(avg[i]));
  }
  const float scale =
      largest > 0.0 ? static_cast<float>(largest / 32767.0) : 1.0f;
  out.resize(avg.size());
  for (std::size_t i = 0; i < avg.size(); ++i)
    out[i] = static_cast<std::int16_t>(std::clamp<long>(
        std::lround(avg[i] / static_cast<double>(scale)), -32767, 32767));
  return scale;
}

LinearClassifier train_perceptron(const std::string& name,
                                  const std::vector<TrainingExample>& examples,
                                  const PerceptronOptions& options) {
  if (options.bits > kMaxClassifierBits)
    throw error("train: bits must be at most " +
                std::to_string(kMaxClassifierBits) + ", not " +
                std::to_string(options.bits));
  if (options.epochs < 1)
    throw error("train: epochs must be at least 1, not " +
                std::to_string(options.epochs));
  const std::size_t size = std::size_t{1} << options.bits;
  const std::uint32_t mask = static_cast<std::uint32_t>(size - 1);
  std::vector<double> w(size, 0.0), u(size, 0.0);
  double c = 1.0;
  std::vector<std::size_t> order(examples.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::uint64_t state = options.seed;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffle_order(order, state);
    for (std::size_t i : order) {
      const TrainingExample& e = examples[i];
      double score = 0.0;
      for (std::uint32_t f : e.features) score += w[f & mask];
      const double y = e.positive ? 1.0 : -1.0;
      if (y * score <= 0.0) {
        for (std::uint32_t f : e.features) {
          w[f & mask] += y;
          u[f & mask] += y * c;
        }
      }
      c += 1.0;
    }
  }
  LinearClassifier out;
  out.name = name;
  out.bits = options.bits;
  out.scale = quantized_average(w, u, c, out.weights);
  return out;
}

}  // namespace quotelink::detail
