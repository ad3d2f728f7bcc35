"""Memory and throughput of ``quotelink extract --link`` on a long stream.

    python bench/link_bench.py --runs distinct:20000,distinct:100000,syndicated:20000
        [--polnear DIR] [--threads 2] [--in-process 20000]

Builds a JSONL stream of N documents from the PolNeAR train articles under
new ids, in two regimes:

  distinct:   every copy's quoted words get a copy-specific suffix, so no
              quotation in marks repeats and the quotation index grows with
              every document (news: each article quotes its own words);
  renamed:    as distinct, and every person quotelink finds in an article
              is renamed in each copy ("Lavrov" -> "Lavrovxb"), so every
              copy brings new linking keys and every reported clause naming
              someone is new too (the worst case for linking memory);
  syndicated: the articles repeat verbatim (wire copy carried by many
              outlets): most quotations and names are exact matches.

With --in-process REGIME:N, the first N documents of that stream are also
extracted and linked in this process (quotelink.stream, LinkStream.link_text)
and the linker's own count of the bytes it holds (LinkStream.held_bytes) is
reported per document; with --every K also after each K documents.

Each run is one ``quotelink extract -f jsonl -o /dev/null`` process; its peak
resident set (ru_maxrss of the child) is reported, and the linking memory per
document is the peak with --link minus the peak without it on the same
stream, divided by N (the extraction window and the interpreter cancel out).
Throughput is documents per second of wall-clock time, with and without
--link, in the same run; on a shared machine the CPU seconds of each process
(user + system) compare the work more steadily.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

QUOTED = re.compile(r"([\"\u201c])([^\"\u201c\u201d\n]{1,2000}?)([\"\u201d])")
WORD = re.compile(r"[A-Za-z]{2,}")


def _tag(copy: int) -> str:
    letters = ""
    copy += 1
    while copy:
        copy, digit = divmod(copy - 1, 26)
        letters = chr(ord("a") + digit) + letters
    return letters


def surnames(text: str) -> list[str]:
    """The last words of the person names quotelink finds in `text`."""
    import quotelink as ql  # noqa: PLC0415

    doc = ql.extract(text)
    found = set()
    for entity in doc.entities:
        if entity.type != "person":
            continue
        for m in entity.mention_ids:
            mention = doc.mentions[m]
            if mention.kind == "name":
                last = mention.text.split()[-1] if mention.text.split() else ""
                if re.fullmatch(r"[A-Z][a-z]{2,}", last):
                    found.add(last)
    return sorted(found)


def distinct_copy(text: str, copy: int, names: list[str]) -> str:
    """`text` with every word in quotation marks and every surname in
    `names` (none: no renaming) made copy-specific."""
    tag = "q" + _tag(copy) + "q"  # "winqdq": no copy's word is another's

    def quoted(match: "re.Match[str]") -> str:
        words = WORD.sub(lambda w: w.group(0) + tag, match.group(2))
        return match.group(1) + words + match.group(3)

    text = QUOTED.sub(quoted, text)
    if names and copy:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
        text = pattern.sub(lambda m: m.group(1) + "x" + _tag(copy), text)
    return text


REGIMES = ("distinct", "renamed", "syndicated")


def load_articles(polnear: str) -> list[tuple[str, str, list[str]]]:
    """(name, text, surnames) of each PolNeAR train article under `polnear`."""
    paths = sorted(glob.glob(os.path.join(polnear, "train", "text", "*.txt")))
    if not paths:
        raise SystemExit(f"no PolNeAR train texts under {polnear}")
    articles = []
    for p in paths:
        text = open(p, encoding="utf-8").read()
        articles.append((os.path.basename(p), text, surnames(text)))
    return articles


def documents(articles: list[tuple[str, str, list[str]]], count: int, regime: str):
    """(id, text) of the stream's `count` documents."""
    if regime not in REGIMES:
        raise SystemExit(f"unknown regime {regime!r}: one of {', '.join(REGIMES)}")
    for i in range(count):
        name, text, names = articles[i % len(articles)]
        copy = i // len(articles)
        if regime != "syndicated":
            text = distinct_copy(text, copy, names if regime == "renamed" else [])
        yield f"{copy}/{name}", text


