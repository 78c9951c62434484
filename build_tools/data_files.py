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


# --- named word classes ------------------------------------------------------------------
#
# Rule files write a class of words once ("{business_places}", "{stop_verbs}") and use it in
# many patterns; the classes are ``data/lexicon.yml``. Braces that are regex quantifiers
# ("{0,80}") are left alone: a class name is lowercase letters and "_" only.

_CLASS_NAME = r"\{([a-z_]+)\}"


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Class name → one regex alternation of its words (longest first) between word edges
    ("pha" is not the start of "phải"), classes inside classes expanded."""
    import re

    raw = {name: list(words) for name, words in (load_yaml("lexicon.yml") or {}).items()}
    expanded: dict[str, str] = {}

    def expand_class(name: str, seen: tuple[str, ...] = ()) -> str:
        if name in expanded:
            return expanded[name]
        if name in seen:
            raise ValueError(f"data/lexicon.yml: class {name!r} contains itself")
        words = [re.sub(_CLASS_NAME, lambda m: expand_class(m.group(1), seen + (name,)), str(w)) for w in raw[name]]
        expanded[name] = r"(?<![\w])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w])"
        return expanded[name]

    for name in raw:
        expand_class(name)
    return expanded


def expand_classes(pattern: str) -> str:
    """``pattern`` with each "{class}" of data/lexicon.yml replaced by its alternation; an
    unknown class name is an error that names it."""
    import re

    classes = lexicon()

    def replace(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in classes:
            raise ValueError(f"unknown word class {{{name}}} in a rule pattern; define it in data/lexicon.yml")
        return classes[name]

    return re.sub(_CLASS_NAME, replace, pattern)


def _expanded(value: Any) -> Any:
    if isinstance(value, str):
        return expand_classes(value) if "{" in value else value
    if isinstance(value, list):
        return [_expanded(item) for item in value]
    if isinstance(value, dict):
        return {key: _expanded(item) for key, item in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def load_rules(name: str) -> Any:
    """``data/<name>`` with its word classes expanded (see ``expand_classes``): for rule files
    (measures.yml, oxcgrt.yml) whose patterns name classes of data/lexicon.yml."""
    return _expanded(load_yaml(name))
