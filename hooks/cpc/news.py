"""News posts and events (docs/nyheter/): read, checked, listed.

The contract for staff (CONTRIBUTING.md):
- `docs/nyheter/name.md` is the Norwegian post, `name.en.md` its optional
  English version.
- Front matter: `title`, `description`, `date` (YYYY-MM-DD); an optional
  `image` with a required `image_alt`; an event adds `event:` with `start`
  and `end` (YYYY-MM-DD HH:MM, Norwegian time), `location` and an optional
  `signup_until` (YYYY-MM-DD).

`check_post` returns every problem with its line, in Norwegian and English;
the build stops at the first one, `make check` lists them all. The rest of
this module turns valid posts into plain views for the templates.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from cpc import datafile, fields, front_matter, kinds, places
from cpc.clock import OSLO
from cpc.problems import Problem, build_error

FOLDER = places.NEWS
# The year archives' addresses (nyheter/2026/): no post may take one.
YEAR = re.compile(r"^\d{4}$")
# How many recent posts the news page shows before the yearly archive.
LATEST_ON_NEWS_PAGE = 10
LATEST_ON_HOME_PAGE = 3


@dataclass(frozen=True)
class Event:
    start: datetime.datetime  # aware, Europe/Oslo
    end: datetime.datetime
    location: str
    signup_until: datetime.date | None


@dataclass(frozen=True)
class Version:
    """One language's version of a post."""
    lang: str
    src_uri: str  # docs-relative
    title: str
    description: str
    date: datetime.date
    image: str | None
    image_alt: str | None
    event: Event | None
    draft: bool = False
    image_line: int = 0  # where `image:` is, for the image step's messages
    image_caption: str | None = None
    image_credit: str | None = None
    # The language of a caption taken from the Norwegian version, else None.
    image_caption_lang: str | None = None

    def status(self, today: datetime.date) -> str | None:
        """None once public; "draft" or "scheduled" (dated after today) until then."""
        return "draft" if self.draft else "scheduled" if self.date > today else None


@dataclass
class Post:
    slug: str
    versions: dict = field(default_factory=dict)  # lang -> Version

    def main(self, default: str) -> Version:
        return self.versions[default]


def is_post(src_uri: str) -> bool:
    """docs/nyheter/<name>.md or .en.md, but not an index page."""
    parts = src_uri.split("/")
    return len(parts) == 2 and parts[0] == FOLDER and parts[1].endswith(".md") and not parts[1].startswith("index.")


# --- Checking one file -------------------------------------------------------------

def check_post(text: str, label: str, lang: str, docs_dir: Path | None = None,
               locales: tuple = ("nb", "en")) -> tuple[Version | None, list[Problem]]:
    """A post's version, or None, and every problem found in its front matter:
    its fields by their declaration (kinds.POST), then the post's own rules."""
    problems: list[Problem] = front_matter.lint(text)
    if problems:
        return None, problems
    part = front_matter.split(text)
    if part.text is None:
        return None, [Problem(1, "Innlegget mangler toppfeltet (front matter) med title, description og date.",
                              "The post has no front matter with title, description and date.")]
    try:
        meta = front_matter.parse(text, label)
    except datafile.DataError as error:
        return None, [front_matter.yaml_problem(error)]
    if meta is None:
        meta = datafile.Located()
    if not isinstance(meta, datafile.Located):
        return None, [Problem(1, "Toppfeltet (front matter) må bestå av linjer på formen «felt: verdi».",
                              "The front matter must be lines of the form \"field: value\".")]
    values, found = fields.check(kinds.POST, meta, fields.Context(locales, docs_dir, FOLDER))
    problems += found
    slug = label.rsplit("/", 1)[-1].split(".", 1)[0]
    if YEAR.match(slug):
        problems.append(Problem(1, f"Innlegget heter «{slug}», som er adressen til nyhetsarkivet for året {slug}, så "
                                   "innlegget ville blitt borte. Gi filen et navn som sier hva saken handler om, for "
                                   f"eksempel docs/{FOLDER}/arsmote-{slug}.md.",
                                f"The post is called \"{slug}\", the address of the news archive for the year {slug}, so "
                                "the post would vanish. Give the file a name that says what it is about, for example "
                                f"docs/{FOLDER}/arsmote-{slug}.md."))
    for number, line in enumerate(text[part.body_offset:].splitlines(), start=part.body_line):
        if re.match(r"^#\s", line):
            problems.append(Problem(number, "Innlegget skal ikke ha en egen hovedoverskrift (# …); tittelen kommer fra "
                                            "«title:». Bruk ## for mellomtitler.",
                                    "The post must not have its own main heading (# ...); the title comes from "
                                    "\"title:\". Use ## for subheadings."))
            break
    if problems:
        return None, problems
    event = values.get("event")
    return Version(lang, label.removeprefix("docs/"), values["title"], values["description"], values["date"],
                   values.get("image"), values.get("image_alt"),
                   Event(event["start"], event["end"], event["location"], event.get("signup_until")) if event else None,
                   values.get("draft", False), meta.line_of("image") if "image" in values else 0,
                   values.get("image_caption"), values.get("image_credit")), []


