"""Session fixtures that build the real site from the seeds once, with the real MkDocs."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import os

import pytest
from hypothesis import settings

from tests.support.paths import SEEDS, SOURCE_TEXTS

# Property tests draw the same examples on every run (a test that passed on a commit passes on its CI
# run); HYPOTHESIS_PROFILE=explore draws new ones, as a developer hunting for failures wants.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in SEEDS:
        shutil.copy(path, target / path.name)
    registry = SOURCE_TEXTS / "permalinks.yml"
    if registry.exists():
        shutil.copy(registry, target / "permalinks.yml")
    return target


class BuiltSite:
    def __init__(self, report, site: Path, source: Path):
        self.report, self.site, self.source = report, site, source
        self.records = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))

    def record(self, prefix: str) -> dict:
        return next(r for r in self.records if r["source"]["file"].startswith(prefix))

    def page(self, record: dict) -> Path:
        url = record["url"]
        return self.site / (url + "index.html" if url.endswith("/") else url)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> BuiltSite:
    from build_tools.publish.site import BuildOptions, build_site

    root = tmp_path_factory.mktemp("public")
    source = copy_seeds(root / "source")
    report = build_site(BuildOptions(source=source, out=root / "site", cache=root / "cache"))
    return BuiltSite(report, root / "site", source)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> BuiltSite:
    from build_tools.publish.site import BuildOptions, build_offline

    root = tmp_path_factory.mktemp("usb")
    source = copy_seeds(root / "source")
    folder = root / "Kho lưu trữ COVID-19 (bản USB)"
    report, archive, _ = build_offline(BuildOptions(source=source, out=folder, cache=root / "cache"))
    built = BuiltSite(report, folder, source)
    built.archive = archive
    return built
