"""`make bench`: what a reader pays, at today's size and at 1000 pages per
language, and Lighthouse side by side. A benchmark, not a test: it measures
and reports; the browser tests hold the budgets.

1. Size: builds the site and a stress copy with generated news posts (1000
   per language by default). For each: build time, search index on disk,
   first view (bytes and requests until the network is idle, cold cache) of
   the home, news and contact pages, and one search (bytes, requests and
   milliseconds from typing to results), all in Debian's Chromium, served
   gzip-compressed like GitHub Pages.
2. The alternative we did not choose: the same stress copy with Material's
   own search plugin, whose whole per-language index a lazily loaded lunr
   search would fetch for one query.
3. Lighthouse (bench/package.json) in its default mobile mode, side by side
   in one run: our home page, a stock Material page built with the same
   pinned version, and our home page's HTML with its CSS and JS removed (the
   floor). Median LCP of three runs each, and the two ratios.

Prints the tables, writes them to bench/results.md and puts them in the
README, between its `bench:start` and `bench:end` markers.

    python scripts/bench.py [--pages 1000] [--runs 3] [--skip-lighthouse]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))
from sitetools.browser import CHROMIUM_ARGS, find_chromium, first_view, one_search  # noqa: E402
from sitetools.build import build_project, copy_project  # noqa: E402
from sitetools.server import serve_site  # noqa: E402
from cpc import cms, places  # noqa: E402
from cpc.bilingual import Languages  # noqa: E402

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
# The form endpoint must not be contacted; point it at a closed local port.
BUILD_ENV = {"CONTACT_FORM_ENDPOINT": "http://127.0.0.1:9/f/bench"}
# Addresses from mkdocs.yml and hooks/cpc/places.py: the default language's
# pages at the root, the translated language's under its folder.
LANGUAGES = Languages.from_mkdocs_yml(ROOT / "mkdocs.yml")
TRANSLATED_ROOT = LANGUAGES.root(next(lang for lang in LANGUAGES.locales if lang != LANGUAGES.default))
PAGE, TRANSLATED_PAGE = places.links(""), places.links(TRANSLATED_ROOT)
VIEW_PAGES = ["", PAGE["news"], PAGE["contact"], PAGE["goals"], TRANSLATED_ROOT, TRANSLATED_PAGE["contact"]]
QUERIES = {"": "emballasjens", TRANSLATED_ROOT: "recycling"}
BUDGET = {"first_view_bytes": 80 * 1024, "first_view_requests": 8, "search_bytes": 150 * 1024}


# --- Building ------------------------------------------------------------------

def timed_build(project: Path, dest: Path, **env: str) -> float:
    start = time.perf_counter()
    result = build_project(project, dest, **env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def vocabulary(seed: int = 1) -> list[str]:
    """Words for generated text: the site's own, and many made-up ones, so
    the index grows the way twenty years of real news would make it grow."""
    words = set()
    for path in (ROOT / "docs").rglob("*.md"):
        words.update(w.lower() for w in re.findall(r"[A-Za-zÆØÅæøå]{4,}", path.read_text(encoding="utf-8")))
    rng = random.Random(seed)
    syllables = ["ka", "ro", "sel", "vik", "mar", "tu", "len", "sto", "pla", "ber", "gen", "fi", "ber", "dal", "nes"]
    while len(words) < 20000:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def write_stress_posts(project: Path, count: int) -> None:
    """`count` news posts per language, a year of dates each ~50 posts."""
    words, rng = vocabulary(), random.Random(2)
    folder = project / "docs" / places.NEWS
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        year, day = 2007 + n // 50, 1 + (n % 50) * 7
        date = f"{year}-{1 + (day - 1) // 31 % 12:02d}-{1 + (day - 1) % 28:02d}"
        for suffix in (".md", ".en.md"):
            text = "\n\n".join(" ".join(rng.choice(words) for _ in range(70)).capitalize() + "." for _ in range(5))
            title = " ".join(rng.choice(words) for _ in range(5)).capitalize()
            (folder / f"stress-{n:04d}{suffix}").write_text(
                f"---\ntitle: {title}\ndescription: Generated post {n} for the benchmark.\ndate: {date}\n---\n\n"
                f"{text}\n", encoding="utf-8")


def with_material_search(project: Path) -> None:
    """The rejected alternative: Material's own lunr search, built beside ours."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("plugins:\n", 'plugins:\n  - search:\n      lang: ["no", en]\n', 1)
    config.write_text(text, encoding="utf-8")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


