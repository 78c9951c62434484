"""Deadlines: "hoàn thành trước ngày 23/01/2022", "chậm nhất đến ngày 10/8/2021",
"trước 15h ngày 09/02/2021", "xong trước ngày 07/8/2021", "đảm bảo đến 30/9/2021 …".

Each deadline keeps its date (a year-less date takes the notice's year), the hour if
given, the sentence that sets the task, who is charged with it when the sentence says
so ("Giao Giám đốc Sở Y tế …", "Ban cán sự đảng UBND tỉnh căn cứ …"), and the anchor
of its paragraph.
"""
from __future__ import annotations

import re

from ..model import CleanDocument, Deadline
from .dates import find_dates
from .textutil import fold, sentence_around, squeeze

_CUE = re.compile(
    r"(?:truoc|cham nhat(?:\s+la)?(?:\s+(?:den|vao|trong|truoc))?|han chot(?:\s+la)?|khong muon hon|xong truoc|"
    r"(?:dam bao|phan dau|hoan thanh)\s+den(?:\s+het)?)"
    r"\s*(?:(?P<hour>\d{1,2})\s*(?:h|gio)\s*(?P<minute>\d{1,2})?\s*(?:phut)?\s*,?\s*)?(?:ngay\s*)?(?=\d)")
_CUE_WORDS = ("truoc", "cham nhat", "han chot", "khong muon", " den")
_ASSIGN = re.compile(r"(?:^|[\s,;:(])(?:giao|yeu cau|de nghi)\s+(?:cho\s+)?")
_ORGANISATION = re.compile(
    r"(?:^|[\s,;:(])(?=(?:ban(?! hanh)|so|ubnd|uy ban|cong an|chu tich|giam doc|bo|thuong truc|van phong|"
    r"dang doan|mat tran|trung tam|benh vien|nguoi dung dau|bi thu|truong|to(?! chuc)|dai|bao(?! dam| cao)|"
    r"cac so|cac co quan|cac dia phuong|cac ban|nganh|hoi dong|bo chi huy|doan|lien doan|hoi)\s)")
_VERB = re.compile(
    r"\s(?:chi dao|chu tri|phoi hop|khan truong|ra soat|thuc hien|tham muu|xay dung|to chuc|trien khai|bao cao|"
    r"giai quyet|kiem tra|huong dan|hoan thanh|phai|tiep tuc|quan tam|can cu|tang cuong|chiu trach nhiem|"
    r"lap|de xuat|tong hop|cap nhat|dam bao|chuan bi|thong bao|theo doi|day manh|nghien cuu|xem xet)\b|[;:.]")


def _names_organisation(sentence: str, folded: str, start: int) -> bool:
    return sentence[start:start + 1].isupper() or folded.startswith(("nguoi dung dau", "cac "), start)


def _who(sentence: str, folded: str, limit: int) -> str | None:
    """The body charged with the task: after "giao/yêu cầu", else the first organisation
    named before the deadline, cut where its verb begins."""
    for pattern in (_ASSIGN, _ORGANISATION):
        for match in pattern.finditer(folded, 0, limit):
            start = match.end()
            if pattern is _ORGANISATION and not _names_organisation(sentence, folded, start):
                continue  # "tổ chức", "bắn pháo hoa": lowercase words that only look like "Tổ", "Ban"
            if folded[match.start():start].strip(" ,;:(").startswith("giao") and not sentence[start:start + 1].isupper():
                continue  # "giao thông", "giao dịch": not an assignment
            verb = _VERB.search(folded, start, limit)
            end = verb.start() if verb else limit
            who = squeeze(sentence[start:end]).strip(" ,;:-")
            if 2 <= len(who.split()) <= 16 and not re.match(r"^\d", who):
                return who
    return None


def deadlines(document: CleanDocument, year: int | None) -> list[Deadline]:
    """Every deadline in the body, in reading order: a cue ("trước", "chậm nhất đến", …)
    directly followed by a valid date."""
    found = []
    for block in document.blocks:
        text = block.text
        folded = fold(text)
        if not any(word in folded for word in _CUE_WORDS):
            continue
        for cue in _CUE.finditer(folded):
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
