#include "model/linear_model.h"

#include <cstring>

#include "quotelink/error.h"

namespace quotelink::detail {

namespace {

constexpr char kMagic[8] = {'Q', 'L', 'M', 'O', 'D', 'E', 'L', '1'};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

void put_f32(std::string& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, sizeof v);
  put_u32(out, v);
}

// Reads little-endian fields from a model file, failing with the offset.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::uint32_t u32(const char* what) {
    return static_cast<std::uint32_t>(unsigned_le(4, what));
  }
  std::uint16_t u16(const char* what) {
    return static_cast<std::uint16_t>(unsigned_le(2, what));
  }
  float f32(const char* what) {
    std::uint32_t v = u32(what);
    float f;
    std::memcpy(&f, &v, sizeof f);
    return f;
  }
  std::string_view take(std::size_t n, const char* what) {
    need(n, what);
    std::string_view s = bytes_.substr(at_, n);
    at_ += n;
    return s;
  }
  std::size_t offset() const { return at_; }
  bool done() const { return at_ == bytes_.size(); }

 private:
  void need(std::size_t n, const char* what) const {
    if (bytes_.size() - at_ < n)
      throw error(std::string("model file truncated: ") + what + " needs " +
                      std::to_string(n) + " bytes, " +
                      std::to_string(bytes_.size() - at_) + " left",
                  at_);
  }
  std::uint64_t unsigned_le(int n, const char* what) {
    need(static_cast<std::size_t>(n), what);
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i)
      v |= static_cast<std::uint64_t>(
               static_cast<unsigned char>(bytes_[at_ + i]))
           << (8 * i);
    at_ += static_cast<std::size_t>(n);
    return v;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
};

LinearClassifier parse_classifier(Reader& in) {
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
  const std::size_t count = std::size_t{1} << c.bits;
  std::string_view raw = in.take(count * 2, "weights");
  c.weights.resize(count);
  for (std::size_t i = 0; i < count; ++i)
    c.weights[i] = static_cast<std::int16_t>(
        static_cast<std::uint16_t>(static_cast<unsigned char>(raw[2 * i])) |
        static_cast<std::uint16_t>(static_cast<unsigned char>(raw[2 * i + 1])
                                   << 8));
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
    for (std::int16_t w : c.weights) {
      const auto u = static_cast<std::uint16_t>(w);
      out.push_back(static_cast<char>(u & 0xff));
      out.push_back(static_cast<char>(u >> 8));
    }
  }
  return out;
}

LinearModel LinearModel::parse(std::string_view bytes) {
  Reader in(bytes);
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
