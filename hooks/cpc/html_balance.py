"""Hand-written HTML in a page: each element that needs an end tag has one.

An unclosed `<div>` makes Python-Markdown take the rest of the page as raw
HTML (its Markdown shows as written) and fails the Nu validator; a stray
`</div>` fails it too. Read with the standard library's HTML tokenizer, on
the page's text with code and comments blanked (rules.Page.masked), so
line numbers are the file's.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Elements staff might write whose end tag HTML never implies. (p, li, td,
# tr, dt, dd, option and the like may close implicitly; void elements have none.)
NEEDS_END = frozenset({
    "a", "abbr", "article", "aside", "b", "blockquote", "cite", "details", "div", "em", "figcaption", "figure",
    "i", "mark", "ol", "picture", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "u", "ul", "audio", "video",
})


@dataclass(frozen=True)
class Slip:
    line: int
    tag: str
    unclosed: bool  # True: <tag> without </tag>; False: </tag> without <tag>


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.slips: list[Slip] = []

    def handle_starttag(self, tag, attrs):
        if tag in NEEDS_END:
            self.open.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        pass  # <div/> is read as a start tag by browsers, but staff do not write it

    def handle_endtag(self, tag):
        if tag not in NEEDS_END:
            return
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                for inner, line in self.open[index + 1:]:
                    self.slips.append(Slip(line, inner, True))
                del self.open[index:]
                return
        self.slips.append(Slip(self.getpos()[0], tag, False))


def slips(masked: str) -> list[Slip]:
    """Unclosed and unopened elements in `masked`, in line order."""
    reader = _Reader()
    reader.feed(masked)
    reader.close()
    return sorted(reader.slips + [Slip(line, tag, True) for tag, line in reader.open], key=lambda s: s.line)
