"""The highlight view (issue #18): the whole article unless a scroll box is
asked for, colours readable behind the text (WCAG contrast computed here),
and a legend entry for every mark the text uses."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re

import pytest

import quotelink as ql
from quotelink import display

from _html import ViewParser, parse_view

THREE_KINDS = (
    '"We will win," Foreign Minister Sergei Lavrov said on Monday.\n\n'
    "The minister said that the talks would go on for weeks.\n\n"
    '"Nobody knows what comes next."\n'
)


# --- WCAG 2.x definitions ------------------------------------------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    r, g, b = (_channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def cie76(a: str, b: str) -> float:
    """Perceptual distance of two colours (CIE L*a*b*, D65)."""

    def lab(colour: str) -> tuple[float, float, float]:
        r, g, b = (_channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
        return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])

    return math.dist(lab(a), lab(b))


def test_contrast_formula_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just below AA


FILLS = [display.colour(i) for i in range(40)] + [display.NO_SPEAKER]


@pytest.mark.parametrize("fill", FILLS)
def test_every_fill_keeps_the_text_readable(fill):
    # WCAG AA asks 4.5:1 for body text; the view keeps 7:1 (AAA) with its own
    # text colour, which is a little lighter than black.
    assert contrast_ratio(fill, display.TEXT_COLOUR) >= 7.0
    assert contrast_ratio(fill, "#000000") >= 7.0
    # Dotted and dashed underlines are marks, not text: 3:1 (WCAG 1.4.11).
    assert contrast_ratio(fill, display.MARK_COLOUR) >= 3.0
    # A mention's underline, a dark shade of its speaker's fill, on the page
    # (mentions lie outside the quotations they attribute).
    assert contrast_ratio("#ffffff", display.darker(fill)) >= 3.0


def test_palette_colours_are_told_apart():
    colours = list(display.PALETTE) + [display.NO_SPEAKER]
    assert len(set(colours)) == len(colours)
    for a, b in itertools.combinations(colours, 2):
        assert cie76(a, b) >= 18, (a, b)
    for colour in display.PALETTE:
        assert cie76(colour, "#ffffff") >= 18, colour  # visible on the white page


# --- the marks and the legend -----------------------------------------------------


def parse(fragment: str) -> ViewParser:
    parsed = parse_view(fragment)
    assert len(parsed.boxes) == 1
    return parsed


def _shape(style: str) -> str:
    """A style without its colours: the kind of mark it draws."""
    return re.sub(r"#[0-9a-f]{6}", "#", style).strip()


def test_legend_has_an_entry_for_every_mark_the_text_uses():
    doc = ql.extract(THREE_KINDS)
    assert {q.kind for q in doc.quotes} == {"direct", "indirect"}
    parsed = parse(doc.to_html())
    text_marks = set()
    for cls, style in parsed.spans:
        for mark, pattern in (
            ("mention", display.MENTION_STYLE.split("{")[0]),
            ("cue", display.CUE_STYLE),
            ("reported", display.REPORTED_STYLE),
        ):
            if cls.startswith("quotelink-") and not cls.startswith("quotelink-key") and _shape(pattern) in _shape(style):
                text_marks.add(mark)
    assert text_marks == {"mention", "cue", "reported"}
    keys = {cls.removeprefix("quotelink-key-"): style for cls, style in parsed.spans if cls.startswith("quotelink-key-")}
    assert set(keys) == text_marks
    # Each legend sample is drawn with the style of the mark it names.
    assert _shape(keys["mention"]) == _shape(display.MENTION_STYLE.format(colour="#000000"))
    assert keys["cue"] == display.CUE_STYLE and keys["reported"] == display.REPORTED_STYLE
    legend = doc.to_html().split('class="quotelink-text"')[0]
    assert "reported speech, no quotation marks" in legend and "speaker mention" in legend and "cue" in legend
    assert display.NO_SPEAKER_LABEL in legend  # the grey of the unattributed quotation


def test_legend_names_only_the_marks_used():
    doc = ql.extract('"We will win," Foreign Minister Sergei Lavrov said on Monday.\n')
    keys = [cls for cls, _ in parse(doc.to_html()).spans if cls.startswith("quotelink-key-")]
    assert keys == ["quotelink-key-mention", "quotelink-key-cue"]


# --- height -------------------------------------------------------------------------


def test_notebook_view_shows_the_whole_article_by_default(example_texts):
    text = max(example_texts.values(), key=len)
    doc = ql.extract(text)
    parsed = parse(doc._repr_html_())
    ((style, article),) = parsed.boxes
    assert "max-height" not in style
    assert not re.search(r"overflow(-y)?: *(auto|scroll|hidden)", style)
    assert article == text
    assert doc._repr_html_() == doc.to_html() == doc.view()._repr_html_()


def test_a_scroll_box_is_an_option():
    doc = ql.extract(THREE_KINDS)
    ((style, article),) = parse(doc.view(max_height="20em")._repr_html_()).boxes
    assert "max-height: 20em" in style and "overflow-y: auto" in style
    assert article == THREE_KINDS  # all there, scrolled
    assert "max-height: 20em" in doc.to_html(max_height="20em")
    assert "quotelink view" in repr(doc.view())


def test_hover_shows_the_confidence_as_every_output_does():
    doc = ql.extract(THREE_KINDS)
    doc.quotes = [dataclasses.replace(q, confidence=0.855) for q in doc.quotes]
    assert "confidence 0.855" in doc.to_html()
