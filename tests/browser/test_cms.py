"""The content editor at /admin/ (hooks/cpc/cms.py, README "Content editor").

- Its configuration follows the contract the build checks: every field of
  posts, events, pages and data files has a form field, in our formats.
- The built admin page is for staff only: noindex, its own policy, not in
  the sitemap or the search index, its fonts served by us.
- In Chromium, offline, the editor works on a copy of the repository in its
  local-repository mode; what it writes passes `make check` and the strict
  build, and nothing else changes.
"""
from __future__ import annotations

import base64
import difflib
import gzip
import json
import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from PIL import Image
from playwright.sync_api import expect

from cpc import audit, bilingual, cms, directory, goals, kinds, rules, uploads
from sitetools.photos import build_phone_photos
from support import ROOT, build_project, copy_project
from support.check import run_check
from support.sample import clear_content
from support.site import DEFAULT, LOCALES, NEWS, OTHER, address, in_languages, news_address, slug, source_name


# How long the browser may take to re-encode an upload, in ms: a phone photo
# takes seconds alone, and far longer while the other test process is busy.
ENCODING_TIMEOUT = 120_000


def shipped_copy(tmp_path):
    """A project copy as the site ships (no posts, empty directory files), so
    what the editor writes is all a test sees, whatever staff have published."""
    project = copy_project(tmp_path / "project")
    clear_content(project)
    return project


@pytest.fixture
def admin_installed():
    """`make test` installs the editor (npm ci --prefix admin); without it these tests fail, never skip."""
    assert (ROOT / cms.ADMIN_DIR / cms.PACKAGE / cms.SCRIPT).is_file(), \
        "admin/node_modules is not installed: run `make test` (it runs npm ci --prefix admin)"


needs_admin = pytest.mark.usefixtures("admin_installed")


def configuration(auth_url: str | None = None) -> dict:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    languages = bilingual.Languages.from_config(config)
    pages = rules._check(ROOT, Path(config.docs_dir), languages)[3].pages  # as the build reads them
    return cms.configuration(Path(config.docs_dir), config.nav, languages, config.edit_uri, config.site_name, pages,
                             auth_url)


def collection(settings: dict, name: str) -> dict:
    return next(c for c in settings["collections"] if c["name"] == name)


def field(fields: list, name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def names(fields: list) -> list[str]:
    return [f["name"] for f in fields]


# --- The configuration and the contract ------------------------------------------------

def test_posts_have_every_field_of_the_contract_in_our_formats():
    posts = collection(configuration(), NEWS)
    assert posts["folder"] == f"docs/{NEWS}"
    assert names(posts["fields"]) == [*kinds.POST.names, "body"]
    event = field(posts["fields"], "event")
    assert names(event["fields"]) == list(kinds.EVENT.names)
    for date in (field(posts["fields"], "date"), field(event["fields"], "signup_until")):
        assert (date["widget"], date["format"]) == ("datetime", "YYYY-MM-DD")
    for time in (field(event["fields"], "start"), field(event["fields"], "end")):
        assert (time["widget"], time["format"]) == ("datetime", "YYYY-MM-DD HH:mm")
        # One time for both languages: the build wants them equal.
        assert time["i18n"] == "duplicate"
    assert field(posts["fields"], "image")["widget"] == "image"
    # Photos beside the post, where the image step reads them.
    assert (posts["media_folder"], posts["public_folder"]) == ("", "")
    # Norwegian first; English may be added.
    assert posts["i18n"] == {"initial_locales": [cms.editor_locale(DEFAULT)]}
    assert all(f["label"] and f["label"] != f["name"] for f in posts["fields"] + event["fields"])


def test_every_page_pair_is_a_file_with_the_page_contract():
    pages = collection(configuration(), "sider")
    docs = ROOT / "docs"
    expected = {f"docs/{p.relative_to(docs).as_posix()[:-3]}.{{{{locale}}}}.md"
                for p in docs.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name) and p.parent.name != NEWS}
    assert {f["file"] for f in pages["files"]} == expected
    assert pages["files"][0]["file"] == "docs/index.{{locale}}.md"  # menu order
    for page in pages["files"]:
        assert names(page["fields"]) == [*kinds.PAGE.names, "body"]
    # Images in the text are linked relative to the page, as MkDocs resolves them.
    folders = {f["file"]: (f["media_folder"], f["public_folder"]) for f in pages["files"]}
    assert folders["docs/om-klyngen.{{locale}}.md"] == ("/docs/assets/images", "./assets/images")
    assert folders["docs/fokusomrader/resirkulering.{{locale}}.md"] == ("/docs/assets/images", "../assets/images")


def test_data_files_have_every_field_of_their_contract():
    data = {f["file"]: f for f in collection(configuration(), "data")["files"]}
    entries = lambda path, key: field(data[path]["fields"], key)["fields"]
    goal = entries(goals.GOALS_FILE, "goals")
    assert names(goal) == list(kinds.GOAL.names)
    assert names(field(goal, "baseline")["fields"]) == list(kinds.POINT.names)
    assert names(field(goal, "target")["fields"]) == list(kinds.TARGET.names)
    assert names(field(goal, "measurements")["fields"]) == list(kinds.MEASUREMENT.names)
    assert names(field(goal, "title")["fields"]) == list(LOCALES)
    assert names(entries(directory.MEMBERS_FILE, "members")) == list(kinds.MEMBER.names)
    assert names(entries(directory.PEOPLE_FILE, "people")) == list(kinds.PERSON.names)
    assert names(data[directory.ORGANISATION_FILE]["fields"]) == list(kinds.ORGANISATION.names)


