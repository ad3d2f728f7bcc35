"""Benchmark of cross-document linking (quotelink.Corpus) on PolNeAR train.

    python bench/corpus_bench.py [--polnear /work/shared/data/polnear] [--scale 100000]

Reports, on the 840 PolNeAR train articles: extraction documents per second
(for reference) and linking documents per second (Corpus.add of extracted
documents: keys, entities, clusters). Then links a corpus of --scale documents
made from the train articles under new ids, in two regimes:

  distinct:   every copy's quotations get copy-specific words, so no quotation
              repeats and the shingle index grows with every document (the
              large-archive case);
  syndicated: copies repeat the originals verbatim (wire copy carried by many
              outlets), so most quotations are exact matches.

Peak resident memory is printed after each step (ru_maxrss).
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import os
import resource
import time

import quotelink as ql


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load(root: str) -> list[tuple[str, str]]:
    paths = sorted(glob.glob(os.path.join(root, "train", "text", "*.txt")))
    if not paths:
        raise SystemExit(f"no PolNeAR train texts under {root}")
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            out.append((os.path.basename(path), handle.read()))
    return out


def renamed(doc: ql.Document, copy: int, distinct: bool) -> ql.Document:
    """`doc` under a new id; with `distinct`, its quotations made unique."""
    if not distinct:
        return dataclasses.replace(doc, id=f"{copy}/{doc.id}")
    # Replacing every quotation by same-length copy-specific words keeps the
    # offsets valid while making each quotation new to the corpus.
    text = list(doc.text)
    quotes = []
    for number, q in enumerate(doc.quotes):
        words = q.text.split()
        fresh = " ".join(f"{w}{copy}" for w in words)
        fresh = (fresh + " " * len(q.text))[: len(q.text)]
        text[q.start : q.end] = fresh
        quotes.append(dataclasses.replace(q, text=fresh))
    return dataclasses.replace(doc, id=f"{copy}/{doc.id}", text="".join(text), quotes=quotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default="/work/shared/data/polnear")
    parser.add_argument("--scale", type=int, default=100_000, help="documents in the scaled runs (0: skip)")
    parser.add_argument("--threads", type=int, default=1, help="extraction threads")
    args = parser.parse_args()

    articles = load(args.polnear)
    extractor = ql.Extractor()
    start = time.perf_counter()
    docs = extractor.extract_many([t for _, t in articles], threads=args.threads, ids=[i for i, _ in articles])
    elapsed = time.perf_counter() - start
    quotes = sum(len(d.quotes) for d in docs)
    print(f"extract: {len(docs)} documents, {quotes} quotations, {elapsed:.2f} s, "
          f"{len(docs) / elapsed:.0f} documents/s ({args.threads} thread(s))")

    start, cpu = time.perf_counter(), time.process_time()
    corpus = ql.Corpus(docs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"link PolNeAR train: {len(docs)} documents in {elapsed:.3f} s = "
          f"{len(docs) / elapsed:.0f} documents/s ({len(docs) / cpu:.0f} per CPU second); "
          f"{len(corpus.speakers)} speakers, "
          f"{len(corpus.quote_clusters)} shared quotations; peak {peak_mb():.0f} MB")

    for regime in ("distinct", "syndicated"):
        if args.scale <= 0:
            break
        # A stream: only ids, entities and clusters are kept, not records.
        corpus = ql.Corpus(keep_records=False)
        start, cpu = time.perf_counter(), time.process_time()
        n = 0
        copy = 0
        while n < args.scale:
            for doc in docs:
                if n == args.scale:
                    break
                corpus.add(renamed(doc, copy, regime == "distinct"))
                n += 1
            copy += 1
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"link {regime} x{n}: {elapsed:.1f} s = {n / elapsed:.0f} documents/s "
              f"({n / cpu:.0f} per CPU second, incl. making the copies); "
              f"{len(corpus.clusters(1))} clusters; peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
