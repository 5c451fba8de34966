"""The contact form, in Debian's Chromium against a real endpoint.

The shared build points CONTACT_FORM_ENDPOINT at the recording endpoint of
support/form_endpoint.py (fixture `contact_endpoint` in conftest.py); each
test sets its answer.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, expect

from support.axe import run_axe
from support import open_page
from support import new_context, nu_check, switch_scheme
from support.site import DEFAULT, LOCALES, OTHER, address, ui

SITE = "https://www.cpcluster.no/"
# Every page with the form: path -> (language, preselected topic).
FORM_PAGES = {address(role, lang): (lang, topic)
              for role, topic in (("contact", "general"), ("membership", "membership")) for lang in LOCALES}
CONTACT = {lang: address("contact", lang) for lang in LOCALES}
VALUES = {
    "name": "Kari Nordmann",
    "organisation": "Eksempel Emballasje AS",
    "email": "kari@example.com",
    "phone": "+47 400 00 000",
    "message": "Hei! Vi vil gjerne vite mer om medlemskap.\nAndre linje.",
}
TEXT_FIELDS = tuple(VALUES)


# --- fixtures and helpers ----------------------------------------------------


@pytest.fixture
def endpoint(contact_endpoint):
    contact_endpoint.reset()
    yield contact_endpoint
    contact_endpoint.reset()  # also releases a "slow" answer still waiting


@pytest.fixture
def form_page(browser):
    """A page whose CSP violations are recorded; none may occur."""
    context = new_context(browser)
    page = context.new_page()
    yield page
    violations = page.evaluate("window.__cpcViolations || []") if not page.is_closed() else []
    context.close()
    assert not violations, f"CSP violations: {violations}"


def field(page, name: str):
    return page.locator(f"form.cpc-form [name='{name}']")


def fill_form(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        field(page, name).fill(value)


def submit_button(page, lang: str):
    return page.get_by_role("button", name=ui("form_submit", lang))


def status(page):
    return page.locator("#cpc-form-status")


def expected_subject(lang: str, topic: str, path: str) -> str:
    return ui("form_subject", lang).format(topic=ui(f"form_topic_{topic}", lang), language=lang, page="/" + path)


def draft(page) -> dict | None:
    return json.loads(page.evaluate("sessionStorage.getItem('cpc-contact-form:' + location.pathname)") or "null")


def wait_for_posts(endpoint, count: int) -> None:
    """Wait until the endpoint has `count` posts (woken by each arrival, no polling)."""
    endpoint.wait_for(count)


def mailto_parts(href: str) -> tuple[str, dict[str, str]]:
    """Split a mailto: URL into address and decoded query (no '+' decoding)."""
    parts = urlsplit(href)
    query = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    return parts.path, {key: unquote(value) for key, value in query.items()}


def assert_values_kept(page, values: dict[str, str], topic: str) -> None:
    for name, value in values.items():
        expect(field(page, name)).to_have_value(value)
    expect(field(page, "topic")).to_have_value(topic)


def axe_violations(page) -> list[str]:
    # Error states fade in too; run_axe waits for the final colours.
    return [f"{v['id']}: {v['help']} ({', '.join(' '.join(n['target']) for n in v['nodes'][:3])})" for v in run_axe(page)["violations"]]


# --- sending, in the browser ----------------------------------------------------------


@pytest.mark.parametrize("path", FORM_PAGES)
def test_send_with_script(form_page, site_url, endpoint, path):
    page, (lang, topic) = form_page, FORM_PAGES[path]
    open_page(page, site_url + path)
    expect(field(page, "topic")).to_have_value(topic)
    # Labels are in the page's language.
    expect(page.locator("#cpc-form-name")).to_have_accessible_name(f"{ui('form_name_label', lang)} {ui('form_required', lang)}")
    expect(page.locator("#cpc-form-message")).to_have_accessible_description(re.compile(re.escape(ui("form_message_hint", lang).format(max=5000))))
    # The send button carries the one line on what the information is for.
    expect(submit_button(page, lang)).to_have_accessible_description(re.compile(re.escape(ui("form_privacy_note", lang))))
    fill_form(page, VALUES)
    submit_button(page, lang).click()
    expect(status(page)).to_have_text(ui("form_success", lang))
    posts = endpoint.posts()
    assert len(posts) == 1
    sent = posts[0].fields
    assert {name: sent[name] for name in VALUES} == VALUES
    assert sent["topic"] == topic
    # A notice above the button, not a consent box: nothing to tick, nothing sent for it.
    assert "consent" not in sent
    expect(page.locator("form.cpc-form input[type=checkbox]")).to_have_count(0)
    assert sent["_gotcha"] == ""
    assert sent["_replyto"] == VALUES["email"]
    assert sent["_subject"] == expected_subject(lang, topic, path)
    assert "application/json" in posts[0].headers["Accept"]
    # Success clears the form and, only now, the draft.
    for name in TEXT_FIELDS:
        expect(field(page, name)).to_have_value("")
    assert draft(page) is None
    expect(page.locator("#cpc-form-fallback")).to_be_hidden()


FAILURES = {
    "rejected": "form_fail_rejected",
    "rejected_plain": "form_fail_rejected",
    "rate_limited": "form_fail_rate_limited",
    "server_error": "form_fail_server",
    "bad_json": "form_fail_invalid",
    "closed": "form_fail_network",
    "timeout": "form_fail_timeout",
}


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_keeps_the_text_and_offers_mailto(form_page, site_url, endpoint, failure, lang):
    page, path = form_page, CONTACT[lang]
    if failure == "timeout":
        page.clock.install()  # lets the test skip the 15 s instead of waiting
    open_page(page, site_url + path)
    fill_form(page, VALUES)
    field(page, "topic").select_option("project")
    button = submit_button(page, lang)
    if failure == "closed":
        with endpoint.closed():
            button.click()
            expect(status(page)).to_contain_text(ui("form_fail_network", lang))
    elif failure == "timeout":
        endpoint.set_mode("slow")
        button.click()
        wait_for_posts(endpoint, 1)
        expect(button).to_be_disabled()
        expect(status(page)).to_have_text(ui("form_sending", lang))
        page.clock.fast_forward("00:16")
    else:
        endpoint.set_mode(failure)
        button.click()
    expect(status(page)).to_contain_text(ui(FAILURES[failure], lang))
    expect(status(page)).to_contain_text(ui("form_fail_kept", lang))
    expect(button).to_be_enabled()
    assert_values_kept(page, VALUES, "project")
    # The fallback carries the whole inquiry.
    fallback = page.get_by_role("link", name=ui("form_mailto_link", lang))
    expect(fallback).to_be_visible()
    recipient, query = mailto_parts(fallback.get_attribute("href"))
    assert recipient == "post@cpcluster.no"
    assert query["subject"] == expected_subject(lang, "project", path)
    for name in TEXT_FIELDS:
        assert VALUES[name].replace("\n", "\r\n") in query["body"], name
    assert ui("form_topic_project", lang) in query["body"]
    # The draft survives a failure.
    assert {name: draft(page)[name] for name in VALUES} == VALUES
    if failure == "rejected":
        # Errors tied to a field show there; the others in the status.
        email = field(page, "email")
        expect(email).to_be_focused()
        expect(email).to_have_attribute("aria-invalid", "true")
        expect(email).to_have_accessible_description(re.compile("should be an email"))
        expect(status(page)).to_contain_text("Submission <b>blocked</b> by spam filter")
    if failure == "rejected_plain":
        expect(status(page)).to_contain_text("This form is <i>disabled</i>")
    assert page.locator("form.cpc-form b, form.cpc-form i").count() == 0


def test_fallback_follows_later_edits(form_page, site_url, endpoint):
    page = form_page
    open_page(page, site_url + CONTACT[OTHER])
    fill_form(page, VALUES)
    endpoint.set_mode("server_error")
    submit_button(page, OTHER).click()
    fallback = page.get_by_role("link", name=ui("form_mailto_link", OTHER))
    expect(fallback).to_be_visible()
    field(page, "message").fill("A corrected message")
    assert "A corrected message" in mailto_parts(fallback.get_attribute("href"))[1]["body"]


def test_button_is_disabled_while_sending(form_page, site_url, endpoint):
    page = form_page
    open_page(page, site_url + CONTACT[DEFAULT])
    fill_form(page, VALUES)
    endpoint.set_mode("slow")
    button = submit_button(page, DEFAULT)
    button.click()
    expect(button).to_be_disabled()
    # Neither Enter in a field nor a scripted submit sends it again.
    field(page, "name").press("Enter")
    page.evaluate("document.querySelector('form.cpc-form').requestSubmit()")
    wait_for_posts(endpoint, 1)
    endpoint.release()
    expect(status(page)).to_have_text(ui("form_success", DEFAULT))
    assert len(endpoint.posts()) == 1


@pytest.mark.parametrize("lang", LOCALES)
def test_validation_messages(form_page, site_url, endpoint, lang):
    page = form_page
    open_page(page, site_url + CONTACT[lang])
    submit_button(page, lang).click()
    expect(field(page, "name")).to_be_focused()
    expect(status(page)).to_have_text(ui("form_error_summary", lang))
    for name, key in (("name", "form_error_name"), ("email", "form_error_email_missing"),
                      ("message", "form_error_message_missing")):
        error = page.locator(f"#cpc-form-{name}-error")
        expect(error).to_be_visible()
        expect(error).to_have_text(ui(key, lang))
        expect(field(page, name)).to_have_attribute("aria-invalid", "true")
        expect(field(page, name)).to_have_accessible_description(re.compile(re.escape(ui(key, lang))))
    for name in ("organisation", "phone"):
        expect(field(page, name)).not_to_have_attribute("aria-invalid", "true")
    # E-mail shape and message length.
    fill_form(page, {"name": "Kari", "email": "kari@example", "message": "x" * 5001})
    submit_button(page, lang).click()
    expect(field(page, "email")).to_be_focused()
    expect(page.locator("#cpc-form-email-error")).to_have_text(ui("form_error_email_invalid", lang))
    expect(page.locator("#cpc-form-message-error")).to_have_text(ui("form_error_message_long", lang).format(count=5001, max=5000))
    expect(page.locator("#cpc-form-name-error")).to_be_hidden()
    expect(page.locator("[data-cpc-count]")).to_have_text(ui("form_message_count", lang).format(count=5001, max=5000))
    assert endpoint.posts() == []
    # Corrected, it goes through and the errors are gone.
    fill_form(page, {"email": "kari@example.com", "message": "x" * 5000})
    submit_button(page, lang).click()
    expect(status(page)).to_have_text(ui("form_success", lang))
    expect(page.locator(".cpc-form__error:visible")).to_have_count(0)
    expect(field(page, "email")).not_to_have_attribute("aria-invalid", "true")
    assert len(endpoint.posts()) == 1


def test_honeypot_stays_empty_for_people(form_page, site_url, endpoint):
    page = form_page
    open_page(page, site_url + CONTACT[DEFAULT])
    trap = field(page, "_gotcha")
    expect(trap).to_be_hidden()
    assert ui("form_honeypot_label", DEFAULT) not in page.locator("form.cpc-form").aria_snapshot()
    # Tabbing through the whole form never lands on it.
    field(page, "name").focus()
    visited = []
    for _ in range(12):
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.name || document.activeElement.tagName"))
    assert "_gotcha" not in visited
    assert {"organisation", "email", "phone", "topic", "message", "A", "BUTTON"} <= set(visited)
    fill_form(page, VALUES)
    assert "_gotcha" not in draft(page)
    submit_button(page, DEFAULT).click()
    expect(status(page)).to_have_text(ui("form_success", DEFAULT))
    assert endpoint.posts()[0].fields["_gotcha"] == ""


def test_draft_survives_reload_and_navigation(form_page, site_url, endpoint):
    page, path = form_page, CONTACT[OTHER]
    open_page(page, site_url + path)
    fill_form(page, VALUES)
    field(page, "topic").select_option("project")
    page.reload()
    assert_values_kept(page, VALUES, "project")
    # A fresh navigation (no browser form restore) brings it back too.
    open_page(page, site_url)
    open_page(page, site_url + path)
    assert_values_kept(page, VALUES, "project")
    assert set(draft(page)) == {*VALUES, "topic"}
    expect(page.locator("[data-cpc-count]")).to_have_text(
        ui("form_message_count", OTHER).format(count=len(VALUES["message"]), max=5000))
    # Each page keeps its own draft.
    open_page(page, site_url + CONTACT[DEFAULT])
    expect(field(page, "name")).to_have_value("")


def tab_to(page, locator, limit: int = 120) -> None:
    """Press Tab (and nothing else) until `locator` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_keyboard_only(form_page, site_url, endpoint):
    page = form_page
    open_page(page, site_url + address("membership", DEFAULT))
    tab_to(page, field(page, "name"))
    # An empty send moves focus to the first invalid field.
    tab_to(page, submit_button(page, DEFAULT))
    page.keyboard.press("Enter")
    expect(field(page, "name")).to_be_focused()
    steps = [
        ("name", lambda: page.keyboard.type(VALUES["name"])),
        ("organisation", lambda: page.keyboard.type(VALUES["organisation"])),
        ("email", lambda: page.keyboard.type(VALUES["email"])),
        ("phone", lambda: page.keyboard.type(VALUES["phone"])),
        ("topic", lambda: page.keyboard.press("ArrowDown")),  # membership -> general
        ("message", lambda: page.keyboard.type("Hei fra tastaturet.")),
    ]
    for index, (name, action) in enumerate(steps):
        if index:
            page.keyboard.press("Tab")
        expect(field(page, name)).to_be_focused()
        action()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=ui("form_privacy_link", DEFAULT))).to_be_focused()
    page.keyboard.press("Tab")
    expect(submit_button(page, DEFAULT)).to_be_focused()
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text(ui("form_success", DEFAULT))
    sent = endpoint.posts()[0].fields
    assert (sent["name"], sent["email"], sent["topic"]) == (VALUES["name"], VALUES["email"], "general")
    assert sent["message"] == "Hei fra tastaturet."


