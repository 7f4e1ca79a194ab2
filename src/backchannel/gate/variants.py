"""Other spellings of a name: the built-in families, spelling rules and a phonetic key.

- `family_of(word)`: the spellings in the families of `data/variants.txt` that hold `word`.
- `rule_variants(word)`: spellings made by rules that hold across many names: Slavic
  endings (-ov/-off/-ow, -sky/-ski/-skyi, -iy/-ii/-y), doubled letters written once
  (Hassan, Hasan), ou/u and ee/i in romanised Arabic (Youssef, Yussef; Hameed, Hamid).
- `skeleton(word)`: a phonetic key; two spellings with the same key sound alike (Ivanoff,
  Ivanov; Rasheed, Rashid; Kowalski, Kovalski).
Every function takes and returns folded words (see `fold`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from backchannel.gate.fold import fold


@cache
def _families() -> tuple[dict[str, frozenset[int]], tuple[frozenset[str], ...]]:
    text = (
        resources.files("backchannel.gate")
        .joinpath("data")
        .joinpath("variants.txt")
        .read_text(encoding="utf-8")
    )
    families: list[frozenset[str]] = []
    member_of: dict[str, set[int]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        forms = frozenset(f for f in (fold(x) for x in line.split(",")) if f)
        if len(forms) < 2:
            continue
        index = len(families)
        families.append(forms)
        for form in forms:
            member_of.setdefault(form, set()).add(index)
            joined = form.replace(" ", "")
            if joined != form:
                member_of.setdefault(joined, set()).add(index)
    frozen = {k: frozenset(v) for k, v in member_of.items()}
    return frozen, tuple(families)


def family_ids(word: str) -> frozenset[int]:
    """The families (by number) that hold `word`; empty when none does."""
    return _families()[0].get(word, frozenset())


def family_of(word: str) -> frozenset[str]:
    """Every spelling in every family that holds `word`, `word` included."""
    member_of, families = _families()
    out = {word}
    for index in member_of.get(word, ()):
        out |= families[index]
    return frozenset(out)


_SLAVIC_ENDINGS = (
    ("ov", ("off", "ow", "of")),
    ("ev", ("eff", "ew", "ef")),
    ("yov", ("yoff", "yow")),
    ("skyy", ("skyi", "skiy", "sky", "ski", "skij")),
    ("skyi", ("skyy", "skiy", "sky", "ski", "skij")),
    ("skiy", ("skyi", "skyy", "sky", "ski", "skij")),
    ("sky", ("skyi", "skyy", "skiy", "ski", "skij")),
    ("ski", ("sky", "skyi", "skiy", "skij")),
    ("vych", ("vich", "vitch", "wicz")),
    ("vich", ("vych", "vitch", "wicz")),
    ("iy", ("ii", "i", "y", "ij")),
    ("ii", ("iy", "i", "y", "ij")),
    ("yi", ("iy", "yy", "y")),
)


def rule_variants(word: str) -> frozenset[str]:
    """Spellings of a folded single word made by general rules, `word` excluded."""
    out: set[str] = set()
    if " " in word or len(word) < 4:
        return frozenset()
    for ending, others in _SLAVIC_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            out.update(stem + o for o in others)
            break
    # Doubled letters written once, and once-written letters doubled where usual.
    single = re.sub(r"([^aeiou])\1", r"\1", word)
    if single != word:
        out.add(single)
    # Romanised Arabic and Persian vowels.
    for a, b in (("ou", "u"), ("oo", "u"), ("ee", "i")):
        if a in word:
            out.add(word.replace(a, b))
    if word.endswith("ah") and len(word) > 4:
        out.add(word[:-1])
    out |= _romance_c_g(word)
    out |= _ukrainian_h(word)
    out |= _greek_hadji(word)
    out.discard(word)
    return frozenset(out)


_SOFT_C = re.compile(r"ci(?=[aou])|\Ace(?=[^aeiou])")
_SOFT_G = re.compile(r"gi(?=[aou])")


def _romance_c_g(word: str) -> set[str]:
    """Romanian and Italian ci and gi before a vowel (and Moldovan ce- at the start), as
    Russian and English write them: Ciobanu is Chobanu (Чобану), Ceban Cheban (Чебан),
    Giurgiu Dzhurdzhu; ch and gh, hard in these languages, are left as they are."""
    soft = _SOFT_C.sub(lambda m: "ch" if m.group() == "ci" else "che", word)
    soft = _SOFT_G.sub("dzh", soft)
    return {soft} - {word}


_HADJI = ("hadji", "hatzi", "chatzi", "hadzi", "khatzi")


def _greek_hadji(word: str) -> set[str]:
    """The Cypriot and Greek Hadji- prefix in its romanisations (Χατζη-): Hadjipetrou,
    Chatzipetrou, Hatzipetrou."""
    for prefix in _HADJI:
        if word.startswith(prefix) and len(word) > len(prefix) + 3:
            rest = word[len(prefix) :]
            return {p + rest for p in _HADJI} - {word}
    return set()


_UKRAINIAN_ENDINGS = ("enko", "chuk", "iuk", "yuk", "chak", "ak", "uk", "ko", "ych", "iv")


def _ukrainian_h(word: str) -> set[str]:
    """A Ukrainian surname or given name as Russian spells it: Hryhorenko is Grigorenko,
    Hnatiuk Gnatyuk, Ihor Igor, Halyna Galina (h for г, y for и)."""
    if "h" not in word or not word.endswith(_UKRAINIAN_ENDINGS + ("or", "yna", "na")):
        return set()
    plain = re.sub(r"(?<![kszc])h", "g", word)
    if plain == word:
        return set()
    return {plain, re.sub(r"(?<=[^aeiou])y(?=[^aeiou])", "i", plain)}


_REPLACE = (
    ("ph", "f"),
    ("kh", "h"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("y", "i"),
    ("w", "v"),
    ("dzh", "j"),
    ("dj", "j"),
    ("j", "y"),
)
_HARD_C = re.compile(r"c(?=[aoukr])")
_DOUBLE = re.compile(r"(.)\1+")
_ENDINGS = (("ff", "v"), ("ow", "ov"), ("ew", "ev"), ("ie", "i"))


@cache
def skeleton(word: str) -> str:
    """A phonetic key for a folded word: spellings that sound alike share it."""
    key = word.replace(" ", "")
    for ending, repl in _ENDINGS:
        if key.endswith(ending):
            key = key[: -len(ending)] + repl
            break
    for a, b in _REPLACE:
        if a in key:
            key = key.replace(a, b)
    if "c" in key:
        key = _HARD_C.sub("k", key)
    key = _DOUBLE.sub(r"\1", key)
    if key.endswith("h") and len(key) > 1:
        key = key[:-1]
    return key


def spellings(word: str) -> frozenset[str]:
    """`word`, its family and the rule variants of each of them (one level)."""
    out = set(family_of(word))
    for form in list(out):
        out |= rule_variants(form)
    return frozenset(out)