def test_languages_backend_and_review():
    settings = configuration()
    # Norwegian is "nb-NO" to the editor, for its file names (cms.EDITOR_LOCALES).
    assert settings["i18n"] == {"structure": "multiple_files", "locales": [cms.editor_locale(l) for l in LOCALES],
                                "default_locale": cms.editor_locale(DEFAULT), "omit_default_locale_from_file_path": True}
    assert settings["backend"] == {"name": "github", "repo": "cpcluster/website", "branch": "main",
                                   "auth_methods": ["token"]}
    assert settings["publish_mode"] == "editorial_workflow"
    assert all(c["publish"] is False for c in settings["collections"])
    assert settings["output"] == {"omit_empty_optional_fields": True}
    assert settings["slug"] == {"encoding": "ascii", "clean_accents": True}
    # Photos re-encoded in the browser before they are committed; no stock-photo services.
    assert settings["media_libraries"] == {
        "default": {"config": {"transformations": {"raster_image": {"format": "webp", "quality": 85, "width": 2400,
                                                                    "height": 2400}},
                               "slugify_filename": True}},
        "stock_assets": False}


def test_sign_in_through_the_authenticator_when_cms_auth_url_is_set():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    settings = configuration("https://cpc-auth.example.workers.dev/")
    assert settings["backend"] == {"name": "github", "repo": "cpcluster/website", "branch": "main",
                                   "base_url": "https://cpc-auth.example.workers.dev",
                                   "auth_methods": ["oauth", "token"], "auth_scope": "public_repo"}
    for wrong in ("http://cpc-auth.example.workers.dev", "https://cpc-auth.example.workers.dev/auth", "cpc-auth"):
        with pytest.raises(PluginError, match="CMS_AUTH_URL=.*oppgi bare adressen.*give only the authenticator"):
            cms.backend(config.edit_uri, wrong)


# --- The built admin page ------------------------------------------------------------------

@needs_admin
def test_admin_page_is_for_staff_only(site_dir):
    admin = site_dir / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    # Scripts: ours, and the import map that serves Immutable.js from beside the CMS, by its hash.
    imports = re.search(r'<script type="importmap">(.*?)</script>', html, re.DOTALL).group(1)
    (url, local), = json.loads(imports)["imports"].items()
    assert url.startswith("https://unpkg.com/immutable@") and local == "./immutable.es.js"
    assert (admin / "immutable.es.js").read_bytes() == (ROOT / "admin" / cms.IMMUTABLE / cms.IMMUTABLE_FILE).read_bytes()
    assert policy == cms.policy((cms.script_hash(imports),))
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src == f"script-src 'self' '{cms.script_hash(imports)}'"
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == configuration()
    script = (admin / cms.SCRIPT).read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in script
    assert sorted(p.name for p in (admin / "fonts").iterdir()) == sorted(Path(f).name for f in cms.FONTS.values())
    assert "admin" not in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    fragments = list((site_dir / "pagefind").rglob("*.pf_fragment"))
    assert fragments
    for fragment in fragments:
        assert b'"url":"/admin/' not in gzip.decompress(fragment.read_bytes())
    contact = f'"url":"/{address("contact", DEFAULT)}'.encode()
    assert any(contact in gzip.decompress(f.read_bytes()) for f in fragments)


# --- The editor in Chromium, on a local copy of the repository ------------------------------

# The folder picker returns a folder of the browser's private file system,
# filled with the project copy's content; `.git` marks it as a repository.
PICKER = """
(() => {
  const files = %s;
  window.showDirectoryPicker = async () => {
    const project = await (await navigator.storage.getDirectory()).getDirectoryHandle('project', {create: true});
    await project.getDirectoryHandle('.git', {create: true});
    for (const [path, data] of Object.entries(files)) {
      const parts = path.split('/');
      let folder = project;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
      const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
      await writer.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)));
      await writer.close();
    }
    return project;
  };
})();
"""
READ_BACK = """async () => {
  const files = {};
  const walk = async (folder, prefix) => {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === 'directory') { await walk(handle, prefix + name + '/'); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      files[prefix + name] = btoa(text);
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('project'), '');
  return files;
}"""
EDITABLE = (".md", ".yml")
TODAY = "2026-11-29"


def editable_files(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes()
            for part in ("docs", "data") for p in sorted((project / part).rglob("*")) if p.suffix in EDITABLE}


@contextmanager
def editor(browser, site_url: str, project: Path, address: str | None = None):
    """The editor on /admin/ (or `address`), working on `project` in
    local-repository mode; yields (page, changes), where changes() returns
    the files the editor wrote or changed, by path, and writes them into `project`."""
    before = editable_files(project)
    context = browser.new_context()
    foreign = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site_url)
                  else (foreign.append(route.request.url), route.abort()))
    page = context.new_page()
    page.add_init_script(PICKER % json.dumps({path: base64.b64encode(data).decode() for path, data in before.items()}))
    page.goto(address or site_url + "admin/")
    page.get_by_role("button", name="Work with Local Repository").click()

    def changes() -> dict[str, bytes]:
        after = {path: base64.b64decode(data) for path, data in page.evaluate(READ_BACK).items()}
        changed = {path: data for path, data in after.items() if before.get(path) != data and not path.startswith(".git/")}
        for path, data in changed.items():
            (project / path).parent.mkdir(parents=True, exist_ok=True)
            (project / path).write_bytes(data)
        return changed

    try:
        yield page, changes
    finally:
        context.close()
    # Offline and private: nothing but our own site was asked for.
    assert foreign == []


