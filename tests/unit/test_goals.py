"""Goals tracker (hooks/cpc/goals.py, data/goals.yml): validation, SVG geometry,
the built pages in both languages, and the "edit one number" flow."""
from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from support import ROOT
from support.sample import SAMPLE
from support.svg import SVG_NS, by_class, one
from support.site import DEFAULT, LOCALES, OTHER, UI, in_languages

from cpc import goal_chart, goals, markers

MACROS = markers.add_filters(jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))).get_template(
    markers.GOALS_MACROS).module

# Tests change a copy of the sample's goals, never the live data/goals.yml.
DATA_FILE = SAMPLE / "data" / "goals.yml"
UI_BY_LANG = {lang: {key: texts[lang] for key, texts in UI.items()} for lang in LOCALES}
LABEL = "data/goals.yml"
THIS_YEAR = 2026


def sample_data() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def quantitative_goals(data: dict) -> list[dict]:
    return [g for g in data["goals"] if g["kind"] == "quantitative"]


def fmt(value, lang: str) -> str:
    """Expected percentage text, written independently of the hook."""
    text = str(value) if isinstance(value, int) else f"{value:g}"
    return text.replace(".", ",") + "\u00a0%" if lang == DEFAULT else text + "%"


def validate(data) -> list:
    return goals.validate_goals(data, LABEL, LOCALES, THIS_YEAR)


def goal_by_id(data: dict, goal_id: str) -> dict:
    return next(g for g in data["goals"] if g["id"] == goal_id)


def expect_error(data, goal_id: str, field: str, phrase: str):
    """The first problem names the file, the goal, the field and what is wrong."""
    with pytest.raises(PluginError) as caught:
        validate(data)
    message = str(caught.value)
    assert message.startswith(LABEL + ":"), message
    assert f"The goal '{goal_id}'" in message and f"{field}" in message and phrase in message, message
    return message


# ---------------------------------------------------------------------------
# The data file itself
# ---------------------------------------------------------------------------

def test_a_goal_without_a_baseline_loads_as_target_only_with_its_measurements():
    loaded = goals.load_goals(DATA_FILE, LABEL, LOCALES, THIS_YEAR)
    assert [g.kind for g in loaded] == ["quantitative"] * 3 + ["qualitative"]
    fibre = next(g for g in loaded if g.id == "fiber-erstatter-plast")
    assert fibre.baseline is None and fibre.at_least and len(fibre.measurements) == 1
    for goal in loaded:
        for m in goal.measurements:
            assert m.source_url.startswith(("http://", "https://")) and m.source_title


def test_every_goals_text_the_code_and_macros_use_is_in_ui_yml():
    source = (ROOT / "hooks" / "cpc" / "goals.py").read_text(encoding="utf-8")
    source += (ROOT / "overrides" / "partials" / "cpc-goals.html").read_text(encoding="utf-8")
    used = set(re.findall(r"\b(goals_[a-z]\w*)", source)) - {"goals_file"}
    assert len(used) > 10
    assert used <= set(UI), used - set(UI)


def test_an_error_in_the_file_names_its_line(tmp_path):
    # data/goals.yml is in the form the content editor writes (block style).
    text = DATA_FILE.read_text(encoding="utf-8").replace("      value: 55\n      year: 2030", "      value: 55\n      yaer: 2030")
    bad = tmp_path / "goals.yml"
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      yaer: 2030") + 1
    with pytest.raises(PluginError, match=rf"^data/goals.yml:{line}: The goal 'materialgjenvinning': Unknown field \"target.yaer\""):
        goals.load_goals(bad, LABEL, LOCALES, THIS_YEAR)


# ---------------------------------------------------------------------------
# Validation: each bad case has its own message naming file, goal and field
# ---------------------------------------------------------------------------

def test_missing_field():
    data = sample_data()
    del goal_by_id(data, "materialgjenvinning")["target"]["year"]
    expect_error(data, "materialgjenvinning", "(target.year)", "has no year")


def test_missing_top_level_goal_field():
    data = sample_data()
    del goal_by_id(data, "fornybar-og-resirkulert-plast")["kind"]
    expect_error(data, "fornybar-og-resirkulert-plast", "(kind)", "has no kind")


@pytest.mark.parametrize("field, value", [("baseline", 101), ("target", -1)])
def test_percentage_outside_0_to_100(field, value):
    data = sample_data()
    goal_by_id(data, "materialgjenvinning")[field]["value"] = value
    expect_error(data, "materialgjenvinning", f"{field}.value", "outside 0–100")


