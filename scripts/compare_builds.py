#!/usr/bin/env python3
"""Same answers? Builds two revisions of quotelink and diffs their JSONL.

    python scripts/compare_builds.py                  # b51f80e against the working tree
    python scripts/compare_builds.py --base main~3 --new HEAD
    python scripts/compare_builds.py --corpus examples   # one corpus only

Each revision is built as a wheel (``pip wheel --no-build-isolation``, with
the build tools of the running interpreter) and unpacked into
``build/compare/<label>``; a revision is a commit (exported with
``git archive``) or ``WORKTREE`` (the files on disk, uncommitted changes
included). Both then run ``quotelink extract --format jsonl`` over the same
inputs, in the same order, on one thread:

- ``examples``: examples/articles/*.txt
- ``train`` and ``dev``: ../shared/data/polnear/{train,dev}/text/*.txt

For each corpus the script prints the number of records of each build, the
records only one of them has (compared as whole JSON lines) and the first
differences, grouped by document; with ``--scores`` it also prints both
builds' ``quotelink evaluate`` tables for PolNeAR. The exit status is 1 when
any corpus differs, so the script can gate a refactoring that must keep
every answer.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "polnear"
DEFAULT_BASE = "b51f80e"
WORKTREE = "WORKTREE"


def corpus_files(name: str) -> list[Path]:
    """The input files of corpus `name`, sorted."""
    if name == "examples":
        directory = ROOT / "examples" / "articles"
    else:
        directory = SHARED / name / "text"
    if not directory.is_dir():
        raise SystemExit(f"compare_builds: no corpus directory {directory}")
    return sorted(directory.glob("*.txt"))


def export_revision(revision: str, destination: Path) -> None:
    """Writes the source tree of `revision` (a commit or WORKTREE) to `destination`."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    if revision == WORKTREE:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, check=True, capture_output=True).stdout.split(b"\0")
        for raw in listed:
            if not raw:
                continue
            source = ROOT / raw.decode()
            if source.is_file():
                target = destination / raw.decode()
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        return
    with tempfile.TemporaryFile() as archive:
        subprocess.run(["git", "archive", "--format=tar", revision], cwd=ROOT,
                       check=True, stdout=archive)
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(destination)


def build(revision: str, label: str, work: Path) -> Path:
    """Builds `revision` and returns the directory to put on PYTHONPATH."""
    source = work / f"{label}-src"
    site = work / label
    export_revision(revision, source)
    wheels = work / f"{label}-wheel"
    if wheels.exists():
        shutil.rmtree(wheels)
    print(f"== building {label} ({revision})", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(wheels), str(source)],
        check=True)
    if site.exists():
        shutil.rmtree(site)
    for wheel in wheels.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)
    return site


def run_extract(site: Path, files: list[Path]) -> list[str]:
    """JSONL lines of `quotelink extract` with the build unpacked at `site`."""
    env = dict(os.environ, PYTHONPATH=str(site))
    result = subprocess.run(
        [sys.executable, "-m", "quotelink.cli", "extract", "--format", "jsonl",
         "--threads", "1", "--progress", "never", *map(str, files)],
        env=env, check=False, capture_output=True, text=True, cwd=str(site))
    if result.returncode != 0:
        raise SystemExit(f"compare_builds: extract failed:\n{result.stderr}")
    return result.stdout.splitlines()


def run_scores(site: Path, corpus: str) -> str:
    """The `quotelink evaluate` table of PolNeAR `corpus` with the build at `site`."""
    env = dict(os.environ, PYTHONPATH=str(site))
    result = subprocess.run(
        [sys.executable, "-m", "quotelink.cli", "evaluate", "--corpus",
         f"polnear:{SHARED / corpus}", "--no-per-publisher"],
        env=env, check=False, capture_output=True, text=True, cwd=str(site))
    return result.stdout if result.returncode == 0 else result.stderr


def diff(corpus: str, old: list[str], new: list[str], shown: int) -> bool:
    """Prints how `new` differs from `old`; returns True when they are equal."""
    old_counts = collections.Counter(old)
    new_counts = collections.Counter(new)
    only_old = old_counts - new_counts
    only_new = new_counts - old_counts
    print(f"{corpus}: {len(old)} records before, {len(new)} after; "
          f"{sum(only_old.values())} only before, {sum(only_new.values())} only after")
    if not only_old and not only_new:
        if old != new:
            print(f"{corpus}: same records, different order")
            return False
        return True
    by_doc: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for sign, lines in (("-", only_old), ("+", only_new)):
        for line in lines.elements():
            by_doc[json.loads(line).get("doc", "?")].append((sign, line))
    for count, (doc, lines) in enumerate(sorted(by_doc.items())):
        if count >= shown:
            print(f"  ... {len(by_doc) - shown} more documents differ")
            break
        print(f"  {doc}")
        for sign, line in sorted(lines, key=lambda p: (json.loads(p[1])["start"], p[0])):
            print(f"    {sign} {line}")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=DEFAULT_BASE, help=f"old revision (default {DEFAULT_BASE})")
    parser.add_argument("--new", default=WORKTREE, help="new revision (default: the working tree)")
    parser.add_argument("--corpus", action="append", choices=["examples", "train", "dev"],
                        help="corpora to compare (default: all three)")
    parser.add_argument("--work", default=str(ROOT / "build" / "compare"), help="build directory")
    parser.add_argument("--show", type=int, default=10, help="documents with differences to print")
    parser.add_argument("--scores", action="store_true", help="also print both builds' PolNeAR scores")
    parser.add_argument("--reuse-base", action="store_true",
                        help="reuse an earlier build of the base revision in --work")
    args = parser.parse_args()
    corpora = args.corpus or ["examples", "train", "dev"]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base_site = work / "base"
    if not (args.reuse_base and base_site.is_dir()):
        base_site = build(args.base, "base", work)
    new_site = build(args.new, "new", work)
    same = True
    for corpus in corpora:
        files = corpus_files(corpus)
        same &= diff(corpus, run_extract(base_site, files), run_extract(new_site, files), args.show)
    if args.scores:
        for corpus in [c for c in corpora if c != "examples"]:
            print(f"== {corpus}, before ({args.base})\n{run_scores(base_site, corpus)}")
            print(f"== {corpus}, after ({args.new})\n{run_scores(new_site, corpus)}")
    print("same answers" if same else "answers differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
