"""The content editor at /admin/ (Sveltia CMS): its configuration, generated
from the same contract the build checks, and the page that loads it.

- `configuration` builds the CMS configuration from the contract in news.py
  (posts and events), rules.py (pages), directory.py and goals.py (data
  files), the languages and the page pairs. Every contract field needs a
  form field in the tables below (POST, EVENT, PAGE, ...), or the build
  stops: a field added to the contract cannot be missing from the editor.
- `write` puts the page (admin/index.html, with its own strict
  Content-Security-Policy), config.yml, the CMS script and its self-hosted
  fonts into site/admin/. `npm ci --prefix admin` (the Makefile) provides
  the script; without it the editor is left out, with one log line.
- The admin page is written after the search index, has no <article>, is no
  MkDocs page (so not in sitemap.xml), and docs/ does not hold it, so it is
  outside the public gates (tests/support/pages.py).
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

from cpc import assets, directory, front_matter, goals, news, places, rules

log = logging.getLogger("mkdocs.hooks.cpc")

ADMIN_DIR = "admin"  # in the project (package.json, index.html) and in the site
PAGE_TEMPLATE = "index.html"
IMAGES = "assets/images"  # in docs/: images in pages' text
PACKAGE = Path("node_modules/@sveltia/cms/dist")
SCRIPT = "sveltia-cms.js"
PREVIEW_SCRIPT = "cpc-admin.js"  # gives the preview pane our stylesheet
# The CMS's own stylesheet points its three fonts at cdn.jsdelivr.net; the
# same files come from npm (admin/package.json) and are served beside it.
# Each URL must be found exactly once, or the build stops (a CMS update).
FONTS = {
    "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2":
        "node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2":
        "node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
}
# Uploaded photos are re-encoded in the browser before they are committed
# (the repository is public): drawing them on a canvas keeps the pixels
# upright and drops EXIF, GPS, camera data, XMP and ICC. The CMS only writes
# WebP here. 2400 px on the longest side leaves the largest rendition
# (images.LEAD, 1600 px) sharp and keeps a phone photo well under 1 MB.
PHOTO_TRANSFORMATION = {"format": "webp", "quality": 85, "width": 2400, "height": 2400}
MEDIA_LIBRARIES = {
    "default": {"config": {"transformations": {"raster_image": PHOTO_TRANSFORMATION}}},
    # No stock-photo services: requests to other hosts, licences staff cannot judge.
    "stock_assets": False,
}
# Dates and times as news.py reads them (Day.js tokens).
DATE_FORMAT, DATE_TIME_FORMAT = "YYYY-MM-DD", "YYYY-MM-DD HH:mm"
POLICY_PLACEHOLDER = "cpc-csp-policy"
IMPORT_MAP_PLACEHOLDER = "cpc-import-map"
# Build variable: the address of Sveltia's authenticator (README, "Content editor").
AUTH_VARIABLE = "CMS_AUTH_URL"
# The CMS imports Immutable.js from unpkg.com when its event hooks run (our
# preSave check in cpc-admin.js). The same file comes from npm
# (admin/package.json, pinned to the version the CMS asks for) and is served
# beside it; the page's import map points the CMS's URL at it.
IMMUTABLE = "node_modules/immutable"
IMMUTABLE_FILE = "dist/immutable.es.js"
IMMUTABLE_VERSION = re.compile(r"immutable:`\^?([0-9][0-9.]*)`")


def policy(script_hashes: tuple[str, ...] = (), auth: str | None = None) -> str:
    """What the editor needs, and no more. 'unsafe-inline' styles: the CMS's
    components insert their own <style> elements and style attributes at run
    time, which hashes cannot cover. Scripts: ours, and the inline import map
    by its hash. api.github.com: reading and saving the repository.
    blob:/data:: images shown before they are saved. Everything else the CMS
    would fetch (optional libraries and its update check on unpkg.com) is
    refused, so the page makes no other third-party request. `auth`: the
    authenticator's origin (CMS_AUTH_URL), which the sign-in talks to."""
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *(f"'{h}'" for h in script_hashes)]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self'",
        " ".join(["connect-src 'self' data: blob: https://api.github.com", *([auth] if auth else [])]),
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "form-action 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ])


