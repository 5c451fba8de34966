"""`make check` (scripts/check_content.py) on fixture content: each problem
gives its message with file and line, in Norwegian and English, and a
non-zero exit; clean content and the real docs/ pass."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from mkdocs.config import load_config

from cpc import places, rules
from cpc.bilingual import ENGLISH, NORWEGIAN
from support.check import run_check
from support.sample import SAMPLE
from support.site import DEFAULT, OTHER, source_name

ROOT = Path(__file__).resolve().parents[2]


def translated(stem: str) -> str:
    """The file of a page's translation: 'om' -> 'om.en.md'."""
    return source_name(stem, OTHER)


def page(title: str = "Tittel", description: str = "En kort beskrivelse.", body: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n" + textwrap.dedent(body)


CLEAN = {
    "index.md": page("Hjem", body="""\
        Les [om oss](om.md), [målene](om.md#mal) og [egen id](om.md#egen).

        ![Logoen til klyngen](assets/logo.svg){ width="200" height="100" }

        <img src="assets/logo.svg" alt="Logo">

        ## Del

        ### Underdel

        [Ekstern](https://example.com), [e-post](mailto:post@example.com), [her](#del).

        ```html
        <script>kode i en kodeblokk er lov</script>
        [ikke en lenke](finnes-ikke.md)
        ```

        `<script>` i en kodebit er også lov.

        <!-- cpc-goals -->
        """),
    translated("index"): page("Home", body="""\
        Read [about us](om.md#about-us) and [the goals](om.md#mal).
        A [generated goal](om.md#cpc-goal-recycling) comes from a marker.
        """),
    "om.md": page("Om", body="""\
        ## Mål

        ## Tilpasset { #egen }
        """),
    translated("om"): page("About", body="""\
        ## About us

        ## Goals { #mal }

        <!-- cpc-goals -->
        """),
}


def site_frame() -> dict[str, str]:
    """A plain page pair for each page the menu and the site's markup link to
    (rules.check_linked_pages), which a whole-site check wants."""
    nav = load_config(config_file=str(ROOT / "mkdocs.yml")).nav
    stems = {rel[:-3] for rel in rules.nav_pages(nav)} | set(places.PAGES.values())
    return {source_name(stem, lang): page("Side" if lang == DEFAULT else "Page") for stem in stems for lang in (DEFAULT, OTHER)}


def write_docs(root: Path, files: dict[str, str]) -> Path:
    """A repository with `files` in docs/, and the project's configuration (its languages)."""
    root.mkdir(parents=True, exist_ok=True)
    if not (root / "mkdocs.yml").exists():
        shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        for part in ("hooks", "overrides"):
            shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    docs = root / "docs"
    for rel, text in {**site_frame(), **files}.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (docs / "assets").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return docs


def with_change(rel: str, text: str, *, remove: str | None = None) -> dict[str, str]:
    files = dict(CLEAN)
    files[rel] = text
    if remove:
        del files[remove]
    return files


def test_clean_content_passes(tmp_path):
    write_docs(tmp_path, CLEAN)
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FEIL" not in result.stdout
    assert "ingen feil" in result.stdout and "no errors" in result.stdout
    assert f"{len(site_frame() | CLEAN)} sider" in result.stdout


# (case, files, file:line, Norwegian fragment, English fragment)
PROBLEMS = [
    ("missing English", with_change("om.md", CLEAN["om.md"], remove=translated("om")),
     "docs/om.md:1", f"mangler engelsk versjon. Lag docs/{translated('om')}",
     f"has no English version. Create docs/{translated('om')}"),
    ("missing Norwegian", with_change(translated("ny"), page("New")),
     f"docs/{translated('ny')}:1", "mangler norsk versjon. Lag docs/ny.md",
     "has no Norwegian version. Create docs/ny.md"),
    ("no front matter", with_change("om.md", "# Om\n"),
     "docs/om.md:1", "mangler toppfeltet (front matter)", "has no front matter"),
    ("no title", with_change("om.md", "---\ndescription: Noe.\n---\n# Om\n"),
     "docs/om.md:2", "mangler tittel (title)", "has no title"),
    ("no description", with_change("om.md", "---\ntitle: Om\n---\n# Om\n"),
     "docs/om.md:2", "mangler beskrivelse (description)", "has no description"),
    ("long description", with_change("om.md", page(description="x" * 161)),
     "docs/om.md:3", "er 161 tegn", "is 161 characters long"),
    ("invalid front matter", with_change("om.md", "---\ntitle: Om: oss\ndescription: d\n---\n"),
     "docs/om.md:2", "kan ikke leses", "cannot be read"),
    ("image without alt", with_change("om.md", page(body="Tekst.\n\n![](assets/logo.svg)\n")),
     "docs/om.md:10", "mangler alternativ tekst", "has no alt text"),
    ("html image without alt", with_change("om.md", page(body='<img src="assets/logo.svg">\n')),
     "docs/om.md:8", "«assets/logo.svg» mangler alternativ tekst", 'image "assets/logo.svg" has no alt text'),
    ("missing image file", with_change("om.md", page(body="![Logo](assets/logo.svg.png)\n")),
     "docs/om.md:8", "Finner ikke bildet «assets/logo.svg.png»", "was not found"),
    ("missing attachment", with_change("om.md", page(body="[Program](assets/program.pdf)\n")),
     "docs/om.md:8", "peker til en fil som ikke finnes (docs/assets/program.pdf)", "points to a file that does not exist"),
    ("broken page link", with_change("index.md", page(body="Se [om oss](omm.md).\n")),
     "docs/index.md:8", "«omm.md» peker til en side som ikke finnes (docs/omm.md). Mente du «om.md»?",
     'The link "omm.md" points to a page that does not exist'),
    ("broken link in a subfolder", with_change("del/side.md", page(body="[Hjem](index.md)\n")),
     "docs/del/side.md:8", "peker til en side som ikke finnes (docs/del/index.md)", "does not exist (docs/del/index.md)"),
    ("broken anchor on another page", with_change("index.md", page(body="Se [målene](om.md#mal-og-fokus).\n")),
     "docs/index.md:8", "avsnitt (#mal-og-fokus) som ikke finnes på siden docs/om.md",
     "section (#mal-og-fokus) that does not exist on the page docs/om.md"),
    ("broken anchor on the same page", with_change("om.md", page(body="[Til toppen](#toppen)\n")),
     "docs/om.md:8", "«#toppen» peker til et avsnitt som ikke finnes", 'The link "#toppen" points to a section that does not exist'),
    ("generated anchor on a page without marker", with_change("index.md", page(body="[Mål](om.md#cpc-goal-x)\n")),
     "docs/index.md:8", "avsnitt (#cpc-goal-x) som ikke finnes", "section (#cpc-goal-x) that does not exist"),
    ("English anchor checked on the English page",
     with_change(translated("index"), page("Home", body="[Goals](om.md#egen)\n")),
     f"docs/{translated('index')}:8", f"(#egen) som ikke finnes på siden docs/{translated('om')}",
     f"does not exist on the page docs/{translated('om')}"),
    ("link to a folder URL", with_change("index.md", page(body="[Om](om/)\n")),
     "docs/index.md:8", "peker til en nettadresse, ikke til en fil", "points to a web address, not a file"),
    ("link out of docs", with_change("index.md", page(body="[Readme](../README.md)\n")),
     "docs/index.md:8", "peker ut av docs-mappen", "points outside the docs folder"),
    ("broken reference link", with_change("index.md", page(body="[Om][om]\n\n[om]: omm.md\n")),
     "docs/index.md:10", "«omm.md» peker til en side som ikke finnes", "points to a page that does not exist"),
    ("skipped heading level", with_change("om.md", page(body="## Del\n\n#### Detalj\n")),
     "docs/om.md:10", "«Detalj» hopper fra nivå 2 til nivå 4. Bruk ###", 'heading "Detalj" skips from level 2 to level 4'),
    ("first heading too deep", with_change("om.md", "---\ntitle: Om\ndescription: d\n---\n\n### Start\n"),
     "docs/om.md:6", "hopper fra nivå 1 til nivå 3", "skips from level 1 to level 3"),
    ("raw script", with_change("om.md", page(body="<script>alert(1)</script>\n")),
     "docs/om.md:8", "inneholder et <script>-element", "contains a <script> element"),
]


@pytest.mark.parametrize(("files", "where", "norwegian", "english"), [p[1:] for p in PROBLEMS],
                         ids=[p[0] for p in PROBLEMS])
def test_each_problem_is_reported_with_file_line_and_both_languages(tmp_path, files, where, norwegian, english):
    write_docs(tmp_path, files)
    result = run_check(tmp_path)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith(where + ": FEIL / ERROR")]
    assert heads, f"no error at {where}:\n{result.stdout}"
    messages = [(lines[i + 1], lines[i + 2]) for i in heads]
    assert any(norwegian in m_nb and m_nb.startswith(f"  {NORWEGIAN}: ") and english in m_en and m_en.startswith(f"  {ENGLISH}: ")
               for m_nb, m_en in messages), result.stdout
    assert "CONTRIBUTING.md" in lines[-1]


