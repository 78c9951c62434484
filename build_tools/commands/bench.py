"""``python -m build_tools bench``: the scale benchmark of ``benchmarks/scale.py``, from a checkout.

The generator, the memory sampler and the Material comparison are benchmarks, not part of
the build: they live in ``benchmarks/`` beside the repository's other measurements.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def scale_module():
    """``benchmarks.scale``, importable from the repository root whatever the working folder."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks import scale

    return scale


def add_arguments(parser: argparse.ArgumentParser) -> None:
    scale_module().add_arguments(parser)


def main(args: argparse.Namespace) -> int:
    return scale_module().main(args)
