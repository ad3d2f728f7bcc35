"""HTML highlight view: the article with each speaker's quotations in its own colour.

``render_document(doc)`` gives a self-contained HTML fragment (inline styles
only, so it survives notebook sanitisers); ``render_page(docs)`` a complete
page. Hovering a quotation shows its speaker, mention, cue and sieve.

The article is shown whole unless a ``max_height`` asks for a scroll box, so
that a notebook saved with its outputs (nbconvert, GitHub) shows all of it.
The legend names every mark the text uses.
"""

from __future__ import annotations

import colorsys
import html
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ._document import Document, Quote

# Light backgrounds behind the text colour: each has a WCAG contrast ratio of
# at least 7:1 (level AAA; AA asks 4.5:1) with TEXT_COLOUR, differs from the
# others, from white and from NO_SPEAKER by a CIE76 distance of at least 18,
# and keeps MARK_COLOUR's lines at 3:1 or more. Based on ColorBrewer Set3 and
# Pastel1; Set3's salmon #fb8072 and purple #bc80bd were darker than that.
PALETTE = (
    "#8dd3c7",
    "#ffe066",
    "#e0b3f0",
    "#f9a99f",
    "#c7e9a0",
    "#80b1d3",
    "#fed9a6",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#bebada",
)
NO_SPEAKER = "#d9d9d9"
NO_SPEAKER_LABEL = "(no speaker found)"
TEXT_COLOUR = "#1a1a1a"
# Dotted and dashed underlines (cue, reported speech), on any fill.
MARK_COLOUR = "#444444"

# The marks of the text, each with its legend entry; a mention's underline
# takes a dark shade of its speaker's colour.
MENTION_STYLE = "border-bottom: 3px solid {colour}; font-weight: bold;"
CUE_STYLE = f"border-bottom: 2px dotted {MARK_COLOUR}; font-style: italic;"
REPORTED_STYLE = f"text-decoration: underline dashed {MARK_COLOUR};"
MARK_LABELS = {
    "mention": "speaker mention",
    "cue": "cue (said, told, according to ...)",
    "reported": "reported speech, no quotation marks",
}


def colour(index: int) -> str:
    """The highlight colour of the `index`-th speaker of a document."""
    if index < len(PALETTE):
        return PALETTE[index]
    # Beyond the palette: light colours spread by the golden angle.
    hue = (index * 0.618033988749895) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.82, 0.65)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def darker(fill: str) -> str:
    """A dark shade of `fill` for lines and borders, visible on white."""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(hue, 0.35, max(saturation, 0.5))
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def speaker_colours(doc: "Document") -> dict[Optional[int], str]:
    """Speaker entity id -> colour, in order of each speaker's first quotation."""
    colours: dict[Optional[int], str] = {}
    for q in sorted(doc.quotes, key=lambda q: q.start):
        if q.speaker_id is not None and q.speaker_id not in colours:
            colours[q.speaker_id] = colour(len(colours))
    colours[None] = NO_SPEAKER
    return colours


def _quote_title(q: "Quote") -> str:
    lines = [f"Speaker: {q.speaker} ({q.speaker_type})" if q.speaker else f"Speaker: {NO_SPEAKER_LABEL}"]
    if q.mention:
        lines.append(f"Mention: {q.mention}")
    lines.append(f"Cue: {q.cue}" if q.cue else "Cue: (none)")
    detail = f"{q.kind} quotation"
    if q.kind == "indirect":
        parts = len(q.quoted_parts)
        detail = "reported speech (indirect)" if not parts else f"reported speech with {parts} quoted part(s) (mixed)"
    if q.sieve:
        detail += f", sieve {q.sieve}, confidence {q.confidence:g}"
    lines.append(detail)
    if q.parent is not None:
        lines.append(f"Quoted words of record {q.parent}")
    return "\n".join(lines)


def _quote_range(q: "Quote") -> tuple[int, int]:
    # Highlight the marks too when the core found them around the content.
    if q.outer_end > q.outer_start and q.outer_start <= q.start and q.end <= q.outer_end:
        return q.outer_start, q.outer_end
    return q.start, q.end


Piece = tuple[int, int, Optional[int], Optional[tuple[int, str]]]


