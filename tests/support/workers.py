"""The two test processes (pytest-xdist, pytest.ini: -n 2 --dist loadgroup)."""
from __future__ import annotations

import os


def once_per_run(tmp_path_factory, name: str) -> None:
    """Fail if another test process already made `name` in this run: the
    tests that use it share an xdist_group (pytest.ini: --dist loadgroup),
    so that one process makes it. Guards against the grouping silently
    stopping, as it did with pytest 9.2 (pytest-xdist#1386)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        mark = tmp_path_factory.getbasetemp().parent / f"{name}.made"
        try:
            mark.touch(exist_ok=False)
        except FileExistsError:
            raise AssertionError(f"{name} is made a second time in this run: --dist loadgroup did not group its tests")
