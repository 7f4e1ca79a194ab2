"""Finding participants' names, aliases, affiliations and titles in a text.

1. One Aho-Corasick pass over the folded text finds every form (see `index`).
2. Capitalised words not found exactly are tried as near spellings (see `fuzzy`).
3. Name parts next to each other (separated by spaces, a hyphen or a particle such as
   "bin" or "de") that belong to the same participant join into one mention.
4. A lone name part must look like a name: never in lower case; an ordinary word
   ("Will", "Hope", "Said") only in a name position: after an honorific or the initial of
   the same person, capitalised in mid-sentence, or followed by a reporting verb, a
   possessive, "and" or a comma. A lone part right next to a capitalised word that is not
   part of the same name ("Grace Kelly" when the participant is Grace Mensah) names
   somebody else and is not a participant.
5. An honorific, rank or initial before a mention joins it ("Brig. Gen. Okoye").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from backchannel.gate import romkey
from backchannel.gate.finding import Finding
from backchannel.gate.fold import Folded, fold_text, fold_word
from backchannel.gate.forms import JOINERS, PARTICLES, part_forms
from backchannel.gate.honorifics import TITLE_WORDS, has_honorific, initials_before, prefix_start
from backchannel.gate.index import (
    ACRONYM,
    AFFILIATION,
    AFFILIATION_TAIL,
    ALIAS,
    INITIALS,
    NAME_INITIALS,
    PART,
    TITLE,
    RosterIndex,
)
from backchannel.gate.variants import skeleton
from backchannel.gate.words import REPORTING, common_words, not_names


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    people: frozenset[int]
    alias: bool
    common: bool


_PARTICLES = (
    r"bin|ibn|bint|binti|ben|ould|ag|al|el|de|del|della|da|das|dos|do|du|di|van|von|der|den"
    r"|ter|ten|la|le|y|abu|umm"
)
_GAP = re.compile(rf"(?:[ \t]*\n?[ \t]*|[ \t]*-[ \t]*)(?:(?i:{_PARTICLES})[ \t]+)*\Z")
_PARTICLES_BEFORE = re.compile(rf"(?<![^\W\d_])(?:(?i:{_PARTICLES})[ \t]+)+\Z")
_CUE = re.compile(rf"(?:['’]s?(?![^\W\d_])|[ \t]*[,:;()\]]|[ \t]+(?:{REPORTING})(?![^\W\d_]))")
# What may stand between two initials: a space (no-break ones too) and a hyphen.
_BETWEEN = r"[ \t\u00a0\u202f]?-?[ \t\u00a0\u202f]?"
# Initials made from a name and written apart carry their dots ("V. K.", "V.-K."), so a
# table's column letters ("A B H N") are not somebody's initials.
_DOTTED = re.compile(rf"[^\W\d_]\.(?:{_BETWEEN}[^\W\d_]\.?)+")
# Initials written bare ("VAK") or with a dot after each letter ("V.A.K.", "V. K."), not
# letters that a comma separates ("A, B").
_INITIALS = re.compile(rf"[^\W\d_]+|[^\W\d_]\.?(?:{_BETWEEN}[^\W\d_]\.?)+")
_HEAD_WORD = re.compile(r"(?<![\w'’ʼ])(?:([^\W\d_][\w'’ʼ]*)|\(([^\W\d_][\w'’ʼ]*)\))\Z")
_PREV_WORD = re.compile(r"([^\W\d_][\w'’]*)[ \t]+\Z")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’]*)")
_WORD_AT = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"[^\W\d_]+\Z")
_OPENERS = set("\"'“‘(*•–—-[#>«")
_ENDERS = set(".!?…")
# Words around a lone name part that make it a place: "the Qandil mountains", "Aydın
# province", "plaza Bolívar", "Santiago de Chile", "Saint-Jean-Baptiste".
_PLACE_AFTER = re.compile(
    r"[ \t]+(?i:mountains?|province|river|valley|district|region|city|county|street|square"
    r"|lake|sea|gulf|plain|plains|desert|oblast|governorate|wilaya|de[ \t]+Chile|gas|oil"
    r"|field|fields|dam|basin|pipeline|airport|camp|crossing|bridge|highway)(?![^\W\d_])"
)
# A vehicle before a capitalised word makes it a make ("volquetas Mercedes", "a white
# Toyota"), not a person.
_VEHICLE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:camionetas?|camion(?:es)?|camión|volquetas?|carros?|coches?|autos?"
    r"|voitures?|camions?|4x4|trucks?|cars?|vans?|jeeps?|pick-?ups?)[ \t]+\Z"
)
# A ruler or a pope before a lone given name: somebody famous ("papa Francisco", "King
# Abdullah"), not a participant.
_FAMOUS_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:pope|papa|pape|king|queen|rey|reina|roi|reine|tsar|czar|zar|emperor"
    r"|emperador|empereur|imperatriz|kaiser)[ \t]+\Z"
)
_PLACE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?i:plaza|calle|avenida|paseo|rue|place|avenue|boulevard|quai|piazza|via"
    r"|lake|mount|mont|cape|port|fort|san|santa|santo|são|saint|sainte|st|ste)\.?[ \t-]+\Z"
)
# "in X", or "en X, Region": a place or a time, not a person ("in Grace's view" is).
_IN_BEFORE = re.compile(r"(?<![^\W\d_])(?:in|en|dans)[ \t]+\Z")
_POSSESSIVE = re.compile(r"['’]s?\b")
_REGION_AFTER = re.compile(
    r",[ \t]+[A-ZÀ-Þ][a-zà-ÿ]{3,}(?:[ \t]+(?:del?|la)[ \t]+[A-Z]\w+)?[ \t]*[,.;:)]"
)
# Articles before a given name make it a thing, not a person: "El Niño", "La Paz".
_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])(?:El|La|Los|Las|Al|Le|Les)[ \t]+\Z")
# Given names that are also adjectives: before one of these nouns they are the adjective
# ("Roman numerals", "German delegation", "Christian militias"); before anything else
# (a verb, "can", "y") they stay a name.
_ADJECTIVE_NAMES = frozenset({"roman", "german", "christian", "norman", "latin"})
_ADJECTIVE_NOUNS = frozenset(
    "numeral numerals empire empires law laws catholic catholics church churches delegation"
    " delegations militia militias army armies forces troops government side parties border"
    " community communities democrats democratic language languages alphabet calendar era"
    " period ruins road roads times script embassy ministry mediators conquest".split()
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _given_only(parts: tuple[str, ...]) -> frozenset[str]:
    """The forms of a given name that no other part of the same name has."""
    if len(parts) < 2:
        return frozenset()
    others: set[str] = set()
    for part in parts[1:]:
        others |= part_forms(part)
    return frozenset(part_forms(parts[0], article=False) - others)


def sentence_initial(text: str, pos: int, *, colon: bool = True) -> bool:
    """True when `pos` starts a sentence, a line or a bullet (or follows a colon)."""
    j = pos - 1
    while j >= 0 and (text[j].isspace() or text[j] in _OPENERS):
        if text[j] == "\n":
            return True
        j -= 1
    return j < 0 or text[j] in _ENDERS or (colon and text[j] == ":")


def _bare_apostrophe(text: str, start: int, end: int) -> bool:
    """True for a possessive apostrophe without s ("Gómez' view"), not a closing quote."""
    if end >= len(text) or text[end] not in "'’":
        return False
    if end + 1 < len(text) and text[end + 1].isalnum():
        return False
    return start == 0 or text[start - 1] not in "'‘"


def _similar(word: str, forms: frozenset[str]) -> bool:
    """True when `word` sounds like one of `forms` or is one edit from one of them."""
    if len(word) < 3:
        return False
    key = skeleton(word)
    rom = romkey.strong_keys(word)
    return any(
        skeleton(form) == key
        or bool(rom & romkey.keys(form))
        or (form[0] == word[0] and DamerauLevenshtein.distance(word, form, score_cutoff=1) <= 1)
        for form in forms
    )


class Scanner:
    """Runs steps 1 to 5 of the module docstring for one roster."""

    def __init__(self, index: RosterIndex) -> None:
        self.index = index
        self._ordinary = not_names() | TITLE_WORDS | PARTICLES | JOINERS
        self._common = common_words()
        self._words = [index.person_words(p.index) for p in index.people]
        self._all_words = frozenset().union(*self._words) if self._words else frozenset()
        self._given = [_given_only(p.forms.parts) for p in index.people]

    def find(self, text: str, folded: Folded | None = None) -> list[Finding]:
        """Names, aliases, affiliations and titles of participants (no descriptors)."""
        folded = folded if folded is not None else fold_text(text)
        padded = f" {folded.text} "
        idx = self.index
        payloads, lengths = idx.payloads, idx.lengths
        ids = [p.id for p in idx.people]
        raws: list[_Raw] = []
        found: list[Finding] = []
        if idx.pattern_count:
            for end, pid in idx.automaton.iter(padded):
                ns = end - lengths[pid] + 1
                os_ = folded.start(ns)
                oe = folded.end(end - 1)
                for what, who, common in payloads[pid]:
                    if what == PART or what == ALIAS:
                        raws.append(_Raw(os_, oe, frozenset(who), what == ALIAS, common))
                    elif what == AFFILIATION:
                        if common and not text[os_:oe][:1].isupper():
                            continue  # a quoted name alone, here an ordinary word
                        found.append(Finding(os_, oe, text[os_:oe], "affiliation", ids[who[0]]))
                    elif what == TITLE:
                        found.append(Finding(os_, oe, text[os_:oe], "title", ids[who[0]]))
                    elif what == AFFILIATION_TAIL:
                        tail = padded[ns + 1 : end]
                        for person in who:
                            hs = self._romanised_head(text, folded, padded, ns, tail, person)
                            if hs is not None:
                                found.append(
                                    Finding(hs, oe, text[hs:oe], "affiliation", ids[person])
                                )
                    elif what in (INITIALS, ACRONYM, NAME_INITIALS):
                        span = text[os_:oe]
                        shape = (
                            _DOTTED
                            if what == NAME_INITIALS and " " in padded[ns + 1 : end]
                            else _INITIALS
                        )
                        if (
                            span.isupper()
                            and shape.fullmatch(span) is not None
                            and not self._in_caps_run(text, os_, oe)
                        ):
                            kind = "affiliation" if what == ACRONYM else "alias"
                            found.append(Finding(os_, oe, span, kind, ids[who[0]]))
        for start, end_, people in idx.fuzzy.find(text):
            raws.append(_Raw(start, end_, people, False, False))
        found.extend(self._names(text, raws, ids))
        return found

    def _romanised_head(
        self, text: str, folded: Folded, padded: str, ns: int, tail: str, person: int
    ) -> int | None:
        """The original start of the word before an affiliation's tail when it is another
        romanisation of the affiliation's first word (Ghashghai, Qashqa'i, "(Kashkai)" for
        Qashqai), with one line break at most between them, else None."""
        end = folded.start(ns)  # where the tail starts in the original text
        breaks = 0
        while end > 0 and text[end - 1] in " \t\u00a0\n":
            breaks += text[end - 1] == "\n"
            end -= 1
        match = _HEAD_WORD.search(text, max(0, end - 40), end)
        if match is None or breaks > 1:  # a digit, a blank line: not the same name
            return None
        start = match.start()
        word = fold_word(match.group(1) or match.group(2))  # Qashqa'i is qashqai
        first = match.start(1) if match.group(1) else match.start(2)
        if len(word) < 4 or not text[first].isupper():
            return None
        for head in self.index.tail_heads.get((tail, person), ()):
            if word == head or romkey.strong_keys(word) & romkey.strong_keys(head):
                return start
            if word[0] == head[0] and DamerauLevenshtein.distance(word, head) <= 1:
                return start
        return None

    @staticmethod
    def _in_caps_run(text: str, start: int, end: int) -> bool:
        """True when an upper-case token is glued to more capitals by dots ("K.R.A.")."""
        before = text[start - 2 : start] if start >= 2 else ""
        after = text[end : end + 2]
        return (len(before) == 2 and before[1] == "." and before[0].isupper()) or (
            len(after) == 2 and after[0] == "." and after[1].isupper()
        )

    def _names(self, text: str, raws: list[_Raw], ids: list[str]) -> Iterator[Finding]:
        raws.sort(key=lambda r: (r.start, -r.end))
        kept: list[_Raw] = []
        for raw in raws:
            if kept and raw.end <= kept[-1].end:
                last = kept[-1]
                if raw.start == last.start and raw.end == last.end:
                    last.people |= raw.people
                    last.alias = last.alias and raw.alias
                    last.common = last.common and raw.common
                continue
            if kept and raw.start < kept[-1].end:
                continue
            kept.append(raw)
        chain: list[_Raw] = []
        people: frozenset[int] = frozenset()
        for raw in kept:
            if chain:
                joined = people & raw.people
                gap = text[chain[-1].end : raw.start]
                if joined and len(gap) <= 24 and _GAP.match(gap):
                    chain.append(raw)
                    people = joined
                    continue
                yield from self._accept(text, chain, people, ids)
            chain = [raw]
            people = raw.people
        if chain:
            yield from self._accept(text, chain, people, ids)

    def _accept(
        self, text: str, chain: list[_Raw], people: frozenset[int], ids: list[str]
    ) -> Iterator[Finding]:
        start, end = chain[0].start, chain[-1].end
        kind = "alias" if all(r.alias for r in chain) else "name"
        person = min(people)
        if len(chain) == 1:
            span = self._lone(text, chain[0], people)
            if span is None:
                return
            start, end = span
        else:
            tokens = [text[r.start : r.end] for r in chain]
            if not any(any(c.isupper() for c in t) for t in tokens) and all(
                r.common for r in chain
            ):
                return
            start = prefix_start(text, start)
        if _bare_apostrophe(text, start, end):
            end += 1
        yield Finding(start, end, text[start:end], kind, ids[person])

    def _lone(self, text: str, raw: _Raw, people: frozenset[int]) -> tuple[int, int] | None:
        """The span of a lone name part when it is used as a name, else None."""
        start, end = raw.start, raw.end
        token = text[start:end]
        if not any(c.isupper() for c in token):
            return self._email(text, start, end)
        words: frozenset[str] = frozenset().union(*(self._words[p] for p in people))
        if (raw.common or end - start <= 4) and self._glued(text, start, end, words):
            return None
        if self._glued_capital(text, start, end, words) or self._place(text, start, end):
            return None
        particles = _PARTICLES_BEFORE.search(text, max(0, start - 24), start)
        coordinated = particles is not None and self._coordinated(text, particles)
        if particles is not None and not coordinated:
            start = particles.start()
        initials = initials_before(text, start)
        supported = has_honorific(text, start) or bool(
            initials
            and any(initials[0].lower() in self.index.people[p].forms.part_initials for p in people)
        )
        prev = (
            None if supported or coordinated else _PREV_WORD.search(text, max(0, start - 40), start)
        )
        if prev is not None and self._foreign(text, prev.group(1), prev.start(1), words):
            if _similar(fold_word(prev.group(1)), words):
                start = prev.start(1)
            else:
                return None
        nxt = _NEXT_WORD.match(text, end)
        if nxt is not None and len(nxt.group(1)) == 1 and nxt.group(1).isupper():
            initial = nxt.group(1).lower()
            if any(initial in self.index.people[p].forms.part_initials for p in people):
                end = nxt.end(1) + (1 if text[nxt.end(1) : nxt.end(1) + 1] == "." else 0)
            nxt = None
        if nxt is not None and self._foreign(text, nxt.group(1), nxt.start(1), words):
            if _similar(fold_word(nxt.group(1)), words):
                end = nxt.end(1)
            else:
                return None
        if not supported and self._not_a_person(text, raw, people, token):
            return None
        begin = prefix_start(text, start)
        if raw.common:
            if supported:
                return begin, end
            title_case = token[:1].isupper() and not token.isupper()
            if not (title_case and not sentence_initial(text, begin)) and not _CUE.match(text, end):
                return None
        return begin, end

    def _not_a_person(self, text: str, raw: _Raw, people: frozenset[int], token: str) -> bool:
        """True when a lone given name is a thing: after an article ("El Niño") or an
        adjective before a noun ("Roman numerals")."""
        folded = fold_word(token)
        if not all(folded in self._given[p] for p in people):
            return False
        if _CUE.match(text, raw.end):
            return False  # "La Gabriela insistió", "Roman said": used as a name
        if _ARTICLE_BEFORE.search(text, max(0, raw.start - 6), raw.start) is not None:
            return True
        if _FAMOUS_BEFORE.search(text, max(0, raw.start - 12), raw.start) is not None:
            return True
        if folded in _ADJECTIVE_NAMES:
            nxt = _NEXT_WORD.match(text, raw.end)
            return nxt is not None and nxt.group(1).lower() in _ADJECTIVE_NOUNS
        return False

    @staticmethod
    def _place(text: str, start: int, end: int) -> bool:
        """True when the words around a lone part make it a place (see _PLACE_AFTER)."""
        if _PLACE_AFTER.match(text, end) is not None:
            return True
        if _VEHICLE_BEFORE.search(text, max(0, start - 14), start) is not None:
            return True
        if _IN_BEFORE.search(text, max(0, start - 8), start) is not None:
            # "in Meskerem" (a month), "en Guadalupe, Santander" (a town, then its region)
            if not _POSSESSIVE.match(text, end):
                if text[start - 3 : start - 1].lower() == "in" or _REGION_AFTER.match(text, end):
                    return True
        return _PLACE_BEFORE.search(text, max(0, start - 12), start) is not None

    @staticmethod
    def _glued_capital(text: str, start: int, end: int, words: frozenset[str]) -> bool:
        """True when a hyphen glues the part to a capitalised word of another name
        ("Jalal-Abad" for a participant Jalal)."""
        if end + 1 < len(text) and text[end] == "-" and text[end + 1].isupper():
            after = _WORD_AT.match(text, end + 1)
            return after is not None and fold_word(after.group()) not in words
        return False

    def _glued(self, text: str, start: int, end: int, words: frozenset[str]) -> bool:
        """True when a hyphen glues the part to a word outside the name ("Min-seo").

        Only asked of short parts and ordinary words: "Kowalczyk-led" is still Kowalczyk.
        """
        if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
            after = _WORD_AT.match(text, end + 1)
            if after is not None and fold_word(after.group()) not in words:
                return True
        if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
            before = _WORD_BEFORE.search(text, max(0, start - 30), start - 1)
            if before is not None:
                folded = fold_word(before.group())
                return folded not in words and folded not in self._ordinary
        return False

    def _coordinated(self, text: str, particles: re.Match[str]) -> bool:
        """ "Rincón y Goyo", "Santander y Pernía": two participants joined by "y", not a
        compound surname (Ortega y Gasset), because the word before "y" is a name part
        of the roster too."""
        if particles.group().strip().lower() not in ("y", "y el", "y la"):
            return False
        prev = _PREV_WORD.search(text, max(0, particles.start() - 40), particles.start())
        return prev is not None and fold_word(prev.group(1)) in self._all_words

    def _foreign(self, text: str, word: str, pos: int, words: frozenset[str]) -> bool:
        """True when a neighbouring word looks like part of a name (capitalised, unknown)."""
        if not word[:1].isupper():
            return False
        folded = fold_word(word)
        if folded in self._ordinary or folded in words:
            return False
        return not (folded in self._common and sentence_initial(text, pos))

    @staticmethod
    def _email(text: str, start: int, end: int) -> tuple[int, int] | None:
        """A lower-case name part inside an e-mail address: the whole address."""
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before not in "._-+@" and after not in "._-+@":
            return None
        lo = start
        while lo > 0 and not text[lo - 1].isspace() and start - lo < 64:
            lo -= 1
        hi = end
        while hi < len(text) and not text[hi].isspace() and hi - end < 128:
            hi += 1
        match = _EMAIL.search(text, lo, hi)
        if match is None or not (match.start() <= start and end <= match.end()):
            return None
        return match.start(), match.end()
