"""Dumps the linking keys of a link_bench stream once, for bench/link_replay.cc.

    python bench/link_replay.py REGIME:N OUT [--polnear DIR] [--threads 2]
    python bench/link_replay.py --compare CLUSTERS_A CLUSTERS_B

Extracts the first N documents of link_bench.py's REGIME stream (distinct,
renamed or syndicated, built from the PolNeAR train articles) and writes
each document's ``quotelink.corpus.link_keys`` to OUT as a 4-byte
little-endian length and the serialised keys. Replaying OUT through
``LinkStream::add_keys`` (bench/link_replay.cc, built against any
libquotelink.a) separates the linker's memory and time from extraction,
and gives the same input to two builds of the linker:

    c++ -std=gnu++17 -O2 -Icpp/include bench/link_replay.cc \\
        build/dev/libquotelink.a -o build/link_replay
    build/link_replay OUT [EVERY [LIMIT [CLUSTERS]]]

--compare reads two CLUSTERS files (each quotation's cluster id as two
builds' replays gave it) and counts the quotations they link differently:
each quotation's cluster is named by the first quotation the stream put in
it, so one extra link does not shift every later id.
"""

from __future__ import annotations

import argparse
import array
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from link_bench import documents, load_articles  # noqa: E402


def first_members(path: str) -> list[int]:
    """Per quotation, the index of the first quotation of its cluster."""
    ids = array.array("i")
    with open(path, "rb") as f:
        ids.frombytes(f.read())
    first: dict[int, int] = {}
    return [first.setdefault(c, i) for i, c in enumerate(ids)]


def compare(a_path: str, b_path: str) -> str:
    a, b = first_members(a_path), first_members(b_path)
    if len(a) != len(b):
        raise SystemExit(f"{len(a)} quotations in {a_path}, {len(b)} in {b_path}")
    linked_a = sum(1 for i, f in enumerate(a) if f != i)
    linked_b = sum(1 for i, f in enumerate(b) if f != i)
    differ = sum(1 for x, y in zip(a, b) if x != y)
    return (f"{len(a):,} quotations: linked to an earlier one {linked_a:,} (A), {linked_b:,} (B); "
            f"in another cluster: {differ:,}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--compare"] and len(argv) == 3:
        print(compare(argv[1], argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", metavar="REGIME:N")
    parser.add_argument("out")
    parser.add_argument("--polnear", default="../shared/data/polnear")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    import quotelink as ql  # noqa: PLC0415
    from quotelink.corpus import link_keys  # noqa: PLC0415

    regime, count = args.run.split(":")
    articles = load_articles(args.polnear)
    done = 0
    with open(args.out, "wb") as out:
        for _, doc in ql.stream(documents(articles, int(count), regime), threads=args.threads):
            keys = link_keys(doc)
            out.write(struct.pack("<I", len(keys)))
            out.write(keys)
            done += 1
    print(f"{done} documents' keys written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