def import_map(script: str, source: Path) -> str:
    """The import map that serves the CMS's Immutable.js from beside it. The
    CMS names the version it loads once in its script; the npm copy must be
    that version, or the build stops (a CMS update: update admin/package.json)."""
    versions = IMMUTABLE_VERSION.findall(script)
    vendored = json.loads((source / IMMUTABLE / "package.json").read_text(encoding="utf-8"))["version"]
    if len(versions) != 1 or versions[0] != vendored:
        raise PluginError(f"hooks/cpc/cms.py: the CMS asks for Immutable.js {versions}, admin/package.json has "
                          f"{vendored}. Pin immutable to the CMS's version in admin/package.json.")
    url = f"https://unpkg.com/immutable@{vendored}/{IMMUTABLE_FILE}"
    return json.dumps({"imports": {url: f"./{Path(IMMUTABLE_FILE).name}"}})


def script_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@dataclass(frozen=True)
class Field:
    """One form field: its Norwegian label and hint and its CMS widget options."""
    label: str
    widget: dict
    hint: str = ""
    required: bool = True
    # True: each language has its own; "duplicate": one value, copied into
    # every language (the build wants the same date and times in both).
    i18n: bool | str = True


def _date(label: str, hint: str = "", required: bool = True) -> Field:
    return Field(label, {"widget": "datetime", "type": "date", "format": DATE_FORMAT}, hint, required, "duplicate")


def _date_time(label: str, hint: str) -> Field:
    return Field(label, {"widget": "datetime", "type": "datetime-local", "format": DATE_TIME_FORMAT}, hint, True,
                 "duplicate")


def _string(label: str, hint: str = "", required: bool = True, i18n: bool | str = False) -> Field:
    return Field(label, {"widget": "string"}, hint, required, i18n)


@dataclass(frozen=True)
class Translated:
    """A field of a data file that holds each language's text: {nb: ..., en: ...}."""
    label: str
    hint: str = ""


