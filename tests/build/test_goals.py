"""Goals tracker (hooks/cpc/goals.py, data/goals.yml): validation, SVG geometry,
the built pages in both languages, and the "edit one number" flow."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support import build_project, build_site, copy_project
from support.sample import SAMPLE
from support.site import DEFAULT, HOMES, LOCALES, UI, address, in_languages, source_name

from cpc import goals


# Tests change a copy of the sample's goals, never the live data/goals.yml.
DATA_FILE = SAMPLE / "data" / "goals.yml"
PAGES = {  # built page -> (language, view): the goals page in full, each home page compact
    **{f"{address('goals', lang)}index.html": (lang, "full") for lang in LOCALES},
    **{f"{home}index.html": (lang, "compact") for lang, home in zip(LOCALES, HOMES)},
}


def sample_data() -> dict:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    # The content editor leaves empty values out (README, "Content editor").
    for goal in data["goals"]:
        if goal["kind"] == "quantitative":
            goal.setdefault("baseline", None)
            goal.setdefault("measurements", [])
    return data


def quantitative_goals(data: dict) -> list[dict]:
    return [g for g in data["goals"] if g["kind"] == "quantitative"]


def fmt(value, lang: str) -> str:
    """Expected percentage text, written independently of the hook."""
    text = str(value) if isinstance(value, int) else f"{value:g}"
    return text.replace(".", ",") + "\u00a0%" if lang == DEFAULT else text + "%"


def fmt_target(target: dict, lang: str) -> str:
    text = fmt(target["value"], lang)
    if target.get("at_least"):
        return in_languages("minst ", "at least ")[lang] + text
    return text


# ---------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------

def check_page(html: str, lang: str, view: str, data: dict):
    soup = BeautifulSoup(html, "html.parser")
    assert goals.MARKER not in html
    container = soup.select_one(".cpc-goals" if view == "full" else ".cpc-goals-compact")
    assert container is not None
    charts = container.select("svg.cpc-goal-chart[role=img]")
    quantitative = quantitative_goals(data)
    assert len(charts) == len(quantitative)
    assert len(soup.select("svg.cpc-goal-chart")) == len(quantitative)  # nowhere else
    for goal, chart in zip(quantitative, charts):
        box = chart.find_parent(attrs={"data-goal": True})
        assert box["data-goal"] == goal["id"]
        assert box.find(["h3"]).get_text() == goal["title"][lang]
        name = soup.find(id=chart["aria-labelledby"])
        assert name is not None and name.name == "title" and name.parent is chart
        target = fmt_target(goal["target"], lang)
        assert target in chart.get_text() and target in name.get_text()
        baseline = goal["baseline"]
        if view == "full":
            cells = [c.get_text() for c in box.select("tr.cpc-goal__target td")]
            assert cells[:2] == [str(goal["target"]["year"]), target]
            cells = [[c.get_text() for c in row.select("td")][:2] for row in box.select("tr.cpc-goal__baseline")]
            # A goal without a baseline has no baseline row, rather than one saying so.
            assert cells == ([[str(baseline["year"]), fmt(baseline["value"], lang)]] if baseline else [])
            rows = box.select("tr.cpc-goal__measurement")
            assert [[c.get_text() for c in r.find_all("td")][:2] for r in rows] == [
                [str(m["year"]), fmt(m["value"], lang)] for m in sorted(goal["measurements"], key=lambda m: m["year"])]
            for row, m in zip(rows, sorted(goal["measurements"], key=lambda m: m["year"])):
                assert row.a["href"] == m["source_url"] and row.a.get_text() == m["source_title"]
        else:
            assert box.select_one("dd.cpc-goal__target").get_text() == f"{target} ({goal['target']['year']})"
            found = [dd.get_text() for dd in box.select("dd.cpc-goal__baseline")]
            assert found == ([f"{fmt(baseline['value'], lang)} ({baseline['year']})"] if baseline else [])
        latest = box.select(".cpc-goal__latest, .cpc-goal__status")
        if goal["measurements"]:
            newest = max(goal["measurements"], key=lambda m: m["year"])
            assert f"{fmt(newest['value'], lang)} ({newest['year']})" in latest[0].get_text()
            assert newest["source_title"] in latest[0].get_text()
        else:
            # No measurement yet: baseline → target, and no row saying so.
            assert latest == []
            assert box.select_one(".cpc-goal__figure").get_text().endswith(target)
    qualitative = [g for g in data["goals"] if g["kind"] == "qualitative"]
    cards = container.select(".cpc-goal--qualitative, .cpc-goal-card--qualitative")
    assert [c["data-goal"] for c in cards] == [g["id"] for g in qualitative]
    for card, goal in zip(cards, qualitative):
        assert card.find("svg") is None and not re.search(r"\d", card.get_text())
        assert goal["statement"][lang] in card.get_text()
    note = soup.select(".cpc-goals__note")
    if view == "full":
        # Said only while some goals have measurements and others wait for theirs.
        measured = [bool(g["measurements"]) for g in quantitative]
        waiting = any(measured) and not all(measured)
        assert [n.get_text() for n in note] == ([UI["goals_measurements_note"][lang]] if waiting else [])
        # No table has a column that is empty in every row.
        for table in container.select("table.cpc-goal__table"):
            rows = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]
            columns = len(table.thead.find_all("th"))
            assert all(len(row) == columns for row in rows)
            assert all(any(row[column] for row in rows) for column in range(columns)), rows


@pytest.mark.parametrize("path", PAGES)
def test_built_pages_show_one_chart_per_goal_with_matching_numbers(sample_site, path):
    """On the sample site, whose goals have measurements, a target-only goal and none."""
    lang, view = PAGES[path]
    html = (sample_site[0] / path).read_text(encoding="utf-8")
    check_page(html, lang, view, sample_data())
    assert f'<html lang="{lang}"' in html


# ---------------------------------------------------------------------------
# Done when: one edit in the data file shows everywhere; a typo stops the build
# ---------------------------------------------------------------------------

def write_data(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_one_edited_number_shows_in_both_languages(tmp_path):
    data = sample_data()
    first, second = [g for g in quantitative_goals(data) if g["baseline"]][:2]
    old = first["target"]["value"]
    new = old + 2 if old <= 98 else old - 2
    first["target"]["value"] = new
    # A staff member also records a measurement with its source.
    year = second["baseline"]["year"] + 1
    second["measurements"] = [{"year": year, "value": 12.5, "source_title": "Test statistic",
                               "source_url": "https://example.org/stat"}]
    site = tmp_path / "site"
    build_site(site, GOALS_FILE=str(write_data(tmp_path / "goals.yml", data)))
    for path, (lang, view) in PAGES.items():
        html = (site / path).read_text(encoding="utf-8")
        check_page(html, lang, view, data)
        soup = BeautifulSoup(html, "html.parser")
        box = soup.select_one('[data-goal="' + first["id"] + '"]')
        assert fmt(new, lang) in box.svg.get_text() and fmt(old, lang) not in box.get_text()
        box = soup.select_one('[data-goal="' + second["id"] + '"]')
        assert f"{fmt(12.5, lang)} ({year})" in box.svg.get_text()
        assert box.find("a", href="https://example.org/stat").get_text() == "Test statistic"


def test_typo_stops_the_build_with_an_actionable_message(tmp_path):
    data = sample_data()
    goal = quantitative_goals(data)[-1]
    goal["target"]["yaer"] = goal["target"].pop("year")
    data_file = write_data(tmp_path / "goals.yml", data)
    with pytest.raises(AssertionError) as caught:
        build_site(tmp_path / "site", GOALS_FILE=str(data_file))
    message = str(caught.value)
    assert re.search(re.escape(str(data_file)) + rf":\d+: FEIL / ERROR\n  nb: Målet «{goal['id']}»: Ukjent felt "
                     r"«target.yaer». Mente du «target.year»\?\n  en: The goal '" + goal["id"] + r"': Unknown field "
                     r'"target.yaer". Did you mean "target.year"\?', message), message


def test_goal_titles_sit_one_level_below_the_heading_above_the_marker(tmp_path):
    """On the goals page the marker follows a ## heading, and the titles are
    h3; a staff page with the marker straight under its title gets h2
    titles, not a skipped level (axe's heading-order)."""
    project = copy_project(tmp_path / "project")
    for lang, (title, text) in in_languages(("Resultater", "Klyngens mål."), ("Results", "The goals.")).items():
        (project / "docs" / source_name("resultater", lang)).write_text(
            f"---\ntitle: {title}\ndescription: {text}\n---\n\n# {title}\n\n<!-- cpc-goals -->\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build_project(project, site, GOALS_FILE=str(write_data(tmp_path / "goals.yml", sample_data())))
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LOCALES:
        for page, level in ((f"{address('goals', lang)}index.html", 3), (f"{'' if lang == DEFAULT else lang + '/'}resultater/index.html", 2)):
            article = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select_one("article")
            titles = article.select(".cpc-goal__title")
            assert titles and {t.name for t in titles} == {f"h{level}"}, page
            levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
            assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)