def serve_as_production(context, site_url: str) -> None:
    """Answer https://www.cpcluster.no/... from the local build, so the page
    runs on its real origin (the CSP's 'self') and _next can be followed."""
    def handle(route):
        local = site_url + route.request.url[len(SITE):]
        try:
            with urllib.request.urlopen(local) as response:
                route.fulfill(status=response.status, headers={"Content-Type": response.headers["Content-Type"]}, body=response.read())
        except urllib.error.HTTPError as error:
            route.fulfill(status=error.code, headers={"Content-Type": error.headers["Content-Type"]}, body=error.read())
    context.route(SITE + "**", handle)


@pytest.mark.parametrize("lang", LOCALES)
def test_without_javascript(full_browser, site_url, endpoint, lang):
    context = full_browser.new_context(java_script_enabled=False)
    try:
        serve_as_production(context, site_url)
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(SITE + CONTACT[lang])
        fill_form(page, VALUES)
        submit_button(page, lang).click()
        # The endpoint sends the browser on to _next: the thank-you page.
        try:
            page.wait_for_url(SITE + address("thanks", lang), timeout=10_000)
        except PlaywrightTimeoutError:
            raise AssertionError(f"no thank-you page; still at {page.url}; console: {console}") from None
        expect(page.locator("html")).to_have_attribute("lang", lang)
        posts = endpoint.posts()
        assert len(posts) == 1
        sent = posts[0].fields
        assert {name: sent[name].replace("\r\n", "\n") for name in VALUES} == VALUES
        assert sent["_next"] == SITE + address("thanks", lang)
        assert sent["_subject"] == ui("form_subject_static", lang).format(language=lang, page="/" + CONTACT[lang])
        assert (sent["topic"], sent["_gotcha"]) == ("general", "")
        assert "consent" not in sent
        assert "application/json" not in posts[0].headers.get("Accept", "")
    finally:
        context.close()


