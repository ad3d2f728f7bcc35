#include "model/linear_model.h"

#include <cstring>

#include "model/model_bytes.h"
#include "quotelink/error.h"

namespace quotelink::detail {

namespace {

constexpr char kMagic[8] = {'Q', 'L', 'M', 'O', 'D', 'E', 'L', '1'};

LinearClassifier parse_classifier(ModelReader& in) {
  LinearClassifier c;
  const std::uint16_t name_length = in.u16("classifier name length");
  c.name = std::string(in.take(name_length, "classifier name"));
  const std::size_t bits_at = in.offset();
  c.bits = in.u32("table bits");
  if (c.bits > kMaxClassifierBits)
    throw error("model file: classifier '" + c.name + "' has 2^" +
                    std::to_string(c.bits) + " weights, over the limit of 2^" +
                    std::to_string(kMaxClassifierBits),
                bits_at);
  c.scale = in.f32("scale");
  c.threshold = in.f32("threshold");
  c.weights = in.i16s(std::size_t{1} << c.bits, "weights");
  return c;
}

}  // namespace

std::uint32_t hash_feature(std::uint32_t seed, std::string_view text) {
  std::uint32_t h = 2166136261u ^ seed;
  for (char ch : text) {
    h ^= static_cast<unsigned char>(ch);
    h *= 16777619u;
  }
  return h;
}

double LinearClassifier::score(
    const std::vector<std::uint32_t>& features) const {
  if (weights.empty()) return 0.0;
  const std::uint32_t mask = static_cast<std::uint32_t>(weights.size() - 1);
  std::int64_t sum = 0;
  for (std::uint32_t f : features) sum += weights[f & mask];
  return static_cast<double>(scale) * static_cast<double>(sum);
}

const LinearClassifier* LinearModel::find(std::string_view name) const {
  for (const LinearClassifier& c : classifiers)
    if (c.name == name) return &c;
  return nullptr;
}

std::string LinearModel::serialize() const {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, static_cast<std::uint32_t>(classifiers.size()));
  for (const LinearClassifier& c : classifiers) {
    out.push_back(static_cast<char>(c.name.size() & 0xff));
    out.push_back(static_cast<char>(c.name.size() >> 8));
    out += c.name;
    put_u32(out, c.bits);
    put_f32(out, c.scale);
    put_f32(out, c.threshold);
    put_i16s(out, c.weights);
  }
  return out;
}

LinearModel LinearModel::parse(std::string_view bytes) {
  ModelReader in(bytes);
  if (in.take(sizeof kMagic, "magic") !=
      std::string_view(kMagic, sizeof kMagic))
    throw error("not a quotelink model file (no QLMODEL1 magic)", 0);
  LinearModel model;
  const std::uint32_t count = in.u32("classifier count");
  for (std::uint32_t i = 0; i < count; ++i)
    model.classifiers.push_back(parse_classifier(in));
  if (!in.done())
    throw error("model file: " + std::to_string(bytes.size() - in.offset()) +
                    " bytes after the last classifier",
                in.offset());
  return model;
}

}  // namespace quotelink::detail
