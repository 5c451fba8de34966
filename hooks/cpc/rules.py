"""The content rules, in one place: `make check` lists every finding, the build
stops on the errors, both with the same words (Norwegian first, then English),
naming file and line. The tests call the same functions.

What is checked: the file names, both languages of every page, the pages
the menu and the site's own markup link to, front matter, news posts
(news.py), headings, links, anchors and images, scripts, hand-written HTML
left open (html_balance.py) and text pasted from Word, the goals (goals.py)
and the interface strings (strings.py). Translation freshness gives
warnings, never errors.
"""
from __future__ import annotations

import bisect
import difflib
import logging
import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote

import markdown
from mkdocs.exceptions import PluginError

from cpc import (bilingual, clock, datafile, directory, documents, fields, front_matter, goals, html_balance, image_inspect, image_render, markers, media,
                 kinds, media_types, news, pictures, places, strings, uploads)
from cpc.bilingual import Languages, missing_translations
from cpc.datafile import DataError
from cpc.freshness import CommitTimes, git_history_problem, is_newer

log = logging.getLogger("mkdocs.hooks.cpc")

FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$")
# [text](target "title") and ![alt](src "title"); one level of nested brackets.
# A target with spaces and no title (![alt](my photo.jpg)) is one too: Python-Markdown takes it.
INLINE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^)\s]*|[^)\n\"'<>]+?)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
REFERENCE_IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]]*)\]")
REFERENCE_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT_ATTR = re.compile(r"\salt\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
# What a page may not embed (issue 25): frames and plug-ins, inline event
# handlers, javascript: addresses, pictures from other hosts.
FRAME_TAG = re.compile(r"<(iframe|embed|object)\b", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*=", re.DOTALL)
HTML_URL = re.compile(r"""\s(href|src|srcset|poster|data)\s*=\s*["']?([^"'>]*)""", re.IGNORECASE)
HTML_TAG = re.compile(r"<(img|source|a|video|audio)\b[^>]*>", re.IGNORECASE)
JAVASCRIPT = re.compile(r"^\s*javascript\s*:", re.IGNORECASE)
STYLE_ATTR = re.compile(r"<[a-zA-Z][^<>]*?\sstyle\s*=|\{:?[^{}\n]*?(?<![\w-])style\s*=", re.DOTALL)
# An attribute list ({ onclick=... }) gives an element a handler as HTML does.
ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}\n]*?(?<![\w-])(on[a-zA-Z]+)\s*=")
TASK_ITEM = re.compile(r"^[ \t>]*[-*+][ \t]+\[[ xX]\][ \t]", re.MULTILINE)
EMPTY_TABLE_HEADER = re.compile(r"^[ \t]*\|?(?:[ \t]*\|)+[ \t]*\n[ \t]*\|?[ \t]*:?-{3,}", re.MULTILINE)
# Obsolete presentational HTML (the Nu validator refuses it).
OLD_TAG = re.compile(r"<(font|center|marquee|blink|big|strike|tt|acronym|basefont)\b", re.IGNORECASE)
# Parts of another service's embed code: forms, their fields, stylesheets.
FOREIGN_PART = re.compile(r"<(form|input|button|select|textarea|link|style|meta|base)\b", re.IGNORECASE)
HTML_MD_LINK = re.compile(r"""<a\b[^>]*?\shref\s*=\s*["']?(?![a-z][a-z0-9+.-]*:|/)([^"'>\s]*\.md(?:#[^"'>\s]*)?)["'\s>]""",
                          re.IGNORECASE)
FOREIGN = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
ID_ATTR = re.compile(r"""\sid=["']([^"']+)["']""")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Traces of text pasted from Word: its classes, tags, conditional blocks and styles.
WORD = re.compile(r"""class=["']?Mso|</?o:p>|<!\[if\b|<!\[endif\]>|\bmso-[a-z-]+\s*:|</?w:[a-z]""", re.I)
LOCAL_FILE = re.compile(r"file:/", re.I)


@dataclass
class Finding:
    level: str  # "error" or "warning"
    path: Path
    line: int
    nb: str
    en: str


def read_languages(root: Path) -> Languages:
    """The languages from mkdocs.yml, read by MkDocs's own config loader."""
    return Languages.from_mkdocs_yml(root / "mkdocs.yml")


class Page:
    """One Markdown file: its front matter, a masked copy of its body (code,
    comments and front matter blanked, newlines kept) and its anchors."""

    def __init__(self, path: Path, docs: Path, languages: Languages):
        self.path = path
        self.rel = path.relative_to(docs).as_posix()
        self.text = datafile.read_text(path, f"docs/{self.rel}")
        self.stem, self.locale = languages.split(self.rel)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        part = front_matter.split(self.text)
        self.front_matter_text = part.text
        self.body_start = part.body_offset
        self.masked = self._mask()
        # Marker comments (<!-- cpc-goals -->) become generated blocks whose
        # cpc-* ids the checker cannot see; links to them are trusted.
        self.has_markers = re.search(r"<!--\s*cpc-", self.text) is not None
        self._anchors: set[str] | None = None

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def _mask(self) -> str:
        def blank(text: str) -> str:
            return re.sub(r"[^\n]", " ", text)

        text = blank(self.text[: self.body_start]) + self.text[self.body_start:]
        text = COMMENT.sub(lambda m: blank(m.group(0)), text)
        lines = text.split("\n")
        fence: str | None = None
        self.fenced: set[int] = set()  # 1-based numbers of the lines in fenced code
        for index, line in enumerate(lines):
            match = FENCE.match(line)
            if fence is not None or match:
                self.fenced.add(index + 1)
            if fence is None and match:
                fence = match.group(1)
                lines[index] = blank(line)
            elif fence is not None:
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                        and not line[match.end():].strip():
                    fence = None
                lines[index] = blank(line)
            else:
                lines[index] = CODE_SPAN.sub(lambda m: blank(m.group(0)), line)
        return "\n".join(lines)

    def has_anchor(self, anchor: str) -> bool:
        return anchor in self.anchors or (self.has_markers and anchor.startswith("cpc-"))

    @property
    def anchors(self) -> set[str]:
        """Every id the page's Markdown produces (headings, `{ #id }`, ...)."""
        if self._anchors is None:
            md = markdown.Markdown(extensions=[
                "toc", "attr_list", "md_in_html", "tables", "def_list",
                "footnotes", "abbr", "admonition", "fenced_code",
            ])
            self._anchors = set(ID_ATTR.findall(md.convert(self.text[self.body_start:])))
        return self._anchors


def nav_pages(nav) -> list[str]:
    """The docs paths mkdocs.yml's menu (`nav`) names, in menu order."""
    if isinstance(nav, str):
        return [] if SCHEME.match(nav) else [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_pages(value)]
    return [path for item in nav or () for path in nav_pages(item)]


