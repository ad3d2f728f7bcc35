#!/usr/bin/env python3
"""Same answers? Builds two revisions of quotelink and diffs their JSONL.

    python scripts/compare_builds.py                  # 64f5da9 against the working tree
    python scripts/compare_builds.py --base main~3 --new HEAD
    python scripts/compare_builds.py --corpus examples   # one corpus only

Each revision is built as a wheel (``pip wheel --no-build-isolation``, with
the build tools of the running interpreter; ``CMAKE_BUILD_PARALLEL_LEVEL``
defaults to 1) and unpacked; a revision is a commit (exported with
``git archive``) or ``WORKTREE`` (the files on disk, uncommitted changes
included). A commit is built once: its unpacked build is kept in
``build/base-<sha>`` and reused by later runs (``--rebuild`` builds it
again). The working tree is built from the worktree itself into
``build/compare/worktree-build``, incrementally, and unpacked into
``build/compare/worktree``. Both then run ``quotelink extract --format jsonl`` over the same
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
DEFAULT_BASE = "64f5da9"
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


def export_revision(sha: str, destination: Path) -> None:
    """Writes the source tree of commit `sha` to `destination`."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    with tempfile.TemporaryFile() as archive:
        subprocess.run(["git", "archive", "--format=tar", sha], cwd=ROOT,
                       check=True, stdout=archive)
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(destination)


def full_sha(revision: str) -> str:
    """The commit `revision` names, as 40 hex digits."""
    return subprocess.run(["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],
                          cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def build_wheel(source: Path, wheels: Path, build_dir: Path | None) -> None:
    """Builds the wheel of the tree at `source` into `wheels` (emptied first)."""
    if wheels.exists():
        shutil.rmtree(wheels)
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
               "-w", str(wheels)]
    if build_dir is not None:
        command += ["-C", f"build-dir={build_dir}"]
    env = dict(os.environ)
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "1")
    subprocess.run([*command, str(source)], check=True, env=env)


def unpack(wheels: Path, site: Path) -> None:
    """Unpacks the wheels in `wheels` into `site` (emptied first)."""
    if site.exists():
        shutil.rmtree(site)
    for wheel in wheels.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)


def build_commit(revision: str, rebuild: bool) -> Path:
    """The unpacked build of commit `revision`, kept in build/base-<sha>/site
    and built only when absent (or when `rebuild`)."""
    sha = full_sha(revision)
    cache = ROOT / "build" / f"base-{sha[:12]}"
    site = cache / "site"
    done = cache / "complete"
    if not rebuild and done.is_file() and site.is_dir():
        print(f"== reusing the build of {revision} ({sha[:12]}) in {cache}", flush=True)
        return site
    print(f"== building {revision} ({sha[:12]}) into {cache}", flush=True)
    if done.exists():
        done.unlink()
    source = cache / "src"
    export_revision(sha, source)
    build_wheel(source, cache / "wheel", cache / "cmake")
    unpack(cache / "wheel", site)
    shutil.rmtree(source)
    done.write_text(sha + "\n")
    return site


def build_worktree(work: Path) -> Path:
    """The unpacked build of the working tree, built incrementally in
    `work`/worktree-build."""
    print(f"== building the working tree into {work}", flush=True)
    build_wheel(ROOT, work / "worktree-wheel", work / "worktree-build")
    site = work / "worktree"
    unpack(work / "worktree-wheel", site)
    return site


def build(revision: str, work: Path, rebuild: bool) -> Path:
    """Builds `revision` (a commit or WORKTREE) and returns the directory to
    put on PYTHONPATH."""
    if revision == WORKTREE:
        return build_worktree(work)
    return build_commit(revision, rebuild)


def run_extract(site: Path, files: list[Path], extra: list[str]) -> list[str]:
    """JSONL lines of `quotelink extract` (with options `extra`) with the
    build unpacked at `site`."""
    env = dict(os.environ, PYTHONPATH=str(site))
    result = subprocess.run(
        [sys.executable, "-m", "quotelink.cli", "extract", "--format", "jsonl",
         "--threads", "1", "--progress", "never", *extra, *map(str, files)],
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


def comparable(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """`old` and `new` as records of the same shape: the new build's records
    with a parent (verbatim parts, which the old build does not write)
    dropped, and every record cut to the fields the old build writes."""
    fields = set(json.loads(old[0])) if old else set()
    def cut(lines: list[str], drop_parts: bool) -> list[str]:
        out = []
        for line in lines:
            record = json.loads(line)
            if drop_parts and record.get("parent") is not None:
                continue
            out.append(json.dumps({k: v for k, v in record.items() if k in fields},
                                  ensure_ascii=False))
        return out
    return cut(old, False), cut(new, True)


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
    parser.add_argument("--work", default=str(ROOT / "build" / "compare"),
                        help="build directory of the working tree")
    parser.add_argument("--show", type=int, default=10, help="documents with differences to print")
    parser.add_argument("--scores", action="store_true", help="also print both builds' PolNeAR scores")
    parser.add_argument("--new-option", action="append", default=[],
                        help="an option of `quotelink extract` for the new build only "
                             "(e.g. --new-option=--no-model against a base without the model)")
    parser.add_argument("--common-fields", action="store_true",
                        help="compare only the fields the base writes, without the new "
                             "build's records that have a parent (a base before those)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build commits again instead of reusing build/base-<sha>")
    args = parser.parse_args()
    corpora = args.corpus or ["examples", "train", "dev"]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    base_site = build(args.base, work, args.rebuild)
    new_site = build(args.new, work, args.rebuild)
    same = True
    for corpus in corpora:
        files = corpus_files(corpus)
        old = run_extract(base_site, files, [])
        new = run_extract(new_site, files, args.new_option)
        if args.common_fields:
            old, new = comparable(old, new)
        same &= diff(corpus, old, new, args.show)
    if args.scores:
        for corpus in [c for c in corpora if c != "examples"]:
            print(f"== {corpus}, before ({args.base})\n{run_scores(base_site, corpus)}")
            print(f"== {corpus}, after ({args.new})\n{run_scores(new_site, corpus)}")
    print("same answers" if same else "answers differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
