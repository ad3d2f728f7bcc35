"""Scaling benchmark: documents per second on 1 and 2 threads and on a Dask
LocalCluster with 1 and 2 worker processes, and peak memory of streaming a
corpus far larger than a memory cap allows to hold.

The corpus is PolNeAR train repeated under new ids (JSONL in /tmp), so every
figure is over real news text. Run from the repository root:

    python bench/scale_bench.py --train /work/shared/data/polnear/train/text

Prints a Markdown report (also written to --report when given).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

import quotelink as ql

DEFAULT_TRAIN = "/work/shared/data/polnear/train/text"


def read_train(directory: Path) -> list[tuple[str, str]]:
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        raise SystemExit(f"scale_bench: no *.txt under {directory}")
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def write_corpus(train: list[tuple[str, str]], repeats: int, path: Path) -> int:
    """Writes `repeats` copies of `train` under new ids as JSONL; returns bytes."""
    with path.open("w", encoding="utf-8") as out:
        for r in range(repeats):
            for name, text in train:
                out.write(json.dumps({"id": f"r{r}/{name}", "text": text}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def best_rate(run: Callable[[], int], repeat: int) -> tuple[float, float]:
    """Documents per second of the fastest of `repeat` runs (the machine is
    shared), and the CPU cores this process used during that run."""
    best, cores = 0.0, 0.0
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        count = run()
        wall = time.perf_counter() - started
        if count / wall > best:
            best, cores = count / wall, (time.process_time() - cpu) / wall
    return best, cores


def core_pool_rate(items: list[tuple[str, bytes]], threads: int) -> int:
    """The C++ worker pool alone: results are taken back but not converted."""
    pool = ql._core.Stream(ql.Extractor()._core, threads, 4 * threads)
    done = 0
    for doc_id, data in items:
        if pool.full():
            done += pool.next() is not None
        pool.submit(doc_id, data)
    while pool.next() is not None:
        done += 1
    return done


def stream_rate(items: list[tuple[str, str]], threads: int) -> int:
    """quotelink.stream(): Documents, as the Python API hands them out."""
    return sum(1 for _ in ql.stream(items, threads=threads))


def extract_many_rate(items: list[tuple[str, str]], threads: int) -> int:
    """quotelink.extract_many(): one batch, Documents in input order."""
    return len(ql.extract_many([t for _, t in items], ids=[i for i, _ in items], threads=threads))


def jsonl_rate(items: list[tuple[str, str]], threads: int) -> int:
    """What `quotelink extract --format jsonl` does per document: the stream
    with the JSONL text written by the workers, here to a null sink."""
    from quotelink.stream import serialized

    extractor = ql.Extractor()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        done = 0
        for _, text in serialized(items, "jsonl", threads=threads, extractor=extractor):
            sink.write(text)
            done += 1
    return done


def threads_section(train: list[tuple[str, str]], repeat: int) -> list[str]:
    items = train * 2
    encoded = [(i, t.encode("utf-8")) for i, t in items]
    rows = [
        "| what | 1 thread | 2 threads | speed-up | CPU cores obtained (1 / 2 threads) "
        "| docs per CPU-second (1 / 2 threads) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, run in (
        ("C++ worker pool (extraction only)", lambda n: core_pool_rate(encoded, n)),
        ("`quotelink.extract_many()` (Python Documents)", lambda n: extract_many_rate(items, n)),
        ("`quotelink.stream()` (Python Documents)", lambda n: stream_rate(items, n)),
        ("`quotelink extract --format jsonl` path (JSONL from the workers)", lambda n: jsonl_rate(items, n)),
    ):
        one, one_cores = best_rate(lambda: run(1), repeat)
        two, two_cores = best_rate(lambda: run(2), repeat)
        rows.append(
            f"| {label} | {one:,.0f} docs/s | {two:,.0f} docs/s | {two / one:.2f}x | "
            f"{one_cores:.2f} / {two_cores:.2f} | {one / one_cores:,.0f} / {two / two_cores:,.0f} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


def dask_section(corpus: Path, repeat: int) -> list[str]:
    try:
        import dask.bag as db
        import distributed

        import quotelink.dask as qd
    except ImportError:
        return ["(Dask not installed: pip install 'quotelink[dask]')"]
    rows = [
        "| Dask LocalCluster | docs/s | speed-up | CPU cores obtained by the workers | docs per worker CPU-second |",
        "|---|---:|---:|---:|---:|",
    ]
    documents = sum(1 for _ in corpus.open(encoding="utf-8"))
    rates = {}
    for workers in (1, 2):
        with distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster, distributed.Client(cluster) as client:
            client.wait_for_workers(workers)
            bag = db.read_text(str(corpus), blocksize="256KiB").map(json.loads)
            len(qd.extract_bag(bag.take(8, npartitions=1, compute=False)))  # warm the workers

            def worker_cpu() -> float:
                return sum(client.run(time.process_time).values())

            best, cores, per_cpu = 0.0, 0.0, 0.0
            for _ in range(repeat):
                started, cpu = time.perf_counter(), worker_cpu()
                len(qd.extract_bag(bag))  # every quotation row is built on a worker
                wall, used = time.perf_counter() - started, worker_cpu() - cpu
                if documents / wall > best:
                    best, cores, per_cpu = documents / wall, used / wall, documents / used
            rates[workers] = best
        rows.append(
            f"| {workers} worker process{'es' if workers > 1 else ''} | {best:,.0f} | "
            f"{best / rates[1]:.2f}x | {cores:.2f} | {per_cpu:,.0f} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
    return rows


CHILD = r"""
import json, resource, sys
import quotelink as ql
mode, path = sys.argv[1], sys.argv[2]
def items():
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield record["id"], record["text"]
held, quotes, documents = [], 0, 0
try:
    for doc_id, doc in ql.stream(items(), threads=2):
        if isinstance(doc, ql.Error):  # e.g. out of memory inside a worker
            raise MemoryError(str(doc))
        documents += 1
        quotes += len(doc.quotes)
        if mode == "whole":
            held.append(doc)
    outcome = "ok"
