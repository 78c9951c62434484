"""Where the tests find the repository, the seeds and the shared corpora."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_TEXTS = ROOT / "source_texts"
SHARED = ROOT.parent / "shared"
CONGBAO = SHARED / "corpora" / "congbao"
SEEDS = sorted(p for p in SOURCE_TEXTS.glob("*.txt"))


def load_script(path: Path):
    """A script that is no package module (``build_tools/data/ocr/make_*.py``, ``scripts/*.py``),
    loaded as a module so its functions can be tested."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed(prefix: str) -> Path:
    """The seed notice whose file name starts with ``prefix`` (e.g. "003")."""
    return next(p for p in SEEDS if p.name.startswith(prefix))


def congbao_files() -> list[Path]:
    if not CONGBAO.is_dir():
        pytest.skip(f"SKIPPED: the Công báo corpus is not at {CONGBAO} (it lives in ../shared/, outside the repo)")
    return sorted(CONGBAO.glob("*.txt"))
