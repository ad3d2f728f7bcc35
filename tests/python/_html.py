"""Reading the highlight view back from HTML, as a browser shows it."""

from __future__ import annotations

from html.parser import HTMLParser


class ViewParser(HTMLParser):
    """The class and style of every span, and the style and text of every
    article box (class quotelink-text) of a page or fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.spans: list[tuple[str, str]] = []
        self.boxes: list[tuple[str, str]] = []
        self._text: list[str] = []
        self._depth = 0  # > 0 inside an article box
        self._pre_start = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._depth:
            self._depth += 1
        elif attributes.get("class") == "quotelink-text":
            self.boxes.append((attributes.get("style") or "", ""))
            self._text = []
            self._depth = 1
            self._pre_start = tag == "pre"
        if tag == "span":
            self.spans.append((attributes.get("class") or "", attributes.get("style") or ""))

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1
            if not self._depth:
                self.boxes[-1] = (self.boxes[-1][0], "".join(self._text))

    def handle_data(self, data):
        if self._depth and self._pre_start and data.startswith("\n"):
            data = data[1:]  # a browser drops a line break right after <pre>, as HTML says
        self._pre_start = False
        if self._depth:
            self._text.append(data)


def parse_view(page: str) -> ViewParser:
    parser = ViewParser()
    parser.feed(page)
    parser.close()
    return parser
