"""Templates are strict: a string missing from data/ui.yml, or a field a view
lacks, stops the build naming the key and the template; `{name}`
placeholders are filled one way."""
from __future__ import annotations

import re

import jinja2
import pytest

from cpc import markers
from support import build_project, copy_project


def without_key(project, key: str) -> None:
    ui = project / "data" / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    cut = re.sub(rf"^{key}:\n(?:  .*\n)+", "", text, flags=re.M)
    assert cut != text, key
    ui.write_text(cut, encoding="utf-8")


@pytest.mark.parametrize(("key", "template"), [("footer_contact", "main.html"), ("not_found_title", "404.html")])
def test_a_missing_ui_string_stops_the_build_naming_key_and_template(tmp_path, key, template):
    project = copy_project(tmp_path / "project")
    without_key(project, key)
    result = build_project(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = next(line for line in output.splitlines() if f"data/ui.yml has no string '{key}'" in line)
    assert template in line.split(": data/ui.yml")[0], line
    assert "Traceback" not in output


def render(source: str, **context) -> str:
    env = markers.add_filters(jinja2.Environment(loader=jinja2.DictLoader({"page.html": source})))
    return env.get_template("page.html").render(**context)