def check_pair(main: Version, other: Version) -> list[Problem]:
    """A translation carries the same date and event times as the Norwegian post."""
    problems = []
    if other.date != main.date:
        problems.append(Problem(1, f"Datoen må være den samme som i den norske versjonen ({main.date.isoformat()}).",
                                f"The date must be the same as in the Norwegian version ({main.date.isoformat()})."))
    if (main.event is None) != (other.event is None):
        problems.append(Problem(1, "Arrangementet må ha samme start, end og signup_until som i den norske versjonen: "
                                   + ("kopier hele «event:» fra den norske filen." if main.event else
                                      "den norske versjonen er ikke et arrangement, så ta bort «event:» her."),
                                "The event must have the same start, end and signup_until as the Norwegian version: "
                                + ("copy all of \"event:\" from the Norwegian file." if main.event else
                                   "the Norwegian version is not an event, so remove \"event:\" here.")))
    elif main.event:
        differ = [name for name in ("start", "end", "signup_until")
                  if getattr(main.event, name) != getattr(other.event, name)]
        if differ:
            shown = ", ".join(f"{name}: {_shown(getattr(main.event, name))}" for name in differ)
            problems.append(Problem(1, "Arrangementet må ha samme start, end og signup_until som i den norske "
                                       f"versjonen. Skriv {shown}.",
                                    "The event must have the same start, end and signup_until as the Norwegian "
                                    f"version. Write {shown}."))
    return problems


def _shown(value) -> str:
    """A date or time as staff write it, or «(ingen)» for none."""
    if value is None:
        return "(ingen / none)"
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime.datetime) else value.isoformat()


# --- All posts ------------------------------------------------------------------------

def assemble(versions: dict, languages) -> list[Post]:
    """The posts from their checked versions (stem -> language -> Version),
    newest first; a translation without its own picture shows the Norwegian one."""
    posts = []
    for stem, by_language in versions.items():
        post = Post(stem.split("/")[-1], dict(by_language))
        main = post.versions.get(languages.default)
        for lang, version in post.versions.items():
            if main is not None and version is not main:
                post.versions[lang] = with_inherited_image(version, main)
        posts.append(post)
    return sorted((p for p in posts if languages.default in p.versions),
                  key=lambda p: (p.main(languages.default).date, p.slug), reverse=True)


def load_posts(docs_dir: Path, languages) -> list[Post]:
    """Every post of a docs folder, for tools and tests that need no build;
    the build takes its posts from the checks (rules.load)."""
    versions: dict = {}
    folder = Path(docs_dir) / FOLDER
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        src_uri = f"{FOLDER}/{path.name}"
        if not is_post(src_uri):
            continue
        label = f"docs/{src_uri}"
        stem, lang = languages.split(src_uri)
        version, problems = check_post(datafile.read_text(path, label), label, lang, docs_dir, languages.locales)
        if problems:
            raise build_error(label, problems[0])
        versions.setdefault(stem, {})[lang] = version
    return assemble(versions, languages)