def opened(page) -> None:
    """Wait until the entry's form takes input. Sveltia 0.221 draws the form
    while a popup opened by the click still holds focus; as the popup closes,
    it takes focus from the field being filled, and the text is lost (a
    title was, on a busy machine)."""
    page.wait_for_function("""() => document.querySelector('.content-editor section[data-key-path]')
                               && !document.querySelector('dialog.popup[open]')""")


def new_post(page, title: str, description: str, date: str = "2026-11-20") -> None:
    """A new entry in the news collection, its Norwegian title, description and date filled in."""
    page.get_by_role("button", name="Create New Entry").first.click()
    opened(page)
    page.get_by_role("textbox", name="Tittel").fill(title)
    page.get_by_role("textbox", name="Beskrivelse").fill(description)
    page.locator("input[type=date]").first.fill(date)


def write_body(page, text: str) -> None:
    """The body's editor is drawn when it scrolls into view."""
    page.get_by_text("Skjul deler av siden").last.scroll_into_view_if_needed()
    page.mouse.move(300, 400)
    page.mouse.wheel(0, 3000)
    page.locator("[contenteditable=true]:visible").first.click()
    page.keyboard.type(text)


# Sveltia's notice when a field fails its own checks: the save stops there.
FIELD_ERRORS = re.compile(r"(One field has an error|\d+ fields have errors)\. Please correct")


def saved_or_refused(page, expected: str) -> None:
    """Wait for `expected` after a save, or fail at once on a field error."""
    page.get_by_text(expected).or_(page.get_by_text(FIELD_ERRORS)).first.wait_for(timeout=ENCODING_TIMEOUT)
    expect(page.get_by_text(FIELD_ERRORS), "the editor found a field error").to_have_count(0)


def save(page) -> None:
    page.get_by_role("button", name="Save").click()
    saved_or_refused(page, "Entry saved.")  # a save with a photo writes it too


def switch_to_english(page, enable: bool) -> None:
    page.get_by_role("radio", name=re.compile("English")).first.click()
    if enable:
        page.get_by_role("button", name=re.compile(r"Enable\W*English")).click()


def check_and_build(project: Path, dest: Path) -> Path:
    """`make check` and the strict build pass on what the editor wrote."""
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    build = build_project(project, dest, CPC_TODAY=TODAY)
    assert build.returncode == 0, build.stdout + build.stderr
    return dest


@needs_admin
def test_editor_commits_a_phone_photo_clean_beside_a_norwegian_only_post(browser, site_url, tmp_path):
    """The phone photo (GPS, camera, maker notes, XMP, IPTC, Display P3,
    stored sideways) is re-encoded in the browser before it is committed."""
    project = shipped_copy(tmp_path)
    photo = tmp_path / "medlemsmote.jpg"
    photo.write_bytes(build_phone_photos(tmp_path / "phone", heic_size=None).jpeg.read_bytes())
    assert "GPS position (EXIF)" in audit.strip_check(photo)
    with editor(browser, site_url, project) as (page, changes):
        refused = []
        page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
                else None)
        new_post(page, "Nytt medlem i klyngen", "Vi ønsker et nytt medlem velkommen.")
        image = page.locator('section[data-key-path="image"]')
        image.scroll_into_view_if_needed()
        image.locator("input[type=file]").first.set_input_files(photo)
        # Re-encoded in the browser, under its new name (a phone photo: slow on a busy 2-core machine).
        image.get_by_text("medlemsmote.webp").wait_for(timeout=ENCODING_TIMEOUT)
        page.get_by_role("textbox", name="Alternativ tekst for bildet").fill("Medlemmer rundt et bord")
        write_body(page, "Klyngen har fått et nytt medlem.")
        save(page)
        written = changes()
    # Nothing was asked of another host (editor() checks the requests), nor tried and refused by the policy.
    assert refused == []
    post = f"docs/{NEWS}/{source_name('nytt-medlem-i-klyngen', DEFAULT)}"
    # The photo lands beside the post, where the image step reads it, as WebP.
    beside = f"docs/{NEWS}/medlemsmote.webp"
    assert sorted(written) == [beside, post]
    committed = project / beside
    # No position, camera, capture time, XMP or IPTC; at most Chromium's own
    # sRGB profile, which names no device (the phone's Display P3 one did).
    assert audit.strip_check(committed) in ([], ["ICC profile"])
    assert uploads.position_or_serial_number(committed) == []
    assert b"Pixel" not in written[beside] and b"Google" not in written[beside]
    with Image.open(committed) as clean:
        # Upright (the phone stored it sideways), at most 2400 px.
        assert clean.format == "WEBP" and clean.size == (1800, 2400)
        assert not clean.getexif()
    assert written[post].decode("utf-8") == (
        "---\ntitle: Nytt medlem i klyngen\ndescription: Vi ønsker et nytt medlem velkommen.\ndate: 2026-11-20\n"
        "draft: false\nimage: medlemsmote.webp\nimage_alt: Medlemmer rundt et bord\n---\n\n"
        "Klyngen har fått et nytt medlem.\n")
    site = check_and_build(project, tmp_path / "site")
    assert (site / news_address(DEFAULT, "nytt-medlem-i-klyngen") / "index.html").is_file()