# Every field of the contract, by contract: (module, tuple) -> field name -> Field.
POST = {
    "title": Field("Tittel", {"widget": "string"}, "Kort og konkret, uten punktum."),
    "description": Field("Beskrivelse", {"widget": "text"},
                         "Én eller to korte setninger. Vises i nyhetsoversikten, i søk og når saken deles, men ikke "
                         "på selve saken."),
    "date": _date("Publiseringsdato", "Saken vises fra denne dagen. En senere dato holder den tilbake til da."),
    "draft": Field("Utkast", {"widget": "boolean", "default": False}, "Et utkast vises ikke på nettstedet.", False,
                   "duplicate"),
    "image": Field("Bilde", {"widget": "image", "accept": "image/jpeg,image/png,image/webp,image/svg+xml"},
                   "JPEG, PNG, WebP eller SVG. Bildet renses for posisjon og kameradata før det lagres.", False,
                   "duplicate"),
    "image_alt": Field("Alternativ tekst for bildet", {"widget": "string"},
                       "Påkrevd når saken har bilde: beskriv hva bildet viser, for dem som ikke ser det.", False),
    "image_caption": Field("Bildetekst", {"widget": "string"}, "Valgfri tekst under bildet.", False),
    "image_credit": Field("Fotograf eller kilde", {"widget": "string"},
                          "Bare navnet, for eksempel «Kari Nordmann»; nettstedet skriver «Foto:» foran. Skriv "
                          "fotografens navn når du vet det.", False),
    "event": Field("Arrangement", {"widget": "object"},
                   "Fyll ut bare når saken er et arrangement.", False),
    "hide": Field("Skjul deler av siden", {"widget": "select", "multiple": True, "options": list(news.HIDE_VALUES)},
                  "Sjelden nødvendig. La stå tom om du er usikker.", False, "duplicate"),
}
EVENT = {
    "start": _date_time("Starter", "Norsk tid."),
    "end": _date_time("Slutter", "Norsk tid, etter start."),
    "location": _string("Sted", "For eksempel «Pakkhuset, Oslo».", i18n=True),
    "signup_until": _date("Påmeldingsfrist", "Med en frist får saken et påmeldingsskjema frem til og med denne dagen.",
                          required=False),
}
PAGE = {
    "title": Field("Tittel", {"widget": "string"}, "Sidens navn i menyen og i fanen."),
    "description": Field("Beskrivelse", {"widget": "text"},
                         f"Én setning, høyst {rules.DESCRIPTION_MAX} tegn, som vises i søkeresultater."),
    "hide": POST["hide"],
}
MEMBER = {
    "name": _string("Navn", "Vises som logoens alternative tekst og lenketekst."),
    "url": _string("Nettadresse", "Hele adressen, som begynner med https://."),
    "logo": Field("Logo", {"widget": "image", "media_folder": "/docs/assets/logos", "public_folder": "/assets/logos"},
                  "SVG, PNG, JPEG eller WebP.", True, False),
    "kind": Field("Type", {"widget": "select", "options": list(directory.KINDS)},
                  "member: medlem. partner: samarbeidspartner. funder: finansierer (vises under «Finansiert av»).",
                  True, False),
}
PERSON = {
    "name": _string("Navn", "Bare personer som har sagt ja til å stå på nettstedet."),
    "role": Translated("Rolle", "På norsk og engelsk."),
    "email": _string("E-post"),
    "phone": _string("Telefon", "Valgfritt, for eksempel «+47 400 00 000».", required=False),
    "photo": Field("Bilde", {"widget": "image", "media_folder": "/docs/assets/people", "public_folder": "/assets/people"},
                   "Valgfritt.", False, False),
}
ORGANISATION = {
    "address": _string("Postadresse", "På én linje, for eksempel «Gate 1, 0150 Oslo».", required=False),
    "org_number": _string("Organisasjonsnummer", "Ni sifre.", required=False),
    "social": Field("Sosiale medier", {"widget": "list", "fields": [
        {"name": "name", "label": "Navn", "widget": "string"},
        {"name": "url", "label": "Adresse", "widget": "string", "hint": "Begynner med https://."}]}, "", False, False),
}
GOAL = {
    "id": _string("Kortnavn (id)", "Kort, små bokstaver og bindestrek; brukes i sidens lenker. Endre det ikke."),
    "kind": Field("Type", {"widget": "select", "options": ["quantitative", "qualitative"]},
                  "quantitative har tall og diagram, qualitative bare tekst.", True, False),
    "title": Translated("Tittel"),
    "statement": Translated("Målet i én setning",
                             "Ingen tall: skriv {baseline}, {baseline_year}, {target} og {target_year}."),
    "unit": _string("Enhet", "«%» (verdiene er 0–100). Bare for mål med tall.", required=False),
    "baseline": Field("Utgangspunkt", {"widget": "object"},
                      "Bare for mål med tall. La det stå tomt når målet ikke oppgir noe utgangspunkt.", False, False),
    "target": Field("Mål", {"widget": "object"}, "Bare for mål med tall.", False, False),
    "measurements": Field("Målinger", {"widget": "list"}, "Bare publiserte tall, alltid med kilde.", False, False),
}
POINT = {"value": Field("Verdi", {"widget": "number", "value_type": "float"}, i18n=False),
         "year": Field("År", {"widget": "number", "value_type": "int"}, i18n=False)}
TARGET = POINT | {"at_least": Field("Minst", {"widget": "boolean", "default": False}, "Når målet sier «minst».", False,
                                    False)}
MEASUREMENT = POINT | {"source_title": _string("Kilde", "Tittelen på rapporten eller statistikken."),
                       "source_url": _string("Kildens adresse", "Begynner med https://.")}


