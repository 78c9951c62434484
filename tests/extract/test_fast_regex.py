"""compile_fast: the same matches as re.compile, at the same places, for every rewriting it does."""
from __future__ import annotations

import random
import re

import pytest

from build_tools.data_files import lexicon
from build_tools.extract.fast_regex import compile_fast
from build_tools.extract.vocab import measures


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


TEXTS = [
    "le khai truong va khai truong, cuoc thi ky thi hoc thi; dip nghi le quoc khanh nghi le tet nghi le",
    "tam dung hoat dong cua hang, cua hieu; nha hang van mo. ky nghi le va dip nghi le dai",
    "hoi dien, khoi dien hoi thi, thi hoi; abc hoc sinh va sinh vien khong duoc den truong",
    "cuoc hop mat, gap mat, hop mat cuoi nam; le cuoc khai truong",
    "xyx abc xy; abcd",  # where the order of alternatives decides the span
]

CASES = [
    r"(le )?(khai truong|dong tho)",  # greedy optional group opening an alternative
    r"x|(le )??(khai truong|dong tho)",  # lazy: without it first
    r"(cuoc|ky) thi(?! (tot nghiep))|thi",  # a group of alternatives opening one
    r"(?<!dip\s)(?<!ky\s)nghi le|nghi",  # look-behinds moved after the literal
    r"\bhoi dien|\bhoi thi|thi",  # \b before a letter
    r"cua hang|nha hang|cua hieu|co so|cua",  # grouped by first letter, order kept within a group
    r"(?<![\w])(?:(cuoc )?(hop mat|gap mat)|hop)(?![\w])",
    r"(?:hoc|sinh)(?:\s+sinh|\s+vien)?",
    r"(xy)?x|q",  # greedy: with the group first ("xyx"), lazy below: without it first ("x")
    r"(xy)??x|q",
    r"ab|a|abc|b(c|cd)",  # the first alternative that matches at a place wins, after grouping too
]


@pytest.mark.parametrize("source", CASES)
def test_same_spans_as_re(source):
    fast, plain = compile_fast(source), re.compile(source)
    assert fast is not plain and fast.groups == 0  # rewritten, groups no longer capture
    for text in TEXTS:
        assert spans(fast, text) == spans(plain, text)


def test_group_zero_and_search_agree():
    fast, plain = compile_fast(CASES[2]), re.compile(CASES[2])
    for text in TEXTS:
        assert [m.group() for m in fast.finditer(text)] == [m.group() for m in plain.finditer(text)]
        assert (fast.search(text, 5) or plain.search(text, 5)) is None or \
            fast.search(text, 5).span() == plain.search(text, 5).span()


def test_named_groups_and_back_references_are_compiled_as_written():
    for source in (r"(?P<n>\d+) ngay", r"(a|b)\1", r"(?i:ab)c"):
        pattern = compile_fast(source)
        assert pattern.groups == re.compile(source).groups and pattern.pattern == source


def _soups(words: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", " ", " ", ", ", "; ", ". ", "\n"]
    return ["".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(20, 120))) for _ in range(count)]


def _vocabulary() -> list[str]:
    """Words of the data's own patterns (their letters only), so the soups hit many alternatives."""
    text = " ".join(lexicon().values())
    return sorted(set(re.findall(r"[a-z]{1,8}", text)) | {"1", "30", "0"})


def test_word_classes_and_measure_triggers_match_alike_on_word_soups():
    soups = _soups(_vocabulary(), 60, seed=7)
    sources = list(lexicon().values())
    sources += [pattern.regex.pattern for rule in measures().rules for _, pattern in rule.triggers][::7]
    for source in sources:
        fast, plain = compile_fast(source), re.compile(source)
        for text in soups:
            assert spans(fast, text) == spans(plain, text), source[:80]
