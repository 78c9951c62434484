"""The site builds under MkDocs and under ProperDocs (its maintained continuation), byte for byte alike."""
import os
import subprocess
import sys

import pytest

from benchmarks.compare_builds import compare
from build_tools.publish import engines
from tests.conftest import copy_seeds
from tests.support.paths import ROOT

GENERATOR_TAG = 'content="mkdocs-[^"]*"'  # "mkdocs-1.6.1, …" or "mkdocs-ProperDocs 1.6.7, …"


def build_with(engine: str, source, out, registry) -> None:
    """One CLI build in its own process: a process runs a single engine (engines.select)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    done = subprocess.run([sys.executable, "-m", "build_tools", "build", "--engine", engine, "--source", str(source),
                           "--out", str(out), "--registry", str(registry), "--no-cache"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def test_the_seed_site_is_the_same_under_mkdocs_and_properdocs(tmp_path):
    source = copy_seeds(tmp_path / "source")
    for engine in engines.ENGINES:
        build_with(engine, source, tmp_path / engine, tmp_path / f"{engine}-permalinks.yml")
    result = compare(tmp_path / "mkdocs", tmp_path / "properdocs", ignore=GENERATOR_TAG)
    assert result["files"][0] > 50
    assert (result["only_in_first"], result["only_in_second"], result["different"]) == ([], [], [])
    page = (tmp_path / "properdocs" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in page and "mkdocs-material" in page  # Material's templates, rendered by ProperDocs


def test_an_unknown_engine_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="mkdocs, properdocs"):
        engines.select("hugo")
