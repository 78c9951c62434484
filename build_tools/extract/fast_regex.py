"""The same regular expression, compiled so that Python's engine tries fewer alternatives per character.

A measure trigger is one long alternation of folded words (the word classes of data/lexicon.yml
expanded), scanned over a whole notice: at every word start the engine walks the alternatives in
order. It skips an alternative at C speed only when the alternative opens with a literal
character; one opening with a group ("(cuoc|ky) thi"), an optional word ("(le )?khai truong"), a
look-behind ("(?<!dip\\s)nghi le") or "\\b" is entered and tried, which made the triggers most of
what extraction cost. ``compile_fast`` rewrites the parsed pattern into one that matches exactly
the same text at exactly the same places, with the same first match at each place:

- a group or optional part opening an alternative is distributed over it, in its order
  ("(cuoc|ky) thi" → "cuoc thi|ky thi"; greedy "(le )?X" → "le X|X", lazy the other way round);
- a look-behind opening an alternative moves after the literal that follows it, which it then
  also checks ("(?<!dip\\s)nghi" → "n(?<!dip\\sn)ghi"); "\\b" before a letter likewise
  ("\\bhoi" → "h(?<!\\wh)oi");
- consecutive alternatives opening with a literal are grouped by that character, each group keeping
  its alternatives in their order ("cua hang|nha hang|co so" → "c(?:ua hang|o so)|nha hang"): at
  one place only the alternatives opening with the character there can match, so the first
  that matches is the same.

Groups stop capturing: use it only where a match's start and end are read, never its groups (the
measure triggers, their anchors and verb classes). A pattern with named groups or back-references,
or anything the rewriting does not know, is compiled as written.
"""
from __future__ import annotations

import re

try:  # CPython's own parser and compiler of regular expressions (3.11 on); without them, patterns as written
    import _sre  # type: ignore[import-not-found]
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]

    _REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
    _WORD_CLASS = [(C.IN, [(C.CATEGORY, C.CATEGORY_WORD)])]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

MAX_COPIES = 16  # a rest of an alternative copied more often than this stays behind its group
MAX_REST_ITEMS = 12  # nor is a long rest copied at all (composed patterns: a gap and a verb class)


class _Unsupported(Exception):
    """A construct the rewriting leaves alone: the pattern is compiled as written."""