def form_fields(contract: tuple, fields: dict, locales: tuple, i18n: bool, nested: dict | None = None) -> list[dict]:
    """The CMS fields for a contract, in its order. A contract field with no
    form field stops the build; so does a form field the contract lacks."""
    missing, extra = [n for n in contract if n not in fields], [n for n in fields if n not in contract]
    if missing or extra:
        raise PluginError(f"hooks/cpc/cms.py: the editor's fields and the contract differ: missing {missing}, "
                          f"not in the contract {extra}. Add or remove them in cms.py.")
    result = []
    for name in contract:
        spec = fields[name]
        if isinstance(spec, Translated):
            result.append({"name": name, "label": spec.label, "widget": "object", "hint": spec.hint,
                           "fields": [{"name": locale, "label": locale, "widget": "string"} for locale in locales]})
            continue
        field = {"name": name, "label": spec.label, **spec.widget, "required": spec.required}
        if spec.hint:
            field["hint"] = spec.hint
        if i18n:
            field["i18n"] = spec.i18n
        if nested and name in nested:
            field["fields"] = nested[name]
        result.append(field)
    return result


def _body(hint: str) -> dict:
    return {"name": "body", "label": "Tekst", "widget": "markdown", "i18n": True, "hint": hint}


POST_BODY = "Ingen egen hovedoverskrift (#): tittelen kommer fra feltet over. Bruk ## for mellomtitler."
PAGE_BODY = "Sidens hovedoverskrift (#) står øverst. Bruk ## for mellomtitler."


def auth_origin(auth_url: str | None) -> str | None:
    """The origin of Sveltia's authenticator (sveltia-cms-auth, a Cloudflare
    Worker), from the build variable CMS_AUTH_URL: https://<host>, nothing else."""
    if not auth_url:
        return None
    parts = urlsplit(auth_url.strip())
    if parts.scheme != "https" or not parts.hostname or parts.path.strip("/") or parts.query or parts.fragment \
            or parts.username or parts.password:
        raise PluginError(
            f"{AUTH_VARIABLE}={auth_url!r}: oppgi bare adressen til innloggingstjenesten, for eksempel "
            f"https://sveltia-cms-auth.<konto>.workers.dev (https, uten sti). / "
            f"{AUTH_VARIABLE}={auth_url!r}: give only the authenticator's address, for example "
            "https://sveltia-cms-auth.<account>.workers.dev (https, no path).")
    return f"https://{parts.netloc}"


def backend(edit_uri: str, auth_url: str | None = None) -> dict:
    """GitHub, with the repository and branch that "Edit this page" points at:
    https://github.com/<owner>/<repo>/edit/<branch>/docs/. Sign-in with a
    personal access token; with CMS_AUTH_URL also through GitHub's own
    sign-in (OAuth), relayed by the authenticator, with the narrowest scope
    that can write to a public repository."""
    parts = urlsplit(edit_uri or "").path.strip("/").split("/")
    if urlsplit(edit_uri or "").netloc != "github.com" or len(parts) < 4 or parts[2] != "edit":
        raise PluginError(f"hooks/cpc/cms.py: edit_uri {edit_uri!r} does not name a GitHub repository and branch.")
    settings = {"name": "github", "repo": f"{parts[0]}/{parts[1]}", "branch": parts[3], "auth_methods": ["token"]}
    origin = auth_origin(auth_url)
    if origin:
        settings |= {"base_url": origin, "auth_methods": ["oauth", "token"], "auth_scope": "public_repo"}
    return settings


PAGES_COLLECTION = "sider"


def page_entry(stem: str) -> str:
    """A page pair's name in the editor's "sider" collection."""
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def editor_address(src_uri: str, languages) -> str:
    """Site-relative address that opens a page's source in the editor at
    /admin/ (its hash routes): a news post by its slug, any other page by
    its pair's name. Both languages open the same entry."""
    stem = languages.split(src_uri)[0]
    if stem.startswith(f"{places.NEWS}/"):
        return f"{ADMIN_DIR}/#/collections/{places.NEWS}/entries/{stem.removeprefix(f'{places.NEWS}/')}"
    return f"{ADMIN_DIR}/#/collections/{PAGES_COLLECTION}/entries/{page_entry(stem)}"


