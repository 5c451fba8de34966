"""`make bench`: Lighthouse scores and build times. A benchmark, not a test.

- Builds the site (timed) and serves it gzip-compressed on 127.0.0.1 with
  tests/site_server.py, built for that address so canonical URLs match.
- Runs Lighthouse (npm package, pinned in bench/package.json, installed into
  bench/node_modules) in its default mobile mode with the system Chromium on
  the home, goals and contact pages in both languages.
- Times the build of a generated stress site with 500 extra pages per language.
- Prints a Markdown table and writes it to bench/results.md.

    python scripts/bench.py [--stress-pages 500] [--skip-stress]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, build_project, copy_project, find_chromium  # noqa: E402
from site_server import serve_site  # noqa: E402

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ["", "mal-og-fokus/", "kontakt/", "en/", "en/mal-og-fokus/", "en/kontakt/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The form endpoint must not be contacted; point it at a closed local port.
BUILD_ENV = {"CONTACT_FORM_ENDPOINT": "http://127.0.0.1:9/f/bench"}


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("make bench needs Node.js and npm (apt-get install nodejs npm).")
    lock = (BENCH / "package-lock.json").is_file()
    subprocess.run(["npm", "ci" if lock else "install", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def timed_build(project: Path, dest: Path, **env: str) -> float:
    start = time.perf_counter()
    result = build_project(project, dest, **env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def lighthouse(url: str, out: Path) -> dict:
    chrome_flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or find_chromium()}
    subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={chrome_flags}", f"--only-categories={','.join(CATEGORIES)}"],
        check=True, env=env,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "scores": [round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES],
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def stress_build(pages: int, work: Path) -> float:
    """Build a copy of the project with `pages` generated pages per language."""
    project = copy_project(work / "stress")
    docs = project / "docs" / "stress"
    docs.mkdir()
    paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 12
    for n in range(pages):
        for suffix, lang in ((".md", "nb"), (".en.md", "en")):
            (docs / f"side-{n:03d}{suffix}").write_text(
                f"---\ntitle: Stress {lang} {n}\ndescription: Generated page {n} for the build benchmark.\n---\n\n"
                f"# Stress {lang} {n}\n\n" + "".join(f"## Section {s}\n\n{paragraph}\n\n" for s in range(5)),
                encoding="utf-8")
    # The copied mkdocs.yml, with docs_dir pointed at the generated tree.
    config = project / "mkdocs.yml"
    config.write_text(f"docs_dir: {project / 'docs'}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    seconds = timed_build(project, work / "stress-site", **BUILD_ENV)
    built = len(list((work / "stress-site").rglob("side-*/index.html")))
    if built != 2 * pages:
        sys.exit(f"stress build made {built} generated pages, expected {2 * pages}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stress-pages", type=int, default=500)
    parser.add_argument("--skip-stress", action="store_true")
    args = parser.parse_args()
    ensure_lighthouse()
    rows = []
    with tempfile.TemporaryDirectory(prefix="cpc-bench-") as tmp:
        work = Path(tmp)
        site = work / "site"
        site.mkdir()
        with serve_site(site) as base:
            build_seconds = timed_build(ROOT, site, SITE_URL=base, **BUILD_ENV)
            for path in PAGES:
                print(f"Lighthouse: /{path}", file=sys.stderr)
                rows.append((path, lighthouse(base + path, work / "report.json")))
        stress_seconds = None if args.skip_stress else stress_build(args.stress_pages, work)

    lines = [
        "| Page | Performance | Accessibility | Best practices | SEO | LCP (s) | TBT (ms) | CLS | Bytes | Requests |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for path, r in rows:
        lines.append(f"| /{path} | " + " | ".join(str(s) for s in r["scores"])
                     + f" | {r['lcp']:.2f} | {r['tbt']:.0f} | {r['cls']:.3f} | {r['bytes'] / 1024:.1f} KiB | {r['requests']} |")
    lines.append("")
    lines.append(f"Full build: {build_seconds:.1f} s.")
    if stress_seconds is not None:
        lines.append(f"Stress build ({args.stress_pages} generated pages per language on top of the site): {stress_seconds:.1f} s.")
    lines.append("Lighthouse 12 in its default mobile mode (simulated throttling), Debian Chromium, site served gzip-compressed on 127.0.0.1.")
    missed = [path for path, r in rows if min(r["scores"]) < 100 or r["lcp"] >= 1.5]
    lines.append("Targets (every category 100, LCP under 1.5 s): " + ("met." if not missed else "missed on " + ", ".join(f"/{p}" for p in missed) + "."))
    table = "\n".join(lines)
    (BENCH / "results.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
