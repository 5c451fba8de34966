"""Templates are strict: a string missing from data/ui.yml, or a field a view
lacks, stops the build naming the key and the template; `{name}`
placeholders are filled one way."""
from __future__ import annotations

from dataclasses import dataclass

import jinja2
import pytest

from cpc import markers, strings


@dataclass(frozen=True)
class Example(strings.View):
    title: str


def render(source: str, **context) -> str:
    env = markers.add_filters(jinja2.Environment(loader=jinja2.DictLoader({"page.html": source})))
    return env.get_template("page.html").render(**context)


def test_a_missing_view_field_names_the_field_and_template():
    assert render("{{ cpc.title }}", cpc=Example("Hei")) == "Hei"
    with pytest.raises(strings.MissingField, match=r"page.html: the Example has no field 'subtitle'"):
        render("{{ cpc.subtitle }}", cpc=Example("Hei"))


def test_a_missing_string_is_an_error_not_an_empty_text():
    ui = strings.Strings({"known": "Kjent"})
    assert render("{{ ui.known }}", ui=ui) == "Kjent"
    with pytest.raises(strings.MissingField, match="page.html: data/ui.yml has no string 'unknown'"):
        render("{{ ui.unknown }}", ui=ui)
    with pytest.raises(strings.MissingField):
        render("{{ ui['unknown'] }}", ui=ui)


def test_records_handed_to_templates_are_strict():
    record = strings.strict({"a": {"b": [1, {"c": 2}]}})
    assert render("{{ r.a.b[1].c }}", r=record) == "2"
    with pytest.raises(strings.MissingField):
        render("{{ r.a.x }}", r=record)


def test_placeholders_are_filled_one_way_in_python_and_templates():
    assert strings.fill("{count} av {max} tegn", count=3, max=5000) == "3 av 5000 tegn"
    assert render("{{ text | fill(max=9) }}", text="Høyst {max} tegn.") == "Høyst 9 tegn."
    with pytest.raises(strings.MissingField, match=r"no value for \{max\}"):
        strings.fill("Høyst {max} tegn.")