def _segments(doc: "Document") -> list[Piece]:
    """(start, end, quote, mark) pieces covering the text, in order.

    quote is the index of the innermost (shortest) quotation covering the
    piece, or None; mark is (quote index, "mention" | "cue") when the piece is
    the speaker mention or the cue of some quotation, else None.
    """
    n = len(doc.text)
    ranges = [_quote_range(q) for q in doc.quotes]
    marks: list[tuple[int, int, int, str]] = []
    for i, q in enumerate(doc.quotes):
        if q.mention_start is not None and q.mention_end is not None:
            marks.append((q.mention_start, q.mention_end, i, "mention"))
        if q.cue_start is not None and q.cue_end is not None:
            marks.append((q.cue_start, q.cue_end, i, "cue"))
    cuts = {0, n}
    for start, end in ranges + [(s, e) for s, e, _, _ in marks]:
        cuts.update((max(0, min(start, n)), max(0, min(end, n))))
    points = sorted(cuts)
    pieces: list[Piece] = []
    for start, end in zip(points, points[1:]):
        covering = [i for i, (s, e) in enumerate(ranges) if s <= start and end <= e]
        inner = min(covering, key=lambda i: (ranges[i][1] - ranges[i][0], -ranges[i][0]), default=None)
        mark = next(((i, kind) for s, e, i, kind in marks if s <= start and end <= e), None)
        if pieces and pieces[-1][1] == start and pieces[-1][2:] == (inner, mark):
            pieces[-1] = (pieces[-1][0], end, inner, mark)
        else:
            pieces.append((start, end, inner, mark))
    return pieces


class DocumentView:
    """A Document's highlight view for a notebook (see Document.view)."""

    def __init__(self, doc: "Document", *, max_height: Optional[str] = None) -> None:
        self.doc = doc
        self.max_height = max_height

    def _repr_html_(self) -> str:
        return render_document(self.doc, max_height=self.max_height)

    def __repr__(self) -> str:
        return f"<quotelink view of {self.doc!r}>"


def render_document(doc: "Document", *, max_height: Optional[str] = None) -> str:
    """The article as an HTML fragment with quotations highlighted per speaker.

    The whole article shows, unless `max_height` (a CSS length, "30em") puts
    it in a scroll box of that height."""
    colours = speaker_colours(doc)
    quotes = doc.quotes
    out = []
    box = (
        "font-family: Georgia, 'Times New Roman', serif; font-size: 15px; line-height: 1.6;"
        f" color: {TEXT_COLOUR}; background: #ffffff; padding: 0.8em 1em; max-width: 52em;"
        " border: 1px solid #d0d0d0; border-radius: 4px;"
    )
    out.append(f'<div class="quotelink-document" style="{box}">')
    title = doc.id or "document"
    attributed = sum(1 for q in quotes if q.speaker_id is not None)
    out.append(
        '<div style="font-family: sans-serif; font-size: 13px; color: #444; margin-bottom: 0.5em">'
        f"<b>{_esc(title)}</b> &middot; {len(quotes)} quotation{'s' if len(quotes) != 1 else ''}, "
        f"{attributed} attributed</div>"
    )
    out.append(_legend(doc, colours))
    # Notebook styles make a <pre> scroll on its own: say "visible" unless asked.
    scroll = f" max-height: {max_height}; overflow-y: auto;" if max_height else " overflow: visible;"
    # A <pre>, not a <div>: HTML tools that rewrite a page (BeautifulSoup in
    # nbconvert's export) collapse the white space between two tags, such as
    # the blank line between two quoted paragraphs, everywhere but in <pre>.
    out.append(
        '<pre class="quotelink-text" style="white-space: pre-wrap; overflow-wrap: break-word; word-break: normal;'
        f' margin: 0; font: inherit; color: inherit; background: none; border: none; padding: 0;{scroll}">'
    )
    if doc.text[:1] in ("\n", "\r"):
        out.append("\n")  # a browser drops the first line break of a <pre>
    for start, end, inner, mark in _segments(doc):
        text = _esc(doc.text[start:end])
        if inner is None and mark is None:
            out.append(text)
            continue
        style, tips, kind = "", [], "quote"
        if inner is not None:
            q = quotes[inner]
            style += f"background: {colours.get(q.speaker_id, NO_SPEAKER)}; border-radius: 2px;"
            if q.kind == "indirect":  # reported speech: not the speaker's words
                style += " " + REPORTED_STYLE
            tips.append(_quote_title(q))
        if mark is not None:
            owner, kind = quotes[mark[0]], mark[1]
            fill = colours.get(owner.speaker_id, NO_SPEAKER)
            if kind == "mention":
                style += " " + MENTION_STYLE.format(colour=darker(fill))
                tips.insert(0, f"Speaker mention: {owner.speaker or owner.mention}")
            else:
                style += " " + CUE_STYLE
                tips.insert(0, f"Cue of a quotation by {owner.speaker or NO_SPEAKER_LABEL}")
        tip = _esc("\n\n".join(tips))
        out.append(f'<span class="quotelink-{kind}" style="{style.strip()}" title="{tip}">{text}</span>')
    out.append("</pre></div>")
    return "".join(out)


