"""`make check` (scripts/check_content.py) run in this process: the same
main() and output as the command, without a Python start-up per case."""
from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import subprocess
from pathlib import Path

from sitetools.build import ROOT

SCRIPT = ROOT / "scripts" / "check_content.py"


@contextlib.contextmanager
def _environment(**env: str):
    saved = dict(os.environ)
    os.environ.update({"GITHUB_ACTIONS": "", **env})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_check(root: Path, docs: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run `make check` on a project folder; the result as a subprocess would give it."""
    spec = importlib.util.spec_from_file_location("check_content", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    args = ["--root", str(root)] + (["--docs", str(docs)] if docs is not None else [])
    out, err = io.StringIO(), io.StringIO()
    with _environment(**env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = script.main(args)
    return subprocess.CompletedProcess(["make", "check"], code, out.getvalue(), err.getvalue())