def add_photo(page, photo: Path) -> None:
    image = page.locator('section[data-key-path="image"]')
    image.scroll_into_view_if_needed()
    image.locator("input[type=file]").first.set_input_files(photo)
    image.get_by_text(photo.stem + ".webp").wait_for(timeout=ENCODING_TIMEOUT)  # re-encoded in the browser


def refused_for_alt_text(page, message: str = "Bildet mangler alternativ tekst. Fyll ut") -> None:
    """Save is refused with our message (admin/cpc-admin.js); the dialog is closed."""
    page.get_by_role("button", name="Save").click()
    saved_or_refused(page, message)  # the check runs once the photo is encoded
    page.get_by_role("button", name="OK", exact=True).click()


@needs_admin
def test_editor_refuses_a_photo_without_alt_text_in_either_language(browser, site_url, tmp_path):
    """The editor copies the photo into the English version, so the English
    version gives its own alt text, as news.py wants of any version with `image:`."""
    project = shipped_copy(tmp_path)
    photo = tmp_path / "styremote.png"
    Image.new("RGB", (1600, 1000), (40, 120, 90)).save(photo)
    with editor(browser, site_url, project) as (page, changes):
        new_post(page, "Nytt fra styret", "Styret har møttes.")
        add_photo(page, photo)
        write_body(page, "Styret har møttes.")
        switch_to_english(page, enable=True)
        page.get_by_role("textbox", name="Tittel").fill("Board meeting")
        page.get_by_role("textbox", name="Beskrivelse").fill("The board has met.")
        write_body(page, "The board has met.")
        refused_for_alt_text(page, "Bildet mangler alternativ tekst. Fyll ut «Alternativ tekst for bildet»")
        page.get_by_role("radio", name=re.compile("Norwegian")).first.click()
        page.get_by_role("textbox", name="Alternativ tekst for bildet").fill("Styret rundt bordet")
        refused_for_alt_text(page, "Bildet mangler alternativ tekst i den engelske versjonen.")
        assert changes() == {}  # nothing written
        page.get_by_role("radio", name=re.compile("English")).first.click()
        page.get_by_role("textbox", name="Alternativ tekst for bildet").fill("The board around the table")
        save(page)
        written = changes()
    texts = {path: data.decode("utf-8") for path, data in written.items() if path.endswith(".md")}
    files = {lang: f"docs/{NEWS}/{source_name('nytt-fra-styret', lang)}" for lang in LOCALES}
    assert sorted(texts) == sorted(files.values())
    assert "image: styremote.webp\nimage_alt: Styret rundt bordet\n" in texts[files[DEFAULT]]
    assert "image: styremote.webp\nimage_alt: The board around the table\n" in texts[files[OTHER]]
    check_and_build(project, tmp_path / "site")


@needs_admin
def test_the_editor_refuses_what_the_check_refuses(browser, site_url, tmp_path):
    """The declaration's limits and formats (kinds.py) reach the editor: a
    too-long description is refused as it is saved (Sveltia 0.221 marks its
    counter but shows no message on a post's fields), and a web address
    without https:// is refused with our Norwegian words. Nothing is written."""
    project = shipped_copy(tmp_path)
    too_long = ("Styret har møttes og vedtatt en plan for neste år. " * 4).strip()
    assert len(too_long) > kinds.DESCRIPTION_MAX
    with editor(browser, site_url, project) as (page, changes):
        new_post(page, "Nytt fra styret", too_long)
        write_body(page, "Styret har møttes.")
        page.get_by_role("button", name="Save").click()
        page.get_by_text("One field has an error").wait_for()
        counter = page.locator('section[data-key-path="description"] .count.invalid')
        assert counter.inner_text() == str(len(too_long))
        assert changes() == {}
        page.get_by_role("textbox", name="Beskrivelse").fill("Styret har møttes.")
        save(page)
        assert [path for path in changes() if path.endswith(".md")] == [f"docs/{NEWS}/nytt-fra-styret.md"]
    with editor(browser, site_url, project) as (page, changes):
        open_data_file(page, "Medlemmer og samarbeidspartnere")
        page.get_by_role("button", name=re.compile(r"Add\W*Medlemmer")).click()
        fill(page, "members.0.name", "Eksempel AS")
        fill(page, "members.0.url", "www.eksempel.no")
        page.get_by_role("button", name="Save").click()
        url = page.locator('section[data-key-path="members.0.url"]')
        url.get_by_text("Skriv hele adressen, som begynner med https://, for eksempel https://www.eksempel.no.").wait_for()
        assert changes() == {}
        fill(page, "members.0.url", "https://www.eksempel.no")
        expect(url.get_by_text("Skriv hele adressen")).to_have_count(0)