def write_stream(path: str, articles: list[tuple[str, str, list[str]]], count: int, regime: str) -> int:
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for doc_id, text in documents(articles, count, regime):
            line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            out.write(line)
    return size


def in_process(
    articles: list[tuple[str, str, list[str]]], regime: str, count: int, threads: int, every: int = 0
) -> str:
    """Rows of the stream linked in this process: LinkStream's own count of
    the bytes it holds and the resident set's growth, per document, after
    the whole stream, and with `every` also after each `every` documents (how
    the figure moves along one stream)."""
    import resource  # noqa: PLC0415

    import quotelink as ql  # noqa: PLC0415
    from quotelink.corpus import LinkStream  # noqa: PLC0415

    linker = LinkStream()
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    records = done = 0
    rows = []

    def row() -> str:
        seconds = time.perf_counter() - started
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start_rss) * 1024
        core = linker._core
        return (
            f"| {regime} | {done:,} | {records:,} | "
            f"{done / seconds:,.0f} docs/s | {linker.held_bytes / done:,.0f} bytes held / document "
            f"({core.linked_entities:,} keys, {core.indexed_postings:,} postings, {core.entities:,} entity ids) | "
            f"peak growth {grown / done:,.0f} bytes / document |"
        )

    for _, doc in ql.stream(documents(articles, count, regime), threads=threads):
        records += linker.link_text(doc).count("\n")
        done += 1
        if every and done % every == 0 and done < count:
            rows.append(row())
    rows.append(row())
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default="../shared/data/polnear")
    parser.add_argument("--runs", default="distinct:20000,distinct:100000,syndicated:20000")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--in-process", default="", metavar="REGIME:N,...")
    parser.add_argument("--every", type=int, default=0, metavar="N",
                        help="with --in-process: a row after each N documents too")
    args = parser.parse_args(argv)
    articles = load_articles(args.polnear)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# {len(articles)} train articles; load average {load}; {args.threads} threads", flush=True)
    print("| regime | documents | input | without --link: docs/s, peak | with --link: docs/s, peak | "
          "linking memory / document | slowdown (wall) | CPU s without, with (ratio) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in filter(None, args.runs.split(",")):
        regime, count_text = run.split(":")
        count = int(count_text)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "stream.jsonl")
            size = write_stream(path, articles, count, regime)
            # Each measurement in its own fresh child, so that ru_maxrss
            # is that child's (RUSAGE_CHILDREN keeps the largest so far).
            plain = _child(path, False, args.threads)
            linked = _child(path, True, args.threads)
        per_doc = (linked["peak_kb"] - plain["peak_kb"]) * 1024 / count
        print(
            f"| {regime} | {count:,} | {size / 2**20:.0f} MB | {count / plain['seconds']:,.0f}, "
            f"{plain['peak_kb'] / 1024:.0f} MB | {count / linked['seconds']:,.0f}, "
            f"{linked['peak_kb'] / 1024:.0f} MB | {per_doc:,.0f} bytes | "
            f"{linked['seconds'] / plain['seconds']:.2f}x | {plain['cpu']:.0f}, {linked['cpu']:.0f} "
            f"({linked['cpu'] / plain['cpu']:.2f}x) |",
            flush=True,
        )
    if args.in_process:
        print()
        print("In process (quotelink.stream + LinkStream.link_text):")
        print()
        print("| regime | documents | records | throughput | held by the linker | resident set |")
        print("| --- | ---: | ---: | ---: | --- | ---: |")
        for run in args.in_process.split(","):
            regime, count_text = run.split(":")
            print(in_process(articles, regime, int(count_text), args.threads, args.every), flush=True)
    return 0


def _child(path: str, link: bool, threads: int) -> dict:
    """One run in a wrapper process that reports its own child's peak."""
    code = (
        "import json, sys, time, resource, subprocess\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True)\n"
        "seconds = time.perf_counter() - started\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'seconds': seconds, 'peak_kb': usage.ru_maxrss, "
        "'cpu': usage.ru_utime + usage.ru_stime}))\n"
    )
    args = [sys.executable, "-m", "quotelink", "extract", "-f", "jsonl", "-o", os.devnull, "-j", str(threads), path]
    if link:
        args.insert(4, "--link")
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
