"""The GitHub files in .github/: valid against GitHub's schemas (offline, with
check-jsonschema's built-in copies), least privilege, and pinned actions."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml


ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
# owner/repo[/path]@<40 hex> # vX.Y[.Z]
PINNED = re.compile(r"^\s*-?\s*uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+\.\d+(\.\d+)?\s*$")


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; map it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def validate(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )


def test_both_workflows_exist():
    assert {path.name for path in WORKFLOWS} >= {"check.yml", "deploy.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_github_schema(workflow):
    result = validate("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_validation_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: make\n", encoding="utf-8")
    result = validate("vendor.github-workflows", broken)
    assert result.returncode != 0  # `runs-on` is missing


def test_dependabot_matches_schema_and_covers_pip_actions_and_the_editor_weekly():
    path = GITHUB / "dependabot.yml"
    result = validate("vendor.dependabot", path)
    assert result.returncode == 0, result.stdout + result.stderr
    updates = {update["package-ecosystem"]: update for update in load(path)["updates"]}
    assert set(updates) == {"pip", "github-actions", "npm"}
    assert updates["npm"]["directory"] == "/admin"
    assert all(update["schedule"]["interval"] == "weekly" for update in updates.values())


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_a_version_comment(workflow):
    # Our own reusable workflow (./.github/...) is part of the same commit.
    uses = [line for line in workflow.read_text(encoding="utf-8").splitlines()
            if re.match(r"^\s*-?\s*uses:", line) and "uses: ./" not in line]
    assert uses
    for line in uses:
        assert PINNED.match(line), f"{workflow.name}: not pinned to a full SHA with a `# vX.Y` comment: {line.strip()}"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_least_privilege_permissions(workflow):
    data = load(workflow)
    assert data["permissions"] == {}, "top level must grant nothing"
    allowed = {"contents": "read", "pages": "read"}
    for name, job in data["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"job {name} must list its own permissions"
        if name == "deploy":
            assert permissions == {"pages": "write", "id-token": "write"}
        elif name == "keep-schedule":
            assert permissions == {"actions": "write"} and job["if"] == "github.event_name == 'schedule'"
        else:
            assert permissions.items() <= allowed.items(), f"job {name} asks for more than read access: {permissions}"


def test_zizmor_finds_no_security_problem():
    """zizmor's offline audits: injection, over-broad permissions, credential persistence, ..."""
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--min-severity", "low", str(GITHUB / "workflows")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_a_known_problem(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request_target\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-24.04\n"
                   "    steps:\n      - uses: actions/checkout@v4\n      - run: echo ${{ github.event.pull_request.title }}\n",
                   encoding="utf-8")
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0


def run_order(workflow: dict) -> list[list[str]]:
    """Jobs in the order they can run: each stage needs only earlier ones."""
    jobs = {name: {job["needs"]} if isinstance(job.get("needs"), str) else set(job.get("needs") or [])
            for name, job in workflow["jobs"].items()}
    stages, done = [], set()
    while len(done) < len(jobs):
        ready = sorted(name for name, needs in jobs.items() if name not in done and needs <= done)
        assert ready, f"cycle in {jobs}"
        stages.append(ready)
        done |= set(ready)
    return stages


def test_a_commit_is_deployed_only_after_make_test_passed_on_it():
    deploy = load(GITHUB / "workflows" / "deploy.yml")
    check = load(GITHUB / "workflows" / "check.yml")
    assert "workflow_call" in check["on"]
    assert deploy["jobs"]["test"]["uses"] == "./.github/workflows/check.yml"
    assert run_order(deploy) == [["keep-schedule", "test"], ["build"], ["deploy"]]
    # The called workflow really runs the tests.
    steps = [step.get("run") for job in check["jobs"].values() for step in job["steps"]]
    assert "make test" in steps
    # The daily run keeps dated content current, and keeps itself switched on.
    assert deploy["on"]["schedule"]
    runs = [step["run"] for step in deploy["jobs"]["keep-schedule"]["steps"]]
    assert any("actions/workflows/deploy.yml/enable" in run for run in runs)


def test_both_workflows_build_with_make_build():
    for name in ("check.yml", "deploy.yml"):
        runs = [step.get("run", "") for job in load(GITHUB / "workflows" / name)["jobs"].values() for step in job.get("steps", [])]
        assert "make build" in runs, name
        assert not any("mkdocs build" in run for run in runs), name


def test_requirements_are_installed_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert makefile.count("--require-hashes") >= 2
    for name in ("requirements.txt", "requirements-test.txt"):
        lines = [line for line in (ROOT / name).read_text(encoding="utf-8").splitlines() if "==" in line]
        assert lines, name
        assert all("--hash=sha256:" in line or line.rstrip().endswith("\\") for line in lines), name


def test_pull_request_template_is_norwegian_with_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert any("begge språk" in box for box in boxes)
    assert any("forhåndsvisning" in box for box in boxes)


def test_cname_is_the_custom_domain():
    assert (ROOT / "docs" / "CNAME").read_text(encoding="utf-8").strip() == "www.cpcluster.no"
