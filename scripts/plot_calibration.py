"""The reliability plot of docs/benchmarks.md: quotelink's confidences against
the share of right records on a PolNeAR split, calibrated and not.

    python scripts/plot_calibration.py /work/shared/data/polnear/dev docs/img/calibration_dev.png

A record is right as ``quotelink evaluate --calibration`` judges it
(:func:`quotelink.eval.record_outcomes`); the bins are its ten equal-width
bins. Prints each curve's expected calibration error, Brier score and
records. Needs matplotlib (the ``test`` extra).
"""

from __future__ import annotations

import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import quotelink as ql  # noqa: E402
from quotelink import eval as qe  # noqa: E402

CURVES = (
    ("rules' constants (calibration=False)", ql.Config(calibration=False), "tab:orange", "s"),
    ("calibrated (default)", ql.Config(), "tab:blue", "o"),
)


def outcomes(gold: list[qe.GoldDocument], config: ql.Config) -> list[tuple[float, bool]]:
    preds = qe.run_extractor(gold, ql.Extractor(config))
    return [(att.confidence, right) for att, right in qe.record_outcomes(gold, preds) if att.confidence is not None]


def brier(pairs: list[tuple[float, bool]]) -> float:
    return sum((p - r) ** 2 for p, r in pairs) / max(1, len(pairs))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("out", help="the PNG to write")
    args = parser.parse_args(argv)
    gold = qe.load_polnear(args.split)
    fig, (curve, counts) = plt.subplots(
        2, 1, figsize=(6, 7), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    curve.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect calibration")
    width = 0.04
    for i, (label, config, colour, marker) in enumerate(CURVES):
        pairs = outcomes(gold, config)
        result = qe.confidence_calibration(pairs)
        print(f"{label}: ECE {result.error:.4f}, Brier {brier(pairs):.4f}, {result.records} records")
        xs = [b.mean_confidence for b in result.bins]
        curve.plot(xs, [b.accuracy for b in result.bins], marker=marker, color=colour,
                   label=f"{label}: ECE {result.error:.3f}")
        counts.bar([b.low + 0.05 + (i - 0.5) * width for b in result.bins], [b.records for b in result.bins],
                   width=width, color=colour)
    curve.set_ylabel("share of records right")
    curve.set_xlim(0, 1)
    curve.set_ylim(0, 1)
    curve.set_title(f"quotelink confidence on PolNeAR {args.split.rstrip('/').split('/')[-1]} "
                    f"({len(gold)} articles)")
    curve.legend(loc="upper left", fontsize="small")
    counts.set_xlabel("confidence (10 equal-width bins)")
    counts.set_ylabel("records")
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