@needs_admin
def test_a_norwegian_only_post_saves_despite_the_language_tabs_error(browser, site_url, tmp_path):
    """Sveltia 0.221 throws "Cannot convert undefined or null to object" in
    its language tabs whenever it validates a draft without an English
    version (locale-switcher.svelte reads the validity of a language the
    draft does not have). It is harmless to what is saved: a refused save
    can be fixed and saved, and the file written is exactly the post."""
    project = shipped_copy(tmp_path)
    photo = tmp_path / "styremote.png"
    Image.new("RGB", (1600, 1000), (40, 120, 90)).save(photo)
    with editor(browser, site_url, project) as (page, changes):
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        new_post(page, "Nytt fra styret", "Styret har møttes.")
        add_photo(page, photo)
        write_body(page, "Styret har møttes.")
        refused_for_alt_text(page)
        assert changes() == {}
        page.get_by_role("textbox", name="Alternativ tekst for bildet").fill("Styret rundt bordet")
        save(page)
        written = changes()
    assert set(errors) == {"Cannot convert undefined or null to object"}
    post = f"docs/{NEWS}/{source_name('nytt-fra-styret', DEFAULT)}"
    assert sorted(written) == sorted([f"docs/{NEWS}/styremote.webp", post])
    assert written[post].decode("utf-8") == (
        "---\ntitle: Nytt fra styret\ndescription: Styret har møttes.\ndate: 2026-11-20\n"
        "draft: false\nimage: styremote.webp\nimage_alt: Styret rundt bordet\n---\n\nStyret har møttes.\n")


@needs_admin
def test_a_picture_inserted_into_a_posts_text_is_shown_clean_on_the_built_page(browser, site_url, tmp_path):
    """Through the text's image button, with a phone photo: without alt text
    the save is refused (admin/cpc-admin.js); with it, the photo lands
    beside the post, linked as the build resolves it, and the page shows a
    picture whose files carry no metadata."""
    project = shipped_copy(tmp_path)
    photo = tmp_path / "anlegg.jpg"
    photo.write_bytes(build_phone_photos(tmp_path / "phone", heic_size=None).jpeg.read_bytes())
    with editor(browser, site_url, project) as (page, changes):
        new_post(page, "Besøk på anlegget", "Klyngen besøkte et anlegg.")
        write_body(page, "Klyngen besøkte et anlegg.")
        page.keyboard.press("Enter")
        page.locator('button[aria-label="Image"][aria-controls*="lexical"]').click()
        source = page.locator('section[data-key-path^="body:"][data-key-path$=":src"]')
        source.locator("input[type=file]").first.set_input_files(photo)
        source.get_by_text("anlegg.webp").wait_for(timeout=ENCODING_TIMEOUT)  # re-encoded in the browser
        # The Markdown view shows the text as it will be saved: once the
        # picture is in it, a save must be refused for want of alt text.
        # (Once a save is refused, the picture's own Alt Text box no longer
        # reaches the text in Sveltia 0.221; the guide says to write it here,
        # between the square brackets.)
        page.locator('button[aria-label*="Markdown"]').first.click()
        raw = page.locator('section[data-key-path="body"] textarea')
        expect(raw).to_have_value(re.compile(r"!\[\]\("))  # the upload's blob: until saved
        refused_for_alt_text(page, "Et bilde i teksten mangler alternativ tekst. Klikk på bildet")
        assert changes() == {}
        raw.fill(raw.input_value().replace("![](", "![Sorteringsbåndet på anlegget]("))
        save(page)
        written = changes()
    post = f"docs/{NEWS}/{source_name('besok-pa-anlegget', DEFAULT)}"
    assert sorted(written) == sorted([post, f"docs/{NEWS}/anlegg.webp"])
    assert "![Sorteringsbåndet på anlegget](anlegg.webp)" in written[post].decode("utf-8")
    site = check_and_build(project, tmp_path / "site")
    page_dir = site / news_address(DEFAULT, "besok-pa-anlegget")
    html = (page_dir / "index.html").read_text(encoding="utf-8")
    img = re.search(r'<picture\b.*?<img[^>]*alt="Sorteringsbåndet på anlegget"[^>]*>', html, re.DOTALL)
    assert img, html
    files = re.findall(r'(?:src|srcset)="([^"]+)"', img.group(0))
    published = {(page_dir / url.split()[0]).resolve() for entry in files for url in entry.split(", ")}
    assert published and all(f.is_file() for f in published)
    for file in published:
        assert audit.strip_check(file) == [], file
    assert not list(site.rglob("anlegg.webp"))  # the upload itself is never published


# A title with æ, ø and å, and the file name a Norwegian reader expects in
# an address: æ "ae", ø "o", å "a", as make check suggests (bilingual.slug).
NORWEGIAN_TITLE = "Møte på Ås for økt gjenvinning – vær med"
NORWEGIAN_NAME = "mote-pa-as-for-okt-gjenvinning-vaer-med"


@needs_admin
def test_the_editor_names_a_post_as_make_check_would(browser, site_url, tmp_path):
    """The editor's file name for a Norwegian title is the name make check
    suggests for a file named after the title as it is; an upload's name is
    made the same way."""
    project = shipped_copy(tmp_path)
    photo = tmp_path / f"{NORWEGIAN_TITLE}.png"
    Image.new("RGB", (800, 500), (40, 120, 90)).save(photo)
    with editor(browser, site_url, project) as (page, changes):
        new_post(page, NORWEGIAN_TITLE, "Klyngen inviterer til møte.")
        image = page.locator('section[data-key-path="image"]')
        image.scroll_into_view_if_needed()
        image.locator("input[type=file]").first.set_input_files(photo)
        image.get_by_text(f"{NORWEGIAN_NAME}.webp").wait_for(timeout=ENCODING_TIMEOUT)
        page.get_by_role("textbox", name="Alternativ tekst for bildet").fill("Et grønt felt")
        write_body(page, "Velkommen.")
        save(page)
        written = changes()
    post = f"docs/{NEWS}/{source_name(NORWEGIAN_NAME, DEFAULT)}"
    assert sorted(written) == sorted([f"docs/{NEWS}/{NORWEGIAN_NAME}.webp", post])
    assert f"image: {NORWEGIAN_NAME}.webp\n" in written[post].decode("utf-8")
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr
    # The same post under the title as its file name: make check names the editor's file.
    (project / post).rename(project / "docs" / NEWS / f"{NORWEGIAN_TITLE}.md")
    check = run_check(project)
    assert check.returncode == 1
    assert f"Gi filen navnet {post} " in check.stdout, check.stdout