def test_measurement_percentage_outside_0_to_100():
    data = sample_data()
    goal_by_id(data, "materialgjenvinning")["measurements"] = [
        {"year": 2024, "value": 130, "source_title": "S", "source_url": "https://example.org/"}]
    expect_error(data, "materialgjenvinning", "measurements[1].value", "outside 0–100")


def test_target_year_before_baseline_year():
    data = sample_data()
    goal_by_id(data, "fornybar-og-resirkulert-plast")["target"]["year"] = 2019
    expect_error(data, "fornybar-og-resirkulert-plast", "target.year", "2019\" is not after baseline.year 2020")


@pytest.mark.parametrize("year", [2019, THIS_YEAR + 1])
def test_measurement_year_outside_baseline_to_today(year):
    data = sample_data()
    goal_by_id(data, "materialgjenvinning")["measurements"] = [
        {"year": year, "value": 30, "source_title": "S", "source_url": "https://example.org/"}]
    expect_error(data, "materialgjenvinning", "measurements[1].year", f"{year} is outside 2020..{THIS_YEAR}")


def test_measurement_year_in_future_for_target_only_goal():
    data = sample_data()
    goal_by_id(data, "fiber-erstatter-plast")["measurements"] = [
        {"year": THIS_YEAR + 1, "value": 3, "source_title": "S", "source_url": "https://example.org/"}]
    expect_error(data, "fiber-erstatter-plast", "measurements[1].year", f"up to {THIS_YEAR}")


def test_duplicate_id():
    data = sample_data()
    data["goals"].append(copy.deepcopy(goal_by_id(data, "materialgjenvinning")))
    expect_error(data, "materialgjenvinning", "id: materialgjenvinning", "is listed twice")


@pytest.mark.parametrize("url", ["ftp://example.org/report.pdf", "www.ssb.no/statistikk", "javascript:alert(1)", "https://"])
def test_source_url_not_http(url):
    data = sample_data()
    goal_by_id(data, "fornybar-og-resirkulert-plast")["measurements"] = [
        {"year": 2024, "value": 10, "source_title": "S", "source_url": url}]
    expect_error(data, "fornybar-og-resirkulert-plast", "measurements[1].source_url", "is not a full web address")


@pytest.mark.parametrize("lang", LOCALES)
def test_missing_translation_of_title(lang):
    data = sample_data()
    del goal_by_id(data, "markeder-for-resirkulert-materiale")["title"][lang]
    expect_error(data, "markeder-for-resirkulert-materiale", f"Add \"{lang}: ...\" under \"title:\"", "has no text in")


def test_typo_in_field_name_suggests_the_right_one():
    data = sample_data()
    target = goal_by_id(data, "materialgjenvinning")["target"]
    target["yaer"] = target.pop("year")
    expect_error(data, "materialgjenvinning", "target.yaer", 'Did you mean "target.year"?')


def test_number_in_text_is_refused():
    data = sample_data()
    goal_by_id(data, "materialgjenvinning")["statement"][OTHER] = "From 21% to 55%."
    expect_error(data, "materialgjenvinning", f"statement.{OTHER}", "digit")


def test_unknown_placeholder_is_refused():
    data = sample_data()
    goal_by_id(data, "fiber-erstatter-plast")["statement"][DEFAULT] = "Fra {baseline} til {target}."
    expect_error(data, "fiber-erstatter-plast", f"statement.{DEFAULT}", "unknown placeholder {baseline}")


def test_statement_is_the_whole_sentence_with_the_numbers_filled_in():
    loaded = {g.id: g for g in goals.validate_goals(sample_data(), LABEL, LOCALES, THIS_YEAR)}
    for goal in quantitative_goals(sample_data()):
        text = goals.statement_text(loaded[goal["id"]], DEFAULT, UI_BY_LANG[DEFAULT])
        assert fmt(goal["target"]["value"], DEFAULT) in text and str(goal["target"]["year"]) in text
        assert "{" not in text


def test_qualitative_goal_has_no_numbers():
    data = sample_data()
    goal_by_id(data, "markeder-for-resirkulert-materiale")["target"] = {"value": 10, "year": 2030}
    expect_error(data, "markeder-for-resirkulert-materiale", "target", "qualitative")


