"""Write a synthetic corpus of N realistic notices, to look at or to build by hand.

    .venv/bin/python benchmarks/generate_corpus.py 500 /tmp/corpus [--seed 0]
    .venv/bin/python -m build_tools build --source /tmp/corpus --out /tmp/site --registry /tmp/permalinks.yml

The generator is benchmarks/corpus.py (generate_corpus); this prints its summary as JSON.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import generate_corpus  # noqa: E402

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of notices")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(generate_corpus(args.n, args.out, args.seed), ensure_ascii=False, indent=1))
