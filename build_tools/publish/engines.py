"""The site generator that turns the docs folder into HTML: MkDocs 1.6 or ProperDocs.

ProperDocs is the maintained continuation of MkDocs 1.6 with the same plugin API; it loads
the same ``mkdocs.plugins`` entry points and, once ``properdocs.replacement`` is imported,
answers every ``import mkdocs…`` (the theme's and our plugin's). A process therefore runs
one engine: the first one selected.
"""
from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import Any, Callable

ENGINES = ("mkdocs", "properdocs")


@dataclass(frozen=True)
class Engine:
    name: str
    load_config: Callable[..., Any]
    build: Callable[[Any], None]


def running_engine() -> str | None:
    """The engine whose modules answer ``import mkdocs`` in this process, if any was imported."""
    module = sys.modules.get("mkdocs")
    if module is None:
        return None
    return "properdocs" if module.__name__ == "properdocs" else "mkdocs"


def select(name: str) -> Engine:
    """The engine called ``name`` (one of ``ENGINES``); an error if this process already runs the other."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    current = running_engine()
    if current not in (None, name):
        raise RuntimeError(f"this process already runs {current}; build with --engine {name} in a new process")
    if name == "properdocs":
        importlib.import_module("properdocs.replacement")
    config = importlib.import_module(f"{name}.config")
    build = importlib.import_module(f"{name}.commands.build")
    return Engine(name, config.load_config, build.build)