def test_a_missing_baseline_means_a_target_only_goal():
    """As `baseline: null` does; the content editor writes no empty fields."""
    data = sample_data()
    explicit = validate(data)
    del goal_by_id(data, "fiber-erstatter-plast")["baseline"]
    assert validate(data) == explicit and next(g for g in explicit if g.id == "fiber-erstatter-plast").baseline is None


def test_bad_yaml_names_the_file(tmp_path):
    bad = tmp_path / "goals.yml"
    bad.write_text(f"goals:\n  - id: x\n    title: {{{DEFAULT}: a\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^broken.yml:4: not valid YAML"):
        goals.load_goals(bad, "broken.yml", LOCALES, THIS_YEAR)


# ---------------------------------------------------------------------------
# SVG
# ---------------------------------------------------------------------------

def make_goal(baseline=(2020, 20), target=(2030, 60), measurements=(), at_least=False):
    return goals.Goal(
        id="test", kind="quantitative", title=in_languages("Testmål", "Test goal"),
        statement=in_languages("Forklaring", "Explanation"), unit="%",
        baseline=goals.Point(*baseline) if baseline else None, target=goals.Point(*target), at_least=at_least,
        measurements=tuple(goals.Measurement(y, v, f"Source {y}", f"https://example.org/{y}") for y, v in measurements),
    )


def parse_svg(goal, lang=DEFAULT, compact=False):
    view = goals.view(goal, lang, UI_BY_LANG[lang], goal_chart.COMPACT if compact else goal_chart.FULL)
    return ET.fromstring(str(MACROS.chart(view, "cpc-test")))




def texts(root) -> list[str]:
    return [el.text for el in root.iter(f"{{{SVG_NS['svg']}}}text")]


def test_svg_geometry_of_known_inputs():
    frame = goal_chart.FULL
    root = parse_svg(make_goal(measurements=[(2025, 40)]))
    left, right = frame.left, frame.width - frame.right
    plot_h = frame.height - frame.top - frame.bottom
    top_value = 70  # 60 × 1.1 rounded up to a ten

    def y(value):
        return round(frame.top + (1 - value / top_value) * plot_h, 1)

    baseline = one(root, "circle", "cpc-goal-chart__baseline")
    assert (float(baseline.get("cx")), float(baseline.get("cy"))) == (left, y(20))
    target = one(root, "circle", "cpc-goal-chart__target")
    assert (float(target.get("cx")), float(target.get("cy"))) == (right, y(60))
    path = one(root, "line", "cpc-goal-chart__path")
    assert [float(path.get(a)) for a in ("x1", "y1", "x2", "y2")] == [left, y(20), right, y(60)]
    point = one(root, "circle", "cpc-goal-chart__measurement")
    assert (float(point.get("cx")), float(point.get("cy"))) == ((left + right) / 2, y(40))
    actual = one(root, "polyline", "cpc-goal-chart__actual").get("points")
    assert actual == f"{float(left)},{y(20)} {(left + right) / 2},{y(40)}"
    # The axis sits at 0 and the grid is labelled up to the rounded top.
    assert float(one(root, "line", "cpc-goal-chart__axis").get("y1")) == y(0) == frame.height - frame.bottom
    assert [t.text for t in by_class(root, "text", "cpc-goal-chart__label")] == ["0\u00a0%", "35\u00a0%", "70\u00a0%"]
    assert [t.text for t in by_class(root, "text", "cpc-goal-chart__year")] == ["2020", "2030"]
    assert one(root, "text", "cpc-goal-chart__latest").text == "40\u00a0% (2025)"
    assert one(root, "text", "cpc-goal-chart__status").text == "50\u00a0% av veien fra utgangspunkt til mål"
    # Accessible: role="img" named by its <title>, which repeats the numbers.
    assert root.get("role") == "img"
    title = root.find("svg:title", SVG_NS)
    assert root.get("aria-labelledby") == title.get("id") == "cpc-test-chart-title"
    assert title.text == ("Diagram: Testmål. Fra 20\u00a0% i 2020 til 60\u00a0% i 2030. "
                          "Siste måling 40\u00a0% i 2025. 50\u00a0% av veien fra utgangspunkt til mål.")


def test_svg_without_measurement_shows_baseline_and_target_only():
    for lang in LOCALES:
        for compact in (False, True):
            root = parse_svg(make_goal(), lang, compact)
            assert not by_class(root, "text", "cpc-goal-chart__status")
            assert not by_class(root, "circle", "cpc-goal-chart__measurement")
            assert not by_class(root, "polyline", "cpc-goal-chart__actual")
            assert one(root, "circle", "cpc-goal-chart__baseline") is not None
            assert one(root, "circle", "cpc-goal-chart__target") is not None
            assert root.find("svg:title", SVG_NS).text.endswith(" 2030.")


