"""Each input is read and checked once per build (issue 26): the checks
`make check` runs are the build's one load pass (rules.load), in the first
language's build; the second language uses what it read."""
from __future__ import annotations

import json
import os
import subprocess
import sys

# Builds the project in this process's working directory, counting each
# read of a content file (datafile.read_text, which every page, post and
# data file goes through) and each run of the checks.
COUNTING_BUILD = r'''
import collections, json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1], strict=True)
import cpc.datafile, cpc.rules  # the modules the pipeline imported with the configuration
reads, checks = collections.Counter(), []
read_text, check = cpc.datafile.read_text, cpc.rules._check

def counted_read(path, label):
    reads[Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()] += 1
    return read_text(path, label)

def counted_check(*args, **kwargs):
    checks.append(args)
    return check(*args, **kwargs)

cpc.datafile.read_text, cpc.rules._check = counted_read, counted_check
build(config)
print(json.dumps({"reads": reads, "checks": len(checks)}))
'''


def test_each_page_post_and_data_file_is_read_once_per_two_language_build(sample, build_env, tmp_path):
    project = sample.project
    result = subprocess.run([sys.executable, "-c", COUNTING_BUILD, str(tmp_path / "site")], cwd=project,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **build_env}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    counted = json.loads(result.stdout.strip().splitlines()[-1])
    assert counted["checks"] == 1
    inputs = {p.relative_to(project).as_posix() for p in (project / "docs").rglob("*.md")}
    inputs |= {p.relative_to(project).as_posix() for p in (project / "data").glob("*.yml")}
    assert (tmp_path / "site" / "en" / "index.html").is_file()  # both languages were built
    assert any("/nyheter/" in path for path in inputs)  # the sample's posts are among them
    assert {path: counted["reads"].get(path, 0) for path in inputs} == {path: 1 for path in inputs}
