"""Loading the vocabularies in ``build_tools/data/`` once per process."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse ``data/<name>`` once; every stage shares the same parsed object."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