NASTY = {
    "name": "<b>Ola</b> <script>window.__cpcInjected = 1</script>",
    "organisation": "שלום עולם – مرحبا بالعالم",
    "email": "ola@example.com",
    "message": "Hei 👋🏽 ♻️📦 <img src=x onerror=\"window.__cpcInjected = 2\">\nمرحبا بالعالم ‏(RTL)‏ עברית\n<script>window.__cpcInjected = 3</script>",
}


def test_markup_emoji_and_rtl_arrive_unchanged(form_page, site_url, endpoint):
    page = form_page
    open_page(page, site_url + CONTACT[OTHER])
    fill_form(page, NASTY)
    submit_button(page, OTHER).click()
    expect(status(page)).to_have_text(ui("form_success", OTHER))
    sent = endpoint.posts()[0].fields
    assert {name: sent[name] for name in NASTY} == NASTY
    # A failure puts input and server text on the page, as text only.
    fill_form(page, NASTY)
    endpoint.set_mode("rejected")
    submit_button(page, OTHER).click()
    expect(status(page)).to_contain_text("Submission <b>blocked</b> by spam filter")
    _, query = mailto_parts(page.get_by_role("link", name=ui("form_mailto_link", OTHER)).get_attribute("href"))
    assert NASTY["message"].replace("\n", "\r\n") in query["body"]
    page.reload()  # the draft brings it back unchanged, too
    for name, value in NASTY.items():
        expect(field(page, name)).to_have_value(value)
    assert page.evaluate("window.__cpcInjected") is None
    assert page.locator("form.cpc-form img, form.cpc-form b, form.cpc-form script").count() == 0


