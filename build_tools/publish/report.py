"""The build report: notices in, pages out, and why each missing or doubtful notice is so.

What ``--strict`` fails on (``BuildReport.failures``): a notice that could not be
published (unreadable, not a notice, an invalid curator file) and a problem of the
site itself (a broken internal link, a warning of the site build). What a notice does
not state (an unknown date, a signer without a name), duplicates and files that are not
notices at all are facts to review, reported but never a failure.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..model import Problem

FAILING_SEVERITIES = ("error", "site")


@dataclass
class BuildReport:
    inputs: int  # every file found in the source folder, notices or not
    published: int
    pages: int = 0
    problems: list[Problem] = field(default_factory=list)
    site_dir: str = ""
    figures: dict[str, float] = field(default_factory=dict)

    def _with(self, severity: str) -> list[Problem]:
        return [p for p in self.problems if p.severity == severity]

    @property
    def rejected(self) -> list[Problem]:
        return self._with("error")

    @property
    def duplicates(self) -> list[Problem]:
        return self._with("duplicate")

    @property
    def warnings(self) -> list[Problem]:
        return self._with("warning")

    @property
    def skipped(self) -> list[Problem]:
        """Files that are not notices at all (an unknown extension such as ``.bin``)."""
        return self._with("skipped")

    @property
    def site_problems(self) -> list[Problem]:
        """Problems of the site rather than of a notice: broken internal links, site build warnings."""
        return self._with("site")

    @property
    def failures(self) -> list[Problem]:
        """What ``--strict`` turns into a failed build."""
        return [p for p in self.problems if p.severity in FAILING_SEVERITIES]

    @property
    def notices_in(self) -> int:
        return self.inputs - len({p.file for p in self.skipped})

    def accounted(self) -> bool:
        """Every input is a published notice, a rejected or skipped file, or a duplicate of a published one."""
        files = {p.file for p in self.rejected + self.duplicates + self.skipped}
        return self.published + len(files) == self.inputs

    def summary(self) -> str:
        lines = [
            f"Notices in: {self.notices_in}",
            f"Published: {self.published} notice pages ({self.pages} pages in all)",
            f"Not published: {len({p.file for p in self.rejected})}",
            f"Duplicates (published once, recorded as aliases): {len(self.duplicates)}",
        ]
        if self.skipped:
            lines.append(f"Other files (not notices, skipped): {len({p.file for p in self.skipped})}")
        for title, items in (("Not published", self.rejected), ("Problems of the site", self.site_problems),
                             ("Duplicates", self.duplicates), ("Not notices (skipped)", self.skipped),
                             ("Warnings (published, please review)", self.warnings)):
            if items:
                lines.append(f"\n{title}:")
                lines.extend(f"  - {p.describe()}" for p in items)
        if self.site_dir:
            lines.append(f"\nSite: {self.site_dir}")
        return "\n".join(lines)

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"inputs": self.inputs, "notices": self.notices_in, "published": self.published,
                "pages": self.pages, "problems": [asdict(p) for p in self.problems]}  # no timings: reproducible
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