# --- Measuring in the browser ---------------------------------------------------------

def measure(browser, base: str, log: list, site: Path) -> dict:
    views = {path: first_view(browser, base + path) for path in VIEW_PAGES if (site / path / "index.html").exists()}
    searches = {path: one_search(browser, base + path, query, log) for path, query in QUERIES.items()}
    return {"views": views, "searches": searches}


def lighthouse(url: str, out: Path) -> dict:
    chrome_flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or find_chromium()}
    subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags={chrome_flags}", "--only-categories=performance"], check=True, env=env)
    audits = json.loads(out.read_text(encoding="utf-8"))["audits"]
    return {"lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "fcp": audits["first-contentful-paint"]["numericValue"] / 1000}


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("make bench needs Node.js and npm (apt-get install nodejs npm).")
    subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def stock_material(work: Path) -> Path:
    """A stock Material page with our home page's text, same pinned version."""
    project = work / "stock"
    (project / "docs").mkdir(parents=True)
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    (project / "docs" / "index.md").write_text(re.sub(r"\A---.*?---\n", "", home, flags=re.S), encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Circular Packaging Cluster\ntheme:\n  name: material\n", encoding="utf-8")
    return project


def floor_page(built_home: Path, dest: Path) -> None:
    """Our home page's HTML with every stylesheet, style and script removed."""
    html = built_home.read_text(encoding="utf-8")
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
    html = re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)
    html = re.sub(r'<link rel="stylesheet"[^>]*>', "", html)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "index.html").write_text(html, encoding="utf-8")


def side_by_side(browser_free_work: Path, runs: int) -> dict:
    ensure_lighthouse()
    root = browser_free_work / "lighthouse"
    root.mkdir()
    (root / "404.html").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    with serve_site(root) as base:
        timed_build(ROOT, root / "ours", SITE_URL=base + "ours/", **BUILD_ENV)
        stock = stock_material(browser_free_work)
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "stock")], cwd=stock,
                                capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode != 0:
            sys.exit(f"stock Material build failed:\n{result.stderr}")
        floor_page(root / "ours" / "index.html", root / "floor")
        lcp = {}
        for name in ("ours", "stock", "floor"):
            values = [lighthouse(f"{base}{name}/", browser_free_work / "report.json")["lcp"] for _ in range(runs)]
            lcp[name] = statistics.median(values)
            print(f"Lighthouse {name}: {', '.join(f'{v:.2f}' for v in values)} s", file=sys.stderr)
    return lcp


# --- Design choices: page CSS and script loading ------------------------------------------

VISIT = ["", f"{places.PAGES['focus_areas']}/resirkulering/", PAGE["contact"]]
VARIANTS = {
    "ours": "(a) each page's own CSS inline; scripts loaded after the first paint (as built)",
    "stylesheet": "(b) one cached, versioned stylesheet; scripts loaded after the first paint",
    "defer": "(a) each page's own CSS inline; scripts with `defer`",
    "stylesheet-defer": "(b) one cached, versioned stylesheet; scripts with `defer`",
}


def variant(site: Path, dest: Path, change) -> None:
    """A copy of the built site with `change(html, page_file) -> html` applied
    to every public page (the staff's editor at /admin/ is not one)."""
    shutil.copytree(site, dest)
    for page in dest.rglob("*.html"):
        if page.relative_to(dest).parts[0] == cms.ADMIN_DIR:
            continue
        page.write_text(change(page.read_text(encoding="utf-8"), page), encoding="utf-8")