# --- accessibility of the states the script creates ------------------------------------


@pytest.mark.parametrize("path", FORM_PAGES)
def test_axe_with_errors_and_failures(form_page, site_url, endpoint, path):
    page, (lang, _) = form_page, FORM_PAGES[path]
    open_page(page, site_url + path)
    problems = []
    for scheme in ("default", "slate"):
        switch_scheme(page, scheme)
        problems += [f"[{scheme}, empty] {p}" for p in axe_violations(page)]
    submit_button(page, lang).click()
    expect(page.locator("#cpc-form-name-error")).to_be_visible()
    for scheme in ("default", "slate"):
        switch_scheme(page, scheme)
        problems += [f"[{scheme}, validation errors] {p}" for p in axe_violations(page)]
    fill_form(page, VALUES)
    endpoint.set_mode("rejected")
    submit_button(page, lang).click()
    expect(page.get_by_role("link", name=ui("form_mailto_link", lang))).to_be_visible()
    for scheme in ("default", "slate"):
        switch_scheme(page, scheme)
        problems += [f"[{scheme}, endpoint failure] {p}" for p in axe_violations(page)]
    assert not problems, "\n".join(problems)


# --- Nu HTML Checker -----------------------------------------------------------------

MINIMAL_PAGE = '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Form</title></head><body><main>{form}</main></body></html>'


