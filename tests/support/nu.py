"""The Nu HTML Checker, a current vnu.jar from the npm registry
(tests/tools/package.json): older copies reject valid CSP keywords such as
'wasm-unsafe-eval'."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from sitetools.build import ROOT

VNU_JAR = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_check(*paths: Path) -> tuple[int, list[dict]]:
    """Run the Nu HTML Checker over files or folders; (exit code, error messages)."""
    if shutil.which("java") is None:
        raise AssertionError("Java is needed for the Nu HTML Checker: apt-get install default-jre-headless")
    if not VNU_JAR.is_file():
        raise AssertionError(f"{VNU_JAR} is missing: run `make test` (it runs npm ci in tests/tools).")
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--errors-only",
                             *map(str, paths)], capture_output=True, text=True)
    output = result.stderr or result.stdout
    messages = json.loads(output).get("messages", []) if output.strip().startswith("{") else []
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    if result.returncode != 0 and not errors:
        raise AssertionError(f"the Nu HTML Checker failed:\n{result.stdout}\n{result.stderr}")
    return result.returncode, errors