def with_stylesheet(site: Path, dest: Path, base_path: str) -> None:
    """(b): one cached, versioned stylesheet with all of Material's CSS and ours, instead of each page's own."""
    from mkdocs.config import load_config
    from cpc import assets

    theme_dirs = load_config(config_file=str(ROOT / "mkdocs.yml")).theme.dirs
    texts = [assets.theme_file(theme_dirs, p).read_text(encoding="utf-8") for p in assets.MATERIAL_CSS]
    css = "\n".join(assets.SOURCE_MAP.sub("", t) for t in texts + [(ROOT / "docs" / assets.OUR_CSS).read_text(encoding="utf-8")])
    name = f"assets/stylesheets/site.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"

    def change(html: str, page: Path) -> str:
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        return re.sub(r"<style>.*?</style>", f'<link rel="stylesheet" href="{base_path}{name}">', html, count=1, flags=re.S)

    variant(site, dest, change)
    (dest / name).write_text(css, encoding="utf-8")


def with_defer(site: Path, dest: Path) -> None:
    """Material's script and ours loaded the plain way: `defer`, in the page."""
    def change(html: str, page: Path) -> str:
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        material = json.loads(re.search(r"<script type=\"application/json\" data-cpc-material>(.*?)</script>", html).group(1))
        ours = re.search(r'load\(("[^"]*cpc-site\.js")\)', html).group(1)
        html = re.sub(r"<script>\s*requestAnimationFrame\(.*?</script>", "", html, flags=re.S)
        tags = f'<script defer src="{material}"></script><script defer src={ours}></script>'
        return html.replace("</head>", tags + "</head>")

    variant(site, dest, change)


def visit(browser, base: str, paths: list[str]) -> dict:
    """Bytes and requests of a reader's visit to `paths` in turn, with the browser's cache."""
    from sitetools.browser import new_context, open_page
    context = new_context(browser)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        sizes = {}
        cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
        cdp.on("Network.requestServedFromCache", lambda event: sizes.__setitem__(event["requestId"], 0))
        cdp.send("Network.enable")
        for path in paths:
            open_page(page, base + path)
    finally:
        context.close()
    return {"bytes": sum(sizes.values()), "requests": sum(1 for size in sizes.values() if size)}


def design_choices(work: Path, runs: int, lighthouse_runs: bool) -> dict:
    """Page CSS (a) inline per page vs (b) one cached stylesheet, and Material's
    script with `defer` vs injected after the first paint: LCP, first view, and
    a three-page visit."""
    from playwright.sync_api import sync_playwright

    root = work / "choices"
    root.mkdir()
    (root / "404.html").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    results = {}
    with serve_site(root) as base, sync_playwright() as playwright:
        timed_build(ROOT, root / "ours", SITE_URL=base + "ours/", **BUILD_ENV)
        with_stylesheet(root / "ours", root / "stylesheet", "/stylesheet/")
        with_defer(root / "ours", root / "defer")
        with_stylesheet(root / "defer", root / "stylesheet-defer", "/stylesheet-defer/")
        floor_page(root / "ours" / "index.html", root / "floor")
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for name in VARIANTS:
            view = first_view(browser, f"{base}{name}/")
            results[name] = {"first_view": view, "visit": visit(browser, f"{base}{name}/", VISIT)}
        browser.close()
        if lighthouse_runs:
            ensure_lighthouse()
            for name in (*VARIANTS, "floor"):
                values = [lighthouse(f"{base}{name}/", work / "report.json")["lcp"] for _ in range(runs)]
                results.setdefault(name, {})["lcp"] = statistics.median(values)
                print(f"Lighthouse {name}: {', '.join(f'{v:.2f}' for v in values)} s", file=sys.stderr)
    return results


def choices_report(results: dict) -> list[str]:
    lines = ["### Design choices: page CSS and script loading (home page)", "",
             "| variant | LCP (Lighthouse mobile) | LCP / floor | first view | visit: home → focus area → contact |",
             "| --- | ---: | ---: | ---: | ---: |"]
    floor = results.get("floor", {}).get("lcp")
    for name, label in VARIANTS.items():
        r = results[name]
        lcp = f"{r['lcp']:.2f} s" if "lcp" in r else "–"
        ratio = f"{r['lcp'] / floor:.2f}" if "lcp" in r and floor else "–"
        lines.append(f"| {label} | {lcp} | {ratio} | {kib(r['first_view']['bytes'])} in {len(r['first_view']['eager'])} "
                     f"requests | {kib(r['visit']['bytes'])} in {r['visit']['requests']} requests |")
    if floor:
        lines.append(f"| HTML alone (floor) | {floor:.2f} s | 1.00 | – | – |")
    lines += ["", "Rule: keep the simpler design, (b) and `defer`, unless the other is at least 10 % faster in LCP, "
              "or only the other holds the home page within 1.2 × the floor and its first view within 80 KiB with "
              "10 KiB to spare for the pictures and logos a page may carry. The visit is served with GitHub "
              "Pages' caching (ten minutes, then ETag).", ""]
    return lines