def test_new_editor_scenario_reports_both_problems(tmp_path):
    """A broken link and a forgotten translation, both named with file and line."""
    missing = "arkiv.md"  # not among the fixture's pages
    forgotten = "prosjekter.md"  # a page with no translation
    files = with_change("index.md", page("Hjem", body=f"Tekst.\n\nSe [arkivet]({missing}).\n"))
    files[forgotten] = page("Nyheter")
    write_docs(tmp_path, files)
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "docs/index.md:10: FEIL / ERROR" in result.stdout
    assert f"docs/{forgotten}:1: FEIL / ERROR" in result.stdout
    assert "2 feil" in result.stdout and "2 errors" in result.stdout


def test_docs_argument_points_at_another_folder(tmp_path):
    docs = write_docs(tmp_path / "content", with_change("om.md", "# Om\n"))
    write_docs(tmp_path, {})
    result = run_check(tmp_path, docs)
    assert result.returncode == 1
    assert "content/docs/om.md:1: FEIL / ERROR" in result.stdout


def test_github_annotations_on_ci(tmp_path):
    write_docs(tmp_path, with_change("om.md", page(body="<script></script>\n")))
    result = run_check(tmp_path, GITHUB_ACTIONS="true")
    assert "::error file=docs/om.md,line=8,title=make check::Siden inneholder" in result.stdout
    assert "%0AThe page contains" in result.stdout


