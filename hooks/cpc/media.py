"""Media where pages use them (issue 25): the image step reads each page's
rendered body, as the reader will get it, so a picture is found however it
was written: `![alt](x.jpg)`, a reference-style image, a raw `<img>` or
`<picture>`, a `srcset`, an absolute `/assets/…` path (the content editor's
form), a name with spaces or from a Mac (NFD).

- `find` lists the uses of files in docs/ in one page's HTML;
- `process` renders each photo (image_render.py, cached by content) and
  rewrites its use: an `<img>` or `<picture>` becomes our responsive
  picture, a link to a photo leads to its largest clean JPEG.

Nothing a page uses keeps pointing at an upload, so the publishing step may
remove every upload (pictures.remove_uploads). HTML is read with the standard
library's parser; only the tags found are rewritten, the rest of the page
is left byte for byte.
"""
from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from cpc import image_render, media_types, pictures

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Tag:
    name: str        # "img", "/picture", ...
    attrs: dict
    start: int       # offsets in the page's HTML
    end: int


@dataclass(frozen=True)
class Use:
    """One use of a docs/ file in a page: the span to rewrite, and how."""
    kind: str        # "picture" (an <img>, or a whole <picture>) or "link" (an <a href>)
    source: str      # docs-relative path of the file
    start: int
    end: int
    attrs: dict      # the <img>'s or <a>'s attributes


class Tags(HTMLParser):
    """Start and end tags with their offsets in the text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.tags: list[Tag] = []
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.tags.append(Tag(tag, {k: v or "" for k, v in attrs}, start, start + len(raw)))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        start = self._offset()
        self.tags.append(Tag("/" + tag, {}, start, self.text.index(">", start) + 1))

    @staticmethod
    def text_of(fragment: str) -> str:
        """The text of an HTML fragment, tags left out, entities decoded."""
        class Text(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.parts = []

            def handle_data(self, data):
                self.parts.append(data)

        reader = Text()
        reader.feed(fragment)
        reader.close()
        return " ".join("".join(reader.parts).split())


def docs_index(docs_dir: Path) -> dict[str, str]:
    """{NFC form of a docs-relative path: the path as it is on disk}, for
    every file that is not a page: a Mac writes names decomposed (NFD)."""
    return {unicodedata.normalize("NFC", rel): rel
            for rel in (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
            if media_types.treatment(rel) is not media_types.Treatment.PAGE}


def nfc_names(files) -> None:
    """Give MkDocs's files from a Mac (names decomposed, NFD) the composed
    name (NFC) that Markdown and links are typed in, reading the same file."""
    for file in list(files):
        composed = unicodedata.normalize("NFC", file.src_uri)
        if composed == file.src_uri or files.get_file_from_path(composed) is not None:
            continue
        source = file.abs_src_path
        files.remove(file)
        renamed = File(composed, file.src_dir, file.dest_dir, file.use_directory_urls)
        renamed.abs_src_path = source
        files.append(renamed)


def resolve(url: str, page_url: str, src_uri: str, files: dict[str, str]) -> str | None:
    """The docs/ file a URL in a page's HTML means, or None. MkDocs made
    Markdown's links relative to the page's address; raw HTML keeps them
    relative to the Markdown file; `/…` starts at docs/."""
    url = html.unescape(url).strip()
    if not url or url.startswith(("#", "//")) or SCHEME.match(url):
        return None
    path = unicodedata.normalize("NFC", unquote(urlsplit(url).path))
    if path.startswith("/"):
        candidates = [path.lstrip("/")]
    else:
        page_folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
        candidates = [posixpath.join(page_folder, path), posixpath.join(posixpath.dirname(src_uri), path)]
    for candidate in candidates:
        normal = posixpath.normpath(candidate)
        if not normal.startswith("../") and normal in files:
            return files[normal]
    return None


def _srcset_urls(srcset: str) -> list[str]:
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def find(page_html: str, page_url: str, src_uri: str, files: dict[str, str]) -> list[Use]:
    """Every use of a photo in docs/ in one page's HTML: <img> (src or
    srcset), <picture> (its <img> or <source>s), and links (<a href>)."""
    tags = Tags(page_html).tags
    uses: list[Use] = []
    picture: Tag | None = None
    inside: list[Tag] = []

    def photo_of(tag: Tag) -> str | None:
        for url in [tag.attrs.get("src", "")] + _srcset_urls(tag.attrs.get("srcset", "")):
            found = resolve(url, page_url, src_uri, files)
            if found and media_types.treatment(found) is media_types.Treatment.PHOTO:
                return found
        return None

    for tag in tags:
        if tag.name == "picture":
            picture, inside = tag, []
        elif tag.name == "/picture" and picture is not None:
            img = next((t for t in inside if t.name == "img"), None)
            source = next((s for s in map(photo_of, [t for t in inside if t.name in ("img", "source")]) if s), None)
            if source:
                uses.append(Use("picture", source, picture.start, tag.end, img.attrs if img else {}))
            picture = None
        elif picture is not None:
            inside.append(tag)
        elif tag.name == "img":
            source = photo_of(tag)
            if source:
                uses.append(Use("picture", source, tag.start, tag.end, tag.attrs))
        elif tag.name == "a" and "href" in tag.attrs:
            source = resolve(tag.attrs["href"], page_url, src_uri, files)
            if source and media_types.treatment(source) is media_types.Treatment.PHOTO:
                uses.append(Use("link", source, tag.start, tag.end, tag.attrs))
    return uses


def _start_tag(name: str, attrs: dict) -> str:
    return "<" + name + "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in attrs.items()) + ">"


def process(page_html: str, uses: list[Use], page_url: str, picture_of, macro) -> str:
    """The page with each use rewritten: `picture_of(source)` gives the
    rendered image_render.Picture, `macro(view)` the picture's markup."""
    out, at = [], 0
    for use in uses:
        picture = picture_of(use.source)
        out.append(page_html[at:use.start])
        if use.kind == "picture":
            out.append(macro(pictures.view(picture, use.attrs.get("alt", ""), image_render.LEAD, page_url)))
        else:
            largest = get_relative_url(picture.fallback[-1].path, page_url or ".")
            out.append(_start_tag("a", {**use.attrs, "href": largest}))
        at = use.end
    out.append(page_html[at:])
    return "".join(out)
