"""Gate: every href and src in the built site resolves (pages, anchors,
assets, both languages), at the domain root and under a sub-path as on
https://user.github.io/repo/. External links are only listed: there is no
internet here."""
from __future__ import annotations


from support import check_site, serve_site
from support.site import HOMES


def test_links_resolve_at_the_domain_root(site_dir, site_url):
    broken, external, checked = check_site(site_dir, site_url)
    print("External links (not checked):\n  " + "\n  ".join(sorted(external)))
    assert checked > 100
    assert not broken, "\n".join(broken)


def test_links_resolve_under_a_sub_path(sub_path_site):
    site_dir, url = sub_path_site
    broken, external, checked = check_site(site_dir, url)
    # Absolute links (canonical, og:image, og:url) now point here and are checked too.
    assert checked > 100
    assert not [link for link in external if link.startswith(url.removesuffix("/repo/"))]
    assert not broken, "\n".join(broken)


def test_the_checker_finds_broken_links(tmp_path):
    """A dead link, a missing anchor, a link out of the sub-path and a
    calendar subscription (webcal://) to a missing file are reported."""
    (tmp_path / "ok.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    with serve_site(tmp_path, prefix="/repo/") as url:
        webcal = "webcal" + url[url.index(":"):]
        for sub in HOMES:
            (tmp_path / sub).mkdir(exist_ok=True)
            (tmp_path / sub / "index.html").write_text(
                f'<a href="#nowhere">a</a><a href="gone/">b</a><a href="/elsewhere/">c</a>'
                f'<a href="{webcal}gone.ics">d</a><a href="{webcal}ok.ics">e</a>', encoding="utf-8")
        (tmp_path / "404.html").write_text("<p>404</p>", encoding="utf-8")
        broken, _, _ = check_site(tmp_path, url)
    assert len([b for b in broken if b.startswith(": ")]) == 4, broken
    assert not [b for b in broken if "ok.ics" in b], broken
