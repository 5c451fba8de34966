"""The post rules (hooks/cpc/news.py) on hand-written posts: each mistake is
named at its line; a good post passes `make check`."""
from __future__ import annotations


import pytest

from cpc import news
from support.check import run_check
from support.sample import GOOD_POST, INVITATION, clear_content
from support import copy_project
from support.site import (DEFAULT, NEWS)



# --- Sign-up, against the real local endpoint ------------------------------------------------


# --- Staff mistakes: clear errors naming file and line ------------------------------------------

# (what to change, into what, the message, the field on the line it names)
BAD_POSTS = [
    ("date: 2027-03-04", "date: 2027-13-45", "is not a real date", "date"),
    ("title: Nytt fra klyngen", "", "has no title", None),
    ("date: 2027-03-04\n", "date: 2027-03-04\nimage: bilde.png\n", "The picture has no alt text (image_alt)", "image"),
    ("  location: Pakkhuset, Oslo\n", "", "has no place (event.location)", "event"),
    ("  end: 2027-03-04 15:30", "  end: 2027-03-04 09:00", "ends before it starts", "end"),
    ("  signup_until: 2027-02-25", "  signup_until: 2027-03-05", "after the event starts", "signup_until"),
]

@pytest.mark.parametrize(("old", "new", "message", "key"), BAD_POSTS, ids=[m for _, _, m, _ in BAD_POSTS])
def test_the_post_rules_name_the_line_of_each_mistake(tmp_path, old, new, message, key):
    """The rules themselves (hooks/cpc/news.py), which the build and make check both call."""
    assert old in GOOD_POST
    text = GOOD_POST.replace(old, new)
    (tmp_path / NEWS).mkdir()
    version, problems = news.check_post(text, f"docs/{NEWS}/{INVITATION}", DEFAULT, tmp_path)
    assert version is None and problems
    # Staff read each message in Norwegian, then English.
    assert message in problems[0].en and problems[0].nb
    if key:
        assert text.splitlines()[problems[0].line - 1].strip().startswith(key + ":"), (problems[0], text)


def test_good_post_passes_make_check(tmp_path):
    project = copy_project(tmp_path / "project")
    clear_content(project)
    (project / "docs" / NEWS).mkdir(parents=True, exist_ok=True)
    (project / "docs" / NEWS / INVITATION).write_text(GOOD_POST, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stdout


# --- Dated content without a rebuild ---------------------------------------------------------