@needs_admin
def test_the_footer_link_opens_the_page_in_the_editor(browser, site_url, site_dir, tmp_path):
    """«Rediger denne siden» on the English page opens the page pair in the editor."""
    project = shipped_copy(tmp_path)
    english = address("membership", OTHER)
    source = project / "docs" / source_name(slug("membership"), DEFAULT)
    source.write_text(re.sub(r"(?m)^description: .*$", "description: Beskrivelse laget av testen.",
                             source.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    html = (site_dir / english / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<a class="cpc-footer__edit" href="([^"]+)"', html).group(1)
    with editor(browser, site_url, project, urljoin(site_url + english, href)) as (page, changes):
        expect(page.get_by_role("textbox", name="Beskrivelse")).to_have_value("Beskrivelse laget av testen.")
        assert changes() == {}


@needs_admin
def test_editor_writes_a_bilingual_event_with_sign_up(browser, site_url, tmp_path):
    project = shipped_copy(tmp_path)
    with editor(browser, site_url, project) as (page, changes):
        new_post(page, "Workshop om fiberemballasje", "Invitasjon til workshop.")
        event = page.locator('section[data-key-path="event"]')
        event.scroll_into_view_if_needed()
        event.get_by_role("checkbox").click()
        event.locator("input[type=datetime-local]").nth(0).fill("2027-01-15T10:00")
        event.locator("input[type=datetime-local]").nth(1).fill("2027-01-15T15:30")
        event.get_by_role("textbox", name="Sted").fill("Pakkhuset, Oslo")
        event.locator("input[type=date]").fill("2027-01-10")
        write_body(page, "Velkommen til workshop.")
        switch_to_english(page, enable=True)
        # The English fields start empty: wait for them, not the Norwegian ones, before typing.
        expect(page.get_by_role("textbox", name="Tittel")).to_have_value("")
        page.get_by_role("textbox", name="Tittel").fill("Workshop on fibre packaging")
        page.get_by_role("textbox", name="Beskrivelse").fill("Invitation to a workshop.")
        event.scroll_into_view_if_needed()
        expect(event.get_by_role("textbox", name="Sted")).to_have_value("")
        event.get_by_role("textbox", name="Sted").fill("Pakkhuset, Oslo")
        write_body(page, "Welcome to the workshop.")
        save(page)
        written = changes()
    event_lines = ("event:\n  start: 2027-01-15 10:00\n  end: 2027-01-15 15:30\n  location: Pakkhuset, Oslo\n"
                   "  signup_until: 2027-01-10\n")
    texts = in_languages(
        "---\ntitle: Workshop om fiberemballasje\ndescription: Invitasjon til workshop.\ndate: 2026-11-20\n"
        f"draft: false\n{event_lines}---\n\nVelkommen til workshop.\n",
        "---\ntitle: Workshop on fibre packaging\ndescription: Invitation to a workshop.\ndate: 2026-11-20\n"
        f"draft: false\n{event_lines}---\n\nWelcome to the workshop.\n")
    assert {path: data.decode("utf-8") for path, data in written.items()} == {
        f"docs/{NEWS}/{source_name('workshop-om-fiberemballasje', lang)}": text for lang, text in texts.items()}
    site = check_and_build(project, tmp_path / "site")
    for lang in texts:
        html = (site / news_address(lang, "workshop-om-fiberemballasje") / "index.html").read_text(encoding="utf-8")
        assert "<form" in html  # sign-up is open until 2027-01-10


@needs_admin
def test_editor_changes_a_page_in_both_languages_and_nothing_else(browser, site_url, tmp_path):
    project = shipped_copy(tmp_path)
    pages = {lang: f"docs/{source_name('om-klyngen', lang)}" for lang in (DEFAULT, OTHER)}
    originals = {lang: (project / path).read_text(encoding="utf-8") for lang, path in pages.items()}
    descriptions = in_languages("Ny beskrivelse av klyngen.", "A new description of the cluster.")
    with editor(browser, site_url, project) as (page, changes):
        page.get_by_text("Sider", exact=True).first.click()
        page.get_by_text("Om klyngen", exact=True).first.click()
        opened(page)
        page.get_by_role("textbox", name="Beskrivelse").fill(descriptions[DEFAULT])
        switch_to_english(page, enable=False)
        page.get_by_role("textbox", name="Beskrivelse").fill(descriptions[OTHER])
        save(page)
        written = changes()
    assert sorted(written) == sorted(pages.values())
    for lang, path in pages.items():
        expected = re.sub(r"(?m)^description: .*$", f"description: {descriptions[lang]}", originals[lang], count=1)
        assert written[path].decode("utf-8") == expected
    check_and_build(project, tmp_path / "site")


def only_changed_lines(before: str, after: str) -> list[str]:
    """The diff a reviewer sees, without its headers and context."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
            if not line.startswith(("---", "+++", "@@"))]


def open_data_file(page, label: str) -> None:
    page.get_by_text("Mål, medlemmer og kontakter").first.click()
    page.get_by_text(label, exact=True).first.click()
    opened(page)


def fill(page, key_path: str, value: str) -> None:
    """A field by its place in the file ("people.1.role.en"); the editor
    draws a list item's fields, and theirs, as they scroll into view."""
    parts = key_path.split(".")
    for depth in range(min(3, len(parts)), len(parts) + 1):
        page.locator(f'section[data-key-path="{".".join(parts[:depth])}"]').scroll_into_view_if_needed()
    page.locator(f'section[data-key-path="{key_path}"] input').first.fill(value)


# A members file in the form the editor writes (data/members.yml ships empty):
# an uploaded logo's path from the site root.
MEMBERS_IN_EDITOR_FORM = """members:
  - name: Første AS
    url: https://www.forste.example
    logo: /assets/logos/forste.svg
    kind: partner
"""


@needs_admin
def test_editor_adds_a_member_with_a_logo(browser, site_url, tmp_path):
    """Adding a member to a members file in the editor's form: the diff is
    the new entry's lines, nothing else."""
    project = shipped_copy(tmp_path)
    (project / directory.MEMBERS_FILE).write_text(MEMBERS_IN_EDITOR_FORM, encoding="utf-8")
    (project / "docs/assets/logos").mkdir(parents=True, exist_ok=True)
    (project / "docs/assets/logos/forste.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>\n',
        encoding="utf-8")
    logo = tmp_path / "eksempel.png"
    Image.new("RGB", (400, 200), (200, 30, 30)).save(logo)
    with editor(browser, site_url, project) as (page, changes):
        open_data_file(page, "Medlemmer og samarbeidspartnere")
        page.get_by_role("button", name=re.compile(r"Add\W*Medlemmer")).click()
        fill(page, "members.1.name", "Eksempel AS")
        fill(page, "members.1.url", "https://www.eksempel.no")
        field_logo = page.locator('section[data-key-path="members.1.logo"]')
        field_logo.scroll_into_view_if_needed()
        field_logo.locator("input[type=file]").first.set_input_files(logo)
        field_logo.get_by_text("eksempel.webp").wait_for(timeout=ENCODING_TIMEOUT)  # re-encoded like every raster upload
        kind = page.locator('section[data-key-path="members.1.kind"]')
        kind.scroll_into_view_if_needed()
        kind.get_by_role("radio", name="member").click()
        save(page)
        written = changes()
    with Image.open(project / "docs/assets/logos/eksempel.webp") as committed:
        assert (committed.format, committed.size) == ("WEBP", (400, 200))
    assert sorted(written) == ["data/members.yml", "docs/assets/logos/eksempel.webp"]
    assert only_changed_lines(MEMBERS_IN_EDITOR_FORM, written["data/members.yml"].decode("utf-8")) == [
        "+  - name: Eksempel AS", "+    url: https://www.eksempel.no", "+    logo: /assets/logos/eksempel.webp",
        "+    kind: member"]
    site = check_and_build(project, tmp_path / "site")
    about = (site / "om-klyngen" / "index.html").read_text(encoding="utf-8")
    assert "Eksempel AS" in about and "Første AS" in about


@needs_admin
def test_the_first_value_in_a_shipped_directory_file_is_a_diff_of_its_lines_only(browser, site_url, tmp_path):
    """The directory files ship empty, the form in which the editor's first
    save adds only what staff wrote: the organisation's address is one added
    line (no empty fields written beside it), a contact person their lines."""
    project = shipped_copy(tmp_path)
    shipped = {path: (project / path).read_text(encoding="utf-8")
               for path in (directory.ORGANISATION_FILE, directory.PEOPLE_FILE)}
    with editor(browser, site_url, project) as (page, changes):
        open_data_file(page, "Klyngens opplysninger")
        page.get_by_role("textbox", name="Postadresse").fill("Gate 1, 0150 Oslo")
        save(page)
        organisation = changes()
    with editor(browser, site_url, project) as (page, changes):
        open_data_file(page, "Kontaktpersoner")
        page.get_by_role("button", name=re.compile(r"Add\W*Kontaktpersoner")).click()
        fill(page, "people.0.name", "Kari Nordmann")
        fill(page, f"people.0.role.{DEFAULT}", "Daglig leder")
        fill(page, f"people.0.role.{OTHER}", "Managing director")
        fill(page, "people.0.email", "kari@example.org")
        fill(page, "people.0.phone", "+47 400 00 000")
        save(page)
        people = changes()
    assert sorted(organisation) == [directory.ORGANISATION_FILE] and sorted(people) == [directory.PEOPLE_FILE]
    assert only_changed_lines(shipped[directory.ORGANISATION_FILE],
                              organisation[directory.ORGANISATION_FILE].decode("utf-8")) == ["+address: Gate 1, 0150 Oslo"]
    assert only_changed_lines(shipped[directory.PEOPLE_FILE], people[directory.PEOPLE_FILE].decode("utf-8")) == [
        "+people:", "+  - name: Kari Nordmann", "+    role:", f"+      {DEFAULT}: Daglig leder",
        f"+      {OTHER}: Managing director", "+    email: kari@example.org", "+    phone: +47 400 00 000"]
    site = check_and_build(project, tmp_path / "site")
    assert "Gate 1, 0150 Oslo" in (site / "index.html").read_text(encoding="utf-8")
    contact = (site / address("contact", DEFAULT) / "index.html").read_text(encoding="utf-8")
    assert "Kari Nordmann" in contact and 'href="tel:+4740000000"' in contact


# A people file in the form the editor writes: block style, text with a
# colon in single quotes, a phone number starting with + as it is.
PEOPLE_IN_EDITOR_FORM = f"""people:
  - name: Kari Nordmann
    role:
      {DEFAULT}: Daglig leder
      {OTHER}: Managing director
    email: kari@example.org
    phone: +47 400 00 000
  - name: Ola Nordmann
    role:
      {DEFAULT}: 'Rådgiver: emballasje'
      {OTHER}: Adviser
    email: ola@example.org
"""


@needs_admin
def test_a_one_value_person_change_is_a_one_line_diff_and_an_emptied_list_passes_the_check(browser, site_url,
                                                                                           tmp_path):
    project = shipped_copy(tmp_path)
    (project / directory.PEOPLE_FILE).write_text(PEOPLE_IN_EDITOR_FORM, encoding="utf-8")
    with editor(browser, site_url, project) as (page, changes):
        open_data_file(page, "Kontaktpersoner")
        fill(page, f"people.1.role.{OTHER}", "Packaging adviser")
        save(page)
        written = changes()
    assert sorted(written) == [directory.PEOPLE_FILE]
    assert only_changed_lines(PEOPLE_IN_EDITOR_FORM, written[directory.PEOPLE_FILE].decode("utf-8")) == [
        f"-      {OTHER}: Adviser", f"+      {OTHER}: Packaging adviser"]
    # Removing the last person: the editor writes "{}", which the check reads as an empty list.
    (project / directory.PEOPLE_FILE).write_text(PEOPLE_IN_EDITOR_FORM.split("  - name: Ola")[0], encoding="utf-8")
    with editor(browser, site_url, project) as (page, changes):
        open_data_file(page, "Kontaktpersoner")
        page.locator('section[data-key-path="people.0.name"] input').wait_for()
        page.get_by_role("button", name="Remove", exact=True).click()
        save(page)
        written = changes()
    assert written == {directory.PEOPLE_FILE: b"{}\n"}
    check = run_check(project)
    assert check.returncode == 0, check.stdout + check.stderr


# A goals file in the form the editor writes (data/goals.yml is kept so):
# block style, '%' in single quotes, `at_least` written, empty values left out.
GOALS_IN_EDITOR_FORM = """goals:
  - id: gjenvinning
    kind: quantitative
    title:
      nb: Mer gjenvinning
      en: More recycling
    statement:
      nb: Øke gjenvinningen fra {baseline} i {baseline_year} til {target} i {target_year}.
      en: Increase recycling from {baseline} in {baseline_year} to {target} in {target_year}.
    unit: '%'
    baseline:
      value: 21
      year: 2020
    target:
      value: 55
      year: 2030
      at_least: false
    measurements:
      - year: 2024
        value: 27.5
        source_title: En rapport
        source_url: https://rapport.example/2024
  - id: fiber
    kind: quantitative
    title:
      nb: Mer fiber
      en: More fibre
    statement:
      nb: Minst {target} fiber innen {target_year}.
      en: At least {target} fibre by {target_year}.
    unit: '%'
    target:
      value: 5
      year: 2025
      at_least: true
  - id: markeder
    kind: qualitative
    title:
      nb: Gode markeder
      en: Good markets
    statement:
      nb: Skape gode markeder.
      en: Create good markets.
"""


@needs_admin
def test_a_one_figure_goal_change_in_the_editor_is_a_one_line_diff(browser, site_url, tmp_path):
    project = shipped_copy(tmp_path)
    (project / goals.GOALS_FILE).write_text(GOALS_IN_EDITOR_FORM, encoding="utf-8")
    with editor(browser, site_url, project) as (page, changes):
        page.get_by_text("Mål, medlemmer og kontakter").first.click()
        page.get_by_text("Mål", exact=True).first.click()
        page.locator(f'section[data-key-path="goals.0.title.{DEFAULT}"] input').wait_for()
        page.locator('section[data-key-path="goals.0.target"]').scroll_into_view_if_needed()
        page.locator('section[data-key-path="goals.0.target.value"] input').fill("60")
        save(page)
        written = changes()
    assert sorted(written) == [goals.GOALS_FILE]
    assert only_changed_lines(GOALS_IN_EDITOR_FORM, written[goals.GOALS_FILE].decode("utf-8")) == [
        "-      value: 55", "+      value: 60"]
    check_and_build(project, tmp_path / "site")


@needs_admin
def test_editor_keeps_a_target_only_goal(browser, site_url, tmp_path):
    project = shipped_copy(tmp_path)
    with editor(browser, site_url, project) as (page, changes):
        page.get_by_text("Mål, medlemmer og kontakter").first.click()
        page.get_by_text("Mål", exact=True).first.click()
        title = page.locator(f'section[data-key-path="goals.0.title.{DEFAULT}"] input')
        title.fill("Mer materialgjenvinning av plastemballasje")
        title.press("End")
        page.keyboard.type("!")
        save(page)
        changes()
    check_and_build(project, tmp_path / "site")
