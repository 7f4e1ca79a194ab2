"""Spelling slips and unlisted spellings of names of six letters or more.

Only capitalised words of five letters or more are looked at, each distinct word once:
a word matches a name part when it has the same phonetic key (see `variants.skeleton`), or
when it starts with the same letter and is within one edit (two for names of nine letters
or more) counting a swap of two neighbouring letters as one edit. A word that belongs to a
different variant family than the name ("Hamad" and "Hamid") never matches, nor does an
ordinary inflected word ("Walked" for "Walker"), nor the place a nisba name comes from
("Dorran" for al-Dorrani). Names of four or five letters match a word
one edit away only in a name position: after an honorific or an initial ("Dr. Priay").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from backchannel.gate import romkey
from backchannel.gate.fold import fold_word
from backchannel.gate.honorifics import TITLE_WORDS, has_honorific, initials_before
from backchannel.gate.variants import family_ids, skeleton
from backchannel.gate.words import common_words, not_names

MIN_TARGET = 6
MIN_WORD = 5
MIN_SHORT = 3  # shorter names match near spellings only in a name position
_INFLECTIONS = ("ed", "ing", "ly", "ness", "ment", "tion", "ers", "ies")


def _upper_class() -> str:
    chars = [chr(i) for i in range(0x2FF) if chr(i).isupper()]
    chars += [chr(i) for i in range(0x370, 0x530) if chr(i).isupper()]
    return "".join(re.escape(c) for c in chars)


_CAP_WORD = re.compile(rf"(?<![^\W\d_])[{_upper_class()}][^\W\d_]{{{MIN_SHORT - 1},}}(?![^\W\d_])")


def _nisba_root(word: str, target: str) -> bool:
    """True when `target` is a nisba of `word`: al-Dorrani from Dorran, al-Qadiri from Qadira.

    Arabic family names are often adjectives of a place or a tribe ending in -i; the place
    itself is then one edit away from the name and must not be taken for it.
    """
    stem = target[:-1]
    return (
        target.endswith("i")
        and len(stem) >= 4
        and word[: len(stem)] == stem
        and (len(word) in (len(stem), len(target)))
    )


_SLAVIC_SUFFIXES = (
    ("ova", ("ova", "owa", "eva", "ewa", "ava", "awa")),
    ("eva", ("ova", "owa", "eva", "ewa", "yeva", "jewa")),
    ("ov", ("ov", "ow", "off", "of", "ev", "ew", "eff")),
    ("ev", ("ov", "ow", "off", "of", "ev", "ew", "eff")),
)


def _suffix_lost(word: str, target: str) -> bool:
    """True when `word` is `target` with the consonant of its Slavic surname suffix
    changed, or a town's ending for it: Khokhloma, the painted spoons, is not Khokhlova,
    nor Ivanovo Ivanova. A slip elsewhere, a swap or a dropped letter (Khokhlvoa,
    Belyaeav) is still the name."""
    for suffix, kept in _SLAVIC_SUFFIXES:
        if target.endswith(suffix) and len(target) > len(suffix) + 2:
            if word.endswith(("ovo", "evo", "ovsk", "evsk")):
                return True  # a town: Ivanovo, Palekhovo, Ivanovsk (not Ivanova)
            cut = len(target) - len(suffix)
            if len(word) != len(target) or word[:cut] != target[:cut] or word.endswith(kept):
                return False
            changed = [(a, b) for a, b in zip(word[cut:], suffix, strict=True) if a != b]
            return len(changed) == 1 and not any(c in "aeiouy" for c in changed[0])
    return False


# Spellings that only another romanisation uses for the sounds of a name (German sch, w,
# j; Uzbek and Pinyin x; French dj; kh, zh).
_OTHER_SYSTEM = re.compile(r"sch|zh|kh|dj|x|w|j")


def _wordlike(word: str) -> bool:
    """True for a word written like a name (Schtscherbakow), not a run of code or base64
    ("IxtGyw"): capital first, small letters after, a vowel for every four letters."""
    vowels = sum(c in "aeiouyäöüéèëïîôâàåøœæ" for c in word.lower())
    return word[1:].islower() and vowels * 4 >= len(word)


def threshold(target: str) -> int:
    """Edits allowed for a name part of this length."""
    return 1 if len(target) <= 8 else 2


class FuzzyMatcher:
    """Finds capitalised words that are near spellings of the roster's name parts."""

    def __init__(self, targets: dict[str, frozenset[int]], exact: Iterable[str]) -> None:
        by_first: dict[str, list[tuple[str, frozenset[int]]]] = {}
        self._by_skeleton: dict[str, set[int]] = {}
        self._short: dict[str, list[tuple[str, frozenset[int]]]] = {}
        self._by_romkey: dict[str, list[tuple[str, frozenset[int]]]] = {}
        for word, people in targets.items():
            if " " in word or len(word) < MIN_TARGET - 2:
                continue
            # Article forms ("elminseo") are not romanisations of anything.
            joined_article = word[:2] in ("al", "el", "ul", "il") and word[2:] in targets
            if len(word) >= MIN_WORD and not joined_article:
                for key in romkey.strong_keys(word):
                    self._by_romkey.setdefault(key, []).append((word, people))
            self._by_skeleton.setdefault(skeleton(word), set()).update(people)
            if len(word) >= MIN_TARGET:
                by_first.setdefault(word[0], []).append((word, people))
            elif len(word) >= MIN_SHORT + 1:
                self._short.setdefault(word[0], []).append((word, people))
        self._targets = {
            first: ([w for w, _ in pairs], [p for _, p in pairs])
            for first, pairs in by_first.items()
        }
        self._lengths = {
            len(w) + d for pairs in by_first.values() for w, _ in pairs for d in (-2, -1, 0, 1, 2)
        }
        self._exact = frozenset(w.replace(" ", "") for w in exact)
        self._skip = common_words() | not_names() | TITLE_WORDS
        self._cache: dict[str, frozenset[int]] = {}
        self._short_cache: dict[str, frozenset[int]] = {}

    def lookup(self, word: str) -> frozenset[int]:
        """The people whose name part `word` (folded) is a near spelling of; cached."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._lookup(word)
            self._cache[word] = hit
        return hit

    def _lookup(self, word: str) -> frozenset[int]:
        if len(word) < MIN_WORD or word in self._exact or word in self._skip:
            return frozenset()
        people: set[int] = set()
        by_key = self._by_skeleton.get(skeleton(word))
        if by_key:
            people |= by_key
        targets = self._targets.get(word[0])
        if targets is None or len(word) not in self._lengths:
            return frozenset(people)
        words, owners = targets
        for target, distance, i in process.extract(
            word, words, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=None
        ):
            limit = threshold(target)
            if distance > limit or abs(len(target) - len(word)) > limit:
                continue
            families, other = family_ids(word), family_ids(target)
            if families and other and not families & other:
                continue
            if word.endswith(_INFLECTIONS) and not target.endswith(word[-2:]):
                continue
            if _nisba_root(word, target) or _suffix_lost(word, target):
                continue
            people |= owners[i]
        return frozenset(people)

    def lookup_romanised(self, word: str, folded: str) -> frozenset[int]:
        """The people whose name part another romanisation spells as `word` (see `romkey`)."""
        if folded in self._exact or folded in self._skip or not _wordlike(word):
            return frozenset()
        people: set[int] = set()
        for key in romkey.strong_keys(word):
            for target, owners in self._by_romkey.get(key, ()):
                families, other = family_ids(folded), family_ids(target)
                if families and other and not families & other:
                    continue
                # A nisba keeps its -i in every romanisation: Dorran is not al-Durrani.
                nisba = target.endswith(("i", "y")) and not folded.endswith(("i", "y", "ie"))
                # Three consonants say little in a short word ("Track" and Tariq, "Africa"
                # and Faruq): the spellings must then also be near once vowels are evened
                # out. Long words spelled by another system's rules carry more
                # (Chodschajewa and Xo'jayeva; not "Addresses" and Idrissa).
                long = (
                    len(folded) >= 8
                    and len(target) >= 7
                    and _OTHER_SYSTEM.search(folded) is not None
                )
                if (
                    len(key) == romkey.MIN_KEY
                    and not long
                    and DamerauLevenshtein.distance(
                        skeleton(folded), skeleton(target), score_cutoff=2
                    )
                    > 1
                ):
                    continue
                if (
                    nisba
                    or _suffix_lost(folded, target)
                    or _nisba_root(folded, target)
                    or (folded.endswith(_INFLECTIONS) and not target.endswith(folded[-2:]))
                ):
                    continue
                people |= owners
        return frozenset(people)

    def lookup_short(self, word: str) -> frozenset[int]:
        """The people with a name part of four or five letters one edit from `word`."""
        hit = self._short_cache.get(word)
        if hit is not None:
            return hit
        people: set[int] = set()
        if word not in self._exact and word not in self._skip:
            for target, owners in self._short.get(word[0], ()):
                if abs(len(target) - len(word)) <= 1 and (
                    DamerauLevenshtein.distance(word, target, score_cutoff=1) <= 1
                ):
                    people |= owners
        hit = frozenset(people)
        self._short_cache[word] = hit
        return hit

    def find(self, text: str) -> Iterator[tuple[int, int, frozenset[int]]]:
        """(start, end, people) for every capitalised near spelling in `text`."""
        hits: dict[str, frozenset[int]] = {}
        short: dict[str, frozenset[int]] = {}
        for word in set(_CAP_WORD.findall(text)):
            folded = word.lower() if word.isascii() else fold_word(word)
            people = self.lookup(folded) if len(folded) >= MIN_WORD else frozenset()
            if not people and len(folded) >= MIN_WORD:
                people = self.lookup_romanised(word, folded)
            if people:
                hits[word] = people
            elif len(folded) <= MIN_TARGET:
                people = self.lookup_short(folded)
                if people:
                    short[word] = people
        if not hits and not short:
            return
        every = {**short, **hits}
        alternation = "|".join(re.escape(w) for w in sorted(every, key=len, reverse=True))
        pattern = re.compile(rf"(?<![^\W\d_])(?:{alternation})(?![^\W\d_])")
        for match in pattern.finditer(text):
            word = match.group()
            if word in hits:
                yield match.start(), match.end(), hits[word]
            elif has_honorific(text, match.start()) or initials_before(text, match.start()):
                yield match.start(), match.end(), short[word]
