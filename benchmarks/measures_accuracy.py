"""Accuracy of measure coding (OxCGRT indicator, level, scope, start and end) on the labelled
sentences of tests/fixtures/measures/sentences.yml.

Every third item of sentences.yml is held out (``test``): rules are tuned on ``dev`` only.
Later dev sets (dev_4.yml, …) are splits of their own (``dev-4``), written to be tuned on. The
blind sets (blind_1.yml, blind_2.yml, …) were each written after a round of tuning and scored
once before any rule was changed; their first figures are recorded in the fixtures' README.md.
Each split prints indicator precision and recall, level precision and recall (all indicators and
per indicator), and scope, places, start and end accuracy. Every split is printed. Run:
``.venv/bin/python benchmarks/measures_accuracy.py [--errors SPLIT ...]`` (lists the items of
those splits coded wrongly; default none).
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.extract.measures import measure_tags  # noqa: E402
from build_tools.model import Block, CleanDocument, Measure  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "measures"
FIXTURE = FIXTURES / "sentences.yml"
DEFAULT_PROVINCE = "lang-son"
DEFAULT_DATE = "2021-07-15"


def load_items(path: Path = FIXTURE) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    for index, item in enumerate(items):
        item["split"] = "test" if index % 3 == 2 else "dev"
        item["index"] = index
    return items


def load_blind_sets(folder: Path = FIXTURES, prefix: str = "blind") -> dict[str, list[dict]]:
    """Each blind_N.yml (or, with ``prefix="dev"``, dev_N.yml) is a split of its own, named blind-N."""
    sets = {}
    for path in sorted(folder.glob(f"{prefix}_*.yml"), key=lambda p: int(p.stem.split("_")[1])) + (
            sorted(folder.glob("heldout*.yml")) if prefix == "blind" else []):  # heldout*: the lead's blind sets
        name = path.stem.replace("_", "-")
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        for index, item in enumerate(items):
            item["split"] = name
            item["index"] = index
        sets[name] = items
    return sets


def splits() -> dict[str, list[dict]]:
    """dev, held-out, the later dev sets (dev-4: tuned on), then the blind sets in the order they were written."""
    items = load_items()
    result = {"dev": [i for i in items if i["split"] == "dev"],
              "held-out": [i for i in items if i["split"] == "test"]}
    result.update(load_blind_sets(prefix="dev"))
    result.update(load_blind_sets())
    return result


def document_of(text: str) -> CleanDocument:
    """Paragraphs separated by " | " become blocks; "- …" lines are bullets under a lead-in."""
    blocks = []
    for number, paragraph in enumerate(text.split(" | "), start=1):
        bullet = paragraph.startswith("- ")
        blocks.append(Block(kind="bullet" if bullet else "paragraph", text=paragraph[2:] if bullet else paragraph,
                            anchor=f"doan-{number}", level=1 if bullet else 0, line=number))
    return CleanDocument(header_lines=[], title_lines=[], blocks=blocks, signature_lines=[], recipients=[])


def coded(item: dict) -> list[Measure]:
    issued = str(item.get("d") or DEFAULT_DATE)
    tags = measure_tags(document_of(item["t"]), item.get("p", DEFAULT_PROVINCE), int(issued[:4]), issued)
    return [record for tag in tags for record in tag.records]


def end_of(record: Measure) -> str | None:
    return "open" if record.end_rule == "until-further-notice" else record.end


@dataclass
class Tally:
    expected: int = 0
    predicted: int = 0
    correct: int = 0

    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


@dataclass
class Score:
    indicator: Tally = field(default_factory=Tally)
    levels: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    level_all: Tally = field(default_factory=Tally)
    level_given_indicator: Tally = field(default_factory=Tally)  # level right where the indicator is right
    scope: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    start: Tally = field(default_factory=Tally)
    end: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)


def score(items: list[dict]) -> Score:
    result = Score()
    for item in items:
        expected = {k: v for k, v in (item.get("x") or {}).items()}
        records = coded(item)
        predicted: dict[str, Measure] = {}
        for record in records:
            current = predicted.get(record.oxcgrt)
            if current is None or (record.level or 0) > (current.level or 0):
                predicted[record.oxcgrt] = record
        wrong = []
        result.indicator.expected += len(expected)
        result.indicator.predicted += len(predicted)
        hits = set(expected) & set(predicted)
        result.indicator.correct += len(hits)
        if set(expected) != set(predicted):
            wrong.append(f"indicators {sorted(predicted)} ≠ {sorted(expected)}")
        for indicator, level in expected.items():
            if level is None:
                continue
            result.levels[indicator].expected += 1
            result.level_all.expected += 1
        for indicator, record in predicted.items():
            if record.level is None:
                continue
            result.levels[indicator].predicted += 1
            result.level_all.predicted += 1
            if indicator in expected and expected[indicator] is not None:
                result.level_given_indicator.expected += 1
                result.level_given_indicator.predicted += 1
            if expected.get(indicator) == record.level:
                result.levels[indicator].correct += 1
                result.level_all.correct += 1
                result.level_given_indicator.correct += 1
            elif indicator in expected:
                wrong.append(f"{indicator} level {record.level} ≠ {expected[indicator]}")
        if hits:
            first = predicted[sorted(hits)[0]]
            checks = ((result.scope, first.scope, item.get("s", "general"), "scope"),
                      (result.start, first.start, _text(item.get("st")), "start"),
                      (result.end, end_of(first), _text(item.get("e")), "end"))
            for tally, got, want, name in checks:
                tally.expected += 1
                tally.predicted += 1
                if got == want:
                    tally.correct += 1
                else:
                    wrong.append(f"{name} {got} ≠ {want}")
            if item.get("pl"):
                result.places.expected += 1
                result.places.predicted += 1
                names = [place.name for place in first.places]
                if names == [str(p) for p in item["pl"]]:
                    result.places.correct += 1
                else:
                    wrong.append(f"places {names} ≠ {item['pl']}")
        if wrong:
            result.errors.append(f"#{item['index']} {item['t'][:110]}\n    " + "; ".join(wrong))
    return result


def _text(value) -> str | None:
    return None if value is None else str(value)


def report(name: str, result: Score) -> None:
    tally = result.indicator
    print(f"{name}: indicator precision {tally.precision():.1%}  recall {tally.recall():.1%}  "
          f"({tally.correct} of {tally.expected} expected, {tally.predicted} predicted)")
    print(f"  level (all indicators): precision {result.level_all.precision():.1%}  recall {result.level_all.recall():.1%}"
          f"  (right level where the indicator is right: {result.level_given_indicator.recall():.1%}, "
          f"{result.level_given_indicator.correct}/{result.level_given_indicator.expected})")
    for label, part in (("scope", result.scope), ("places", result.places), ("start", result.start), ("end", result.end)):
        print(f"  {label} accuracy {part.recall():.1%} ({part.correct}/{part.expected})")
    cells = [f"{key} {part.precision():.0%}/{part.recall():.0%} (n={part.expected})"
             for key, part in sorted(result.levels.items())]
    print("  level precision/recall per indicator: " + ", ".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", nargs="*", default=[], metavar="SPLIT",
                        help="list the items of these splits coded wrongly (dev, held-out, blind-1, …)")
    args = parser.parse_args(argv)
    parts = splits()
    print("labelled items: " + ", ".join(f"{name} {len(items)}" for name, items in parts.items())
          + " (tuned on dev; the others are scored as written)")
    scores = {name: score(items) for name, items in parts.items()}
    for name, result in scores.items():
        report(name, result)
    for name in args.errors:
        print(f"\n{name} errors:")
        for line in scores[name].errors:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