def test_no_git_history_is_a_note_not_a_failure(tmp_path):
    write_docs(tmp_path, CLEAN)
    result = run_check(tmp_path)
    assert result.returncode == 0
    assert "Translation freshness not checked: no git history" in result.stdout


# Every Norwegian message (its fixed words) staff can meet, from the rules'
# modules; each must be explained in CONTRIBUTING.md.
RULE_MODULES = ("news.py", "rules.py", "front_matter.py", "bilingual.py", "problems.py", "media_types.py", "documents.py",
                "audit.py", "datafile.py", "fields.py", "kinds.py", "goals.py", "directory.py")
MESSAGES = [
    # Pages (hooks/cpc/rules.py, front_matter.py, bilingual.py, problems.py)
    "Siden mangler", "Siden mangler toppfeltet (front matter)", "Toppfeltet (front matter) kan ikke leses",
    "Toppfeltet (front matter) er ikke avsluttet", "Toppfeltet (front matter) mangler tittel (title)",
    "Toppfeltet (front matter) mangler beskrivelse (description)", "Toppfeltet (front matter) må bestå av linjer",
    "Linjen har et tabulatortegn", "Linjen har et hardt mellomrom", "blir borte, fordi # starter en",
    "Filnavnet blir ikke en side slik det står", "Nyheter må ligge rett i mappen", "mangler alternativ tekst", "peker til en side som ikke finnes", "peker til et avsnitt",
    "peker til en nettadresse, ikke til en fil", "peker ut av docs-mappen", "peker til en fil som ikke finnes",
    "Overskriften «", "hopper fra nivå", "Siden inneholder et <script>-element", "Teksten ser ut til å være limt inn fra Word",
    "Her pekes det til en fil på din egen maskin", "Ukjent felt", "Grensesnitttekstene i",
    "ADVARSEL: Den engelske/norske versjonen", "Oversettelsenes alder ble ikke sjekket",
    "Bildet har fortsatt",
    # News posts (hooks/cpc/news.py)
    "HTML-elementet «<…>» lukkes aldri", "lukker et HTML-element som ikke er åpnet",
    "Innlegget mangler toppfeltet (front matter)", "Innlegget mangler tittel (title)",
    "Innlegget mangler beskrivelse (description)", "Innlegget mangler dato", "er ikke en gyldig dato",
    "er ikke et gyldig tidspunkt", "finnes ikke i norsk tid", "Arrangementet slutter før det begynner",
    "Påmeldingsfristen (signup_until) er etter at arrangementet begynner",
    "Innlegget skal ikke ha en egen hovedoverskrift", "Datoen må være den samme som i den norske versjonen",
    "Arrangementet må ha samme start, end og signup_until som i den norske",
    # Any field of any kind of content (hooks/cpc/fields.py, kinds.py)
    "). Legg til linjen", "), men mangler", "skal være tekst på én linje", "Kort den ned til høyst",
    "kan bare være true (ja) eller false (nei)", "filen må være en av typene", "Last den opp der,",
    "er ikke en hel nettadresse", "ser ikke ut som en e-postadresse", "Telefonnummeret («", "kan ikke brukes. Velg én av",
    "skal være en liste, for eksempel", "trenger én tekst per språk", "mangler teksten på", "må ha linjene",
    "må være en liste, med «- » foran hver oppføring", "Hver oppføring under", "står to ganger i listen",
    # Goals and the directory (hooks/cpc/goals.py, directory.py)
    "Filen må ha linjen «goals:»", "har desimalkomma. Skriv tallet med desimalpunktum", "har et %-tegn. Skriv bare tallet",
    "er utenfor 0–100", "er ikke et årstall", "et kvalitativt mål har ingen tall", "inneholder et tall",
    "ukjent plassholder", "er ikke etter utgangspunktets år", "er det samme som utgangspunktet",
    "må være over 0 for et mål uten utgangspunkt", "en måling er fra utgangspunktets år", "et mål med tall (quantitative) trenger",
    "må starte med linjen", "må bestå av linjer på formen", "Filen kan ikke leses. Sjekk innrykket",
    # Files of every type (hooks/cpc/media_types.py, documents.py, audit.py)
    "er en video. Videoer publiseres ikke fra nettstedet", "er et Office-dokument", "nettstedet ikke publiserer",
    "kan ikke leses som SVG", "har et innebygd bilde med personlige data", "er beskyttet med passord",
    "er skadet eller bare delvis lastet opp", "Den publiserte filen",
    # What pages may embed (hooks/cpc/rules.py)
    "Siden bygger inn innhold fra et annet nettsted (<", "Siden har et skript i et HTML-attributt",
    "Lenken starter med «javascript:»", "Siden har HTML med «style=…»", "Siden bruker <", "Siden har et <", "HTML-lenken til «", "som er utgått HTML og ikke kan publiseres",
    "-element, limt inn fra et annet nettsted", "blir ikke gjort om til sidens adresse", "har ingen tekst, så skjermlesere",
    "En kommentar (<!-- … -->) er ikke lukket der den skal", "En kommentar (<!-- …) er aldri lukket", "finnes ikke, så ingenting vises der",
    "må stå alene på sin egen linje", "kan ikke brukes i markøren",
    "ville erstattet nyhetsoversikten", "står to ganger (linje", "står i anførselstegn, og blir da tekst",
    "har mellomrom eller tegn som ikke kan stå i en nettadresse", "er for stort",
    "Linjen er rykket inn med tabulator (tab).", "Overskriften har ingen tekst", "Sjekklister (",
    "Tabellen har en tom overskriftsrad", "HTML-adressen «", "En nyhet kan ikke ha kontaktskjemaet",
    "står to ganger på siden", "som ikke kan stå i en e-post- eller telefonlenke", "begynner med /, og en slik adresse",
    "peker til en nyhet som", "har nettstedet selv", "filnavnet har mellomrom", "Den engelske versjonen må ha samme filnavn som den norske", "er en side som er lagret som tekstfil", "ligger på et annet nettsted. Sidene henter ingenting",
    "Et bilde er limt inn som tekst (data:…) i siden",
    # Slips (hooks/cpc/datafile.py, news.py, media_types.py)
    "Filen er ikke lagret som UTF-8", "Innlegget heter «…», som er adressen til nyhetsarkivet for året",
    "har samme navn hvis du ser bort fra store og små bokstaver",
]
SOURCES = "\n".join((ROOT / "hooks" / "cpc" / name).read_text(encoding="utf-8") for name in RULE_MODULES) + \
    (ROOT / "scripts" / "check_content.py").read_text(encoding="utf-8")
