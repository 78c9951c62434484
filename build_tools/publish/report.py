"""The build report: notices in, pages out, and why each missing or doubtful notice is so."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..model import Problem


@dataclass
class BuildReport:
    inputs: int
    published: int
    pages: int = 0
    problems: list[Problem] = field(default_factory=list)
    site_dir: str = ""
    figures: dict[str, float] = field(default_factory=dict)

    @property
    def rejected(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def duplicates(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "duplicate"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def accounted(self) -> bool:
        """Every input is a published notice, a rejected file or a duplicate of a published one."""
        rejected_files = {p.file for p in self.rejected}
        duplicate_files = {p.file for p in self.duplicates}
        return self.published + len(rejected_files) + len(duplicate_files) == self.inputs

    def summary(self) -> str:
        lines = [
            f"Notices in: {self.inputs}",
            f"Published: {self.published} notice pages ({self.pages} pages in all)",
            f"Not published: {len({p.file for p in self.rejected})}",
            f"Duplicates (published once, recorded as aliases): {len(self.duplicates)}",
        ]
        for title, items in (("Not published", self.rejected), ("Duplicates", self.duplicates),
                             ("Warnings (published, please review)", self.warnings)):
            if items:
                lines.append(f"\n{title}:")
                lines.extend(f"  - {p.describe()}" for p in items)
        if self.site_dir:
            lines.append(f"\nSite: {self.site_dir}")
        return "\n".join(lines)

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"inputs": self.inputs, "published": self.published, "pages": self.pages,
                "problems": [asdict(p) for p in self.problems]}  # no timings: the site must be reproducible
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
