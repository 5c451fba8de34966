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
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from cpc import datafile, front_matter, media_types, places
from cpc.clock import OSLO
from cpc.problems import Problem, build_error, unknown_fields

FOLDER = places.NEWS
POST_FIELDS = ("title", "description", "date", "draft", "image", "image_alt", "image_caption", "image_credit", "event",
               "hide")
# What `hide:` may list (Material's page options).
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback", "tags")
EVENT_FIELDS = ("start", "end", "location", "signup_until")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The year archives' addresses (nyheter/2026/): no post may take one.
YEAR = re.compile(r"^\d{4}$")
DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$")
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

def _date(value, line: int, name: str, problems: list) -> datetime.date | None:
    if isinstance(value, str) and DATE.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    problems.append(Problem(line, f"«{name}: {value}» er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2027-03-04.",
                            f"\"{name}: {value}\" is not a real date. Write it as YYYY-MM-DD, for example 2027-03-04."))
    return None


def _date_time(value, line: int, name: str, problems: list) -> datetime.datetime | None:
    found = DATE_TIME.match(value.strip()) if isinstance(value, str) else None
    if found:
        try:
            day = datetime.date.fromisoformat(found.group(1))
            return datetime.datetime.combine(day, datetime.time(int(found.group(2)), int(found.group(3))), OSLO)
        except ValueError:
            pass
    problems.append(Problem(line, f"«{name}: {value}» er ikke et gyldig tidspunkt. Skriv ÅÅÅÅ-MM-DD TT:MM i norsk tid, "
                                  "for eksempel 2027-03-04 10:00.",
                            f"\"{name}: {value}\" is not a real date and time. Write YYYY-MM-DD HH:MM in Norwegian time, "
                            "for example 2027-03-04 10:00."))
    return None


def check_hide(meta) -> list[Problem]:
    """`hide:` is a list of page parts, never a yes or no."""
    if "hide" not in meta:
        return []
    value = meta["hide"]
    if isinstance(value, list) and all(item in HIDE_VALUES for item in value):
        return []
    return [Problem(meta.line_of("hide"), "«hide:» skal være en liste over deler av siden som skal skjules, for eksempel "
                                          f"«hide: [toc]». Tillatt: {', '.join(HIDE_VALUES)}. Ta bort linjen om du er usikker.",
                    "\"hide:\" must list parts of the page to hide, for example \"hide: [toc]\". Allowed: "
                    f"{', '.join(HIDE_VALUES)}. Remove the line if unsure.")]


def check_post(text: str, label: str, lang: str, docs_dir: Path | None = None) -> tuple[Version | None, list[Problem]]:
    """A post's version, or None, and every problem found in its front matter."""
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
    if not isinstance(meta, datafile.Located):
        return None, [Problem(1, "Toppfeltet (front matter) må bestå av linjer på formen «felt: verdi».",
                              "The front matter must be lines of the form \"field: value\".")]
    problems += unknown_fields(meta, POST_FIELDS)
    problems += check_hide(meta)
    slug = label.rsplit("/", 1)[-1].split(".", 1)[0]
    if YEAR.match(slug):
        problems.append(Problem(1, f"Innlegget heter «{slug}», som er adressen til nyhetsarkivet for året {slug}, så "
                                   "innlegget ville blitt borte. Gi filen et navn som sier hva saken handler om, for "
                                   f"eksempel docs/{FOLDER}/arsmote-{slug}.md.",
                                f"The post is called \"{slug}\", the address of the news archive for the year {slug}, so "
                                "the post would vanish. Give the file a name that says what it is about, for example "
                                f"docs/{FOLDER}/arsmote-{slug}.md."))
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        problems.append(Problem(meta.line_of("draft"), "Skriv «draft: true» for et utkast, eller ta bort linjen.",
                                "Write \"draft: true\" for a draft, or remove the line."))
    texts = {}
    for key, nb_name in (("title", "tittel (title)"), ("description", "beskrivelse (description)")):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(meta.line_of(key) if key in meta else 1,
                                    f"Innlegget mangler {nb_name}. Legg til linjen «{key}: …» i toppfeltet.",
                                    f"The post has no {key}. Add the line \"{key}: ...\" to the front matter."))
        texts[key] = value.strip() if isinstance(value, str) else ""
    date = None
    if "date" not in meta:
        problems.append(Problem(1, "Innlegget mangler dato. Legg til «date: ÅÅÅÅ-MM-DD» i toppfeltet.",
                                "The post has no date. Add \"date: YYYY-MM-DD\" to the front matter."))
    else:
        date = _date(meta["date"], meta.line_of("date"), "date", problems)
    image, image_alt = meta.get("image"), meta.get("image_alt")
    if image and not (isinstance(image_alt, str) and image_alt.strip()):
        problems.append(Problem(meta.line_of("image"),
                                "Bildet mangler alternativ tekst. Legg til «image_alt: kort beskrivelse av bildet».",
                                "The image has no alt text. Add \"image_alt: a short description of the image\"."))
    if image and docs_dir is not None and not media_types.is_raster(str(image)) and not (Path(docs_dir) / image_path(str(image))).is_file():
        problems.append(Problem(meta.line_of("image"), f"Bildet «{image}» finnes ikke i docs/{FOLDER}/. Last det opp ved siden av innlegget.",
                                f"The image \"{image}\" is not in docs/{FOLDER}/. Upload it beside the post."))
    event = None
    if "event" in meta:
        event = _check_event(meta["event"], meta.line_of("event"), problems)
    for number, line in enumerate(text[part.body_offset:].splitlines(), start=part.body_line):
        if re.match(r"^#\s", line):
            problems.append(Problem(number, "Innlegget skal ikke ha en egen hovedoverskrift (# …); tittelen kommer fra "
                                            "«title:». Bruk ## for mellomtitler.",
                                    "The post must not have its own main heading (# ...); the title comes from "
                                    "\"title:\". Use ## for subheadings."))
            break
    if problems:
        return None, problems
    extra = {key: meta[key].strip() for key in ("image_alt", "image_caption", "image_credit")
             if isinstance(meta.get(key), str) and meta[key].strip()}
    return Version(lang, label.removeprefix("docs/"), texts["title"], texts["description"], date,
                   image_path(str(image)) if image else None, extra.get("image_alt"), event, draft is True,
                   meta.line_of("image") if image else 0, extra.get("image_caption"), extra.get("image_credit")), []


