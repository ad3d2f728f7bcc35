"""extract_many speed-up: one thread versus several, on a folder of articles.

    python bench/python_extract_many.py /work/shared/data/polnear/train/text --threads 1 2

Times the GIL-free core batch (_core.Extractor.extract_many) and the full
Python call (quotelink.extract_many, which also builds the Python objects),
best of --repeat runs each.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import quotelink as ql
from quotelink import _core


def best(repeat: int, run) -> tuple[float, float]:
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
    base_core = base_full = None
    for threads in args.threads:
        t_core, busy_core = best(args.repeat, lambda: core.extract_many(data, threads))
        t_full, busy_full = best(args.repeat, lambda: extractor.extract_many(texts, threads=threads))
        base_core = base_core or t_core
        base_full = base_full or t_full
        print(
            f"threads={threads}: core {t_core:.2f} s ({megabytes / t_core:.1f} MB/s, x{base_core / t_core:.2f}, "
            f"{busy_core:.2f} cores busy); quotelink.extract_many {t_full:.2f} s (x{base_full / t_full:.2f}, "
            f"{busy_full:.2f} cores busy)"
        )


if __name__ == "__main__":
    main()
