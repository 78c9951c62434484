"""Loading the vocabularies in ``build_tools/data/`` once per process."""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse ``data/<name>`` once; every stage shares the same parsed object."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def fold(text: str) -> str:
    """Lowercase and strip Vietnamese diacritics (đ→d), one character per character.

    Used to compare layout words whatever the tone placement or OCR mark noise.
    """
    text = unicodedata.normalize("NFC", text).lower().replace("đ", "d").replace("ð", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)
