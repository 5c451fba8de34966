"""The two test processes (pytest-xdist, pytest.ini: -n 2 --dist loadgroup)."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Callable


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


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder both test processes share, filled by `make` in whichever
    asks first while the other waits: expensive things (the phone photos,
    the sample's project with its rendered images) are made once a run,
    and the tests that use them can still run on both processes."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            done.touch()
    return folder