class Checker:
    def __init__(self, root: Path, docs: Path, languages: Languages | None = None, nav=None):
        self.root = root
        self.docs = docs
        self.languages = languages or read_languages(root)
        # The menu, when the whole site is checked: its pages and the ones
        # the site's own markup links to must exist.
        self.nav = nav
        self.default, self.locales = self.languages.default, self.languages.locales
        # Files named so that no page can come of them are reported, not read.
        self.misnamed = {rel: problem for rel in sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
                         if (problem := bilingual.name_problem(rel, self.languages))}
        self.findings: list[Finding] = []
        self.pages = {}
        for rel in sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")):
            if rel in self.misnamed:
                continue
            try:
                self.pages[rel] = Page(docs / rel, docs, self.languages)
            except datafile.EncodingError as error:  # reported, not read
                self.findings.append(Finding("error", docs / rel, error.line, error.nb, error.en))
        self.notes: list[str] = []
        self.files = media.docs_index(docs)
        # Each photo's problems, inspected once (the build finds the photos
        # pages use in their HTML itself: media.py).
        self.inspected: dict[str, list] = {}
        # Each post's checked versions, by stem and language, and each other
        # page's front matter fields, by docs path: for the build.
        self.versions: dict[str, dict] = {}
        self.front_matter: dict[str, dict] = {}
        self.post_links: list[tuple] = []  # (page, line, target, post): checked once every post is read
        self.linked: set[str] = set()  # docs paths of the pages some page links to

    def error(self, page: Page, line: int, nb: str, en: str) -> None:
        self.findings.append(Finding("error", page.path, line, nb, en))

    def warning(self, page: Page, line: int, nb: str, en: str) -> None:
        self.findings.append(Finding("warning", page.path, line, nb, en))

    def shown(self, rel: str) -> str:
        """A docs-relative path as the editor sees it in the repository."""
        path = self.docs / rel
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def run(self, freshness: bool = True) -> list[Finding]:
        for rel, (nb, en) in self.misnamed.items():
            self.findings.append(Finding("error", self.docs / rel, 1, nb, en))
        for page in self.pages.values():
            if page.stem in RESERVED:
                self.error(page, 1, f"Adressen «{page.stem}/» har nettstedet selv (publiseringsverktøyet, den engelske "
                                    "forsiden, nyhetene eller søket), så siden ville blitt borte. Gi filen et annet navn.",
                           f"The website has the address \"{page.stem}/\" itself (the editor, the English home page, the "
                           "news or search), so the page would vanish. Give the file another name.")
            if page.stem == f"{news.FOLDER}/index":
                self.error(page, 1, f"docs/{news.FOLDER}/-sidene lager nettstedet selv, med alle nyhetene. Denne filen "
                                    "ville erstattet nyhetsoversikten. Slett den, og skriv nyheten i en egen fil, for "
                                    f"eksempel docs/{news.FOLDER}/arsmote-2027.md.",
                           f"The website makes the docs/{news.FOLDER}/ page itself, with all the news. This file would "
                           f"replace the news list. Delete it, and write the news in a file of its own, for example "
                           f"docs/{news.FOLDER}/arsmote-2027.md.")
        self.check_files()
        if self.nav is not None:
            self.check_linked_pages()
        self.check_translations()
        versions: dict[str, dict] = {}
        for page in self.pages.values():
            if news.is_post(page.rel):
                version = self.check_post(page)
                if version:
                    versions.setdefault(page.stem, {})[page.locale] = (page, version)
                    self.versions.setdefault(page.stem, {})[page.locale] = version
            else:
                self.check_front_matter(page)
            self.check_headings(page)
            self.check_links_and_images(page)
            self.check_scripts(page)
            self.check_html_balance(page)
            self.check_comments(page)
            self.check_embeds(page)
            self.check_pasted_from_word(page)
        for pair in versions.values():
            main = pair.get(self.default)
            for locale, (page, version) in pair.items():
                if main and locale != self.default:
                    for problem in news.check_pair(main[1], version):
                        self.error(page, problem.line, problem.nb, problem.en)
        self.check_links_to_posts()
        if self.nav is not None:
            self.check_unlinked_pages()
        if freshness:
            self.check_freshness()
        return self.findings

    # A link to a draft or a post dated later would point to nothing on the published site.
    def check_links_to_posts(self) -> None:
        today = clock.now().date()
        for page, line, target, rel in self.post_links:
            stem, locale = self.languages.split(rel)
            version = self.versions.get(stem, {}).get(locale)
            main = self.versions.get(stem, {}).get(self.default)
            status = (version and version.status(today)) or (main and main.status(today))
            if status:
                why_nb, why_en = (("er et utkast", "is a draft") if status == "draft" else
                                  (f"publiseres først {main.date.isoformat()}", f"is published only on "
                                                                                 f"{main.date.isoformat()}"))
                self.error(page, line, f"Lenken «{target}» peker til en nyhet som {why_nb}, så lenken ville ikke "
                                       "virket på det publiserte nettstedet. Vent med lenken til nyheten er ute, eller "
                                       "publiser nyheten først.",
                           f"The link \"{target}\" points to a news post that {why_en}, so it would not work on the "
                           "published site. Add the link once the post is out, or publish the post first.")

    # The pages the menu (mkdocs.yml's nav) and the site's own markup (places.PAGES) link to, and who links.
    def site_links(self) -> dict[str, tuple[str, str]]:
        linked = {path: ("Menyen", "The menu") for path in nav_pages(self.nav)}
        for slug in places.PAGES.values():
            path = next((p for p in (f"{slug}.md", f"{slug}/index.md") if p in self.pages), f"{slug}.md")
            linked.setdefault(path, ("Nettstedet (bunnteksten, skjemaene eller forsiden)",
                                     "The site (its footer, forms or home page)"))
        return linked

    # Deleting a page the site links to breaks those links.
    def check_linked_pages(self) -> None:
        for path, (who_nb, who_en) in self.site_links().items():
            if path not in self.pages:
                self.findings.append(Finding(
                    "error", self.docs / path, 1,
                    f"{who_nb} lenker til docs/{path}, men siden finnes ikke, så lenken ville ført ingen steder. "
                    "Legg filen tilbake (GitHub har den under «History» for mappen), eller be en utvikler fjerne "
                    "lenkene til den.",
                    f"{who_en} links to docs/{path}, but the page does not exist, so the link would lead nowhere. Put "
                    "the file back (GitHub keeps it under the folder's \"History\"), or ask a developer to remove the "
                    "links to it."))

    # A page outside the menu that no page links to: published, but found only through search.
    def check_unlinked_pages(self) -> None:
        reached = {"index.md", *self.site_links(), *self.linked}
        for page in self.pages.values():
            if page.locale == self.default and not news.is_post(page.rel) and page.rel not in reached:
                self.warning(page, 1, "Ingen side lenker hit, og siden står ikke i menyen, så leserne finner den bare "
                                      "gjennom søket. Lenk til den fra en annen side, eller be en utvikler sette den i "
                                      "menyen.",
                             "No page links here and the page is not in the menu, so readers find it only through "
                             "search. Link to it from another page, or ask a developer to add it to the menu.")

    # Every file in docs/: a type staff may publish (media_types.py), and an
    # SVG or PDF the media step can clean (documents.py).
    def check_files(self) -> None:
        taken: dict[str, str] = {}  # case-folded NFC path -> the first file so named
        for path in sorted(p for p in self.docs.rglob("*") if p.is_file()):
            rel = path.relative_to(self.docs).as_posix()
            if media_types.is_ignored(rel):
                continue
            folded = unicodedata.normalize("NFC", rel).casefold()
            if folded in taken:
                free = media_types.free_name(rel, set(taken))
                nb, en = media_types.case_clash(taken[folded], rel, free)
                self.findings.append(Finding("error", path, 1, nb, en))
                continue
            taken[folded] = rel
            kind = media_types.treatment(rel)
            problems = ([media_types.refusal(rel)] if kind is media_types.Treatment.REFUSED
                        else documents.check_svg(path) if kind is media_types.Treatment.SVG
                        else documents.check_pdf(path) if kind is media_types.Treatment.PDF else [])
            for problem in problems:
                self.findings.append(Finding("error", path, problem.line, problem.nb, problem.en))

    # A news post or event: the build's own rules (hooks/cpc/news.py).
    def check_post(self, page: Page):
        version, problems = news.check_post(page.text, f"docs/{page.rel}", page.locale, self.docs, self.locales)
        for problem in problems:
            self.error(page, problem.line, problem.nb, problem.en)
        if version and version.image and pictures.is_upload(version.image):
            self.check_photo(page, version.image_line, version.image)
        return version

    # A page without its translation.
    def file_for(self, stem: str, locale: str) -> str:
        return self.languages.source_name(stem, locale)

    def check_translations(self) -> None:
        missing_all = missing_translations(self.docs, self.languages)
        by_folder: dict[str, list] = {}
        for missing in missing_all:
            by_folder.setdefault(missing.have.rpartition("/")[0], []).append(missing)
        for missing in missing_all:
            have, locale = self.pages[missing.have], missing.locale
            want = self.shown(missing.want)
            # A translation named in its own language (projects.en.md beside
            # prosjekter.md): one message, at the translation, to rename it.
            pair = by_folder[missing.have.rpartition("/")[0]]
            if len(pair) == 2 and {m.locale == self.default for m in pair} == {True, False}:
                if locale == self.default:
                    rename = self.shown(next(m for m in pair if m is not missing).want)
                    self.error(have, 1,
                               f"Den engelske versjonen må ha samme filnavn som den norske, med .en foran .md: gi filen "
                               f"navnet {rename}. Adressen blir den samme på begge språk.",
                               f"The English version must have the same file name as the Norwegian one, with .en before "
                               f".md: rename the file to {rename}. The address is the same in both languages.")
                continue
            self.error(
                have, 1,
                f"Siden mangler {self.languages.language_name(locale, bilingual.NORWEGIAN)} versjon. Lag {want} med samme innhold på "
                f"{self.languages.language_name(locale, bilingual.NORWEGIAN)} (eller slett denne siden hvis den ikke skal finnes).",
                f"This page has no {self.languages.language_name(locale, bilingual.ENGLISH)} version. Create {want} with the same content in "
                f"{self.languages.language_name(locale, bilingual.ENGLISH)} (or delete this page if it should not exist).",
            )

    # Front matter: title and description.
    def check_front_matter(self, page: Page) -> None:
        problems = front_matter.lint(page.text)
        for problem in problems:
            self.error(page, problem.line, problem.nb, problem.en)
        if problems:
            return
        if page.front_matter_text is None:
            self.error(
                page, 1,
                "Siden mangler toppfeltet (front matter) med title og description. Start filen med tre "
                "bindestreker, linjene «title: …» og «description: …», og tre nye bindestreker.",
                "The page has no front matter with a title and a description. Start the file with three dashes, "
                "the lines \"title: ...\" and \"description: ...\", and three more dashes.",
            )
            return
        try:
            meta = front_matter.parse(page.text, f"docs/{page.rel}")
        except DataError as error:
            problem = front_matter.yaml_problem(error)
            self.error(page, problem.line, problem.nb, problem.en)
            return
        if meta is None:
            meta = datafile.Located()
        if not isinstance(meta, datafile.Located):
            self.error(page, 1, "Toppfeltet (front matter) må bestå av linjer på formen «felt: verdi».",
                       "The front matter must be lines of the form \"field: value\".")
            return
        values, problems = fields.check(kinds.PAGE, meta, fields.Context(self.locales, self.docs))
        for problem in problems:
            self.error(page, problem.line, problem.nb, problem.en)
        self.front_matter[page.rel] = values

    # Heading levels.
    def check_headings(self, page: Page) -> None:
        previous = 1  # the page title is level 1, even when it comes from front matter
        for number, line in enumerate(page.masked.split("\n"), start=1):
            match = HEADING.match(line)
            if not match:
                continue
            level = len(match.group(1))
            words = re.sub(r"!\[[^\]]*\]\([^)]*\)|\{[^}]*\}|#+\s*$", "", match.group(2)).strip()
            if not words:
                self.error(page, number, "Overskriften har ingen tekst (bare # eller et bilde). Skriv overskriften etter "
                                         "#-tegnene, eller slett linjen.",
                           "The heading has no text (only # or a picture). Write the heading after the # signs, or "
                           "delete the line.")
            if level > previous + 1:
                self.error(
                    page, number,
                    f"Overskriften «{match.group(2).strip()}» hopper fra nivå {previous} til nivå {level}. "
                    f"Bruk {'#' * (previous + 1)} (nivå {previous + 1}) her, så skjermlesere og innholdsfortegnelsen "
                    f"får riktig struktur.",
                    f"The heading \"{match.group(2).strip()}\" skips from level {previous} to level {level}. "
                    f"Use {'#' * (previous + 1)} (level {previous + 1}) here, so screen readers and the table of "
                    f"contents get the right structure.",
                )
            previous = level

    # Links, anchors and images.
    def resolve_page(self, page: Page, path: str) -> str | None:
        """The docs-relative file a link path points to, or None if outside docs."""
        base = [] if path.startswith("/") else page.rel.split("/")[:-1]
        parts = list(base)
        for part in path.split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            else:
                parts.append(part)
        return "/".join(parts)

    def language_version(self, page: Page, rel: str) -> str:
        """An English page's link to x.md means x.en.md, when that exists."""
        if page.locale != self.default and rel.endswith(".md"):
            localized = f"{rel[:-3]}.{page.locale}.md"
            if not any(rel.endswith(f".{locale}.md") for locale in self.locales) and localized in self.pages:
                return localized
        return rel

    def suggestion(self, page: Page, rel: str) -> tuple[str, str]:
        """The closest page, written as the link from `page` must be (pages link the Norwegian file)."""
        candidates = [name for name in self.pages if self.pages[name].locale == self.default]
        close = difflib.get_close_matches(rel, candidates, n=1, cutoff=0.6)
        if not close:
            return "", ""
        link = os.path.relpath(close[0], page.rel.rpartition("/")[0] or ".")
        return f" Mente du «{link}»?", f" Did you mean \"{link}\"?"

    def check_target(self, page: Page, line: int, target: str, is_image: bool) -> None:
        target = target.strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1].strip()
        if re.match(r"(?i)(mailto|tel):", target) and re.search(r"\s", target):
            self.error(page, line, f"Lenken «{target}» har mellomrom, som ikke kan stå i en e-post- eller telefonlenke. "
                                   "Skriv adressen eller nummeret uten mellomrom: [Ring oss](tel:+4740000000).",
                       f"The link \"{target}\" has spaces, which cannot be in an email or phone link. Write the "
                       "address or number without spaces: [Call us](tel:+4740000000).")
            return
        if not target or SCHEME.match(target) or target.startswith("//"):
            return
        path, _, anchor = target.partition("#")
        if path.startswith("/") and not pictures.is_upload(posixpath.normpath(path.lstrip("/"))):
            relative = os.path.relpath(path.lstrip("/"), page.rel.rpartition("/")[0] or ".")
            self.error(page, line, f"«{target}» begynner med /, og en slik adresse virker ikke når nettstedet ligger i "
                                   f"en undermappe. Skriv den fra denne siden: «{relative}».",
                       f"\"{target}\" starts with /, and such an address breaks when the site lives in a subfolder. "
                       f"Write it from this page: \"{relative}\".")
            return
        path = unquote(path.split("?", 1)[0])
        if not path:
            if anchor and not page.has_anchor(anchor):
                self.error(
                    page, line,
                    f"Lenken «#{anchor}» peker til et avsnitt som ikke finnes på denne siden. Bruk ankeret til en "
                    f"overskrift som finnes (se CONTRIBUTING.md om ankre), eller fjern «#{anchor}».",
                    f"The link \"#{anchor}\" points to a section that does not exist on this page. Use the anchor of an "
                    f"existing heading (see CONTRIBUTING.md on anchors), or remove \"#{anchor}\".",
                )
            return
        rel = self.resolve_page(page, path)
        what_nb, what_en = ("Bildet", "The image") if is_image else ("Lenken", "The link")
        if rel is None:
            self.error(
                page, line,
                f"{what_nb} «{target}» peker ut av docs-mappen. Pek på en fil i docs/.",
                f"{what_en} \"{target}\" points outside the docs folder. Point it at a file in docs/.",
            )
            return
        if path.endswith("/") or (self.docs / rel).is_dir():
            folder = rel.rstrip("/")
            candidates = [f"{folder}.md", f"{folder}/index.md".lstrip("/")]
            found = next((c for c in candidates if c in self.pages), None)
            if found:
                relative = os.path.relpath(found, page.rel.rpartition("/")[0] or ".")
                hint_nb, hint_en = f", for eksempel «{relative}»", f", for example \"{relative}\""
            else:
                hint_nb = hint_en = ""
            self.error(
                page, line,
                f"Lenken «{target}» peker til en nettadresse, ikke til en fil. Lenk til .md-filen i stedet{hint_nb}.",
                f"The link \"{target}\" points to a web address, not a file. Link to the .md file instead{hint_en}.",
            )
            return
        if rel.endswith(".md"):
            rel = self.language_version(page, rel)
            self.linked.add(rel)
            if news.is_post(rel):
                self.post_links.append((page, line, target, rel))
            if rel not in self.pages:
                hint_nb, hint_en = self.suggestion(page, rel)
                self.error(
                    page, line,
                    f"Lenken «{target}» peker til en side som ikke finnes (docs/{rel}).{hint_nb} Rett lenken, "
                    f"eller lag siden.",
                    f"The link \"{target}\" points to a page that does not exist (docs/{rel}).{hint_en} Fix the "
                    f"link, or create the page.",
                )
            elif anchor and not self.pages[rel].has_anchor(anchor):
                self.error(
                    page, line,
                    f"Lenken «{target}» peker til et avsnitt (#{anchor}) som ikke finnes på siden docs/{rel}. "
                    f"Bruk ankeret til en overskrift som finnes der, eller fjern «#{anchor}».",
                    f"The link \"{target}\" points to a section (#{anchor}) that does not exist on the page "
                    f"docs/{rel}. Use the anchor of a heading that exists there, or remove \"#{anchor}\".",
                )
            return
        if pictures.is_upload(rel):  # shown, or linked: both lead to its renditions
            self.check_photo(page, line, rel)
        elif unicodedata.normalize("NFC", posixpath.normpath(rel)) not in self.files:
            self.error(
                page, line,
                f"{what_nb} «{target}» peker til en fil som ikke finnes (docs/{rel}). Sjekk filnavnet "
                f"(store og små bokstaver teller), eller last opp filen.",
                f"{what_en} \"{target}\" points to a file that does not exist (docs/{rel}). Check the file name "
                f"(upper and lower case matter), or upload the file.",
            )

    # Photos: the image step's own check (image_inspect.py), once per file.
    def check_photo(self, page: Page, line: int, rel: str) -> None:
        if rel not in self.inspected:
            self.inspected[rel] = image_inspect.inspect(self.docs / rel, rel, image_render.LEAD.min_width,
                                                 self.root / pictures.CACHE_DIR)[1]
        for problem in self.inspected[rel]:
            (self.error if problem.level == "error" else self.warning)(page, line, problem.nb, problem.en)

    def missing_alt(self, page: Page, line: int, src: str) -> None:
        self.error(
            page, line,
            f"Bildet «{src}» mangler alternativ tekst. Skriv hva bildet viser mellom hakeparentesene: "
            f"![Kort beskrivelse av bildet]({src}).",
            f"The image \"{src}\" has no alt text. Write what the image shows between the square brackets: "
            f"![Short description of the image]({src}).",
        )

    def check_links_and_images(self, page: Page) -> None:
        text = page.masked
        for match in INLINE.finditer(text):
            is_image, label, target = match.group(1) == "!", match.group(2), match.group(3)
            line = page.line_of(match.start())
            if is_image and not label.strip():
                self.missing_alt(page, line, target.strip("<>"))
            for inner in INLINE.finditer(label) if not is_image else ():
                if inner.group(1) == "!" and not inner.group(2).strip():
                    self.missing_alt(page, line, inner.group(3).strip("<>"))
            if not is_image and not re.sub(r"<[^>]*>|[*_`]", "", page.text[match.start(2):match.end(2)]).strip():
                self.error(page, line,
                           f"Lenken til «{target}» har ingen tekst, så skjermlesere og tastaturbrukere får ikke vite hvor "
                           f"den går. Skriv teksten mellom hakeparentesene: [Les mer om klyngen]({target}).",
                           f"The link to \"{target}\" has no text, so screen readers and keyboard users cannot tell where "
                           f"it goes. Write the text between the square brackets: [Read about the cluster]({target}).")
            self.check_target(page, line, target, is_image)
        for match in REFERENCE_IMAGE.finditer(text):
            if not match.group(1).strip():
                self.missing_alt(page, page.line_of(match.start()), match.group(2) or match.group(1))
        for match in REFERENCE_DEF.finditer(text):
            if match.group(1).startswith("^"):  # footnote
                continue
            self.check_target(page, page.line_of(match.start(2)), match.group(2), False)
        for match in IMG_TAG.finditer(text):
            src = re.search(r"""\ssrc\s*=\s*["']?([^"'>]+)""", match.group(0))
            if not ALT_ATTR.search(match.group(0)):
                self.missing_alt(page, page.line_of(match.start()), src.group(1) if src else "")
            if src:  # raw HTML: relative to the Markdown file, as the build reads it (media.py)
                self.check_target(page, page.line_of(match.start()), src.group(1), True)

    # What a page may embed: nothing from another host, no frames, no script.
    def check_embeds(self, page: Page) -> None:
        text = page.masked
        for match in FRAME_TAG.finditer(text):
            self.error(
                page, page.line_of(match.start()),
                f"Siden bygger inn innhold fra et annet nettsted (<{match.group(1).lower()}>). Nettstedet henter ingenting "
                "fra andre nettsteder før leseren selv velger det (personvern), så det ville vært en tom boks. Er det en "
                "video, slett koden og lenk til videoen på en egen linje: [Se videoen](https://…). Siden viser da et "
                "lenkekort som sier hvor videoen ligger. Be en utvikler om hjelp for annet innhold.",
                f"The page embeds content from another website (<{match.group(1).lower()}>). The website fetches nothing "
                "from other websites until the reader chooses to (privacy), so it would be an empty box. For a video, "
                "delete the code and link to the video on a line of its own: [Watch the video](https://...). The page "
                "then shows a link card naming where the video is. Ask a developer for anything else.")
        for match in STYLE_ATTR.finditer(text):
            self.error(
                page, page.line_of(match.start()),
                "Siden har HTML med «style=…». Nettstedet viser ikke slike stiler (sikkerhetsregelen stopper dem), og "
                "farger og skrifter kommer fra nettstedets eget utseende. Ta bort style-attributtet; bruk Markdown for "
                "**fet** og *kursiv* tekst.",
                "The page has HTML with \"style=...\". The website does not show such styles (its security policy stops "
                "them), and colours and fonts come from the site's own look. Remove the style attribute; use Markdown "
                "for **bold** and *italic* text.")
        for match in OLD_TAG.finditer(text):
            self.error(
                page, page.line_of(match.start()),
                f"Siden bruker <{match.group(1).lower()}>, som er utgått HTML og ikke kan publiseres. Ta bort taggen og "
                "behold teksten; bruk Markdown for overskrifter, **fet** og *kursiv* tekst.",
                f"The page uses <{match.group(1).lower()}>, which is obsolete HTML and cannot be published. Remove the "
                "tag and keep the text; use Markdown for headings, **bold** and *italic* text.")
        for match in FOREIGN_PART.finditer(text):
            self.error(
                page, page.line_of(match.start()),
                f"Siden har et <{match.group(1).lower()}>-element, limt inn fra et annet nettsted eller en "
                "påmeldingstjeneste. Slike deler sender leserens data til andre eller trenger skript, og kan ikke "
                "publiseres her. Slett koden; lenk heller til tjenesten med en vanlig lenke, eller bruk nettstedets "
                "eget kontaktskjema (se CONTRIBUTING.md).",
                f"The page has a <{match.group(1).lower()}> element, pasted from another website or a sign-up service. "
                "Such parts send the reader's data elsewhere or need scripts, and cannot be published here. Delete the "
                "code; link to the service with an ordinary link instead, or use the site's own contact form.")
        for match in HTML_MD_LINK.finditer(text):
            target = match.group(1)
            self.error(
                page, page.line_of(match.start()),
                f"HTML-lenken til «{target}» blir ikke gjort om til sidens adresse, og ville pekt til en side som ikke "
                f"finnes. Skriv den som en Markdown-lenke: [Lenketekst]({target}).",
                f"The HTML link to \"{target}\" is not turned into the page's address, and would point to a page that "
                f"does not exist. Write it as a Markdown link: [Link text]({target}).")
        for match in TASK_ITEM.finditer(text):
            self.error(page, page.line_of(match.start()),
                       "Sjekklister («- [ ]» og «- [x]») blir avkrysningsbokser uten navn, som skjermlesere ikke kan "
                       "lese. Skriv en vanlig liste, og skriv «ferdig» eller «gjenstår» i teksten.",
                       "Task lists (\"- [ ]\" and \"- [x]\") become checkboxes without names, which screen readers "
                       "cannot read. Write an ordinary list, and say \"done\" or \"to do\" in the text.")
            break
        for match in EMPTY_TABLE_HEADER.finditer(text):
            self.error(page, page.line_of(match.start()),
                       "Tabellen har en tom overskriftsrad. Skriv en kort overskrift i hver kolonne i den første raden, "
                       "så skjermlesere kan si hva kolonnen er.",
                       "The table has an empty header row. Write a short heading in each column of the first row, so "
                       "screen readers can tell what the column is.")
        for match in [*EVENT_HANDLER.finditer(text), *ATTR_LIST_HANDLER.finditer(text)]:
            self.error(
                page, page.line_of(match.start(1)),
                f"Siden har et skript i et HTML-attributt ({match.group(1)}=…). Skript er ikke tillatt i innholdet "
                "(sikkerhet og personvern); fjern attributtet, og be en utvikler om hjelp hvis siden trenger en funksjon.",
                f"The page has a script in an HTML attribute ({match.group(1)}=...). Scripts are not allowed in content "
                "(security and privacy); remove the attribute, and ask a developer if the page needs a feature.")
        targets = [(m.start(), m.group(1) == "!", m.group(3).strip("<>")) for m in INLINE.finditer(text)]
        definitions = {m.group(1).lower(): m.group(2).strip("<>") for m in REFERENCE_DEF.finditer(text)}
        targets += [(m.start(), True, definitions.get((m.group(2) or m.group(1)).lower(), ""))
                    for m in REFERENCE_IMAGE.finditer(text)]
        targets += [(m.start(), True, m.group(2).strip()) for m in REFERENCE_DEF.finditer(text)
                    if JAVASCRIPT.match(m.group(2))]
        for tag in HTML_TAG.finditer(text):
            for attribute in HTML_URL.finditer(tag.group(0)):
                url = attribute.group(2).strip()
                # An index page's address is its folder, so its relative addresses work as written.
                if attribute.group(1).lower() in ("href", "src") and url and not SCHEME.match(url) \
                        and not page.stem.endswith("index") \
                        and not url.startswith(("#", "//")) and not url.lower().endswith(".md") \
                        and not pictures.is_upload(url.split("?")[0]):
                    self.error(page, page.line_of(tag.start()),
                               f"HTML-adressen «{url}» blir ikke gjort om til en adresse på nettstedet, og ville pekt "
                               f"til en fil som ikke finnes. Skriv den i Markdown: [Lenketekst]({url}) eller "
                               f"![Beskrivelse]({url}).",
                               f"The HTML address \"{url}\" is not turned into an address on the site, and would point "
                               f"to a file that does not exist. Write it in Markdown: [Link text]({url}) or "
                               f"![Description]({url}).")
                is_media = tag.group(1).lower() != "a" or attribute.group(1).lower() != "href"
                urls = [c.split()[0] for c in attribute.group(2).split(",") if c.strip()] \
                    if attribute.group(1).lower() == "srcset" else [attribute.group(2)]
                targets += [(tag.start(), is_media, url) for url in urls]
        for offset, is_media, url in targets:
            line = page.line_of(offset)
            if JAVASCRIPT.match(url):
                self.error(
                    page, line,
                    "Lenken starter med «javascript:», som kjører et skript når noen klikker. Skript er ikke tillatt i "
                    "innholdet (sikkerhet og personvern); lenk til en side eller en fil i stedet.",
                    "The link starts with \"javascript:\", which runs a script when clicked. Scripts are not allowed in "
                    "content (security and privacy); link to a page or a file instead.")
            elif is_media and url.strip().lower().startswith("data:"):
                self.error(
                    page, line,
                    "Et bilde er limt inn som tekst (data:…) i siden. Slik tekst kan ha med seg hvor og med hva bildet "
                    "ble tatt, og nettstedet kan ikke rense den. Last opp bildet som en fil i docs/, og vis til filen, "
                    "for eksempel ![Beskrivelse](assets/images/navn.jpg).",
                    "A picture is pasted into the page as text (data:...). Such text can carry where and with what the "
                    "picture was taken, and the website cannot clean it. Upload the picture as a file into docs/, and "
                    "point to the file, for example ![Description](assets/images/name.jpg).")
            elif is_media and FOREIGN.match(url) and not LOCAL_FILE.match(url.strip()):  # file:/ has its own message
                self.error(
                    page, line,
                    f"Bildet «{url}» ligger på et annet nettsted. Sidene henter ingenting fra andre nettsteder "
                    "(personvern), så bildet ville ikke vises. Last ned bildet hvis dere har lov til å bruke det, last "
                    "det opp i docs/, og vis til filen, for eksempel ![Beskrivelse](assets/images/navn.jpg).",
                    f"The image \"{url}\" is on another website. Pages fetch nothing from other websites (privacy), so "
                    "it would not show. Download the picture if you may use it, upload it into docs/, and point to the "
                    "file, for example ![Description](assets/images/name.jpg).")

    # Comments: staff notes closed, markers known, each alone on its line.
    def check_comments(self, page: Page) -> None:
        body = page.text[page.body_start:]
        start = page.body_start
        seen: dict[str, int] = {}
        for match in COMMENT.finditer(body):
            line = page.line_of(start + match.start())
            if line in page.fenced:
                continue
            inside = match.group(0)[4:-3]
            if "<!--" in inside:
                self.error(page, line,
                           "En kommentar (<!-- … -->) er ikke lukket der den skal: neste «<!--» kommer før «-->», så "
                           "teksten mellom dem forsvinner fra siden. Avslutt kommentaren med «-->» (to bindestreker og "
                           ">), eller slett hele kommentaren.",
                           "A comment (<!-- ... -->) is not closed where it should be: the next \"<!--\" comes before "
                           "\"-->\", so the text between them vanishes from the page. End the comment with \"-->\" (two "
                           "dashes and >), or delete the whole comment.")
                continue
            if not inside.split():
                continue
            name, *args = inside.split()
            if not name.startswith("cpc-"):
                continue
            known = markers.NAMES.get(name)
            if known is None:
                close = difflib.get_close_matches(name, markers.NAMES, n=1)
                hint_nb = f"Mente du «<!-- {close[0]} -->»?" if close else f"Kjente markører: {', '.join(markers.NAMES)}."
                hint_en = f"Did you mean \"<!-- {close[0]} -->\"?" if close else f"Known markers: {', '.join(markers.NAMES)}."
                self.error(page, line, f"Markøren «{name}» finnes ikke, så ingenting vises der. {hint_nb}",
                           f"The marker \"{name}\" does not exist, so nothing shows there. {hint_en}")
                continue
            text_line = page.text.splitlines()[line - 1]
            if text_line.strip() != match.group(0).strip():
                self.error(page, line, f"Markøren «<!-- {name} -->» må stå alene på sin egen linje, med en tom linje "
                                       "over og under. Flytt teksten rundt den til egne avsnitt.",
                           f"The marker \"<!-- {name} -->\" must stand alone on its own line, with an empty line above "
                           "and below. Move the text around it into paragraphs of its own.")
            for arg in args:
                key, _, value = arg.partition("=")
                if key not in known or value not in known[key]:
                    allowed = "; ".join(f"{k}=" + "|".join(v) for k, v in known.items()) or "ingenting"
                    self.error(page, line, f"«{arg}» kan ikke brukes i markøren «{name}». Tillatt: {allowed}.",
                               f"\"{arg}\" cannot be used in the marker \"{name}\". Allowed: "
                               f"{allowed.replace('ingenting', 'nothing')}.")
            if name == "cpc-contact-form" and news.is_post(page.rel):
                self.error(page, line, "En nyhet kan ikke ha kontaktskjemaet (<!-- cpc-contact-form -->). Et arrangement "
                                       "får sitt eget påmeldingsskjema med «signup_until:»; lenk ellers til kontaktsiden.",
                           "A news post cannot have the contact form (<!-- cpc-contact-form -->). An event gets its own "
                           "sign-up form with \"signup_until:\"; otherwise link to the contact page.")
            if name in seen:
                self.error(page, line, f"Markøren «<!-- {name} -->» står to ganger på siden (også på linje {seen[name]}). "
                                       "Hver markør kan stå én gang; slett den ene.",
                           f"The marker \"<!-- {name} -->\" is on the page twice (also on line {seen[name]}). Each "
                           "marker can be there once; delete one of them.")
            seen.setdefault(name, line)
        rest = COMMENT.sub(lambda m: " " * len(m.group(0)), body)
        opened = next((m.start() for m in re.finditer("<!--", rest) if page.line_of(start + m.start()) not in page.fenced),
                      -1)
        if opened >= 0:
            self.error(page, page.line_of(start + opened),
                       "En kommentar (<!-- …) er aldri lukket, så resten av den ville vist seg som tekst på siden. "
                       "Avslutt den med «-->» (to bindestreker og >), eller slett hele kommentaren.",
                       "A comment (<!-- ...) is never closed, so the rest of it would show as text on the page. End it "
                       "with \"-->\" (two dashes and >), or delete the whole comment.")

    # Raw <script> in content.
    def check_scripts(self, page: Page) -> None:
        for match in SCRIPT_TAG.finditer(page.masked):
            self.error(
                page, page.line_of(match.start()),
                "Siden inneholder et <script>-element. Skript hører ikke hjemme i innholdet (sikkerhet og "
                "personvern); fjern det, og be en utvikler om hjelp hvis siden trenger en funksjon.",
                "The page contains a <script> element. Scripts do not belong in content (security and privacy); "
                "remove it, and ask a developer if the page needs a feature.",
            )

    # Hand-written HTML: an element left open swallows the rest of the page (html_balance.py).
    def check_html_balance(self, page: Page) -> None:
        for slip in html_balance.slips(page.masked):
            if slip.unclosed:
                self.error(page, slip.line, f"HTML-elementet «<{slip.tag}>» lukkes aldri, så resten av siden ville "
                                            f"blitt vist som rå HTML. Skriv «</{slip.tag}>» der det skal slutte, eller "
                                            f"fjern «<{slip.tag}>».",
                           f"The HTML element \"<{slip.tag}>\" is never closed, so the rest of the page would show as "
                           f"raw HTML. Write \"</{slip.tag}>\" where it ends, or remove \"<{slip.tag}>\".")
            else:
                self.error(page, slip.line, f"«</{slip.tag}>» lukker et HTML-element som ikke er åpnet. Fjern den, "
                                            f"eller skriv «<{slip.tag}>» der elementet begynner.",
                           f"\"</{slip.tag}>\" closes an HTML element that was never opened. Remove it, or write "
                           f"\"<{slip.tag}>\" where the element starts.")

    # Text pasted from Word, and links to files on someone's own computer.
    def check_pasted_from_word(self, page: Page) -> None:
        found = WORD.search(page.masked)
        if found:
            self.error(
                page, page.line_of(found.start()),
                "Teksten ser ut til å være limt inn fra Word, med skjult formatering (for eksempel «MsoNormal» eller "
                "«<o:p>»). Slett den limte teksten og lim den inn på nytt som ren tekst (Ctrl+Shift+V, på Mac "
                "Cmd+Shift+Option+V), og bruk Markdown for overskrifter, lister og lenker.",
                "The text seems pasted from Word, with hidden formatting (such as \"MsoNormal\" or \"<o:p>\"). Delete "
                "it and paste it again as plain text (Ctrl+Shift+V, on a Mac Cmd+Shift+Option+V), and use Markdown "
                "for headings, lists and links.",
            )
        for local in LOCAL_FILE.finditer(page.masked):
            self.error(
                page, page.line_of(local.start()),
                "Her pekes det til en fil på din egen maskin (file:/…), som ingen andre kan åpne. Last opp filen i "
                "docs/ og lenk til den der, for eksempel ![Beskrivelse](bilde.jpg).",
                "This points to a file on your own computer (file:/...), which nobody else can open. Upload the "
                "file into docs/ and link to it there, for example ![Description](picture.jpg).",
            )
            break

    # Translation freshness (warnings).
    def check_freshness(self) -> None:
        problem = git_history_problem(self.root)
        if problem:
            self.notes.append(
                f"Oversettelsenes alder ble ikke sjekket: ingen git-historikk ({problem}). / "
                f"Translation freshness not checked: no git history ({problem})."
            )
            return
        times = CommitTimes(self.root)
        for page in self.pages.values():
            if page.locale == self.default:
                continue
            original = self.pages.get(self.file_for(page.stem, self.default))
            if original is None:
                continue
            if is_newer(times, original.path, page.path):
                older, newer = page, original
            elif is_newer(times, page.path, original.path):
                older, newer = original, page
            else:
                continue
            older_time, newer_time = times(older.path), times(newer.path)
            self.warning(
                older, 1,
                f"Den {self.languages.language_name(newer.locale, bilingual.NORWEGIAN)}e versjonen ({self.shown(newer.rel)}) ble endret "
                f"{day(newer_time)}, etter denne siden ({day(older_time)}). Oppdater denne siden så begge sier "
                f"det samme. Inntil da viser siden en merknad om at den kan være utdatert.",
                f"The {self.languages.language_name(newer.locale, bilingual.ENGLISH)} version ({self.shown(newer.rel)}) was changed on "
                f"{day(newer_time)}, after this page ({day(older_time)}). Update this page so both say the same. "
                f"Until then the page shows a notice that it may be out of date.",
            )


