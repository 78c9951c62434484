"""Deadlines: "hoàn thành trước ngày 23/01/2022", "chậm nhất đến ngày 10/8/2021",
"trước 15h ngày 09/02/2021", "xong trước ngày 07/8/2021", "đảm bảo đến 30/9/2021 …".

Each deadline keeps its date (a year-less date takes the notice's year), the hour if
given, the sentence that sets the task, who is charged with it when the sentence says
so ("Giao Giám đốc Sở Y tế …", "Ban cán sự đảng UBND tỉnh căn cứ …"), and the anchor
of its paragraph.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from ..data_files import load_rules, load_yaml
from ..model import CleanDocument, Clue, Deadline, Found
from ..vietnamese.date_grammar import date_word
from .dates import find_dates
from .textutil import alternatives, compile_folded, fold, sentence_around, squeeze



@functools.lru_cache(maxsize=None)
def _rules() -> dict[str, Any]:
    """data/deadlines.yml compiled: the cue, the assignment, the organisation and the verb patterns."""
    data = load_yaml("deadlines.yml")
    hours, minute = data["hour_words"], data["minute_word"]
    return {
        "cue": re.compile(rf"(?:{data['cue']})"
                          rf"\s*(?:(?P<hour>\d{{1,2}})\s*(?:{hours})\s*(?P<minute>\d{{1,2}})?\s*(?:{minute})?\s*,?\s*)?"
                          rf"(?:(?:{date_word('day')})\s*)?(?=\d)"),
        "cue_words": tuple(data["cue_words"]),
        "assign": re.compile(rf"(?:^|[\s,;:(])(?:{alternatives(data['assign_verbs'])})\s+"
                             rf"(?:{re.escape(data['assign_preposition'])}\s+)?"),
        "compound_verb": data["compound_verb"],
        "organisation": re.compile(rf"(?:^|[\s,;:(])(?=(?:{'|'.join(data['organisation_openers'])})\s)"),
        "verb": re.compile(rf"\s(?:{alternatives(data['task_verbs'])})\b|[;:.]"),
        "lowercase_openers": tuple(data["lowercase_openers"]),
        # "15 giờ 30 phút ngày " right before a date; "hết ngày " right before it
        "hour_before": re.compile(rf"(?:(\d{{1,2}})\s*(?:{hours})\s*(?:(\d{{1,2}})\s*(?:{minute}|')?)?\s*,?\s*)?"
                                  rf"(?:(?:{date_word('day')})\s*)?$"),
        "through_before": re.compile(rf"{re.escape(data['through_word'])}\s*(?:(?:{date_word('day')})\s*)?$"),
        "period_clues": dict(data["period_clues"]),
    }


def _names_organisation(sentence: str, folded: str, start: int) -> bool:
    return sentence[start:start + 1].isupper() or folded.startswith(_rules()["lowercase_openers"], start)


def _who(sentence: str, folded: str, limit: int) -> str | None:
    """The body charged with the task: after "giao/yêu cầu", else the first organisation
    named before the deadline, cut where its verb begins."""
    rules = _rules()
    for pattern in (rules["assign"], rules["organisation"]):
        for match in pattern.finditer(folded, 0, limit):
            start = match.end()
            if pattern is rules["organisation"] and not _names_organisation(sentence, folded, start):
                continue  # "tổ chức", "bắn pháo hoa": lowercase words that only look like "Tổ", "Ban"
            if folded[match.start():start].strip(" ,;:(").startswith(rules["compound_verb"]) \
                    and not sentence[start:start + 1].isupper():
                continue  # "giao thông", "giao dịch": not an assignment
            verb = rules["verb"].search(folded, start, limit)
            end = verb.start() if verb else limit
            who = squeeze(sentence[start:end]).strip(" ,;:-")
            if 2 <= len(who.split()) <= 16 and not re.match(r"^\d", who):
                return who
    return None


def deadlines(document: CleanDocument, year: int | None) -> Found[list[Deadline]] | None:
    """Every deadline in the body with its clue (the cues read); None when the body sets none."""
    found = deadline_list(document, year)
    return Found(found, Clue("deadline-cues", "; ".join(d.text for d in found), 0.85)) if found else None


def deadline_list(document: CleanDocument, year: int | None) -> list[Deadline]:
    """Every deadline in the body, in reading order: a cue ("trước", "chậm nhất đến", …)
    directly followed by a valid date."""
    found = []
    for block in document.blocks:
        text = block.text
        folded = fold(text)
        if not any(word in folded for word in _rules()["cue_words"]):
            continue
        for cue in _rules()["cue"].finditer(folded):
            if cue.start() and folded[cue.start() - 1].isalnum():
                continue
            date = next(find_dates(text[cue.end():cue.end() + 30], folded[cue.end():cue.end() + 30],
                                   default_year=year, yearless_after_ngay=False), None)
            if date is None or date.start != 0:
                continue
            start, end = sentence_around(text, cue.start())
            sentence = text[start:end]
            time = None
            if cue.group("hour"):
                hour, minute = int(cue.group("hour")), int(cue.group("minute") or 0)
                time = f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None
            found.append(Deadline(
                date=date.iso,
                task=squeeze(sentence),
                who=_who(sentence, fold(sentence), cue.start() - start),
                text=squeeze(text[cue.start():cue.end() + date.end]),
                anchor=block.anchor,
                time=time,
            ))
    return found


# --- the period a measure is in force --------------------------------------------------------
#
# "từ 0 giờ ngày 17/7/2021, trong 14 ngày", "đến hết ngày 22/8/2021", "từ 12 giờ ngày 19/7
# đến 0 giờ ngày 2/8/2021", "kể từ ngày ký", "cho đến khi có thông báo mới". Dates are read by
# dates.find_dates; this part only decides which date starts and which ends the measure, from
# the words before it (oxcgrt.yml: start_cues, end_cues), and adds a stated duration.


@dataclass(frozen=True)
class Period:
    start: str | None  # ISO date the measure starts, as stated
    end: str | None  # ISO date of its last day in force
    end_rule: str | None  # "date" | "duration" | "until-further-notice"
    start_rule: str | None = None  # "date" | "signing"




@functools.lru_cache(maxsize=1)
def _period_rules() -> dict:
    data = load_rules("oxcgrt.yml")

    def cue_pattern(words: list[str]) -> re.Pattern:
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?:^|[\s,(:;-])(?:{alternation})\s*$")

    return {
        "start": cue_pattern(data["start_cues"]),
        "end": cue_pattern(data["end_cues"]),
        "open_end": compile_folded(data["open_end"], spans_only=True),  # searched for, groups never read
        "from_signing": compile_folded(data["from_signing"], spans_only=True),
        "duration": re.compile(data["duration"]),
        "month_end": re.compile(data["month_end"]),
        "year_end": re.compile(data["year_end"]),
        "lead": re.compile(data["period_lead"]),
        "regime": re.compile(data["regime_reference"]),
        "deadline": re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                                          for w in data["deadline_cues"]) + r")\W"),
    }


def _role(folded: str, start: int) -> tuple[str | None, int | None]:
    """("start" | "end" | None, hour) for the date at ``start``: the cue before it, past the hour."""
    window = folded[max(0, start - 60):start]
    hour_match = _rules()["hour_before"].search(window)
    before = window[:hour_match.start()] if hour_match else window
    hour = int(hour_match.group(1)) if hour_match and hour_match.group(1) else None
    rules = _period_rules()
    if rules["end"].search(before):
        return (None if rules["deadline"].search(before[-30:]) else "end"), hour
    if rules["start"].search(before):
        return "start", hour
    return None, hour


def _sentence_year(text: str, folded: str, year: int | None) -> int | None:
    """The year a year-less date in the sentence takes: the sentence's own first full date, else the notice's."""
    full = next((d for d in find_dates(text, folded) if d.has_year), None)
    return int(full.iso[:4]) if full else year


def measure_period(sentence: str, year: int | None = None, issued: str | None = None) -> Found[Period] | None:
    """When the measure of ``sentence`` starts and ends, as the sentence states it (None if it does not).

    An end written "đến 0 giờ ngày X" ends the day before X; "đến hết ngày X", "đến 24 giờ ngày
    X" end on X. "trong N ngày" counts N days from the start, the start day included. "kể từ
    ngày ký" starts on ``issued``. Dates without a start or end cue (a cited document's date)
    are not the measure's.
    """
    folded = fold(sentence)
    rules = _period_rules()
    start = end = end_rule = start_rule = None
    pieces = []
    for date in find_dates(sentence, folded, default_year=_sentence_year(sentence, folded, year),
                           yearless_after_ngay=False):
        role, hour = _role(folded, date.start)
        if role == "start" and start is None:
            start, start_rule = date.iso, "date"
        elif role == "end" and end is None:
            day = dt.date.fromisoformat(date.iso)
            ends_at_midnight = hour == 0 and not _rules()["through_before"].search(folded[max(0, date.start - 12):date.start])
            end, end_rule = (day - dt.timedelta(days=1)).isoformat() if ends_at_midnight else date.iso, "date"
        else:
            continue
        pieces.append(squeeze(sentence[max(0, date.start - 25):date.end]))
    if start is None and issued and rules["from_signing"].search(folded):
        start, start_rule = issued, "signing"
        pieces.append(_rules()["period_clues"]["from_signing"])
    if end is None:
        end = _month_end(rules["month_end"].search(folded), _sentence_year(sentence, folded, year))
        if end is not None:
            end_rule = "date"
            pieces.append(_rules()["period_clues"]["month_end"])
    if end is None:
        through_year = rules["year_end"].search(folded)
        if through_year:
            end, end_rule = f"{through_year.group(1)}-12-31", "date"
            pieces.append(_rules()["period_clues"]["year_end"])
    if end is None:
        duration = rules["duration"].search(folded)
        if duration:
            days = int(duration.group(2)) * (7 if duration.group(3) == "tuan" else 1)
            origin = start or (issued if start_rule is None and rules["from_signing"].search(folded) else None)
            if origin and 0 < days <= 366:  # a duration without a start is a task's, not a measure's
                start = origin
                end, end_rule = (dt.date.fromisoformat(origin) + dt.timedelta(days=days - 1)).isoformat(), "duration"
                pieces.append(squeeze(sentence[duration.start():duration.end()]))
        elif rules["open_end"].search(folded):
            end_rule = "until-further-notice"
            pieces.append(_rules()["period_clues"]["open_end"])
    if start is None and end is None and end_rule is None:
        return None
    period = Period(start=start, end=end, end_rule=end_rule, start_rule=start_rule)
    return Found(period, Clue("period-cues", "; ".join(pieces), 0.85))


def _month_end(match: re.Match | None, year: int | None) -> str | None:
    """The last day of the month "đến hết tháng 9 năm 2021" names (the year, if not written, the sentence's or notice's)."""
    if match is None:
        return None
    month, written_year = int(match.group(1)), match.group(2)
    year = int(written_year) if written_year else year
    if year is None or not 1 <= month <= 12:
        return None
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


def states_period_only(folded_text: str) -> bool:
    """A lead-in or line that only says when the notice applies ("Thời gian áp dụng: …")."""
    return bool(_period_rules()["lead"].match(folded_text))


def refers_to_regime(folded_text: str) -> bool:
    """A lead-in that speaks of the regime the notice imposed ("Trong thời gian giãn cách xã hội, …")."""
    return bool(_period_rules()["regime"].search(folded_text))