def test_svg_measurement_past_target():
    frame = goal_chart.FULL
    root = parse_svg(make_goal(measurements=[(2024, 30), (2026, 75)]), OTHER)
    point = by_class(root, "circle", "cpc-goal-chart__measurement")[-1]
    target = one(root, "circle", "cpc-goal-chart__target")
    # Above the target, yet inside the plot: the value axis grew to 90 (75 × 1.1, rounded up).
    assert frame.top <= float(point.get("cy")) < float(target.get("cy"))
    assert [t.text for t in by_class(root, "text", "cpc-goal-chart__label")][-1] == "90%"
    assert one(root, "text", "cpc-goal-chart__status").text == "Target reached"
    assert one(root, "text", "cpc-goal-chart__latest").text == "75% (2026)"


def test_svg_measurement_after_target_year_extends_the_year_axis():
    frame = goal_chart.FULL
    root = parse_svg(make_goal(baseline=None, target=(2025, 5), at_least=True, measurements=[(2023, 3), (2026, 6.5)]))
    points = by_class(root, "circle", "cpc-goal-chart__measurement")
    target = one(root, "circle", "cpc-goal-chart__target")
    assert float(points[-1].get("cx")) == frame.width - frame.right
    assert float(points[0].get("cx")) < float(target.get("cx")) < float(points[-1].get("cx"))
    # Target-only: a horizontal threshold, no baseline point.
    threshold = one(root, "line", "cpc-goal-chart__threshold")
    assert threshold.get("y1") == threshold.get("y2") == target.get("cy")
    assert not by_class(root, "circle", "cpc-goal-chart__baseline")
    assert one(root, "text", "cpc-goal-chart__target-value").text == "minst 5\u00a0%"
    assert one(root, "text", "cpc-goal-chart__latest").text == "6,5\u00a0% (2026)"
    assert one(root, "text", "cpc-goal-chart__status").text == "Målet er nådd"


def test_progress_texts():
    ui = UI_BY_LANG[DEFAULT]
    assert goals.progress_text(make_goal(measurements=[(2022, 30)]), ui) == "25\u00a0% av veien fra utgangspunkt til mål"
    assert goals.progress_text(make_goal(measurements=[(2022, 10)]), ui) == "Ikke forbi utgangspunktet ennå"
    target_only = make_goal(baseline=None, target=(2025, 5), measurements=[(2024, 2)])
    assert goals.progress_text(target_only, UI_BY_LANG[OTHER]) == "40% of the target"
    assert goals.progress_text(make_goal(), ui) is None


def test_full_view_text_alternative_links_sources():
    goal = make_goal(measurements=[(2022, 27.5)])
    html = str(MACROS.full([goals.view(goal, OTHER, UI_BY_LANG[OTHER], goal_chart.FULL)], UI_BY_LANG[OTHER]))
    soup = BeautifulSoup(html, "html.parser")
    row = soup.select_one("tr.cpc-goal__measurement")
    assert [c.get_text() for c in row.find_all(["th", "td"])] == ["Measurement", "2022", "27.5%", "Source 2022"]
    assert row.a["href"] == "https://example.org/2022"
    assert soup.select_one(".cpc-goal__status a")["href"] == "https://example.org/2022"


# ---------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# Done when: one edit in the data file shows everywhere; a typo stops the build
# ---------------------------------------------------------------------------



# Staff fix goal figures themselves, so each mistake they can make is told in
# Norwegian too: what is wrong and what to write instead.
MEASUREMENT = {"year": 2024, "value": 27.5, "source_title": "Statistikk", "source_url": "https://example.org/"}


