"""The content editor at /admin/ (Sveltia CMS): its configuration, generated
from the same contract the build checks, and the page that loads it.

- `configuration` builds the CMS configuration from the declaration of
  each kind of content (kinds.py: posts, events, pages, goals, members,
  people, the organisation), the languages and the page pairs. A field
  declared there is checked by the build and shown in the editor alike.
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
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

from cpc import assets, directory, fields, goals, kinds, places
from cpc.fields import Field, Kind, Type

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
    # Uploads named as posts are (a-z, 0-9, hyphens; æ "ae", ø "o", å "a"):
    # "Møte på Ås.jpg" is committed as mote-pa-as.webp, not under its own name.
    "default": {"config": {"transformations": {"raster_image": PHOTO_TRANSFORMATION}, "slugify_filename": True}},
    # No stock-photo services: requests to other hosts, licences staff cannot judge.
    "stock_assets": False,
}
# The editor's name for a site language, where it must differ. Sveltia 0.221
# names a new entry's file from its title in the default language and, for
# "nb" (also "no"), transliterates ø as "oe" and å as "aa" (the Danish and
# Norwegian fallback of @sindresorhus/transliterate). Under "nb-NO", the
# same language, it uses the general table: æ "ae", ø "o", å "a", as
# Norwegian web addresses commonly do, as the site's own do ("fokusomrader")
# and as bilingual.slug names files. The default language's code is never in a
# file name (omit_default_locale_from_file_path), so nothing else changes.
EDITOR_LOCALES = {"nb": "nb-NO"}


def editor_locale(locale: str) -> str:
    return EDITOR_LOCALES.get(locale, locale)


# Dates and times as news.py reads them (Day.js tokens).
DATE_FORMAT, DATE_TIME_FORMAT = "YYYY-MM-DD", "YYYY-MM-DD HH:mm"
POLICY_PLACEHOLDER = "cpc-csp-policy"
RULES_PLACEHOLDER = "cpc-editor-rules-json"
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


# What each declared type is in the editor (kinds.py declares the fields).
WIDGETS = {
    Type.TEXT: {"widget": "string"},
    Type.LONG_TEXT: {"widget": "text"},
    Type.DATE: {"widget": "datetime", "type": "date", "format": DATE_FORMAT},
    Type.DATE_TIME: {"widget": "datetime", "type": "datetime-local", "format": DATE_TIME_FORMAT},
    Type.YES_NO: {"widget": "boolean"},
    Type.FILE: {"widget": "image"},
    Type.WEB_ADDRESS: {"widget": "string"},
    Type.EMAIL: {"widget": "string"},
    Type.PHONE: {"widget": "string"},
    Type.CHOICE: {"widget": "select"},
    Type.CHOICES: {"widget": "select", "multiple": True},
    Type.PERCENT: {"widget": "number", "value_type": "float", "min": 0, "max": 100},
    Type.YEAR: {"widget": "number", "value_type": "int"},
    Type.GROUP: {"widget": "object"},
    Type.LIST: {"widget": "list"},
    Type.TRANSLATED: {"widget": "object"},
}
# The types whose values the editor can check as they are typed, with our
# Norwegian message (the CMS's own messages are English).
PATTERNS = {
    Type.EMAIL: [fields.EMAIL.pattern, "Skriv e-postadressen som navn@firma.no."],
}
MEDIA_TYPES = {".svg": "image/svg+xml", ".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def form_field(field: Field, locales: tuple, docs: str, bilingual: bool) -> dict:
    """One declared field as the editor's form field."""
    result = {"name": field.name, "label": field.label.nb, **WIDGETS[field.type], "required": field.required}
    if field.hint.nb:
        result["hint"] = field.hint.nb
    if bilingual:
        result["i18n"] = field.editor.value
    if field.max_length:
        # The CMS's own counter and message (English), and ours: a pattern
        # counting characters as the check does (u: one per code point).
        result["maxlength"] = field.max_length
        result["pattern"] = [f"/^[\\s\\S]{{0,{field.max_length}}}$/u",
                             f"Høyst {field.max_length} tegn{field.why_max.nb}. Kort teksten ned."]
    if field.pattern:
        result["pattern"] = [f"^(?:{field.pattern})$", field.pattern_message.nb]
    elif field.type is Type.WEB_ADDRESS:
        schemes = "https?" if "http" in field.schemes else "https"
        result["pattern"] = [f"^{schemes}://[^\\s<>\"]+$", f"Skriv hele adressen, som begynner med https://, for eksempel "
                                                      f"{field.example}."]
    elif field.type in PATTERNS:
        result["pattern"] = PATTERNS[field.type]
    if field.choices:
        result["options"] = list(field.choices)
    if field.default is not None:
        result["default"] = field.default
    if field.type is Type.FILE:
        result["accept"] = ",".join(MEDIA_TYPES[s] for s in MEDIA_TYPES if s in (field.suffixes or MEDIA_TYPES))
        if field.folder:
            result |= {"media_folder": f"/{docs}/{field.folder}", "public_folder": f"/{field.folder}"}
    if field.type is Type.TRANSLATED:
        result["fields"] = [{"name": locale, "label": locale, "widget": "string"} for locale in locales]
    if field.entries is not None:
        result["fields"] = form_fields(field.entries, locales, docs, bilingual)
    return result