except MemoryError:
    held.clear()
    outcome = "MemoryError"
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent.
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM:"))
print(json.dumps({"outcome": outcome, "documents": documents, "quotes": quotes, "peak_mb": peak}))
"""


def capped(command: list[str], cap_mb: int | None) -> list[str]:
    if cap_mb is None:
        return command
    return ["prlimit", f"--as={cap_mb * 1024 * 1024}", "--"] + command


# glibc reserves 64 MiB of address space per malloc arena; under an address-
# space cap the failed reservations are retried on every allocation (seconds
# of system time). One arena keeps the capped runs as fast as uncapped ones.
CAPPED_ENV = dict(os.environ, MALLOC_ARENA_MAX="1")


def run_child(mode: str, corpus: Path, cap_mb: int | None) -> dict:
    command = capped([sys.executable, "-c", CHILD, mode, str(corpus)], cap_mb)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=CAPPED_ENV)
    seconds = time.perf_counter() - started
    if done.returncode != 0 or not done.stdout.strip():
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"outcome": f"exit {done.returncode}: {tail[0][:80]}", "documents": 0, "peak_mb": None, "seconds": seconds}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["seconds"] = seconds
    return result


def cli_peak(corpus: Path, cap_mb: int | None) -> dict:
    """Peak RSS of `quotelink extract --format jsonl` over the corpus."""
    script = (
        "import sys; from quotelink.cli import main; status = main(sys.argv[1:]); sys.stdout.flush(); "
        "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]; "
        "print(int(hwm) // 1024, status, file=sys.stderr)"
    )
    command = capped([sys.executable, "-c", script, "extract", "--format", "jsonl", str(corpus)], cap_mb)
    started = time.perf_counter()
    with open(os.devnull, "w") as sink:
        done = subprocess.run(
            command, stdout=sink, stderr=subprocess.PIPE, text=True, check=False, env=CAPPED_ENV
        )
    seconds = time.perf_counter() - started
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    parts = last.split()
    if done.returncode != 0 or len(parts) != 2 or not parts[0].isdigit():
        return {"outcome": f"exit {done.returncode}: {last[:80]}", "peak_mb": None, "seconds": seconds}
    return {"outcome": "ok", "peak_mb": int(parts[0]), "seconds": seconds}


def memory_section(train: list[tuple[str, str]], small_repeats: int, big_repeats: int, cap_mb: int) -> list[str]:
    small = Path("/tmp/quotelink-scale-small.jsonl")
    big = Path("/tmp/quotelink-scale-big.jsonl")
    small_bytes = write_corpus(train, small_repeats, small)
    big_bytes = write_corpus(train, big_repeats, big)
    rows = [
        f"Memory cap: `prlimit --as={cap_mb}MiB` (address space, so it also bounds "
        "thread stacks and allocator arenas; `MALLOC_ARENA_MAX=1`). Peak RSS is the "
        "process's VmHWM.",
        "",
        "| run | corpus | cap | outcome | documents | peak RSS | time |",
        "|---|---|---|---|---:|---:|---:|",
    ]

    def row(label: str, corpus_label: str, cap: str, result: dict) -> None:
        peak = f"{result['peak_mb']} MB" if result.get("peak_mb") is not None else "-"
        docs = f"{result['documents']:,}" if "documents" in result else "all"
        rows.append(
            f"| {label} | {corpus_label} | {cap} | {result['outcome']} | {docs} | {peak} | {result['seconds']:.0f} s |"
        )
        print(rows[-1], file=sys.stderr, flush=True)

    small_label = f"{small_repeats}x train ({small_bytes / 2**20:.0f} MB)"
    big_label = f"{big_repeats}x train ({big_bytes / 2**20:.0f} MB)"
    whole_small = run_child("whole", small, None)
    row("hold every Document (no cap)", small_label, "none", whole_small)
    row("hold every Document", big_label, f"{cap_mb} MiB", run_child("whole", big, cap_mb))
    row("`quotelink.stream()`", small_label, f"{cap_mb} MiB", run_child("stream", small, cap_mb))
    row("`quotelink.stream()`", big_label, f"{cap_mb} MiB", run_child("stream", big, cap_mb))
    row("`quotelink extract --format jsonl`", big_label, f"{cap_mb} MiB", cli_peak(big, cap_mb))
    if whole_small.get("peak_mb"):
        per_repeat = whole_small["peak_mb"] / small_repeats
        rows += [
            "",
            f"Holding {small_repeats}x train whole peaks at {whole_small['peak_mb']} MB, so the "
            f"{big_repeats}x corpus held whole would need about {per_repeat * big_repeats:,.0f} MB: "
            f"{per_repeat * big_repeats / cap_mb:.0f} times the cap.",
        ]
    small.unlink()
    big.unlink()
    return rows


BEGIN, END = "<!-- scale:begin -->", "<!-- scale:end -->"


def update_docs(path: Path, report: str, command: str) -> None:
    """Puts the report between the scale markers of `path` (appended if absent)."""
    section = (
        f"{BEGIN}\n## Scaling: streaming on one machine and Dask\n\n"
        f"<!-- Generated by bench/scale_bench.py: do not edit by hand; re-run it. -->\n\n"
        f"Generated {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by:\n\n"
        f"```sh\n{command}\n```\n\n{report}{END}\n"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        text = head + section + tail
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", default=DEFAULT_TRAIN, help="directory of PolNeAR train *.txt")
    parser.add_argument("--repeat", type=int, default=3, help="runs per throughput figure (best is kept)")
    parser.add_argument("--cap-mb", type=int, default=120, help="address-space cap for the memory runs")
    parser.add_argument("--small-repeats", type=int, default=4)
    parser.add_argument("--big-repeats", type=int, default=120)
    parser.add_argument("--skip", choices=["threads", "dask", "memory"], action="append", default=[])
    parser.add_argument("--report", help="also write the Markdown report to this file")
    parser.add_argument(
        "--update-docs",
        metavar="MD",
        help=f"replace the section between {BEGIN} and {END} of this file (e.g. docs/benchmarks.md)",
    )
    args = parser.parse_args(argv)

    train = read_train(Path(args.train))
    load = os.getloadavg()
    lines = [
        f"quotelink {ql.__version__}; PolNeAR train: {len(train)} articles; "
        f"{os.cpu_count()} CPUs; load average at start {load[0]:.1f} "
        f"(the machine is shared, so figures are the best of {args.repeat} runs).",
        "",
    ]
    if "threads" not in args.skip:
        lines += ["Throughput on one machine (PolNeAR train x2, in memory):", ""]
        lines += threads_section(train, args.repeat) + [""]
    if "dask" not in args.skip:
        corpus = Path("/tmp/quotelink-scale-dask.jsonl")
        write_corpus(train, 2, corpus)
        lines += ["Throughput on a Dask LocalCluster (PolNeAR train x2 from JSONL, 1 thread per worker):", ""]
        lines += dask_section(corpus, args.repeat) + [""]
        corpus.unlink()
    if "memory" not in args.skip:
        lines += ["Bounded memory while streaming:", ""]
        lines += memory_section(train, args.small_repeats, args.big_repeats, args.cap_mb)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.report:
        Path(args.report).write_text(report, encoding="utf-8")
    if args.update_docs:
        command = "python bench/scale_bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
        update_docs(Path(args.update_docs), report, command)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(benchmark process peak RSS: {self_peak} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
