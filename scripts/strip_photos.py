"""`make strip-photos`: remove position, camera data and other metadata from
the photos in docs/ that `make check` refuses for it, in place (same name,
same format, upright). For staff who add photos with Git; the content editor
cleans its uploads itself.

    python scripts/strip_photos.py [--docs DIR]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from cpc import image_inspect, rules, uploads  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="content folder (default: docs/)")
    docs = parser.parse_args(argv).docs.resolve()
    stripped = 0
    for finding in rules.check_uploads_for_position(docs):
        try:
            uploads.strip_metadata_in_place(finding.path)
        except image_inspect.TooLarge:  # make check's message says what to do
            print(f"{rules.shown(finding.path, ROOT)}: {finding.nb}")
            continue
        print(f"renset / stripped: {rules.shown(finding.path, ROOT)}")
        stripped += 1
    print(f"make strip-photos: {rules.counted(stripped, 'bilde', 'bilder')} renset. / "
          f"{rules.counted(stripped, 'photo', 'photos')} stripped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
