"""Linear growth on hostile input: extraction time and peak memory against
input size, for inputs built to trigger quadratic paths.

Each measurement runs in a fresh Python process, so peak memory (ru_maxrss)
belongs to that one extraction: the figure reported is the growth of the
peak resident set during ql.extract() over the resident set just before it
(input already built, extractor warmed up), divided by the input size.

    python bench/growth_bench.py                    # 1, 2, 4, 8 MB
    python bench/growth_bench.py --sizes 1,4,16,64,100 --kinds prose
    python bench/growth_bench.py --markdown --check # table; fail if not linear
    python bench/growth_bench.py --update-doc docs/benchmarks.md

--update-doc rewrites only the text between <!-- growth:begin --> and
<!-- growth:end --> in that file (appending the section when it is missing),
so the rest of docs/benchmarks.md stays with its own generator.

--check fails when a kind's log-log slope of time against size exceeds 1.25
(linear is 1, quadratic 2) or its memory is not bounded by a fixed floor plus
under 10x the input: the least-squares line of peak bytes against input bytes
over the sizes measured (`memory_fit`) must have a slope under
MEMORY_PER_BYTE_BUDGET and an intercept under MEMORY_FLOOR_BUDGET (one
window's working set: texts over 32 KB are analysed in windows, see
docs/reliability.md). With one size only, the ratio itself must be under 10x.
The verdict also names every size whose ratio is over 10x (the floor's
share of a small input).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys

MB = 1 << 20
# Peak memory budget: peak <= floor + slope * input, the slope under 10 and the
# floor (one 32 KB window's working set, which every windowed text carries
# whatever its length) under 4 MB.
MEMORY_PER_BYTE_BUDGET = 10.0
MEMORY_FLOOR_BUDGET = 4 * MB

PARAGRAPH = (
    '"We will not accept this," Foreign Minister Sergei Lavrov said on Tuesday. '
    "The ministry added that talks would go on. \u201cIt is counter-productive,\u201d "
    "the official told reporters.\n\n"
)


def _repeat(unit: str, size: int) -> bytes:
    data = unit.encode("utf-8")
    return (data * (size // len(data) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")


def _nested(size: int) -> bytes:
    # Nesting depth grows with the input: the worst case for anything that
    # walks every enclosing quotation of every token.
    depth = size // 10  # ten bytes per level: "\u201ca " and " c\u201d"
    opening = "".join("\u201ca " if i % 2 == 0 else "\u2018b " for i in range(depth))
    closing = "".join(" c\u201d" if i % 2 == 0 else " d\u2019" for i in reversed(range(depth)))
    return (opening + closing).encode("utf-8")


# name -> (description, builder of `size` bytes)
KINDS = {
    "prose": ("news paragraphs, two attributed quotations each", lambda n: _repeat(PARAGRAPH, n)),
    "one_paragraph": (
        "one paragraph of cue + quotation sentences",
        lambda n: _repeat('Officials said the talks "went well and will go on" today. ', n),
    ),
    "unbalanced": ("unbalanced quotation marks", lambda n: _repeat('"word ', n)),
    "nested": ("quotations nested ever deeper", _nested),
    "no_spaces": ("one line, no spaces", lambda n: b"a" * n),
    "crlf_nul_bom": (
        "BOM, CRLF lines and NUL bytes",
        lambda n: b"\xef\xbb\xbf" + _repeat(PARAGRAPH.replace("\n", "\r\n").replace(" on ", " \0on "), n - 3),
    ),
    # Reported-speech chains (issue #19): every cue reports a clause that,
    # without a structural limit, runs to the end of its window.
    "said_that": ('"Smith said that " repeated, no full stop', lambda n: _repeat("Smith said that ", n)),
    "dash_asides": (
        "dash asides with no full stop",
        lambda n: _repeat("The talks went well \u2014 said Jones \u2014 and ", n),
    ),
    "according_chain": (
        '"according to X," chain with no full stop',
        lambda n: _repeat("He said, according to Smith, ", n),
    ),
    "dense_quotes": (
        "one paragraph of short quotations, each with its own speaker",
        lambda n: _repeat('"Yes," said Jane Roe. "No," said John Doe. "Maybe," Ann Lee said. ', n),
    ),
    "dense_pronouns": (
        "one paragraph of short quotations attributed to pronouns",
        lambda n: _repeat('"Yes," he said. "No," she said. ', n),
    ),
    "dense_name": (
        "one paragraph of short quotations by one repeated name",
        lambda n: _repeat('"Yes," Smith said. ', n),
    ),
}


def _child(kind: str, size: int) -> None:
    import resource
    import time

    import quotelink as ql

    data = KINDS[kind][1](size)
    extractor = ql.Extractor()
    extractor.extract(PARAGRAPH)  # warm-up: lexicons, ICU data
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    doc = extractor.extract(data)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    # After the peak is taken: the JSONL a crawl would write for this input
    # (`quotelink extract -f jsonl`: one record per quotation).
    output = len(doc.to_jsonl().encode("utf-8"))
    result = {"seconds": seconds, "extra_bytes": max(0, peak - before), "quotes": len(doc.quotes), "output": output}
    print(json.dumps(result))


def measure(kind: str, size: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result.update(kind=kind, size=size)
    return result


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(y) against log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-6)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def memory_fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares (floor, slope) of peak bytes = floor + slope * input bytes."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    den = sum((x - mx) ** 2 for x, _ in points)
    if not den:
        return 0.0, my / mx if mx else 0.0
    k = sum((x - mx) * (y - my) for x, y in points) / den
    return my - k * mx, k


def memory_verdict(points: list[tuple[float, float]]) -> tuple[bool, str]:
    """Whether (input bytes, peak bytes) points meet the budget, and why."""
    floor, k = memory_fit(points)
    over = [f"{x / MB:g} MB {y / x:.2f}x" for x, y in points if y > MEMORY_PER_BYTE_BUDGET * x]
    if len({x for x, _ in points}) < 2:
        ok = not over
        return ok, f"peak memory {max(y / x for x, y in points):.2f}x input"
    ok = k < MEMORY_PER_BYTE_BUDGET and floor < MEMORY_FLOOR_BUDGET
    why = f"peak memory ~ {floor / MB:.2f} MB + {k:.2f}x input"
    if over:
        why += " (over 10x at " + ", ".join(over) + ")"
    return ok, why


BEGIN, END = "<!-- growth:begin -->", "<!-- growth:end -->"


def _update_doc(
    path: str, kinds: list[str], table: list[str], command: str, failures: list[str], bounds: list[str]
) -> None:
    import datetime
    import os
    import platform

    import quotelink as ql

    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        BEGIN,
        "## Linear growth on hostile input",
        "",
        f"Generated {when} by `{command}` (quotelink {ql.__version__}, Python "
        f"{platform.python_version()}, load average {load} on a shared 2-core machine).",
        "Each row is one `Extractor.extract` call from Python in a fresh process (the quotations",
        "are not read, so no Python object per quotation is built); *peak memory*",
        "is the growth of the process's peak resident set during the call over the resident set",
        "just before it, divided by the input size. *time ~ size^k* is the least-squares slope",
        "of log time against log size over the sizes of that input: 1 is linear, 2 quadratic.",
        "The memory bound is the least-squares line of peak bytes against input bytes over those",
        "sizes (`memory_fit`): a fixed floor (one 32 KB window's working set) plus a slope; the",
        f"budget is a slope under {MEMORY_PER_BYTE_BUDGET:g}x and a floor under {MEMORY_FLOOR_BUDGET / MB:g} MB.",
        "",
        "Inputs: " + "; ".join(f"*{k}*: {KINDS[k][0]}" for k in kinds) + ".",
        "",
        *table,
        "",
        "Memory: " + "; ".join(bounds) + ".",
        "",
        ("Verdict: " + ("over budget (time slope > 1.25, or memory not under the floor plus 10x): "
                        + "; ".join(failures) if failures else
                        "every input grows linearly (k <= 1.25) and peak memory stays under the floor plus "
                        "10x the input.")),
        "",
        "Where the memory goes, and why texts over 32 KB are analysed in windows: the Memory",
        "section of docs/reliability.md (`bench/cpp/quotelink_memory_bench FILE` counts heap bytes",
        "per stage).",
        END,
    ]
    section = "\n".join(lines)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = ""
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="input sizes in MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help="input kinds, comma-separated")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--check", action="store_true", help="fail unless linear and < 10x memory")
    parser.add_argument("--update-doc", metavar="PATH", help="write the table into PATH's growth section")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return 0

    sizes = [int(float(s) * MB) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")
    rows, failures, bounds = [], [], []
    for kind in kinds:
        results = [measure(kind, size) for size in sizes]
        k = slope([(r["size"], r["seconds"]) for r in results])
        memory_ok, memory_why = memory_verdict([(r["size"], r["extra_bytes"]) for r in results])
        for r in results:
            rows.append((kind, r, k))
            if not args.markdown:
                print(
                    f"{kind:14} {r['size'] / MB:6.0f} MB {r['seconds']:8.2f} s "
                    f"{r['seconds'] / (r['size'] / MB):6.3f} s/MB "
                    f"memory {r['extra_bytes'] / r['size']:5.2f}x  quotes {r['quotes']} "
                    f"output {r['output'] / r['size']:6.2f}x",
                    flush=True,
                )
        if not args.markdown:
            print(f"{kind:14} time ~ size^{k:.2f}, {memory_why}", flush=True)
        if k > 1.25 or not memory_ok:
            failures.append(f"{kind}: slope {k:.2f}, {memory_why}")
        bounds.append(f"*{kind}* {memory_why}")
    table = [
        "| input | size | time | s/MB | peak memory / input | quotations | JSONL bytes / input | time ~ size^k |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, r, k in rows:
        table.append(
            f"| {kind} | {r['size'] / MB:g} MB | {r['seconds']:.2f} s | "
            f"{r['seconds'] / (r['size'] / MB):.3f} | {r['extra_bytes'] / r['size']:.2f}x | "
            f"{r['quotes']} | {r['output'] / r['size']:.2f}x | {k:.2f} |"
        )
    if args.markdown:
        print("\n".join(table))
    if args.update_doc:
        command = "python bench/growth_bench.py " + " ".join(
            a for a in (argv if argv is not None else sys.argv[1:])
        )
        _update_doc(args.update_doc, kinds, table, command, failures, bounds)
    for failure in failures:
        print("FAILS (time slope > 1.25, or memory not under the floor plus 10x):", failure, file=sys.stderr)
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