def day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")




@dataclass(frozen=True)
class Content:
    """What the checks read, as the build uses it: every input is read and
    checked once per build, by `load`."""
    posts: tuple  # news.Post, newest first, drafts and later dates included
    goals: tuple  # goals.Goal
    directory: directory.Directory
    ui: dict  # locale -> strings.Strings
    pages: dict  # docs path of every page that is not a post -> its front matter fields (title, description, ...)


def check_goals(root: Path, languages: Languages) -> tuple[list[Finding], tuple]:
    """The goal figures (hooks/cpc/goals.py); GOALS_FILE names another file."""
    path, label = datafile.chosen(root, goals.FILE_VARIABLE, goals.GOALS_FILE)
    if not path.exists():
        return [], ()
    try:
        data = datafile.load(path, label)
    except DataError as error:
        return [Finding("error", path, error.line or 1, error.nb or str(error), getattr(error, "en", str(error)))], ()
    found, problems = goals.check_goals(data, label, languages.locales, clock.now().year)
    return [Finding("error", path, p.line, p.nb, p.en) for p in problems], tuple(found)


def check_ui(root: Path, languages: Languages) -> tuple[list[Finding], dict]:
    """The interface strings, with the build's own rule (hooks/cpc/strings.py)."""
    path = root / strings.UI_FILE
    if not path.exists():
        return [], {}
    try:
        return [], strings.load(path, languages)
    except DataError as error:
        return [Finding("error", path, error.line or 1,
                        f"Grensesnitttekstene i {strings.UI_FILE} har en feil: hver nøkkel trenger en tekst for hvert "
                        f"språk. {error}",
                        f"Fix the interface strings in {strings.UI_FILE}: {error}")], {}


