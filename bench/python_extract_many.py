"""extract_many speed-up: one thread versus several, on a folder of articles.

    python bench/python_extract_many.py /work/shared/data/polnear/train/text --threads 1 2

Times the GIL-free core batch (_core.Extractor.extract_many), the full
Python call (quotelink.extract_many: Documents that wrap the C++ results,
their Python objects built lazily), and the Python call followed by writing
every document's JSONL (doc.to_jsonl(), made in C++), best of --repeat runs
each. With each time: the CPU cores the process obtained (CPU time / wall
time) and documents per CPU-second, which stay level from 1 to 2 threads
when the threads add no serial work, even on a machine shared with others.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Callable

import quotelink as ql
from quotelink import _core


def best(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """Best wall time of `repeat` runs, and the CPU time / wall time of that run
    (about N when N cores were busy: the evidence that threads really run in
    parallel even when other load on the machine hides the speed-up)."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    wall, cpu = min(runs)
    return wall, cpu / wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(Path(args.folder).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    data = [t.encode() for t in texts]
    megabytes = sum(map(len, data)) / 1e6
    core = _core.Extractor()
    extractor = ql.Extractor()
    print(f"{len(texts)} articles, {megabytes:.1f} MB, {os.cpu_count()} cores")
    base: dict[str, float] = {}

    def jsonl(threads: int) -> int:
        return sum(len(d.to_jsonl()) for d in extractor.extract_many(texts, threads=threads))

    for threads in args.threads:
        parts = []
        for label, run in (
            ("core", lambda: core.extract_many(data, threads)),
            ("quotelink.extract_many", lambda: extractor.extract_many(texts, threads=threads)),
            ("extract_many + to_jsonl", lambda: jsonl(threads)),
        ):
            wall, busy = best(args.repeat, run)
            base.setdefault(label, wall)
            parts.append(
                f"{label} {wall:.2f} s (x{base[label] / wall:.2f}, {busy:.2f} cores obtained, "
                f"{len(texts) / (wall * busy):,.0f} docs per CPU-second)"
            )
        print(f"threads={threads}: " + "; ".join(parts))


if __name__ == "__main__":
    main()
