"""The gate: built once per roster, then used to scan many texts."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from backchannel.domain.people import Candidate
from backchannel.gate._names import Scanner
from backchannel.gate.descriptors import DescriptorFinder
from backchannel.gate.finding import Finding
from backchannel.gate.fold import fold_text
from backchannel.gate.index import RosterIndex
from backchannel.gate.lang.detect import Paragraph, paragraphs
from backchannel.gate.native import NativeFinder
from backchannel.gate.quoted_names import QuotedNames
from backchannel.gate.title_refs import TitleRefs
from backchannel.gate.translated import TranslatedFinder, Unchecked

# When findings overlap they become one; its kind is the first of these among them.
_PRIORITY = {"name": 0, "alias": 1, "title": 2, "affiliation": 3, "descriptor": 4, "other": 5}


def merge_overlaps(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Sorted, non-overlapping findings: overlapping ones become one covering them all."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    for f in ordered:
        joins = (
            out
            and out[-1].kind == "title"
            and f.participant == out[-1].participant
            and _RANK_GAP.fullmatch(text, out[-1].end, f.start) is not None
        )
        if out and (f.start < out[-1].end or joins):
            last = out[-1]
            end = max(last.end, f.end)
            best = min((last, f), key=lambda x: (_PRIORITY.get(x.kind, 9), -(x.end - x.start)))
            out[-1] = Finding(last.start, end, text[last.start : end], best.kind, best.participant)
        else:
            out.append(f)
    return out


# Between a rank and the name it belongs to: « el coronel (r) Consuelo Parra ».
_RANK_GAP = re.compile(r"[ \t]*(?:\([^)\n]{1,8}\)[ \t]*)?")

# Format characters that print nothing but split a word for a matcher.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


class Gate:
    """The non-attribution gate for one roster.

    >>> gate = Gate(roster)            # doctest: +SKIP
    >>> gate.scan("Dr. Benali said ...")  # doctest: +SKIP
    [Finding(start=0, end=10, text='Dr. Benali', kind='name', participant='p01')]
    """

    def __init__(self, roster: Sequence[Candidate], *, k: int = 2) -> None:
        if k < 1:
            raise ValueError("k must be at least 1")
        self.k = k
        self.index = RosterIndex(roster)
        self._scanner = Scanner(self.index)
        self._descriptors = DescriptorFinder(self.index.people, k)
        self._title_refs = TitleRefs(self.index.people)
        self._native = NativeFinder(roster)
        self._quoted = QuotedNames(roster)
        phrases = [(c.id, "title", c.title) for c in roster if c.title.strip()]
        phrases += [(c.id, "affiliation", c.affiliation) for c in roster if c.affiliation.strip()]
        # "University of Sebha, Faculty of Agriculture": notes name either body alone.
        phrases += [
            (c.id, "affiliation", part.strip())
            for c in roster
            if "," in c.affiliation
            for part in c.affiliation.split(",")
            if len(part.split()) >= 2
        ]
        self._translated = TranslatedFinder(phrases)
        self.categories: dict[str, str] = {p.id: p.category for p in self.index.people}
        self.category_sizes: dict[str, int] = {}
        for p in self.index.people:
            self.category_sizes[p.category] = self.category_sizes.get(p.category, 0) + 1

    def scan(self, text: str) -> list[Finding]:
        """Every mention of a participant, sorted by start, never overlapping. Characters
        that print nothing (a soft hyphen, joiners, direction marks and isolates) cannot
        hide a name: the text is read without them and the findings point into `text`."""
        if _INVISIBLE.search(text) is None:
            return self._scan(text)
        kept = [i for i, c in enumerate(text) if not _INVISIBLE.match(c)]
        seen = "".join(text[i] for i in kept)
        out = []
        for f in self._scan(seen):
            start, end = kept[f.start], kept[f.end - 1] + 1
            out.append(dataclasses.replace(f, start=start, end=end, text=text[start:end]))
        return out

    def _scan(self, text: str) -> list[Finding]:
        folded = fold_text(text)
        found = self._scanner.find(text, folded)
        found.extend(self._descriptors.find(text, folded))
        paras = self.paragraphs(text)
        found.extend(self._title_refs.find(text, folded, paras))
        found.extend(self._native.find(text))
        found.extend(self._quoted.find(text))
        found.extend(self._translated.find(text, folded, paras))
        return merge_overlaps(text, found)

    @staticmethod
    def paragraphs(text: str) -> list[Paragraph]:
        """The paragraphs of `text` with their language and script (see `lang.detect`)."""
        return paragraphs(text)

    def unchecked(self, text: str) -> list[Unchecked]:
        """Titles and affiliations the gate could not look for in the notes' languages."""
        return self._translated.unchecked({p.language for p in paragraphs(text)})

    def redact(self, text: str) -> str:
        """The text with every finding replaced by a neutral placeholder."""
        from backchannel.gate.redact import redact

        return redact(self, text)
