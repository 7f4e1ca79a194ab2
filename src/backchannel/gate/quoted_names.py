"""An organisation's own name, given in quotes in the roster (Association of Displaced
Women "Imedi", Tsalka Armenian Cultural Union "Arev"), found again in quotes in the notes in
any script the gate transliterates: « кооператив «Окуми» », "the «Arev» union",
„Argonavtis“.

The quotes are the cue on both sides: a quoted word in the notes whose romanisation keys
(gate/romkey.py) equal those of a quoted name in one participant's affiliation points to
that participant, even when the name is short (Arev) or a word of the language. The same
names unquoted are the Latin index's (index.affiliation_quoted), which asks for more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from backchannel.domain.people import Candidate
from backchannel.gate import romkey
from backchannel.gate.finding import Finding
from backchannel.gate.scripts import word_script
from backchannel.gate.translit import to_latin

QUOTED = re.compile(
    r"(?<!\w)[\"“”«„‘'‹]\s*([^\"“”«»„‘’'‹›\n]{2,60}?)\s*[\"”“»’'›](?!\w)"
)  # an apostrophe inside a word (growers' cooperative) opens and closes nothing
_WORD = re.compile(r"\w+")


def quoted_names(affiliation: str) -> list[str]:
    """The quoted names in an affiliation, as typed."""
    return [m.group(1).strip() for m in QUOTED.finditer(affiliation) if m.group(1).strip()]


def _word_keys(word: str) -> frozenset[str]:
    script = word_script(word)
    readings = (word,) if script == "Latin" else to_latin(word, script)
    return frozenset(k for r in readings for k in romkey.keys(r) if len(k) >= 2)


class QuotedNames:
    def __init__(self, roster: Sequence[Candidate]) -> None:
        self._names: list[tuple[tuple[frozenset[str], ...], str]] = []
        for cand in roster:
            for name in quoted_names(cand.affiliation):
                keys = tuple(_word_keys(w) for w in _WORD.findall(name))
                if keys and all(keys):
                    self._names.append((keys, cand.id))

    def find(self, text: str) -> Iterator[Finding]:
        if not self._names or not any(q in text for q in "\"“«„‘'‹"):
            return
        for match in QUOTED.finditer(text):
            words = _WORD.findall(match.group(1))
            if not 1 <= len(words) <= 4:
                continue
            keys = tuple(_word_keys(w) for w in words)
            for want, who in self._names:
                if len(want) == len(keys) and all(a & b for a, b in zip(want, keys, strict=True)):
                    start, end = match.start(), match.end()
                    yield Finding(start, end, text[start:end], "affiliation", who)
                    break
