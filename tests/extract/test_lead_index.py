"""lead_index: where patterns can begin, and finditer_at finding exactly what regex.finditer finds there."""
from __future__ import annotations

import random
import re

import pytest

from build_tools.data_files import lexicon
from build_tools.extract.lead_index import LeadIndex, finditer_at, leads
from build_tools.extract.textutil import WordPattern
from build_tools.extract.vocab import measures


def spans(matches) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


@pytest.mark.parametrize("source, expected", [
    (r"co\s+so", {"co so"}),  # the word "co" (not "cong"), white space, a word opening with "so"
    (r"co\s+\d", {"co "}),  # then no letters: the word "co" alone
    (r"(le )?khai truong", {"le khai ", "khai truong"}),  # an optional opening: with it or without; two words
    (r"(?<![\w])(?<!hoc\s)(cua|nha) hang", {"cua hang", "nha hang"}),  # look-behinds consume nothing
    (r"karaoke(?![\w])", {"karaoke "}),
    (r"\bhoi\b", {"hoi "}),
    (r"tam\s*dung", {"tam"}),  # no space needed after it: the word may go on
    (r"(?:ab|cd)+x", {"ab", "cd"}),
    (r"[xy]z", {"xz", "yz"}),
])
def test_leads_of_a_pattern(source, expected):
    assert leads(re.compile(source)) == expected


@pytest.mark.parametrize("source", [
    r"\d+ nguoi",  # a class
    r"(ab)?",  # may match nothing
    r"-\s+cam",  # punctuation first
    r".*ab",
    r"(?:^|\n)[a-z]\) cam",
])
def test_patterns_that_may_begin_anywhere_have_no_leads(source):
    assert leads(re.compile(source)) is None


def test_ignore_case_is_not_indexed():
    assert leads(re.compile("cua hang", re.IGNORECASE)) is None


def test_starts_list_positions_inside_words_too():
    index = LeadIndex([re.compile(r"oan toan"), re.compile(r"toan(?![\w])"), re.compile(r"\d+")])
    starts = index.starts("xoan toan, toan bo")
    assert starts.of(0) == [1]  # inside "xoan", before white space and "toan" (not before ", ")
    assert starts.of(1) == [5, 11]  # "toan" where the word ends
    assert starts.of(2) is None  # no leads: scanned


def test_a_match_inside_a_word_hides_what_it_covers_as_in_the_engine():
    regex = re.compile(r"oan toan|toan")
    text = "xoan toan toan"
    index = LeadIndex([regex])
    assert spans(finditer_at(regex, text, index.starts(text).of(0))) == spans(regex.finditer(text))
    pattern = WordPattern(regex)
    assert spans(pattern.finditer_at(text, index.starts(text).of(0))) == spans(pattern.finditer(text)) == [(10, 14)]


def test_a_window_ending_inside_a_word():
    """The engine sees the word end at ``endpos``: "co" of "cong" then ends a word."""
    for source, text in [(r"co(?![\w])", "cong co"), (r"co\s+so(?![\w])", "co song co  so"),
                         (r"co so", "xco so")]:
        regex = re.compile(source)
        starts = LeadIndex([regex]).starts(text).of(0)
        for low in range(len(text)):
            for high in range(low, len(text) + 1):
                assert spans(finditer_at(regex, text, starts, low, high)) == spans(regex.finditer(text, low, high))


def _soups(words: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", " ", " ", ", ", "; ", ". ", "\n", "", "  ", " \n"]  # "": words run together, matches begin inside words
    return ["".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(20, 150))) for _ in range(count)]


def _vocabulary() -> list[str]:
    """Words of the data's own patterns (their letters only), so the soups hit many alternatives."""
    text = " ".join(lexicon().values())
    return sorted(set(re.findall(r"[a-z]{1,8}", text)) | {"1", "30", "0"})


def test_every_measure_trigger_matches_alike_on_word_soups():
    rules = measures()
    soups = _soups(_vocabulary(), 40, seed=11)
    patterns = [pattern for rule in rules.rules for _, pattern in rule.triggers]
    assert len(rules.leads.unindexed) < len(patterns) // 10  # nearly every trigger is indexed
    for text in soups:
        starts = rules.leads.starts(text)
        for number, pattern in enumerate(patterns):
            positions = starts.of(number)
            if positions is None:
                continue
            expected = spans(pattern.regex.finditer(text))
            assert spans(finditer_at(pattern.regex, text, positions)) == expected, pattern.regex.pattern[:80]
            low, high = len(text) // 3, 2 * len(text) // 3 + 1  # a window that may cut words
            assert spans(finditer_at(pattern.regex, text, positions, low, high)) == \
                spans(pattern.regex.finditer(text, low, high)), pattern.regex.pattern[:80]


def test_rules_find_the_same_matches_with_and_without_the_index():
    rules = measures()
    for text in _soups(_vocabulary(), 30, seed=3):
        starts = rules.leads.starts(text)
        for rule in rules.rules:
            assert spans(rule.finditer(text, starts)) == spans(rule.finditer(text)), rule.code


def test_rules_find_the_same_matches_in_a_long_text_read_in_windows():
    """Past ``LONG_TEXT`` characters a trigger runs in windows around its required word, which cut words."""
    from build_tools.extract.vocab import LONG_TEXT

    rules = measures()
    soups = _soups(_vocabulary(), 400, seed=5)
    text = " ".join(soups)
    while len(text) <= LONG_TEXT:
        text += " " + text
    starts = rules.leads.starts(text)
    for rule in rules.rules:
        assert spans(rule.finditer(text, starts)) == spans(rule.finditer(text)), rule.code