def compile_fast(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)`` matching the same spans, faster on long alternations; groups do not capture."""
    if _sre is None:
        return re.compile(source, flags)
    try:
        parsed = _sre_parser.parse(source, flags)
        if parsed.state.groupdict or parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.MULTILINE):
            raise _Unsupported(source)
        _check(parsed.data)
        state = parsed.state
        rewritten = _sre_parser.SubPattern(state, _sequence(list(parsed.data), state))
        code = _sre_compiler._code(rewritten, flags)
        return _sre.compile(source, flags | state.flags, code, 0, {}, (None,))  # no group captures any more
    except (_Unsupported, re.error, TypeError, ValueError, AttributeError, RecursionError):
        return re.compile(source, flags)


def _check(items) -> None:
    """Back-references and conditionals need their groups: leave such patterns alone."""
    for op, av in items:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS, C.GROUPREF_IGNORE, C.GROUPREF_LOC_IGNORE,
                  C.GROUPREF_UNI_IGNORE, C.ATOMIC_GROUP, C.POSSESSIVE_REPEAT):
            raise _Unsupported(op)
        for child in _children(op, av):
            _check(child)


def _children(op, av) -> list:
    if op is C.SUBPATTERN:
        return [av[-1].data if hasattr(av[-1], "data") else av[-1]]
    if op is C.BRANCH:
        return [getattr(alt, "data", alt) for alt in av[1]]
    if op in _REPEATS:
        return [getattr(av[2], "data", av[2])]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [getattr(av[1], "data", av[1])]
    return []


def _items(pattern) -> list:
    return list(getattr(pattern, "data", pattern))


def _sub(state, items: list):
    return _sre_parser.SubPattern(state, items)


def _sequence(items: list, state) -> list:
    """A sequence with every group, repeat and alternation inside it rewritten."""
    out = []
    for op, av in items:
        if op is C.SUBPATTERN:
            group, add_flags, del_flags, inner = av
            if add_flags or del_flags:
                raise _Unsupported("inline flags")
            out.append((C.SUBPATTERN, (None, 0, 0, _sub(state, _sequence(_items(inner), state)))))
        elif op is C.BRANCH:
            alternatives = _alternatives([_items(alt) for alt in av[1]], state)
            out.append((C.BRANCH, (None, [_sub(state, alt) for alt in alternatives])))
        elif op in _REPEATS:
            low, high, inner = av
            out.append((op, (low, high, _sub(state, _sequence(_items(inner), state)))))
        elif op in (C.ASSERT, C.ASSERT_NOT):  # look-arounds keep their text (and width); no group captures
            direction, inner = av
            out.append((op, (direction, _sub(state, _uncaptured(_items(inner), state)))))
        else:
            out.append((op, av))
    return out


def _uncaptured(items: list, state) -> list:
    """The same items, their groups no longer capturing (inside look-arounds, nothing else changes)."""
    out = []
    for op, av in items:
        if op is C.SUBPATTERN:
            out.append((C.SUBPATTERN, (None, av[1], av[2], _sub(state, _uncaptured(_items(av[3]), state)))))
        elif op is C.BRANCH:
            out.append((C.BRANCH, (None, [_sub(state, _uncaptured(_items(alt), state)) for alt in av[1]])))
        elif op in _REPEATS:
            out.append((op, (av[0], av[1], _sub(state, _uncaptured(_items(av[2]), state)))))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            out.append((op, (av[0], _sub(state, _uncaptured(_items(av[1]), state)))))
        else:
            out.append((op, av))
    return out


def _alternatives(alternatives: list[list], state) -> list[list]:
    """The alternatives in their order, each opened by a literal where it can be, then grouped by it."""
    opened: list[list] = []
    for alternative in alternatives:
        opened.extend(_open(_sequence(alternative, state), state))
    return _grouped(opened, state)


def _open(alternative: list, state, depth: int = 0) -> list[list]:
    """``alternative`` as one or more alternatives, in order, that together match as it does, each
    opening with a literal where the rewriting can make it so."""
    if not alternative or depth > 8:
        return [alternative]
    (op, av), rest = alternative[0], alternative[1:]
    if op is C.SUBPATTERN:  # groups no longer capture: a group is its content
        return _open(_items(av[-1]) + rest, state, depth + 1)
    if op is C.BRANCH and _copyable(rest, len(av[1])):
        return [opened for alt in av[1] for opened in _open(_items(alt) + rest, state, depth + 1)]
    if op in _REPEATS and av[0] == 0 and av[1] == 1 and _copyable(rest, 2):
        with_it, without = _items(av[2]) + rest, rest
        order = (with_it, without) if op is C.MAX_REPEAT else (without, with_it)
        return [opened for alt in order for opened in _open(alt, state, depth + 1)]
    if op is C.ASSERT_NOT or op is C.ASSERT:
        direction, inner = av
        if direction == -1:  # a look-behind: it may check the literal after it too
            return [_behind_literal(op, inner, opened, state) for opened in _open(rest, state, depth + 1)]
    if op is C.AT and av is C.AT_BOUNDARY:
        return [_boundary_before_letter(alternative[:1], opened, state) for opened in _open(rest, state, depth + 1)]
    return [alternative]


def _copyable(rest: list, copies: int) -> bool:
    return copies <= MAX_COPIES and len(rest) <= MAX_REST_ITEMS


def _behind_literal(op, inner, alternative: list, state) -> list:
    """(?<!L)c… → c(?<!Lc)…: after c the look-behind sees L then c exactly when it saw L before c."""
    if alternative and alternative[0][0] is C.LITERAL:
        literal = alternative[0]
        return [literal, (op, (-1, _sub(state, _items(inner) + [literal])))] + alternative[1:]
    return [(op, (-1, inner))] + alternative


def _boundary_before_letter(boundary: list, alternative: list, state) -> list:
    """\\bc… (c a word character) → c(?<!\\wc)…: a boundary before a letter is no letter before it."""
    if alternative and alternative[0][0] is C.LITERAL and chr(alternative[0][1]).isalnum():
        literal = alternative[0]
        return [literal, (C.ASSERT_NOT, (-1, _sub(state, _WORD_CLASS + [literal])))] + alternative[1:]
    return boundary + alternative


def _grouped(alternatives: list[list], state) -> list[list]:
    """Runs of alternatives opening with a literal, grouped by that character (order kept within
    each group; alternatives opening otherwise stay where they are and end a run)."""
    out: list[list] = []
    run: dict[int, list[list]] = {}

    def flush() -> None:
        for char, members in run.items():
            if len(members) == 1:
                out.append(members[0])
            else:
                rests = _grouped([member[1:] for member in members], state)
                out.append([(C.LITERAL, char), (C.BRANCH, (None, [_sub(state, rest) for rest in rests]))])
        run.clear()

    for alternative in alternatives:
        if alternative and alternative[0][0] is C.LITERAL:
            run.setdefault(alternative[0][1], []).append(alternative)
        else:
            flush()
            out.append(alternative)
    flush()
    return out