@pytest.mark.parametrize("change, field, norwegian", [
    ({"value": "27,5"}, "value", "«27,5» har desimalkomma. Skriv tallet med desimalpunktum: 27.5."),
    ({"value": "27.5 %"}, "value", "«27.5 %» har et %-tegn. Skriv bare tallet, uten %: 27.5."),
    ({"value": "27,5%"}, "value", "«27,5%» har et %-tegn. Skriv bare tallet, uten %: 27.5."),
    ({"value": "mye"}, "value", "«mye» er ikke et tall."),
    ({"value": 130}, "value", "130 er utenfor 0–100."),
    ({"year": 2019}, "year", f"året 2019 er utenfor 2020–{THIS_YEAR}"),
    ({"year": THIS_YEAR + 1}, "year", f"året {THIS_YEAR + 1} er utenfor 2020–{THIS_YEAR}"),
    ({"year": "i fjor"}, "year", ": i fjor» er ikke et årstall."),
    ({"source_title": None}, "source_title", "mangler kilde (measurements[1].source_title). Legg til linjen"),
    ({"source_url": None}, "source_url", "mangler kildens adresse (measurements[1].source_url). Legg til linjen"),
    ({"source_title": " "}, "source_title", "mangler kilde (measurements[1].source_title)"),
    ({"source_url": "www.ssb.no"}, "source_url", ": www.ssb.no» er ikke en hel nettadresse."),
])
def test_goal_mistakes_are_told_in_norwegian(change, field, norwegian):
    data = sample_data()
    measurement = {**MEASUREMENT, **change}
    goal_by_id(data, "materialgjenvinning")["measurements"] = [{k: v for k, v in measurement.items() if v is not None}]
    with pytest.raises(goals.DataError) as caught:
        validate(data)
    assert caught.value.nb.startswith("Målet «materialgjenvinning»"), caught.value.nb
    assert f"measurements[1].{field}" in caught.value.nb and norwegian in caught.value.nb, caught.value.nb
    # English follows, for developers and a translator.
    assert "The goal 'materialgjenvinning'" in str(caught.value) and f"measurements[1].{field}" in str(caught.value)



@pytest.mark.parametrize("compact", [False, True])
def test_a_measurement_label_never_overlaps_the_target_label(compact):
    """A target-only goal measured just under its threshold, near the start:
    the two labels would meet, so the target's moves to its own point."""
    root = parse_svg(make_goal(baseline=None, target=(2030, 5), at_least=True, measurements=[(2024, 3)]), compact=compact)
    frame = goal_chart.COMPACT if compact else goal_chart.FULL
    labels = [(float(t.get("x")), float(t.get("y")), t.get("text-anchor"), t.text) for t in
              (one(root, "text", "cpc-goal-chart__latest"), one(root, "text", "cpc-goal-chart__target-value"))]
    assert not goal_chart.overlaps(*labels), labels
    assert frame  # both frames
    # Far apart, the threshold keeps its label at the start of its line.
    apart = parse_svg(make_goal(baseline=None, target=(2030, 50), at_least=True, measurements=[(2029, 3)]), compact=compact)
    assert one(apart, "text", "cpc-goal-chart__target-value").get("text-anchor") == "start"


def struck(line: tuple, label: tuple) -> bool:
    """Whether a line (x1, y1, x2, y2) runs through a label (x, y, anchor, text)'s box."""
    x1, y1, x2, y2 = line
    start, end = goal_chart._span(label[0], label[2], label[3])
    for step in range(11):
        x = start + (end - start) * step / 10
        if min(x1, x2) <= x <= max(x1, x2):
            y = y1 if x1 == x2 else y1 + (y2 - y1) * (x - x1) / (x2 - x1)
            if label[1] - 9 <= y <= label[1] + 2:
                return True
    return False


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("goal", [
    make_goal(baseline=(2020, 21), target=(2030, 55), measurements=[(2024, 27.5)]),  # behind the plan
    make_goal(baseline=(2020, 21), target=(2030, 55), measurements=[(2024, 50)]),  # ahead of it
    make_goal(baseline=None, target=(2025, 5), at_least=True, measurements=[(2024, 3)]),  # under the threshold
    make_goal(baseline=(2020, 2), target=(2030, 10), measurements=[(2025, 4)]),  # near the axis
], ids=["behind", "ahead", "under-threshold", "near-axis"])
def test_the_dashed_line_never_strikes_through_a_label(goal, compact):
    root = parse_svg(goal, compact=compact)
    paths = [tuple(float(el.get(a)) for a in ("x1", "y1", "x2", "y2")) for el in by_class(root, "line", "cpc-goal-chart__path")]
    labelled = [one(root, "text", "cpc-goal-chart__latest")] + [
        t for t in by_class(root, "text", "cpc-goal-chart__value") if "cpc-goal-chart__latest" not in t.get("class")]
    assert paths and labelled
    for text in labelled:
        label = (float(text.get("x")), float(text.get("y")), text.get("text-anchor"), text.text)
        assert not any(struck(path, label) for path in paths), (label, paths)
