"""Permanent ids for notices, recorded once in a registry and never derived again.

The id is made when a notice is first published (province, year, type and
number, or a short hash when there is no number) and stored in
``<source>/permalinks.yml``. Later builds read it back, so better extraction
never moves a published URL. When the page path of a notice changes (e.g. its
province is corrected), the old path is kept as a redirect.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .text import slugify

# libyaml when PyYAML has it: the registry holds one entry per notice ever published
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

HEADER = (
    "# Permanent ids of published notices. Written by the build: commit it.\n"
    "# Never edit an id: links to it would break. An entry stays even if its file is removed.\n"
)


class RegistryNotSaved(Exception):
    """The registry could not be written back; the build goes on and reports it."""


@dataclass
class Entry:
    id: str
    file: str
    sha256: str
    path: str  # page path relative to the docs folder, without suffix, e.g. notices/quang-ninh/<id>
    redirects: list[str] = field(default_factory=list)  # earlier page paths of the same notice
    added: str | None = None  # ISO date of first publication (the edition's build date)


@dataclass
class Registry:
    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)  # by id
    changed: bool = False
    _by_file: dict[str, Entry] = field(default_factory=dict)
    _by_sha: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Registry":
        registry = cls(path)
        if path.is_file():
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
            for item in data.get("notices", []):
                registry._add(Entry(item["id"], item["file"], item["sha256"], item["path"],
                                    list(item.get("redirects", [])), item.get("added")))
        return registry

    def _add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        self._by_file[entry.file] = entry
        self._by_sha.setdefault(entry.sha256, entry)

    def find(self, file: str, sha256: str) -> Entry | None:
        """The entry of this source file: by name first (edits keep the id), then by content (renames)."""
        return self._by_file.get(file) or self._by_sha.get(sha256)

    def assign(self, file: str, sha256: str, proposed: str, page_dir: str, today: str | None = None) -> Entry:
        """Return the permanent entry of a notice, creating it the first time it is published."""
        entry = self.find(file, sha256)
        if entry is None:
            entry = Entry(self._unique(proposed), file, sha256, f"{page_dir}/{proposed}", added=today)
            entry.path = f"{page_dir}/{entry.id}"
            self._add(entry)
            self.changed = True
            return entry
        path = f"{page_dir}/{entry.id}"
        if (entry.file, entry.sha256) != (file, sha256):
            entry.file, entry.sha256 = file, sha256
            self._by_file[file] = entry
            self._by_sha.setdefault(sha256, entry)
            self.changed = True
        if entry.path != path:
            if entry.path not in entry.redirects:
                entry.redirects.append(entry.path)
            entry.path = path
            self.changed = True
        return entry

    def _unique(self, proposed: str) -> str:
        candidate, counter = proposed, 2
        while candidate in self.entries:
            candidate, counter = f"{proposed}-{counter}", counter + 1
        return candidate

    def save(self) -> None:
        if not self.changed and self.path.is_file():
            return
        items = [vars(e) | {"redirects": list(e.redirects)} for e in sorted(self.entries.values(), key=lambda e: e.id)]
        for item in items:
            for key in ("redirects", "added"):
                if not item[key]:
                    del item[key]
        text = HEADER + yaml.dump({"notices": items}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=120)
        try:
            self.path.write_text(text, encoding="utf-8")
        except OSError as error:  # a read-only source folder: ids hold for this build only
            raise RegistryNotSaved(f"{self.path}: {error.strerror}") from error
        self.changed = False


def propose_id(province_code: str | None, scope: str | None, year: int | None, type_code: str | None,
               number: str | None, sha256: str) -> str:
    """A short readable id: ``quang-ninh-2021-kl-2927`` or ``quang-ninh-2022-tb-ed71dd52``."""
    place = province_code or ("vn" if scope == "national" else "khong-ro")
    kind = slugify(type_code) if type_code else "vb"
    digits = re.match(r"\d+", number or "")
    tail = digits.group() if digits else sha256[:8]
    return "-".join([place, str(year) if year else "nd", kind, tail])
