"""Fast content checks for editors (`make check`): no browser, no site build.

Every finding names the file and line and says, in Norwegian and in English,
what to do. Errors make the command fail; warnings (translation freshness)
do not. The rules live in hooks/cpc/rules.py, and the build applies the same
ones. CONTRIBUTING.md explains every message.

    python scripts/check_content.py [--root DIR] [--docs DIR]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from cpc import rules  # noqa: E402


def github_escape(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if in_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def report(findings: list, notes: list[str], root: Path, page_count: int) -> int:
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in findings:
        print(rules.describe(finding, root))
        if on_github:
            # Shows the finding on the changed line in the pull request.
            print(
                f"::{finding.level} file={github_escape(rules.shown(finding.path, root), True)},line={finding.line},"
                f"title=make check::{github_escape(finding.nb + chr(10) + finding.en)}"
            )
    for note in notes:
        print(note)
    errors = sum(f.level == "error" for f in findings)
    print(f"make check: {rules.summary(errors, len(findings) - errors, page_count)}")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (mkdocs.yml, git)")
    parser.add_argument("--docs", type=Path, default=None, help="content folder (default: ROOT/docs)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    docs = (args.docs or root / "docs").resolve()
    if not docs.is_dir():
        print(f"make check: fant ikke mappen {docs} / folder not found: {docs}", file=sys.stderr)
        return 2
    if not (root / "mkdocs.yml").is_file():
        print(f"make check: fant ikke {root / 'mkdocs.yml'}, som sier hvilke språk nettstedet har. / "
              f"{root / 'mkdocs.yml'} not found: it names the site's languages.", file=sys.stderr)
        return 2
    findings, notes, pages = rules.check(root, docs)
    return report(findings, notes, root, pages)



if __name__ == "__main__":
    sys.exit(main())
