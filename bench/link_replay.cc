// Replays dumped linking keys (bench/link_replay.py) through
// LinkStream::add_keys: held bytes per document after every EVERY documents
// and at the end, microseconds per document, and a digest (FNV-1a) over
// every linked entity id, name and cluster id, so two builds of the linker
// can be compared on the same keys. Uses the public API only; built with
// -DLINK_REPLAY_PARTS (against a library that has LinkStream::held_parts)
// it also prints the held bytes by part.
//
//   build/link_replay KEYS [EVERY [LIMIT [CLUSTERS]]]
//
// With CLUSTERS, each quotation's cluster id (as add_keys gave it, 4 bytes
// little-endian) is written there, to count the quotations two builds link
// differently.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "quotelink/corpus.h"

namespace {

struct Digest {
  std::uint64_t h = 1469598103934665603ULL;
  void bytes(std::string_view b) {
    for (unsigned char c : b) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  }
  void number(long long v) {
    bytes({reinterpret_cast<const char*>(&v), sizeof v});
  }
};

void report(const quotelink::LinkStream& stream, double seconds,
            const Digest& digest) {
  const double docs = static_cast<double>(stream.documents());
  std::printf(
      "%zu documents: %.0f bytes held / document (%zu keys, %zu postings, "
      "%zu entity ids), %.0f us / document, digest %016llx\n",
      stream.documents(), stream.held_bytes() / docs, stream.linked_entities(),
      stream.indexed_postings(), stream.entities(), seconds * 1e6 / docs,
      static_cast<unsigned long long>(digest.h));
#ifdef LINK_REPLAY_PARTS  // a build with LinkStream::held_parts()
  const quotelink::LinkHeldBytes p = stream.held_parts();
  std::printf(
      "  per document: name slots %.1f, name arena %.1f, name lists %.1f, "
      "index codes %.1f, index headers %.1f, index tail %.1f, exact %.1f, "
      "counts %.1f, parents %.1f\n",
      p.name_slots / docs, p.name_arena / docs, p.name_lists / docs,
      p.index_codes / docs, p.index_headers / docs, p.index_tail / docs,
      p.exact / docs, p.counts / docs, p.parents / docs);
#endif
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s KEYS [EVERY [LIMIT [CLUSTERS]]]\n",
                 argv[0]);
    return 2;
  }
  const std::size_t every = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0;
  const std::size_t limit =
      argc > 3 ? std::strtoull(argv[3], nullptr, 10) : ~std::size_t{0};
  std::ifstream in(argv[1], std::ios::binary);
  std::ofstream clusters;
  if (argc > 4) clusters.open(argv[4], std::ios::binary);
  quotelink::LinkStream stream;
  Digest digest;
  double seconds = 0;
  std::string buffer;
  std::uint32_t size = 0;
  while (stream.documents() < limit &&
         in.read(reinterpret_cast<char*>(&size), sizeof size)) {
    buffer.resize(size);
    in.read(buffer.data(), size);
    const auto keys = quotelink::DocumentKeys::deserialize(buffer);
    const auto start = std::chrono::steady_clock::now();
    const quotelink::LinkedDocument linked = stream.add_keys(keys);
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    for (int id : linked.entities) digest.number(id);
    for (const std::string& name : linked.names) {
      digest.number(static_cast<long long>(name.size()));
      digest.bytes(name);
    }
    for (int cluster : linked.clusters) digest.number(cluster);
    if (clusters.is_open())
      clusters.write(
          reinterpret_cast<const char*>(linked.clusters.data()),
          static_cast<std::streamsize>(linked.clusters.size() * sizeof(int)));
    if (every && stream.documents() % every == 0)
      report(stream, seconds, digest);
  }
  if (!every || stream.documents() % every != 0)
    report(stream, seconds, digest);
  return 0;
}
