"""Building the site for the tests, and the fixture news posts."""
from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pikepdf

from sitetools.build import PROJECT_PARTS, ROOT, build_project, copy_project  # noqa: F401
from support.site import DEFAULT, NEWS, in_languages, source_name


def build_site(dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build this project strictly into `dest`; raise with mkdocs' output on failure."""
    result = build_project(ROOT, dest, **env)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


# Posts readers must not see yet, written beside the fixture posts: slug -> title.
HELD_BACK = {"utkast": "Et utkast om plastløfter", "planlagt": "En sak som kommer om fem dager"}


def write_fixture_posts(project: Path, today) -> dict:
    """Four posts, dated around `today` (Norwegian time), in a project copy:
    a Norwegian-only post, a bilingual post, an upcoming event with sign-up
    open and a past event. Returns their facts for the tests. Beside them, a
    draft and a post dated five days on (HELD_BACK), which the public site
    must not show."""
    day = lambda n: (today + datetime.timedelta(days=n)).isoformat()
    posts = {
        "kun-norsk": {DEFAULT: ("Bare på norsk", "Et innlegg som bare finnes på norsk.", day(-3), None)},
        "to-sprak": in_languages(("Nytt fra klyngen", "Et innlegg på to språk.", day(-10), None),
                                 ("News from the cluster", "A post in two languages.", day(-10), None)),
        "workshop": in_languages(("Workshop om fiberemballasje", "Invitasjon til workshop.", day(-5),
                                  {"start": day(30) + " 10:00", "end": day(30) + " 15:30", "location": "Pakkhuset, Oslo",
                                   "signup_until": day(20)}),
                                 ("Workshop on fibre packaging", "Invitation to a workshop.", day(-5),
                                  {"start": day(30) + " 10:00", "end": day(30) + " 15:30", "location": "Pakkhuset, Oslo",
                                   "signup_until": day(20)})),
        "frokostmote": in_languages(("Frokostmøte om resirkulering", "Et møte som har vært.", day(-60),
                                     {"start": day(-40) + " 08:00", "end": day(-40) + " 09:30", "location": "Bergen"}),
                                    ("Breakfast meeting on recycling", "A meeting that has taken place.", day(-60),
                                     {"start": day(-40) + " 08:00", "end": day(-40) + " 09:30", "location": "Bergen"})),
    }
    logo_alt = in_languages("Klyngens logo", "The cluster's logo")
    body_of = in_languages("Tekst.\n\n## Program\n\nMer tekst.\n", "Text.\n\n## Programme\n\nMore text.\n")
    folder = project / "docs" / NEWS
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(project / "docs" / "assets" / "images" / "logo.svg", folder / "to-sprak.svg")
    # An attachment beside the event, linked from both languages' text.
    # (A real one page PDF: the media step reads and cleans every PDF.)
    program = pikepdf.new()
    program.add_blank_page()
    program.save(folder / "workshop-program.pdf")
    for slug, versions in posts.items():
        for lang, (title, description, date, event) in versions.items():
            lines = ["---", f"title: {title}", f"description: {description}", f"date: {date}"]
            if slug == "to-sprak":
                lines += ["image: to-sprak.svg", "image_alt: " + logo_alt[lang]]
            if event:
                lines.append("event:")
                lines += [f"  {key}: {value}" for key, value in event.items()]
            body = body_of[lang]
            if slug == "workshop":
                body += "\n[Program (PDF)](workshop-program.pdf)\n"
            (folder / source_name(slug, lang)).write_text("\n".join(lines) + "\n---\n\n" + body, encoding="utf-8")
    for slug, title in HELD_BACK.items():
        state = "draft: true\ndate: " + day(-1) if slug == "utkast" else "date: " + day(5)
        (folder / f"{slug}.md").write_text(f"---\ntitle: {title}\ndescription: Ikke ennå.\n{state}\n---\n\nTekst.\n",
                                         encoding="utf-8")
    return posts
