"""The forms as built: markup on the form pages, the thank-you and privacy
pages, and a plain-http endpoint stopping the build."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from cpc import forms
from support import ROOT, build_site
from support.site import DEFAULT, LOCALES, address, in_languages, slug, source_name, ui

SITE = "https://www.cpcluster.no/"
# Every page with the form: path -> (language, preselected topic).
FORM_PAGES = {address(role, lang): (lang, topic)
              for role, topic in (("contact", "general"), ("membership", "membership")) for lang in LOCALES}
# The form service's country, as mkdocs.yml (extra.form_service) names it.
COUNTRY = in_languages("USA", "the USA")


hook = forms


# --- fixtures and helpers ----------------------------------------------------


@pytest.fixture
def endpoint(contact_endpoint):
    contact_endpoint.reset()
    yield contact_endpoint
    contact_endpoint.reset()  # also releases a "slow" answer still waiting


def status(page):
    return page.locator("#cpc-form-status")


def test_build_fails_clearly_for_plain_http(tmp_path):
    with pytest.raises(AssertionError) as failure:
        build_site(tmp_path / "site", CONTACT_FORM_ENDPOINT="http://forms.example.com/f/x")
    message = str(failure.value)
    assert "extra.form_service.endpoint must be an https:// URL" in message
    assert "http://forms.example.com/f/x" in message


# --- the built pages -------------------------------------------------------------


@pytest.mark.parametrize("path", FORM_PAGES)
def test_form_markup(site_dir, contact_endpoint, path):
    lang, topic = FORM_PAGES[path]
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    forms = soup.select("form.cpc-form")
    assert len(forms) == 1
    form = forms[0]
    assert (form["action"], form["method"]) == (contact_endpoint.url, "post")
    hidden = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    assert hidden["_next"] == SITE + address("thanks", lang)
    assert hidden["_subject"] == ui("form_subject_static", lang).format(language=lang, page="/" + path)
    email = form.select_one("input[name=email]")
    assert (email["type"], email["autocomplete"]) == ("email", "email")
    for name in ("name", "email", "message"):
        assert form.select_one(f"[name={name}]").has_attr("required"), name
    # No box to tick: the legal bases are not consent (docs/personvern*.md).
    assert not form.select("input[type=checkbox]")
    for name in ("organisation", "phone", "topic"):
        assert not form.select_one(f"[name={name}]").has_attr("required"), name
    assert form.select_one("select[name=topic] option[selected]")["value"] == topic
    assert [o.get_text() for o in form.select("select[name=topic] option")] == [
        ui(f"form_topic_{key}", lang) for key in ("membership", "general", "project")]
    assert ui("form_message_hint", lang).format(max=hook.MESSAGE_MAX_LENGTH) in form.select_one("#cpc-form-message-hint").get_text()
    # One line right above the button says what the information is for, and
    # links to the privacy page in the same language.
    notice = form.select_one("#cpc-form-privacy")
    assert notice.get_text().startswith(ui("form_privacy_note", lang))
    assert notice.a.get_text() == ui("form_privacy_link", lang)
    assert notice.find_next_sibling("p")["class"] == ["cpc-form__actions"]
    # A screen reader hears it with the send button, too.
    assert form.select_one("button[type=submit]")["aria-describedby"] == notice["id"]
    privacy = notice.a["href"]
    target = (site_dir / path / privacy / "index.html").resolve()
    assert target == (site_dir / address("privacy", lang) / "index.html").resolve()
    assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").html["lang"] == lang
    # Honeypot: hidden and out of the tab order and the accessibility tree.
    trap = form.select_one("input[name=_gotcha]")
    wrapper = trap.find_parent("div")
    assert wrapper.has_attr("hidden") and wrapper["aria-hidden"] == "true"
    assert (trap["tabindex"], trap["autocomplete"]) == ("-1", "off")
    # Nothing the CSP would block.
    for tag in form.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on") or a == "style"], tag
    assert not form.select("[href^='javascript:']")
    scripts = soup.select("script#cpc-form-strings")
    assert scripts[0]["type"] == "application/json"
    strings = json.loads(scripts[0].string)
    assert strings["form_success"] == ui("form_success", lang)


def test_a_new_form_service_changes_the_privacy_page(tmp_path):
    from support import copy_project, build_project
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("name: Formspree", "name: Skjemaverket")
    text = text.replace("privacy_url: https://formspree.io/legal/privacy-policy/", "privacy_url: https://example.org/personvern/")
    for lang, country in in_languages("Norge", "Norway").items():
        text = text.replace(f"{lang}: {COUNTRY[lang]}", f"{lang}: {country}")
    config.write_text(text, encoding="utf-8")
    assert build_project(project, tmp_path / "site").returncode == 0
    service = BeautifulSoup((tmp_path / "site" / address("privacy", DEFAULT) / "index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one(".cpc-form-service")
    assert "Skjemaverket" in service.get_text() and "Norge" in service.get_text()
    assert service.a["href"] == "https://example.org/personvern/"


@pytest.mark.parametrize("lang", LOCALES)
def test_thank_you_and_privacy_pages(site_dir, lang):
    for role in ("thanks", "privacy"):
        html = (site_dir / address(role, lang) / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == lang
        assert soup.select_one("article h1"), role
    privacy = (ROOT / "docs" / source_name(slug("privacy"), lang)).read_text(encoding="utf-8")
    # Staff fill in the controller and the retention period; nothing is invented meanwhile.
    assert len(re.findall(r"<!-- FYLL INN[ :][^>]*-->", privacy)) >= 2
    assert "post@cpcluster.no" in privacy
    text = BeautifulSoup((site_dir / address("privacy", lang) / "index.html").read_text(encoding="utf-8"), "html.parser").article.get_text()
    for words in in_languages(("ingen informasjonskapsler", "ingen analyseverktøy", "ekstern skjematjeneste", "slettet",
                                "Datatilsynet", "GitHub Pages", "artikkel 6 nr. 1 bokstav f", "artikkel 6 nr. 1 bokstav b",
                                "personvernombud", "post@cpcluster.no", "Sist oppdatert"),
                               ("no cookies", "no analytics", "external form service", "deleted", "Datatilsynet",
                                "GitHub Pages", "Article 6(1)(f)", "Article 6(1)(b)", "data protection officer",
                                "post@cpcluster.no", "Last updated"))[lang]:
        assert words in text, words
    # The form service as configured beside the endpoint (mkdocs.yml extra.form_service).
    service = BeautifulSoup((site_dir / address("privacy", lang) / "index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one(".cpc-form-service")
    assert "Formspree" in service.get_text() and COUNTRY[lang] in service.get_text()
    assert service.a["href"] == "https://formspree.io/legal/privacy-policy/"


# --- Nu HTML Checker -----------------------------------------------------------------


