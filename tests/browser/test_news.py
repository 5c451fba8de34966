"""News and events in the reader's browser: search, sign-up, axe, and dates
that move on after the build."""
from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from support import (new_context, one_search, open_page, serve_site)
from support.site import (written, DEFAULT, LOCALES, in_languages, news_address, root)

OSLO = "Europe/Oslo"


def test_search_finds_posts(browser, sample_site):
    site, url, _ = sample_site
    log: list = []
    with serve_site(site, log=log) as logged_url:
        found = one_search(browser, logged_url + "om-klyngen/", "fiberemballasjen", log)
    assert found["results"] >= 1
    assert found["bytes"] > 0


# --- Sign-up, against the real local endpoint ------------------------------------------------

def fill_signup(page):
    page.fill("#cpc-form-name", "Kari Nordmann")
    page.fill("#cpc-form-email", "kari@example.com")


@pytest.mark.parametrize("lang", LOCALES)
def test_sign_up_reaches_the_endpoint_naming_the_event(browser, sample_site, contact_endpoint, lang):
    site, url, sample = sample_site
    posts = sample.posts
    title, _, _, event = posts["workshop"][lang]
    contact_endpoint.reset()
    context = new_context(browser)
    try:
        page = context.new_page()
        open_page(page, url + news_address(lang, "workshop"))
        fill_signup(page)
        page.locator("form.cpc-form button[type=submit]").click()
        expect(page.locator("#cpc-form-status")).to_contain_text(in_languages("Takk", "Thank you")[lang])
        [post] = contact_endpoint.wait_for(1)
        assert title in post.fields["_subject"] and written(event["start"][:10], lang) in post.fields["_subject"]
        assert post.fields["event"] == f"{title} ({written(event['start'][:10], lang)})"
        assert post.fields["name"] == "Kari Nordmann" and "topic" not in post.fields
        assert page.evaluate("window.__cpcViolations") == []
    finally:
        context.close()


def test_a_failed_sign_up_keeps_the_text_and_offers_mailto(browser, sample_site, contact_endpoint):
    site, url, _ = sample_site
    contact_endpoint.reset()
    contact_endpoint.set_mode("server_error")
    context = new_context(browser)
    try:
        page = context.new_page()
        open_page(page, url + news_address(DEFAULT, "workshop"))
        fill_signup(page)
        page.locator("form.cpc-form button[type=submit]").click()
        expect(page.locator("#cpc-form-fallback")).to_be_visible()
        assert page.input_value("#cpc-form-name") == "Kari Nordmann"
        mailto = page.locator("#cpc-form-fallback a").get_attribute("href")
        assert mailto.startswith("mailto:post@cpcluster.no?subject=")
        assert "Workshop" in urlsplit(mailto).query.replace("%20", " ")
    finally:
        contact_endpoint.set_mode("ok")
        context.close()


def test_sign_up_works_without_script(browser, sample_site, contact_endpoint):
    site, url, sample = sample_site
    posts = sample.posts
    contact_endpoint.reset()
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url + news_address(DEFAULT, "workshop"))
        fill_signup(page)
        page.locator("form.cpc-form button[type=submit]").click()
        [post] = contact_endpoint.wait_for(1)
        assert post.fields["event"].startswith(posts["workshop"][DEFAULT][0])
        assert post.fields["_subject"].startswith("Påmelding: " + posts["workshop"][DEFAULT][0])
    finally:
        context.close()


# --- Dated content without a rebuild ---------------------------------------------------------

def reader_clock(browser, when: datetime.date):
    """A browser context whose clock reads noon on `when` in Norway."""
    context = new_context(browser)
    context.clock.install(time=datetime.datetime.combine(when, datetime.time(12), __import__("zoneinfo").ZoneInfo(OSLO)))
    return context


def test_sign_up_closes_at_its_deadline_in_the_readers_browser(browser, sample_site, news_today):
    site, url, sample = sample_site
    posts = sample.posts
    deadline = datetime.date.fromisoformat(posts["workshop"][DEFAULT][3]["signup_until"])
    for when, open_now in ((deadline, True), (deadline + datetime.timedelta(days=1), False)):
        context = reader_clock(browser, when)
        try:
            page = context.new_page()
            open_page(page, url + news_address(DEFAULT, "workshop"))
            form, closed = page.locator("form.cpc-form"), page.locator(".cpc-post__signup [data-cpc-signup-closed]")
            if open_now:
                expect(form).to_be_visible()
                expect(closed).to_be_hidden()
            else:
                expect(form).to_be_hidden()
                expect(closed).to_be_visible()
        finally:
            context.close()


def test_a_past_event_leaves_upcoming_in_the_readers_browser(browser, sample_site):
    site, url, sample = sample_site
    posts = sample.posts
    # The day after the last upcoming event has ended.
    last_end = max(v[3]["end"][:10] for versions in posts.values() for v in versions.values() if v[3])
    ended = datetime.date.fromisoformat(last_end) + datetime.timedelta(days=1)
    for path in (news_address(DEFAULT), root(DEFAULT)):
        context = reader_clock(browser, ended)
        try:
            page = context.new_page()
            open_page(page, url + path)
            expect(page.locator("[data-cpc-upcoming]")).to_be_hidden()
        finally:
            context.close()
    context = reader_clock(browser, ended - datetime.timedelta(days=2))
    try:
        page = context.new_page()
        open_page(page, url + news_address(DEFAULT))
        expect(page.locator("[data-cpc-upcoming]")).to_be_visible()
    finally:
        context.close()