def check(root: Path, docs: Path, languages: Languages | None = None, nav=None) -> tuple[list[Finding], list[str], int]:
    """Every rule over a repository: (findings, notes, number of pages).
    Without `languages`, both they and the menu come from ROOT/mkdocs.yml."""
    if languages is None:
        from mkdocs.config import load_config

        config = load_config(config_file=str(root / "mkdocs.yml"))
        languages, nav = Languages.from_config(config), config.nav or []
    findings, notes, pages, _ = _check(root, docs, languages, nav=nav)
    return findings, notes, pages


def _check(root: Path, docs: Path, languages: Languages | None, freshness: bool = True, nav=None):
    checker = Checker(root, docs, languages, nav)
    findings = checker.run(freshness)
    goal_findings, found_goals = check_goals(root, checker.languages)
    ui_findings, ui = check_ui(root, checker.languages)
    directory_findings, found_directory = check_directory(root, docs, checker)
    findings += goal_findings + ui_findings + directory_findings + check_uploads_for_position(docs)
    findings = sorted(findings, key=lambda f: (shown(f.path, root), f.line, f.level))
    content = Content(tuple(news.assemble(checker.versions, checker.languages)), found_goals, found_directory, ui,
                      checker.front_matter)
    return findings, checker.notes, len(checker.pages), content