def _legend(doc: "Document", colours: dict[Optional[int], str]) -> str:
    counts: dict[Optional[int], int] = {}
    for q in doc.quotes:
        counts[q.speaker_id] = counts.get(q.speaker_id, 0) + 1
    names = {e.id: e.name for e in doc.entities}
    first = list(colours)  # speakers in order of their first quotation
    order = sorted(counts, key=lambda k: (k is None, -counts[k], first.index(k) if k in first else 0))
    items = []
    for key in order:
        label = names.get(key, f"speaker {key}") if key is not None else NO_SPEAKER_LABEL
        items.append(
            '<span style="display: inline-block; margin: 0 1em 0.2em 0; white-space: nowrap">'
            f'<span style="display: inline-block; width: 0.9em; height: 0.9em; background: {colours.get(key, NO_SPEAKER)};'
            ' border: 1px solid #888; vertical-align: middle; margin-right: 0.3em"></span>'
            f"{_esc(label)} ({counts[key]})</span>"
        )
    if not items:
        items.append('<span style="color: #595959">no quotations found</span>')
    return (
        '<div class="quotelink-legend" style="font-family: sans-serif; font-size: 13px;'
        ' margin-bottom: 0.6em; padding-bottom: 0.4em; border-bottom: 1px solid #e0e0e0">'
        + "".join(items)
        + "<br>"
        + _mark_key(doc)
        + "</div>"
    )


def _marks_used(doc: "Document") -> list[str]:
    """The marks of MARK_LABELS that the text of `doc` shows, in that order."""
    used = set()
    for q in doc.quotes:
        if q.mention_start is not None and q.mention_end is not None:
            used.add("mention")
        if q.cue_start is not None and q.cue_end is not None:
            used.add("cue")
        if q.kind == "indirect":
            used.add("reported")
    return [mark for mark in MARK_LABELS if mark in used]


def _mark_key(doc: "Document") -> str:
    # Each entry is a sample drawn with the very style of the mark it names.
    styles = {
        "mention": MENTION_STYLE.format(colour=darker(PALETTE[0])),
        "cue": CUE_STYLE,
        "reported": REPORTED_STYLE,
    }
    entries = [
        f'<span style="margin-right: 1em; white-space: nowrap"><span class="quotelink-key-{mark}" style="{styles[mark]}">'
        f"{_esc(MARK_LABELS[mark])}</span></span>"
        for mark in _marks_used(doc)
    ]
    entries.append('<span style="color: #595959">hover a quotation for details</span>')
    return "".join(entries)


def render_page(docs: Iterable["Document"], *, title: str = "quotelink") -> str:
    """A complete HTML page with one highlight view per document."""
    return page_header(title) + "".join(page_section(doc) for doc in docs) + page_footer()


def page_header(title: str = "quotelink") -> str:
    """The start of a page that page_section()s are appended to."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_esc(title)}</title>\n</head>\n"
        '<body style="background: #f6f6f6; margin: 1.5em">\n'
    )


def page_section(doc: "Document") -> str:
    """One document of a page."""
    return f'<section style="margin-bottom: 2em">{render_document(doc)}</section>\n'


def page_footer() -> str:
    """The end of a page."""
    return "</body>\n</html>\n"