def assert_valid_html(files: list[Path]) -> None:
    code, errors = nu_check(*files)
    assert code == 0 and not errors, f"Nu HTML Checker: {errors}"


def test_nu_html_checker(form_page, site_dir, site_url, endpoint, tmp_path):
    """The built form pages, and the form as the script leaves it after
    validation errors and after an endpoint failure."""
    files = [site_dir / address(role, lang) / "index.html"
             for lang in LOCALES for role in ("contact", "membership", "thanks", "privacy")]
    page = form_page
    for lang in LOCALES:
        open_page(page, site_url + CONTACT[lang])
        submit_button(page, lang).click()
        expect(page.locator("#cpc-form-name-error")).to_be_visible()
        states = {"errors": page.locator("form.cpc-form").evaluate("form => form.outerHTML")}
        fill_form(page, VALUES)
        endpoint.set_mode("rejected")
        submit_button(page, lang).click()
        expect(page.locator("#cpc-form-fallback")).to_be_visible()
        states["failure"] = page.locator("form.cpc-form").evaluate("form => form.outerHTML")
        for state, form in states.items():
            file = tmp_path / f"{lang}-{state}.html"
            file.write_text(MINIMAL_PAGE.format(lang=lang, form=form), encoding="utf-8")
            files.append(file)
    assert_valid_html(files)