def page_pairs(docs_dir: Path, nav_files: list[str], languages) -> list[dict]:
    """One file per page pair in docs/, in menu order, then the rest; news posts are their own collection."""
    sources = sorted(str(path.relative_to(docs_dir)) for path in docs_dir.rglob("*.md"))
    defaults = [s for s in sources if languages.split(s)[1] == languages.default and not s.startswith(f"{places.NEWS}/")]
    ordered = [s for s in nav_files if s in defaults] + [s for s in defaults if s not in nav_files]
    files = []
    for source in ordered:
        stem = languages.split(source)[0]
        meta = front_matter.parse((docs_dir / source).read_text(encoding="utf-8"), f"docs/{source}") or {}
        files.append({
            "name": page_entry(stem),
            "label": str(meta.get("title") or stem),
            "file": f"{docs_dir.name}/{stem}.{{{{locale}}}}.md",
            "i18n": True,
            # Images in the text go to the shared folder, linked relative to
            # the page as MkDocs resolves them.
            "media_folder": f"/{docs_dir.name}/{IMAGES}",
            # ("./" keeps the CMS from making a top-level page's path absolute.)
            "public_folder": ("../" * stem.count("/") or "./") + IMAGES,
            "fields": form_fields(rules.PAGE_FIELDS, PAGE, languages.locales, True) + [_body(PAGE_BODY)],
        })
    return files


