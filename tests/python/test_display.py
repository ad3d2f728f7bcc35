"""The HTML highlight view: colours per speaker, hover titles, legend, escaping."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import quotelink as ql
from quotelink import display
from quotelink._document import Document, Entity, Mention, Quote


class Spans(HTMLParser):
    """Collects the text content and the highlight spans of a fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_in_text = 0
        self.text: list[str] = []
        self.spans: list[dict[str, str]] = []
        self.stack: list[str] = []
        self.current: list[dict[str, str]] = []
        self.span_text: dict[int, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.stack.append(attributes.get("class", ""))
        if attributes.get("class") == "quotelink-text":
            self.depth_in_text = len(self.stack)
            self.pre_start = tag == "pre"
        if self.depth_in_text and tag == "span":
            self.spans.append(attributes)
            self.current.append(attributes)
            self.span_text[id(attributes)] = []

    def handle_endtag(self, tag):
        if self.depth_in_text and tag == "span" and self.current:
            self.current.pop()
        if self.depth_in_text == len(self.stack):
            self.depth_in_text = 0
        self.stack.pop()

    def handle_data(self, data):
        if self.depth_in_text and getattr(self, "pre_start", False):
            # A browser drops a line break right after <pre>, as HTML says.
            data = data[1:] if data.startswith("\n") else data
            self.pre_start = False
        if self.depth_in_text:
            self.text.append(data)
            for attributes in self.current:
                self.span_text[id(attributes)].append(data)


def parse(fragment: str) -> Spans:
    parser = Spans()
    parser.feed(fragment)
    parser.close()
    return parser


def make_quote(text: str, body: str, speaker: Entity | None, mention: Mention | None, cue: str | None) -> Quote:
    start = text.index(body)
    cue_start = text.index(cue, start + len(body)) if cue else None
    return Quote(
        text=body,
        start=start,
        end=start + len(body),
        kind="direct",
        speaker=speaker.name if speaker else None,
        speaker_type=speaker.type if speaker else None,
        speaker_id=speaker.id if speaker else None,
        mention=mention.text if mention else None,
        mention_start=mention.start if mention else None,
        mention_end=mention.end if mention else None,
        cue=cue,
        sieve="test" if speaker else "",
        confidence=0.9 if speaker else 0.0,
        paragraph=0,
        sentence=0,
        outer_start=start - 1,
        outer_end=start + len(body) + 1,
        cue_start=cue_start,
        cue_end=cue_start + len(cue) if cue_start is not None else None,
    )


TEXT = (
    '"Tom & <Jerry> are safe," said O\'Brien "the Boss".\n\n'
    '"Second <b>one</b>," Ana said. "Third," O\'Brien added. "Orphan."'
)


def sample() -> Document:
    obrien = Mention(text='O\'Brien "the Boss"', start=TEXT.index("O'Brien"), end=TEXT.index("O'Brien") + 18, kind="name", entity_id=0)
    ana = Mention(text="Ana", start=TEXT.index("Ana"), end=TEXT.index("Ana") + 3, kind="name", entity_id=1)
    people = [Entity(0, 'O\'Brien "the Boss"', "person", (0,)), Entity(1, "Ana <Admin>", "person", (1,))]
    quotes = [
        make_quote(TEXT, "Tom & <Jerry> are safe,", people[0], obrien, "said"),
        make_quote(TEXT, "Second <b>one</b>,", people[1], ana, "said"),
        make_quote(TEXT, "Third,", people[0], None, "added"),
        make_quote(TEXT, "Orphan.", None, None, None),
    ]
    return Document(text=TEXT, id="<doc>", quotes=quotes, mentions=[obrien, ana], entities=people)


def test_text_is_rendered_completely_and_escaped():
    fragment = display.render_document(sample())
    parsed = parse(fragment)
    assert "".join(parsed.text) == TEXT
    assert "<Jerry>" not in fragment and "<b>one" not in fragment
    assert "&lt;Jerry&gt;" in fragment and "&lt;doc&gt;" in fragment
    assert "Ana &lt;Admin&gt;" in fragment


def test_each_speaker_has_its_own_colour():
    doc = sample()
    colours = display.speaker_colours(doc)
    assert colours[0] != colours[1]
    assert colours[None] == display.NO_SPEAKER
    assert display.NO_SPEAKER not in (colours[0], colours[1])
    spans = parse(display.render_document(doc))
    quote_spans = [s for s in spans.spans if s["class"] == "quotelink-quote"]
    by_text = {"".join(spans.span_text[id(s)]): s["style"] for s in quote_spans}
    assert colours[0] in by_text['"Tom & <Jerry> are safe,"']
    assert colours[0] in by_text['"Third,"']
    assert colours[1] in by_text['"Second <b>one</b>,"']
    assert display.NO_SPEAKER in by_text['"Orphan."']


def test_hover_shows_speaker_mention_and_cue():
    spans = parse(display.render_document(sample()))
    titles = [s["title"] for s in spans.spans if s["class"] == "quotelink-quote"]
    assert titles[0].splitlines()[:3] == [
        'Speaker: O\'Brien "the Boss" (person)',
        'Mention: O\'Brien "the Boss"',
        "Cue: said",
    ]
    assert "Speaker: (no speaker found)" in titles[-1]
    assert "Cue: (none)" in titles[-1]
    marks = {s["class"]: s for s in spans.spans if s["class"] != "quotelink-quote"}
    assert "font-weight: bold" in marks["quotelink-mention"]["style"]
    assert "dotted" in marks["quotelink-cue"]["style"]


def test_legend_lists_speakers_with_counts():
    fragment = display.render_document(sample())
    legend = fragment[fragment.index("quotelink-legend") : fragment.index("quotelink-text")]
    text = html.unescape(legend)
    assert 'O\'Brien "the Boss" (2)' in text
    assert "Ana <Admin> (1)" in text
    assert "(no speaker found) (1)" in text
    assert text.index("O'Brien") < text.index("Ana") < text.index("no speaker found")


def test_nested_quotations_take_the_inner_colour():
    text = 'He said: "They told me \'never\' twice," and left.'
    people = [Entity(0, "Outer", "person", ()), Entity(1, "Inner", "person", ())]
    outer = make_quote(text, "They told me 'never' twice,", people[0], None, None)
    inner = make_quote(text, "never", people[1], None, None)
    doc = Document(text=text, quotes=[outer, inner], entities=people)
    colours = display.speaker_colours(doc)
    spans = parse(display.render_document(doc))
    styles = {"".join(spans.span_text[id(s)]): s["style"] for s in spans.spans}
    assert colours[1] in styles["'never'"]
    assert colours[0] in styles['"They told me ']
    assert "".join(spans.text) == text


def test_many_speakers_get_distinct_colours():
    colours = [display.colour(i) for i in range(40)]
    assert len(set(colours)) == 40
    assert all(len(c) == 7 and c.startswith("#") for c in colours)


def test_real_document_renders_its_whole_text(example_texts, fixture_texts):
    for name, text in {**example_texts, **fixture_texts}.items():
        doc = ql.extract(text, id=name)
        parsed = parse(doc._repr_html_())
        assert "".join(parsed.text) == text, name
        assert len([s for s in parsed.spans if s["class"] == "quotelink-quote"]) >= len(doc.quotes)


def test_empty_document_says_so():
    fragment = display.render_document(ql.extract("Nothing was said."))
    assert "no quotations found" in fragment
    assert "0 quotations" in fragment


def test_page_wraps_every_document():
    docs = [ql.extract('"One," he said.', id="a"), ql.extract('"Two," she said.', id="b")]
    page = display.render_page(docs, title="<t>")
    assert page.count("<section") == 2
    assert '<meta charset="utf-8">' in page and "<title>&lt;t&gt;</title>" in page


def test_mentions_are_underlined_in_a_dark_shade_of_the_speaker_colour():
    import colorsys

    doc = sample()
    colours = display.speaker_colours(doc)
    spans = parse(display.render_document(doc))
    mentions = [s for s in spans.spans if s["class"] == "quotelink-mention"]
    assert display.darker(colours[0]) in mentions[0]["style"]
    for fill in display.PALETTE:
        shade = display.darker(fill)
        rgb = [int(shade[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        assert colorsys.rgb_to_hls(*rgb)[1] < 0.4


def test_legend_ties_follow_the_text():
    text = '"One," Zed said. "Two," Amy said.'
    people = [Entity(0, "Amy", "person", ()), Entity(1, "Zed", "person", ())]
    quotes = [make_quote(text, "One,", people[1], None, "said"), make_quote(text, "Two,", people[0], None, "said")]
    fragment = display.render_document(Document(text=text, quotes=quotes, entities=people))
    legend = fragment[fragment.index("quotelink-legend") : fragment.index("quotelink-text")]
    assert legend.index("Zed (1)") < legend.index("Amy (1)")
