"""The workflow's publishing commands pass on the repository as it is (.github/workflows/site.yml).

The ``pages`` job's ``run:`` commands and the ``release`` job's build lines run in a fresh copy of
the repository (its tracked and new files, no ``site/``, no cache) with the job's environment; the
``gh`` upload lines are skipped, but the files they upload must exist. If someone changes the
workflow or the build so that the two disagree, this test fails before the deploy does.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PUBLISHING_JOBS = ("pages", "release")
# What GitHub would put in place of each expression the publishing jobs use; an expression not
# listed here fails the test, so a new one is looked at rather than silently replaced.
EXPRESSIONS = {
    "steps.pages.outputs.base_url": "https://example.github.io/archive",
    "github.ref_name": "v0.0.0-test",
    "github.token": "",
}
SKIPPED_COMMAND = re.compile(r"^\s*gh\s")  # needs GitHub's API: skipped, its files are checked instead


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def substitute(value: str) -> str:
    def one(match: re.Match) -> str:
        expression = match.group(1).strip()
        assert expression in EXPRESSIONS, f"the workflow uses ${{{{ {expression} }}}}: add it to EXPRESSIONS"
        return EXPRESSIONS[expression]

    return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def fresh_copy(target: Path) -> Path:
    """The repository's files as a fresh clone of this working tree would have them, with this venv."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return target


def step_env(job: dict, step: dict) -> dict[str, str]:
    env = dict(os.environ)
    for scope in (workflow().get("env") or {}, job.get("env") or {}, step.get("env") or {}):
        env.update({key: substitute(value) for key, value in scope.items()})
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def run_step(step: dict, env: dict[str, str], cwd: Path) -> list[str]:
    """Run a step's commands as GitHub does (bash -e -o pipefail); return the lines it skipped."""
    lines = step["run"].splitlines()
    skipped = [line for line in lines if SKIPPED_COMMAND.match(line)]
    script = "\n".join(line for line in lines if not SKIPPED_COMMAND.match(line))
    done = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, (f"`{step['run'].strip()}` failed ({done.returncode}) in {step.get('name')}:\n"
                                  f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return skipped


def uploaded_files(skipped: list[str], env: dict[str, str]) -> list[str]:
    """The files a skipped upload command names (e.g. the release's zip), with $VARS expanded."""
    files = []
    for line in skipped:
        for word in shlex.split(line):
            if re.search(r"\.(zip|tar\.gz)$", word):
                files.append(re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), word))
    return files


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    if sys.prefix == sys.base_prefix:
        pytest.skip("the tests do not run in a virtual environment for the copy to reuse (use scripts/test.sh)")
    return fresh_copy(tmp_path_factory.mktemp("clone") / "repo")


def test_the_workflow_has_its_publishing_jobs():
    jobs = workflow()["jobs"]
    assert set(PUBLISHING_JOBS) <= set(jobs)
    assert any("run" in step for name in PUBLISHING_JOBS for step in jobs[name]["steps"])


@pytest.mark.parametrize("job_name", PUBLISHING_JOBS)
def test_publishing_job_commands_pass_in_a_fresh_copy(job_name, copy):
    job = workflow()["jobs"][job_name]
    for step in job["steps"]:
        if "run" in step:
            env = step_env(job, step)
            skipped = run_step(step, env, copy)
            for name in uploaded_files(skipped, env):
                assert (copy / name).is_file(), f"{step.get('name')}: `{name}` was not made"
        elif "upload-pages-artifact" in step.get("uses", ""):
            folder = copy / substitute(step["with"]["path"])
            assert (folder / "index.html").is_file(), f"the pages artifact {folder} has no index.html"
