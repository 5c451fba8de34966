"""Every published file is clean, by type (issue 25), through a real build:
an Inkscape SVG with a script and its author's name, a PDF with an author,
a script and a photo with EXIF inside, and a photo saved as .jfif with its
camera data. A video file, a frame and an inline script are refused by
`make check` and the build alike."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from cpc import audit
from support import ROOT, build_project, copy_project
from support.site import DEFAULT, NEWS, in_languages, source_name
from support.media_files import AUTHOR, inkscape_svg, pdf_with_author, phone_jpeg_bytes

CHECK = ROOT / "scripts" / "check_content.py"
PAGE = "om-klyngen"


def run_check(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), "--root", str(project)], capture_output=True, text=True,
                          env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=120)


def test_uploads_of_every_type_are_published_clean(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "assets" / "logos").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "logos" / "inkscape.svg").write_bytes(inkscape_svg())
    pdf_with_author(docs / "assets" / "agenda.pdf", phone_jpeg_bytes())
    (docs / "assets" / "images" / "nedlastet.jfif").write_bytes(phone_jpeg_bytes((1200, 800)))
    for lang, (logo, agenda, photo) in in_languages(("Logoen", "Agenda (PDF)", "Et nedlastet bilde"),
                                                    ("The logo", "Agenda (PDF)", "A downloaded photo")).items():
        page = docs / source_name(PAGE, lang)
        page.write_text(page.read_text(encoding="utf-8") + f"\n![{logo}](assets/logos/inkscape.svg)\n\n"
                        f"[{agenda}](assets/agenda.pdf)\n\n![{photo}](assets/images/nedlastet.jfif)\n", encoding="utf-8")
    assert run_check(project).returncode == 0
    site = tmp_path / "site"
    result = build_project(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    svg = (site / "assets" / "logos" / "inkscape.svg").read_bytes()
    assert audit.svg_findings(svg) == [] and AUTHOR.encode() not in svg and b"<rect" in svg
    assert audit.pdf_findings(site / "assets" / "agenda.pdf") == []
    assert AUTHOR.encode() not in (site / "assets" / "agenda.pdf").read_bytes()
    assert not list(site.rglob("*.jfif"))
    article = BeautifulSoup((site / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    img = article.select_one('picture img[alt="Et nedlastet bilde"]')
    assert img is not None and (site / PAGE / img["src"]).resolve().is_file()
    # Independently of the gate that passed: nothing published carries a trace.
    for path in site.rglob("*"):
        if path.suffix.lower() in audit.RASTER_SUFFIXES | {".svg", ".pdf"}:
            assert audit.findings(path) == [], path


REFUSED = [
    ("a video file", f"{NEWS}/IMG_0042.MOV", b"\0\0\0\x14ftypqt  \0\0\0\0qt  " + bytes(64), 1, "videotjeneste"),
    ("a YouTube frame", source_name(PAGE, DEFAULT),
     None, 0, "(<iframe>)"),
    ("an onclick", source_name(PAGE, DEFAULT), None, 0, "(onclick=…)"),
]
EMBEDS = {"(<iframe>)": '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>',
          "(onclick=…)": '<p onclick="alert(1)">Hei</p>'}


@pytest.mark.parametrize(("name", "content", "line", "words"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_make_check_and_the_build_refuse_with_the_same_words(tmp_path, name, content, line, words):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:  # a line added to a page
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + EMBEDS[words] + "\n"
        path.write_text(text, encoding="utf-8")
        line = text.count("\n")
    else:
        path.write_bytes(content)
    check = run_check(project)
    assert check.returncode == 1
    head = f"docs/{name}:{line}: FEIL / ERROR"
    assert head in check.stdout and words in check.stdout, check.stdout
    norwegian = next(text for text in check.stdout.splitlines() if text.strip().startswith("nb:") and words in text)
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and head in output and norwegian in output and "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_page_saved_by_notepad_stops_both_with_a_message_not_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / source_name(PAGE, DEFAULT)
    page.write_bytes(page.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    check = run_check(project)
    assert check.returncode == 1 and "ikke lagret som UTF-8" in check.stdout and "Traceback" not in check.stderr
    head = next(line for line in check.stdout.splitlines() if line.startswith(f"docs/{source_name(PAGE, DEFAULT)}:"))
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and head in output and "not saved as UTF-8" in output and "Traceback" not in output


def test_the_last_gate_stops_a_build_that_would_publish_camera_data(tmp_path):
    """A design image published as it is (the default share image) replaced
    by a phone photo: nothing cleans it, so the gate must stop the build.
    (With a position, make check would stop it first: see test_photo_position.py.)"""
    project = copy_project(tmp_path / "project")
    share_image = project / "docs" / "assets" / "images" / "og-image.png"
    with Image.open(io.BytesIO(phone_jpeg_bytes((1200, 630)))) as photo:
        photo.save(share_image, "PNG", exif=photo.getexif())
    assert "camera make or model (EXIF)" in audit.strip_check(share_image)
    assert run_check(project).returncode == 0  # no page uses it: the check has nothing to say
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and "Traceback" not in output, output
    assert "docs/assets/images/og-image.png:1: Den publiserte filen «assets/images/og-image.png»" in output, output
    assert "camera make or model (EXIF)" in output and "English: The published file" in output
