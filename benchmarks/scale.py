"""Scale benchmark: generate N notices, build the whole site, print one JSON line per stage.

    .venv/bin/python benchmarks/scale.py --notices 2000 --notices 20000

Same as ``python -m build_tools bench``; the work is in build_tools/bench.py. Results of a
real run are kept in benchmarks/RESULTS.md.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools import bench  # noqa: E402

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    bench.add_arguments(parser)
    raise SystemExit(bench.main(parser.parse_args()))