def shown(path: Path, root: Path) -> str:
    """A path as staff see it in the repository."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def describe(finding: Finding, root: Path) -> str:
    label = "FEIL / ERROR" if finding.level == "error" else "ADVARSEL / WARNING"
    return f"{shown(finding.path, root)}:{finding.line}: {label}\n  nb: {finding.nb}\n  en: {finding.en}"


def counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def summary(errors: int, warnings: int, pages: int) -> str:
    nb_warnings, en_warnings = counted(warnings, "advarsel", "advarsler"), counted(warnings, "warning", "warnings")
    nb_pages, en_pages = counted(pages, "side", "sider"), counted(pages, "page", "pages")
    if errors:
        return (f"{errors} feil og {nb_warnings} på {nb_pages}. Rett feilene over; CONTRIBUTING.md forklarer "
                f"hver melding. / {counted(errors, 'error', 'errors')} and {en_warnings} in {en_pages}. Fix the errors "
                "above; CONTRIBUTING.md explains every message.")
    return f"ingen feil, {nb_warnings} på {nb_pages}. / no errors, {en_warnings} in {en_pages}."


def check_directory(root: Path, docs: Path, checker: Checker) -> tuple[list[Finding], directory.Directory]:
    """Members, people and the organisation's facts (directory.py); their logos
    and photos through the image step's check."""
    found, problems = directory.load(root, docs, checker.languages.locales)
    findings = [Finding("error", root / label, p.line, p.nb, p.en) for label, ps in problems.items() for p in ps]
    for path in [m.logo for m in found.members] + [p.photo for p in found.people if p.photo]:
        if path and pictures.is_upload(path):
            for problem in image_inspect.inspect(docs / path, path, image_render.THUMBNAIL.min_width, root / pictures.CACHE_DIR)[1]:
                findings.append(Finding(problem.level, docs / path, 1, problem.nb, problem.en))
    return findings, found