def form_fields(kind: Kind, locales: tuple, docs: str, bilingual: bool) -> list[dict]:
    return [form_field(field, locales, docs, bilingual) for field in kind.fields]


def editor_rules() -> dict:
    """What the CMS cannot declare, for admin/cpc-admin.js's check before
    each save: a post's fields required together with another (alt text
    with a picture), with the declaration's words."""
    return {"together": [{"field": f.name, "with": f.required_with,
                          "message": f"{f.missing_with.nb}{{version}}. Fyll ut «{f.label.nb}» og lagre på nytt. {f.hint.nb}"}
                         for f in kinds.POST.fields if f.required_with]}


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


def page_pairs(docs_dir: Path, nav_files: list[str], languages, pages: dict) -> list[dict]:
    """One file per page pair in docs/, in menu order, then the rest; news posts are their own collection."""
    sources = sorted(str(path.relative_to(docs_dir)) for path in docs_dir.rglob("*.md"))
    defaults = [s for s in sources if languages.split(s)[1] == languages.default and not s.startswith(f"{places.NEWS}/")]
    ordered = [s for s in nav_files if s in defaults] + [s for s in defaults if s not in nav_files]
    files = []
    for source in ordered:
        stem = languages.split(source)[0]
        meta = pages.get(source, {})
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
            "fields": form_fields(kinds.PAGE, languages.locales, docs_dir.name, True) + [_body(PAGE_BODY)],
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


def configuration(docs_dir: Path, nav, languages, edit_uri: str, site_name: str, pages: dict,
                  auth_url: str | None = None) -> dict:
    """The whole CMS configuration, as config.yml carries it; `pages` holds
    each page's front matter fields as the checks read them (rules.Content)."""
    locales = languages.locales
    docs = docs_dir.name

    def data_file(name: str, label: str, path: str, key: str | None, kind: Kind) -> dict:
        entries = form_fields(kind, locales, docs, False)
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
        # File names as bilingual.py wants them: a-z, 0-9 and hyphens, with
        # æ, ø, å as bilingual.slug folds them (EDITOR_LOCALES).
        "slug": {"encoding": "ascii", "clean_accents": True},
        "i18n": {"structure": "multiple_files", "locales": [editor_locale(locale) for locale in locales],
                 "default_locale": editor_locale(languages.default),
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
                "i18n": {"initial_locales": [editor_locale(languages.default)]},
                "fields": form_fields(kinds.POST, locales, docs, True) + [_body(POST_BODY)],
            },
            {"name": PAGES_COLLECTION, "label": "Sider", "label_singular": "side", "i18n": True,
             "files": page_pairs(docs_dir, nav_sources(nav), languages, pages)},
            {"name": "data", "label": "Mål, medlemmer og kontakter", "files": [
                data_file("mal", "Mål", goals.GOALS_FILE, "goals", kinds.GOAL),
                data_file("medlemmer", "Medlemmer og samarbeidspartnere", directory.MEMBERS_FILE, "members", kinds.MEMBER),
                data_file("personer", "Kontaktpersoner", directory.PEOPLE_FILE, "people", kinds.PERSON),
                data_file("organisasjon", "Klyngens opplysninger", directory.ORGANISATION_FILE, None, kinds.ORGANISATION),
            ]},
        ]],
    }


def write(config, languages, root: Path, site_dir: Path, pages: dict) -> None:
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
    settings = configuration(Path(config.docs_dir), config.nav, languages, config.edit_uri, config.site_name, pages, auth_url)
    (target / "config.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    imports = import_map(script, source)
    shutil.copyfile(source / IMMUTABLE / IMMUTABLE_FILE, target / Path(IMMUTABLE_FILE).name)
    page = (source / PAGE_TEMPLATE).read_text(encoding="utf-8")
    if any(page.count(p) != 1 for p in (POLICY_PLACEHOLDER, IMPORT_MAP_PLACEHOLDER, RULES_PLACEHOLDER)):
        raise PluginError(f"hooks/cpc/cms.py: admin/{PAGE_TEMPLATE} must hold the policy, import map and rules "
                          "placeholders once.")
    page = page.replace(RULES_PLACEHOLDER, json.dumps(editor_rules(), ensure_ascii=False).replace("</", "<\\/"))
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
