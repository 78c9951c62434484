"""Changing a vocabulary in a test: the parsed data file edited in place, the patterns rebuilt."""
from __future__ import annotations

import contextlib
from types import ModuleType
from typing import Any, Iterator

_MISSING = object()


def clear_compiled(*modules: ModuleType) -> None:
    """Forget every pattern the modules compiled from their data (their own ``lru_cache``s)."""
    for module in modules:
        for value in vars(module).values():
            if hasattr(value, "cache_clear") and getattr(value, "__module__", None) == module.__name__:
                value.cache_clear()


@contextlib.contextmanager
def data_changed(data: dict, key: str, value: Any, *modules: ModuleType) -> Iterator[None]:
    """``data[key]`` is ``value`` while the block runs. ``data`` is a parsed data file as every
    reader shares it (``load_yaml(name)``, ``load_rules(name)`` or a part of one); the patterns
    ``modules`` compiled from it are rebuilt before and after."""
    old = data.get(key, _MISSING)
    data[key] = value
    clear_compiled(*modules)
    try:
        yield
    finally:
        if old is _MISSING:
            del data[key]
        else:
            data[key] = old
        clear_compiled(*modules)
