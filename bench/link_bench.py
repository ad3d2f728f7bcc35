"""Memory and throughput of ``quotelink extract --link`` on a long stream.

    python bench/link_bench.py --sizes 20000,100000 [--polnear DIR] [--threads 2]

Builds a JSONL stream of N documents from the PolNeAR train articles under
new ids, in two regimes:

  distinct:   every copy's quoted words get a copy-specific suffix, so no
              quotation in marks repeats and the quotation index grows with
              every document (the worst case for linking memory);
  syndicated: the articles repeat verbatim (wire copy carried by many
              outlets): most quotations and names are exact matches.

Each run is one ``quotelink extract -f jsonl -o /dev/null`` process; its peak
resident set (ru_maxrss of the child) is reported, and the linking memory per
document is the peak with --link minus the peak without it on the same
stream, divided by N (the extraction window and the interpreter cancel out).
Throughput is documents per second of wall-clock time, with and without
--link, in the same run.
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

QUOTED = re.compile(r"([\"\u201c])([^\"\u201c\u201d\n]{1,2000}?)([\"\u201d])")
WORD = re.compile(r"[A-Za-z]{2,}")


def _tag(copy: int) -> str:
    letters = ""
    copy += 1
    while copy:
        copy, digit = divmod(copy - 1, 26)
        letters = chr(ord("a") + digit) + letters
    return letters


def distinct_copy(text: str, copy: int) -> str:
    """`text` with every word in quotation marks made copy-specific."""
    tag = "q" + _tag(copy) + "q"  # "winqdq": no copy's word is another's

    def quoted(match: "re.Match[str]") -> str:
        words = WORD.sub(lambda w: w.group(0) + tag, match.group(2))
        return match.group(1) + words + match.group(3)

    return QUOTED.sub(quoted, text)


def write_stream(path: str, articles: list[tuple[str, str]], count: int, distinct: bool) -> int:
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            name, text = articles[i % len(articles)]
            copy = i // len(articles)
            if distinct:
                text = distinct_copy(text, copy)
            line = json.dumps({"id": f"{copy}/{name}", "text": text}, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            out.write(line)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", default="../shared/data/polnear")
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--regimes", default="distinct,syndicated")
    args = parser.parse_args(argv)
    paths = sorted(glob.glob(os.path.join(args.polnear, "train", "text", "*.txt")))
    if not paths:
        raise SystemExit(f"no PolNeAR train texts under {args.polnear}")
    articles = [(os.path.basename(p), open(p, encoding="utf-8").read()) for p in paths]
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# {len(articles)} train articles; load average {load}; {args.threads} threads", flush=True)
    print("| regime | documents | input | without --link: docs/s, peak | with --link: docs/s, peak | "
          "linking memory / document | slowdown |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for regime in args.regimes.split(","):
        for count in (int(s) for s in args.sizes.split(",")):
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "stream.jsonl")
                size = write_stream(path, articles, count, regime == "distinct")
                # Each measurement in its own fresh child, so that ru_maxrss
                # is that child's (RUSAGE_CHILDREN keeps the largest so far).
                plain = _child(path, False, args.threads)
                linked = _child(path, True, args.threads)
            per_doc = (linked["peak_kb"] - plain["peak_kb"]) * 1024 / count
            print(
                f"| {regime} | {count:,} | {size / 2**20:.0f} MB | {count / plain['seconds']:,.0f}, "
                f"{plain['peak_kb'] / 1024:.0f} MB | {count / linked['seconds']:,.0f}, "
                f"{linked['peak_kb'] / 1024:.0f} MB | {per_doc:,.0f} bytes | "
                f"{linked['seconds'] / plain['seconds']:.2f}x |",
                flush=True,
            )
    return 0


def _child(path: str, link: bool, threads: int) -> dict:
    """One run in a wrapper process that reports its own child's peak."""
    code = (
        "import json, sys, time, resource, subprocess\n"
        "started = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True)\n"
        "seconds = time.perf_counter() - started\n"
        "print(json.dumps({'seconds': seconds, "
        "'peak_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    args = [sys.executable, "-m", "quotelink", "extract", "-f", "jsonl", "-o", os.devnull, "-j", str(threads), path]
    if link:
        args.insert(4, "--link")
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