def with_inherited_image(version: Version, main: Version) -> Version:
    """A translation without its own `image` shows the Norwegian one, with its
    own alt text and caption where it gives them, else the Norwegian ones
    (a borrowed caption is marked as Norwegian for screen readers)."""
    if version.image or not main.image:
        return version
    return dataclasses.replace(version, image=main.image, image_line=main.image_line,
                               image_alt=version.image_alt or main.image_alt,
                               image_caption=version.image_caption or main.image_caption,
                               image_caption_lang=None if version.image_caption or not main.image_caption else main.lang,
                               image_credit=version.image_credit or main.image_credit)


def held_back(posts: list[Post], default: str, today: datetime.date) -> tuple[list[Post], tuple[str, ...]]:
    """(what readers may see, the sources of what they may not yet): drafts and
    posts dated after today stay off the public site; a Norwegian post that
    waits takes its translation with it."""
    public, waiting = [], []
    for post in posts:
        main = post.versions.get(default)
        if main is None or main.status(today):
            waiting += [v.src_uri for v in post.versions.values()]
            continue
        versions = {lang: v for lang, v in post.versions.items() if not v.status(today)}
        waiting += [v.src_uri for v in post.versions.values() if v.status(today)]
        public.append(Post(post.slug, versions))
    return public, tuple(waiting)


@dataclass(frozen=True)
class News:
    """Every post, and what is upcoming at build time."""
    posts: tuple
    default: str
    built_at: datetime.datetime

    def in_language(self, lang: str) -> list[Version]:
        return [p.versions[lang] for p in self.posts if lang in p.versions]

    def has(self, lang: str) -> bool:
        """Every language lists every post, so each has news once any post exists."""
        return bool(self.posts)

    def has_own(self, lang: str) -> bool:
        """A language's feed and calendar carry its own posts only."""
        return any(lang in p.versions for p in self.posts)

    def listed_in(self, lang: str) -> list[Version]:
        """The versions a language's listing shows: its own, else the Norwegian one."""
        return [p.versions.get(lang) or p.versions[self.default] for p in self.posts]

    def is_upcoming(self, version: Version) -> bool:
        return version.event is not None and version.event.end >= self.built_at

    def signup_closes(self, version: Version) -> datetime.datetime:
        """The end of the deadline day, Norwegian time, or the start if that is sooner."""
        event = version.event
        end_of_day = datetime.datetime.combine(event.signup_until + datetime.timedelta(days=1), datetime.time(), OSLO)
        return min(end_of_day, event.start)

    def signup_open(self, version: Version) -> bool:
        event = version.event
        return bool(event and event.signup_until and self.built_at.date() <= event.signup_until and self.is_upcoming(version))

    def upcoming(self, versions: list[Version]) -> list[Version]:
        return sorted((v for v in versions if self.is_upcoming(v)), key=lambda v: v.event.start)

    def not_upcoming(self, versions: list[Version]) -> list[Version]:
        return [v for v in versions if not self.is_upcoming(v)]

    def years(self, lang: str) -> list[int]:
        return sorted({v.date.year for v in self.not_upcoming(self.listed_in(lang))}, reverse=True)

    @functools.cached_property
    def _by_source(self) -> dict:
        return {v.src_uri: p for p in self.posts for v in p.versions.values()}

    def post_of(self, src_uri: str) -> Post | None:
        return self._by_source.get(src_uri)


def post_url(version: Version, languages) -> str:
    """Site-relative URL of a post version: 'nyheter/x/' or 'en/nyheter/x/'."""
    stem, lang = languages.split(version.src_uri)
    return languages.root(lang) + stem + "/"


def slug(version: Version) -> str:
    return version.src_uri.split("/")[-1].split(".")[0]


# Each language's Atom feed, in its news folder.
FEED = "feed.xml"