# A Norwegian message starts a string after the line it names: Problem(line, "…") or error(page, line, "…").
SAID = re.compile(r'(?:Problem\([^,()]+(?:\([^)]*\))?,|error\(\s*\w+,\s*[^,]+,)\s*f?"([^"{«]{12,})')


def test_every_message_the_rules_can_say_is_listed_for_the_guide():
    said = SAID.findall(SOURCES)
    assert len(said) > 20, said
    for start in said:
        assert any(m.startswith(start[:20]) or start.startswith(m[:20]) for m in MESSAGES), start


@pytest.mark.parametrize("message", [m for m in MESSAGES if not m.startswith("ADVARSEL")])
def test_every_listed_message_is_still_said(message):
    """The list cannot keep a message the rules no longer say (its opening words, before any filled-in part)."""
    assert message[:17] in SOURCES, message


@pytest.mark.parametrize("message", MESSAGES)
def test_contributing_explains_every_message(message):
    assert message in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_goal_figures_are_checked_with_the_builds_own_rules(tmp_path):
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    goals = (SAMPLE / "data" / "goals.yml").read_text(encoding="utf-8")
    write_docs(root, CLEAN)
    (root / "data" / "goals.yml").write_text(goals, encoding="utf-8")
    assert run_check(root).returncode == 0
    # data/goals.yml is in the form the content editor writes (block style).
    broken = goals.replace("    target:\n      value: 55\n", "    target:\n      value: 155\n", 1)
    assert broken != goals
    (root / "data" / "goals.yml").write_text(broken, encoding="utf-8")
    result = run_check(root)
    assert result.returncode == 1
    line = broken.splitlines().index("      value: 155") + 1
    assert f"data/goals.yml:{line}: FEIL / ERROR" in result.stdout
    assert "Målet «materialgjenvinning»: «target.value»: 155 er utenfor 0–100" in result.stdout
    assert "The goal 'materialgjenvinning'" in result.stdout
