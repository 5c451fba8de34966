"""The GitHub files in .github/: valid against GitHub's schemas (offline, with
check-jsonschema's built-in copies), least privilege, and pinned actions."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
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


def test_dependabot_matches_schema_and_covers_pip_and_actions_weekly():
    path = GITHUB / "dependabot.yml"
    result = validate("vendor.dependabot", path)
    assert result.returncode == 0, result.stdout + result.stderr
    updates = {update["package-ecosystem"]: update for update in load(path)["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    assert all(update["schedule"]["interval"] == "weekly" for update in updates.values())


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_a_version_comment(workflow):
    uses = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*-?\s*uses:", line)]
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
        else:
            assert permissions.items() <= allowed.items(), f"job {name} asks for more than read access: {permissions}"


def test_check_workflow_runs_make_test_with_history_browser_and_preview():
    data = load(GITHUB / "workflows" / "check.yml")
    assert "pull_request" in data["on"]
    assert data["on"]["push"]["branches"] == ["main"]
    [job] = data["jobs"].values()
    steps = job["steps"]
    by_action = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert by_action["actions/checkout"]["with"]["fetch-depth"] == 0
    assert by_action["actions/setup-python"]["with"]["cache"] == "pip"
    test_step = next(step for step in steps if step.get("run") == "make test")
    assert test_step["env"]["CHROMIUM_PATH"]
    assert any(step.get("run") == "make build" for step in steps)
    assert by_action["actions/upload-artifact"]["with"]["path"] == "site/"


def test_deploy_workflow_publishes_to_pages():
    data = load(GITHUB / "workflows" / "deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in data["on"]
    assert data["concurrency"]["group"]
    assert data["concurrency"]["cancel-in-progress"] is False
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    build_actions = [step["uses"].split("@")[0] for step in build["steps"] if "uses" in step]
    assert build_actions == ["actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/upload-pages-artifact"]
    checkout = build["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    pages_step = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/configure-pages@"))
    build_step = next(step for step in build["steps"] if "mkdocs build" in step.get("run", ""))
    assert "--strict" in build_step["run"]
    assert build_step["env"]["SITE_URL"].startswith(f"${{{{ steps.{pages_step['id']}.outputs.base_url }}}}")
    assert build_step["env"]["CONTACT_FORM_ENDPOINT"] == "${{ vars.CONTACT_FORM_ENDPOINT }}"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert data["env"]["NO_MKDOCS_2_WARNING"] == "1"


def test_pull_request_template_is_norwegian_with_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert any("begge språk" in box for box in boxes)
    assert any("forhåndsvisning" in box for box in boxes)


def test_cname_is_the_custom_domain():
    assert (ROOT / "docs" / "CNAME").read_text(encoding="utf-8").strip() == "www.cpcluster.no"


def test_cname_is_copied_once_to_the_site_root(site_dir):
    found = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("CNAME"))
    assert found == ["CNAME"]
    assert (site_dir / "CNAME").read_text(encoding="utf-8").strip() == "www.cpcluster.no"