# --- Photos (issue 16) -------------------------------------------------------------------

PHOTO_COUNT = 20
PHOTO_POST = f"{places.NEWS}/foto-01/"
# Layout shifts as the page loads, summed (CLS), and what the lead picture shows.
MEASURE_PHOTO = """async () => {
  const shifts = await new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
      .observe({ type: "layout-shift", buffered: true });
    requestAnimationFrame(() => setTimeout(() => resolve(total), 300));
  });
  const img = document.querySelector(".cpc-post__image img");
  const file = new Image(); file.src = img.currentSrc; await file.decode();
  return { cls: shifts, natural: file.naturalWidth, shown: img.getBoundingClientRect().width, dpr: devicePixelRatio };
}"""
MEASURE_SHIFTS = MEASURE_PHOTO.split("  const img =")[0] + "  return shifts;\n}"
SCREENS = {"390 px, DPR 3": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True},
           "1366 px, DPR 1": {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1}}


def write_photo_posts(project: Path, count: int, with_photos: bool) -> None:
    """`count` posts, each with its own phone photo (a different crop of the
    tiled real photographs, with EXIF orientation and camera data; no GPS,
    which `make check` refuses in a committed upload)."""
    from sitetools.photos import save_phone_jpeg, tiled_upright_photo

    folder = project / "docs" / places.NEWS
    folder.mkdir(parents=True, exist_ok=True)
    big = tiled_upright_photo((3000 + 10 * count, 4000)) if with_photos else None
    for n in range(1, count + 1):
        lines = ["---", f"title: Besøk nummer {n}", "description: Et besøk.", f"date: 2026-01-{n:02d}"]
        if with_photos:
            save_phone_jpeg(big.crop((10 * n, 0, 10 * n + 3000, 4000)), folder / f"foto-{n:02d}.jpg", position=False)
            lines += [f"image: foto-{n:02d}.jpg", "image_alt: Et besøk", "image_credit: Fotograf"]
        (folder / f"foto-{n:02d}.md").write_text("\n".join(lines) + "\n---\n\nTekst.\n", encoding="utf-8")


def photo_bench(work: Path, runs: int, lighthouse_runs: bool) -> dict:
    from playwright.sync_api import sync_playwright

    from sitetools.browser import new_context, open_page

    results = {}
    plain = copy_project(work / "photos-none")
    write_photo_posts(plain, PHOTO_COUNT, with_photos=False)
    results["build_without"] = timed_build(plain, work / "photos-none-site", **BUILD_ENV)
    project = copy_project(work / "photos")
    write_photo_posts(project, PHOTO_COUNT, with_photos=True)
    root = work / "photos-site"
    root.mkdir()
    with serve_site(root) as base:
        results["cold"] = timed_build(project, root, SITE_URL=base, **BUILD_ENV)
        cache = project / ".cache" / "images"
        before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
        results["warm"] = timed_build(project, root, SITE_URL=base, **BUILD_ENV)
        results["encoded_again"] = sum(1 for p in cache.rglob("*") if p.is_file() and before.get(p) != p.stat().st_mtime_ns)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            for name, screen in SCREENS.items():
                view = first_view(browser, base + PHOTO_POST, **screen)
                picture = [size for url, size in view["eager"] if "/foto-01." in url]
                context = new_context(browser, **screen)
                page = context.new_page()
                open_page(page, base + PHOTO_POST)
                shown = page.evaluate(MEASURE_PHOTO)
                cls = {}
                for path in (PAGE["news"], ""):  # the thumbnails' pages
                    open_page(page, base + path)
                    cls[path] = page.evaluate(MEASURE_SHIFTS)
                context.close()
                results[name] = {"bytes": view["bytes"], "requests": len(view["eager"]), "image": sum(picture),
                                 **shown, "cls_news": cls[PAGE["news"]], "cls_home": cls[""]}
            browser.close()
        if lighthouse_runs:
            ensure_lighthouse()
            for name, path in (("photo post", PHOTO_POST), ("home", "")):
                values = [lighthouse(base + path, work / "report.json")["lcp"] for _ in range(runs)]
                results[f"lcp {name}"] = statistics.median(values)
    return results