def nav_sources(nav) -> list[str]:
    """The Markdown files in mkdocs.yml's nav, in order."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [s for value in nav.values() for s in nav_sources(value)]
    if isinstance(nav, list):
        return [s for item in nav for s in nav_sources(item)]
    return []


def configuration(docs_dir: Path, nav, languages, edit_uri: str, site_name: str, auth_url: str | None = None) -> dict:
    """The whole CMS configuration, as config.yml carries it."""
    locales = languages.locales
    docs = docs_dir.name
    event = form_fields(news.EVENT_FIELDS, EVENT, locales, True)
    point, target = form_fields(goals.POINT_FIELDS, POINT, locales, False), form_fields(goals.TARGET_FIELDS, TARGET, locales, False)
    measurement = form_fields(goals.MEASUREMENT_FIELDS, MEASUREMENT, locales, False)

    def data_file(name: str, label: str, path: str, key: str | None, contract: tuple, fields: dict, nested=None) -> dict:
        entries = form_fields(contract, fields, locales, False, nested)
        return {"name": name, "label": label, "file": path, "format": "yml",
                "fields": [{"name": key, "label": label, "widget": "list", "required": False, "fields": entries}]
                if key else entries}

    return {
        "app_title": f"{site_name} – publiseringsverktøy",
        "backend": backend(edit_uri, auth_url),
        # Saving opens a pull request; nothing reaches main without review.
        "publish_mode": "editorial_workflow",
        "media_folder": f"{docs}/assets/images",
        "public_folder": "/assets/images",
        "media_libraries": MEDIA_LIBRARIES,
        "show_preview_links": False,
        # `event: null` or `image: ""` would fail the content checks.
        "output": {"omit_empty_optional_fields": True},
        # File names as bilingual.py wants them: a-z, 0-9 and hyphens.
        "slug": {"encoding": "ascii", "clean_accents": True},
        "i18n": {"structure": "multiple_files", "locales": list(locales), "default_locale": languages.default,
                 "omit_default_locale_from_file_path": True},
        # Editors send a change for review but never publish it: administrators
        # merge the pull request on GitHub once `make test` has passed.
        "collections": [collection | {"publish": False} for collection in [
            {
                "name": places.NEWS, "label": "Nyheter og arrangementer", "label_singular": "sak",
                "description": "Norsk er påkrevd; engelsk er valgfritt (slå det på i editoren).",
                "folder": f"{docs}/{places.NEWS}", "extension": "md", "format": "yaml-frontmatter",
                "create": True, "slug": "{{title}}",
                # Photos beside the post, where the image step reads them.
                "media_folder": "", "public_folder": "",
                "sortable_fields": ["date", "title"],
                # English is optional: a new post starts in Norwegian only.
                "i18n": {"initial_locales": [languages.default]},
                "fields": form_fields(news.POST_FIELDS, POST, locales, True, {"event": event}) + [_body(POST_BODY)],
            },
            {"name": PAGES_COLLECTION, "label": "Sider", "label_singular": "side", "i18n": True,
             "files": page_pairs(docs_dir, nav_sources(nav), languages)},
            {"name": "data", "label": "Mål, medlemmer og kontakter", "files": [
                data_file("mal", "Mål", goals.GOALS_FILE, "goals", goals.GOAL_FIELDS, GOAL,
                          {"baseline": point, "target": target, "measurements": measurement}),
                data_file("medlemmer", "Medlemmer og samarbeidspartnere", directory.MEMBERS_FILE, "members",
                          directory.MEMBER_FIELDS, MEMBER),
                data_file("personer", "Kontaktpersoner", directory.PEOPLE_FILE, "people", directory.PERSON_FIELDS, PERSON),
                data_file("organisasjon", "Klyngens opplysninger", directory.ORGANISATION_FILE, None,
                          directory.ORGANISATION_FIELDS, ORGANISATION),
            ]},
        ]],
    }


def write(config, languages, root: Path, site_dir: Path) -> None:
    """site/admin/: the page, config.yml, the CMS script and its fonts; or,
    without the npm install, nothing and one log line."""
    source = root / ADMIN_DIR
    if not (source / PACKAGE / SCRIPT).is_file():
        log.info("cms: admin/node_modules is not installed (npm ci --prefix admin); the content editor at /admin/ is left out.")
        return
    target = site_dir / ADMIN_DIR
    shutil.rmtree(target, ignore_errors=True)
    (target / "fonts").mkdir(parents=True)
    script = (source / PACKAGE / SCRIPT).read_text(encoding="utf-8")
    for url, font in FONTS.items():
        if script.count(url) != 1:
            raise PluginError(f"hooks/cpc/cms.py: expected {url} once in {SCRIPT}, found {script.count(url)}. "
                              "Has the CMS changed its fonts? Update FONTS and admin/package.json.")
        shutil.copyfile(source / font, target / "fonts" / Path(font).name)
        script = script.replace(url, f"fonts/{Path(font).name}")
    (target / SCRIPT).write_text(script, encoding="utf-8")
    # The CMS loads its lazy parts from chunks/ beside its script.
    shutil.copytree(source / PACKAGE / "chunks", target / "chunks", ignore=shutil.ignore_patterns("*.map"))
    (target / "preview.css").write_text(preview_css(config.theme.dirs, Path(config.docs_dir)), encoding="utf-8")
    shutil.copyfile(source / PREVIEW_SCRIPT, target / PREVIEW_SCRIPT)
    auth_url = os.environ.get(AUTH_VARIABLE, "").strip() or None
    settings = configuration(Path(config.docs_dir), config.nav, languages, config.edit_uri, config.site_name, auth_url)
    (target / "config.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    imports = import_map(script, source)
    shutil.copyfile(source / IMMUTABLE / IMMUTABLE_FILE, target / Path(IMMUTABLE_FILE).name)
    page = (source / PAGE_TEMPLATE).read_text(encoding="utf-8")
    if page.count(POLICY_PLACEHOLDER) != 1 or page.count(IMPORT_MAP_PLACEHOLDER) != 1:
        raise PluginError(f"hooks/cpc/cms.py: admin/{PAGE_TEMPLATE} must hold the policy and import map placeholders once.")
    page = page.replace(POLICY_PLACEHOLDER, policy((script_hash(imports),), auth_origin(auth_url)))
    page = page.replace(IMPORT_MAP_PLACEHOLDER, imports)
    (target / PAGE_TEMPLATE).write_text(page, encoding="utf-8")
    log.info("cms: the content editor is at /admin/")


def preview_css(theme_dirs, docs_dir: Path) -> str:
    """Material's main stylesheet and ours, for the editor's preview pane."""
    parts = [assets.theme_file(theme_dirs, assets.MATERIAL_CSS[0]), docs_dir / assets.OUR_CSS]
    css = "\n".join(assets.SOURCE_MAP.sub("", part.read_text(encoding="utf-8")) for part in parts)
    # The preview has no article around the text (.md-typeset); give it the article's size.
    return css + "\nbody { font-size: .8rem; line-height: 1.6; }\n"