def image_path(image: str) -> str:
    """A post's `image` as a docs-relative path: beside the post, `../` and a
    leading `/` (from docs/, as the content editor writes it) allowed."""
    image = image.strip()
    if image.startswith("/"):
        return posixpath.normpath(image.lstrip("/"))
    return posixpath.normpath(f"{FOLDER}/{image}")


def _check_event(raw, line: int, problems: list) -> Event | None:
    if not isinstance(raw, datafile.Located):
        problems.append(Problem(line, "«event:» må ha linjene start, end og location under seg, rykket inn.",
                                "\"event:\" needs the lines start, end and location below it, indented."))
        return None
    before = len(problems)
    problems += unknown_fields(raw, EVENT_FIELDS, "event.")
    for key in ("start", "end", "location"):
        if key not in raw:
            problems.append(Problem(line, f"Arrangementet mangler «{key}:».", f"The event has no \"{key}:\"."))
    start = _date_time(raw["start"], raw.line_of("start"), "start", problems) if "start" in raw else None
    end = _date_time(raw["end"], raw.line_of("end"), "end", problems) if "end" in raw else None
    location = raw.get("location")
    if "location" in raw and not (isinstance(location, str) and location.strip()):
        problems.append(Problem(raw.line_of("location"), "Skriv hvor arrangementet er, for eksempel «location: Pakkhuset, Oslo».",
                                "Say where the event is, for example \"location: Pakkhuset, Oslo\"."))
    if start and end and end <= start:
        problems.append(Problem(raw.line_of("end"), "Arrangementet slutter før det begynner. Sjekk start og end.",
                                "The event ends before it starts. Check start and end."))
    signup = None
    if "signup_until" in raw:
        signup = _date(raw["signup_until"], raw.line_of("signup_until"), "signup_until", problems)
        if signup and start and signup > start.date():
            problems.append(Problem(raw.line_of("signup_until"),
                                    "Påmeldingsfristen (signup_until) er etter at arrangementet begynner. Sett den til senest "
                                    f"{start.date().isoformat()}.",
                                    "The sign-up deadline (signup_until) is after the event starts. Set it to "
                                    f"{start.date().isoformat()} or earlier."))
    if len(problems) > before:
        return None
    return Event(start, end, location.strip(), signup)


def check_pair(main: Version, other: Version) -> list[Problem]:
    """A translation carries the same date and event times as the Norwegian post."""
    problems = []
    if other.date != main.date:
        problems.append(Problem(1, f"Datoen må være den samme som i den norske versjonen ({main.date.isoformat()}).",
                                f"The date must be the same as in the Norwegian version ({main.date.isoformat()})."))
    same = lambda a, b: (a is None) == (b is None) and (a is None or (a.start, a.end, a.signup_until) == (b.start, b.end, b.signup_until))
    if not same(main.event, other.event):
        problems.append(Problem(1, "Arrangementet må ha samme start, end og signup_until som i den norske versjonen.",
                                "The event must have the same start, end and signup_until as the Norwegian version."))
    return problems


# --- All posts ------------------------------------------------------------------------

def load_posts(docs_dir: Path, languages) -> list[Post]:
    """Every post, checked; the build stops at the first problem, naming file and line."""
    posts: dict[str, Post] = {}
    folder = Path(docs_dir) / FOLDER
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        src_uri = f"{FOLDER}/{path.name}"
        if not is_post(src_uri):
            continue
        label = f"docs/{src_uri}"
        stem, lang = languages.split(src_uri)
        version, problems = check_post(datafile.read_text(path, label), label, lang, docs_dir)
        if problems:
            raise build_error(label, problems[0])
        posts.setdefault(stem.split("/")[-1], Post(stem.split("/")[-1])).versions[lang] = version
    for post in posts.values():
        main = post.versions.get(languages.default)
        for lang, version in post.versions.items():
            if main is not None and version is not main:
                problems = check_pair(main, version)
                if problems:
                    raise build_error(f"docs/{version.src_uri}", problems[0])
                post.versions[lang] = with_inherited_image(version, main)
    return sorted(posts.values(), key=lambda p: (p.main(languages.default).date, p.slug), reverse=True)


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