# The editor takes JPEG, PNG and WebP: an iPhone's HEIC goes through JPEG first.
HEIC_FIRST = fields.Words(
    " Publiseringsverktøyet tar ikke HEIC: åpne bildet på telefonen eller maskinen, lagre det som JPEG, og last opp "
    "JPEG-filen (på iPhone kan du velge Innstillinger > Kamera > Formater > Mest kompatibel).",
    " The content editor does not take HEIC: open the photo on the phone or computer, save it as JPEG, and upload "
    "the JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible).")
# Addresses the site makes itself: a page there would be overwritten.
RESERVED = frozenset({"admin", "en", news.FOLDER, "404", "search", "pagefind", "assets", "stylesheets", "javascripts"})
IDENTIFYING = {"position": ("GPS-posisjon", "GPS position"),
               "serial number": ("kameraets serienummer", "camera serial number")}


def check_uploads_for_position(docs: Path) -> list[Finding]:
    """Every raster file in docs/, used or not (the repository is public):
    none may still say where it was taken or by which camera."""
    findings = []
    for path in sorted(p for p in docs.rglob("*") if p.suffix.lower() in media_types.PHOTO_SUFFIXES and p.is_file()):
        try:
            found = uploads.position_or_serial_number(path)
        except image_inspect.TooLarge as error:
            too_large = media_types.too_large_image(path.relative_to(docs).as_posix(), error.size, image_inspect.MAX_PIXELS)
            findings.append(Finding("error", path, 1, too_large.nb, too_large.en))
            continue
        if found:
            heic = path.suffix.lower() in (".heic", ".heif")
            nb = " og ".join(IDENTIFYING[f][0] for f in found)
            en = " and ".join(IDENTIFYING[f][1] for f in found)
            findings.append(Finding(
                "error", path, 1,
                f"Bildet har fortsatt {nb} i seg, og alt i depotet er offentlig. Last det opp på nytt gjennom "
                "publiseringsverktøyet (/admin/), som renser bildet, eller kjør `make strip-photos`, som fjerner "
                "metadata fra bildene i docs/ der de ligger. Slå også av posisjon (stedsdata) for kameraet på "
                "telefonen, så neste bilde ikke får den." + HEIC_FIRST.nb * heic,
                f"The photo still carries its {en}, "
                "and everything in the repository is public. Upload it again through the content editor (/admin/), "
                "which cleans it, or run `make strip-photos`, which strips the metadata of the photos in docs/ in "
                "place. Also turn off location for the phone's camera, so the next photo has none."
                + HEIC_FIRST.en * heic))
    return findings


def load(root: Path, docs: Path, languages: Languages, nav) -> Content:
    """Every input, read and checked once, for the build. The build refuses
    what `make check` refuses, with the same messages; warnings about files
    go to the log (translation freshness is left to `make check`: the pages
    show their own notice)."""
    findings, _, pages, content = _check(root, docs, languages, freshness=False, nav=nav)
    errors = [f for f in findings if f.level == "error"]
    if errors:
        raise PluginError("\n".join(describe(f, root) for f in errors) + "\n" + summary(len(errors), 0, pages))
    for finding in findings:
        if finding.path.suffix != ".md" or "piksler" in finding.nb:
            log.info(describe(finding, root))
    return content