def photo_report(r: dict) -> list[str]:
    lines = ["### Photos: a post with a phone photo (4000×3000 JPEG with camera data)", "",
             "| screen | first view | the picture | picture's width / (shown × DPR) | CLS post / news / home |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name in SCREENS:
        m = r[name]
        lines.append(f"| {name} | {kib(m['bytes'])} in {m['requests']} requests | {kib(m['image'])} | "
                     f"{m['natural']} / {m['shown'] * m['dpr']:.0f} = {m['natural'] / (m['shown'] * m['dpr']):.2f} | "
                     f"{m['cls']:.3f} / {m['cls_news']:.3f} / {m['cls_home']:.3f} |")
    lines += ["", f"Build with {PHOTO_COUNT} photo posts: cold {r['cold']:.1f} s, warm {r['warm']:.1f} s "
              f"({r['encoded_again']} files encoded again); the same posts without photos {r['build_without']:.1f} s. "
              f"Cold: {(r['cold'] - r['build_without']) / PHOTO_COUNT:.2f} s more per photo (budget 3 s); warm / without: "
              f"{r['warm'] / r['build_without']:.2f} (budget 1.2).", ""]
    if "lcp photo post" in r:
        lines += [f"Lighthouse mobile LCP: photo post {r['lcp photo post']:.2f} s, home {r['lcp home']:.2f} s, ratio "
                  f"{r['lcp photo post'] / r['lcp home']:.2f} (budget 1.6).", ""]
    return lines


# --- Report ----------------------------------------------------------------------------

def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def report(sizes: dict, lunr: dict, lcp: dict | None, pages: int, choices: dict, photos: dict) -> str:
    lines = choices_report(choices) + photo_report(photos) + ["### Size and speed", "",
             f"| | the site | with {pages} news posts per language |", "| --- | ---: | ---: |"]
    small, big = sizes["site"], sizes["stress"]
    lines.append(f"| build time | {small['build']:.1f} s | {big['build']:.1f} s |")
    lines.append(f"| search index on disk (both languages) | {kib(small['index'])} | {kib(big['index'])} |")
    news_cell = lambda size: kib(size) if size else "no news page (no posts)"
    lines.append(f"| news page /{PAGE['news']}, gzipped | {news_cell(small['news_page'])} | {news_cell(big['news_page'])} |")
    for path in VIEW_PAGES:
        a, b = small["browser"]["views"].get(path), big["browser"]["views"].get(path)
        cell = lambda v: f"{kib(v['bytes'])} in {len(v['eager'])} requests" if v else "–"
        lines.append(f"| first view /{path} | {cell(a)} | {cell(b)} |")
    for path, query in QUERIES.items():
        a, b = small["browser"]["searches"][path], big["browser"]["searches"][path]
        cell = lambda s: f"{kib(s['bytes'])} in {len(s['requests'])} requests, {s['ms']:.0f} ms, {s['results']} results"
        lines.append(f"| one search from /{path} («{query}») | {cell(a)} | {cell(b)} |")
    worst_view = max((v for s in (small, big) for v in s["browser"]["views"].values()), key=lambda v: v["bytes"])
    worst_requests = max(len(v["eager"]) for s in (small, big) for v in s["browser"]["views"].values())
    worst_search = max(s["bytes"] for s in big["browser"]["searches"].values())
    lines += ["", f"Build with {pages} posts per language: {big['build']:.1f} s (budget 30 s); news page "
              f"{news_cell(big['news_page'])} gzipped (budget 30 KiB).",
              "", f"Budgets: first view ≤ 80 KiB in ≤ 8 requests (worst: {kib(worst_view['bytes'])}, "
              f"{worst_requests} requests); one search ≤ 150 KiB at {pages} posts per language "
              f"(worst: {kib(worst_search)}): "
              + ("met." if worst_view["bytes"] <= BUDGET["first_view_bytes"] and worst_requests <= BUDGET["first_view_requests"]
                 and worst_search <= BUDGET["search_bytes"] else "MISSED."), ""]
    lines += ["### The alternative: Material's lunr search, loaded lazily", "",
              f"With {pages} posts per language, one search would fetch the whole index: "
              f"{kib(lunr['index_gz'])} gzipped for both languages ({kib(lunr['index_gz'] / 2)} a language), "
              f"plus {kib(lunr['runtime_gz'])} of worker and lunr language files. Pagefind fetches only the "
              "chunks a query needs (above).", ""]
    if lcp:
        lines += ["### Largest Contentful Paint (Lighthouse, mobile, median of runs)", "",
                  "| our home | stock Material | our HTML alone (floor) | ours / stock | ours / floor |",
                  "| ---: | ---: | ---: | ---: | ---: |",
                  f"| {lcp['ours']:.2f} s | {lcp['stock']:.2f} s | {lcp['floor']:.2f} s | "
                  f"{lcp['ours'] / lcp['stock']:.2f} | {lcp['ours'] / lcp['floor']:.2f} |", "",
                  "Targets: ours ≤ stock Material, and ≤ 1.2 × the floor: "
                  + ("met." if lcp["ours"] <= lcp["stock"] and lcp["ours"] <= 1.2 * lcp["floor"] else "MISSED."), ""]
    lines.append("Debian Chromium, served gzip-compressed on 127.0.0.1 by sitetools/server.py; Lighthouse 12 simulated "
                 "mobile throttling.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--choices-only", action="store_true", help="only the page CSS and script loading comparison")
    parser.add_argument("--photos-only", action="store_true", help="only the photo measurements")
    args = parser.parse_args()
    if args.photos_only:
        with tempfile.TemporaryDirectory(prefix="cpc-bench-") as tmp:
            print("\n".join(photo_report(photo_bench(Path(tmp), args.runs, not args.skip_lighthouse))))
        return
    if args.choices_only:
        with tempfile.TemporaryDirectory(prefix="cpc-bench-") as tmp:
            print("\n".join(choices_report(design_choices(Path(tmp), args.runs, not args.skip_lighthouse))))
        return
    from playwright.sync_api import sync_playwright

    sizes = {}
    with tempfile.TemporaryDirectory(prefix="cpc-bench-") as tmp:
        work = Path(tmp)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            for name, count in (("site", 0), ("stress", args.pages)):
                project = copy_project(work / name)
                if count:
                    write_stress_posts(project, count)
                site = work / f"{name}-site"
                site.mkdir()
                log: list = []
                with serve_site(site, log=log) as base:
                    seconds = timed_build(project, site, SITE_URL=base, **BUILD_ENV)
                    print(f"{name}: built in {seconds:.1f} s", file=sys.stderr)
                    news_page = site / places.NEWS / "index.html"
                    sizes[name] = {"build": seconds, "index": folder_size(site / "pagefind"),
                                   "news_page": gzip_size(news_page) if news_page.exists() else None,
                                   "browser": measure(browser, base, log, site)}
            browser.close()

        project = copy_project(work / "lunr")
        write_stress_posts(project, args.pages)
        with_material_search(project)
        timed_build(project, work / "lunr-site", **BUILD_ENV)
        material = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts"
        runtime = [*material.glob("workers/search.*.min.js"), *(material / "lunr").glob("min/lunr.stemmer.support.min.js"),
                   *(material / "lunr").glob("min/lunr.no.min.js"), *(material / "lunr").glob("min/lunr.multi.min.js"),
                   *(material / "lunr").glob("tinyseg.js")]
        lunr = {"index_gz": gzip_size(work / "lunr-site" / "search" / "search_index.json"),
                "runtime_gz": sum(gzip_size(p) for p in runtime)}

        lcp = None if args.skip_lighthouse else side_by_side(work, args.runs)
        choices = design_choices(work, args.runs, not args.skip_lighthouse)
        photos = photo_bench(work, args.runs, not args.skip_lighthouse)
    table = report(sizes, lunr, lcp, args.pages, choices, photos)
    (BENCH / "results.md").write_text(table + "\n", encoding="utf-8")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        readme.write_text(before + start + "\n" + table + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
