"""The forms in which notes mention a participant, made from one roster row.

Everything here is folded (see `fold`): lower case, no diacritics, words separated by single
spaces, so "Al-Tamimi" and "al Tamimi" are both "al tamimi".

- name parts: the words of the name without honorifics and particles, each with its
  spellings (variant families and rules), Arabic article forms (al-, el-, joined, and the
  sun-letter assimilation at-Tamimi, as-Sayed) and Abd- compounds (Abdul Rahman,
  Abdelrahman, Abd al-Rahman). Any part can be used alone, whichever order the tradition
  puts given name and family name in (Chen Jing, Aung San Myint, Amina Yusuf Abdi).
- aliases: nicknames and kunyas (Abu Karim, Umm Nabil) with their spellings; initials
  ("KR") that only match as whole upper-case tokens.
- affiliations: the organisation's name, its acronym in brackets and the acronym made of
  its initials (three letters or more), British and American spellings.
- titles: the role title and the title without "former", "retired", "senior", ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backchannel.gate.diminutives import name_diminutives
from backchannel.gate.fold import fold, fold_word
from backchannel.gate.honorifics import CASED, TITLE_WORDS
from backchannel.gate.variants import family_of, spellings
from backchannel.gate.words import common_words, not_names

ARTICLES = frozenset({"al", "el", "ul", "il"})
# Particles that are part of a name but never a name alone.
ARABIC_PARTICLES = frozenset({"bin", "ibn", "bint", "binti", "ben", "ould", "wuld", "ag"})
EUROPEAN_PARTICLES = frozenset(
    {"de", "del", "della", "da", "das", "dos", "do", "du", "di", "van", "von", "der", "den"}
    | {"ter", "ten", "la", "le", "y", "e", "zu", "af", "av", "mac", "st"}
)
PARTICLES = ARABIC_PARTICLES | EUROPEAN_PARTICLES
# Words that join the next word into one name: kunyas and Abd- names.
JOINERS = frozenset({"abu", "abou", "abo", "umm", "um", "om", "oum", "abd", "abdul", "abdel"})
# Words that open a compound family name, written joined or apart (Hausa Dan Malam and
# Danmalam; Ethiopian and Eritrean Gebre Mariam and Gebremariam, Wolde Michael): joiners
# when they are not the first word of the name (Dan Brown keeps his given name).
COMPOUND_HEADS = frozenset({"dan", "gebre", "wolde", "welde", "habte", "tekle", "haile", "kidane"})
_SUN = ("th", "dh", "sh", "ts", "t", "d", "r", "z", "s", "n", "l")
_ABD_PREFIXES = (
    "abd al",
    "abd el",
    "abd ul",
    "abd ar",
    "abd as",
    "abdul",
    "abdel",
    "abdal",
    "abdur",
    "abdar",
    "abder",
    "abdoul",
    "abdou",
    "abdi",
    "abdu",
    "abd",
)
_FORMER = re.compile(r"^(?:(?:former|retired|ex|senior|acting|outgoing|then|late|one time)\s+)+")
_SPELLING = (
    ("iser", "izer"),
    ("isation", "ization"),
    ("adviser", "advisor"),
    ("defence", "defense"),
    ("centre", "center"),
    ("programme", "program"),
    ("labour", "labor"),
    ("organisation", "organization"),
    ("organiser", "organizer"),
)


@dataclass(frozen=True, slots=True)
class NameForms:
    """What to search for one participant; every string folded."""

    parts: tuple[str, ...]  # significant name parts as in the roster
    singles: frozenset[str]  # every form of every part, one "word" each (may hold a space)
    aliases: frozenset[str]  # nicknames and kunyas, with spellings
    initials: frozenset[str]  # upper-case-only aliases such as "kr" (and "k r")
    affiliations: frozenset[str]
    acronyms: frozenset[str]  # upper-case-only
    titles: frozenset[str]
    part_initials: frozenset[str]  # first letters of the parts, for "O. Kovach"
    # short forms of the given name used alone (Sasha), each with "is an ordinary word"
    diminutives: tuple[tuple[str, bool], ...] = ()
    # initials made from the name ("vak", "v a k"; "v k" for two words: dotted only)
    name_initials: frozenset[str] = frozenset()


_BRACKETS = re.compile(r"\([^)]*\)")


def without_brackets(text: str) -> str:
    """A roster entry without what it gives in brackets ("Sarn Water Board (SWB)")."""
    return _BRACKETS.sub(" ", text)


def article_forms(core: str, *, joined: bool) -> set[str]:
    """`core` with the Arabic article in its usual spellings (al-X, el X, aX-X, alX)."""
    out = {f"al {core}", f"el {core}"}
    if joined:
        out |= {f"al{core}", f"el{core}"}
    for sun in _SUN:
        if core.startswith(sun):
            for vowel in ("a", "e", "u"):
                out.add(f"{vowel}{sun} {core}")
                if joined:
                    out.add(f"{vowel}{sun}{core}")
            break
    return out


def abd_forms(word: str) -> set[str]:
    """Spellings of an Abd- compound ("abdul rahman"), or nothing when `word` is not one."""
    joined = word.replace(" ", "")
    if not joined.startswith("abd"):
        return set()
    for prefix in _ABD_PREFIXES:
        flat = prefix.replace(" ", "")
        if joined.startswith(flat) and len(joined) - len(flat) >= 4:
            core = joined[len(flat) :]
            break
    else:
        return set()
    out: set[str] = set()
    for c in spellings(core):
        for prefix in _ABD_PREFIXES[:-1]:
            out.add(f"{prefix} {c}")
            out.add(f"{prefix.replace(' ', '')}{c}")
        for sun_form in article_forms(c, joined=True):
            if " " in sun_form:
                out.add(f"abd {sun_form}")
    return out


def _strip_article(word: str) -> tuple[str, bool]:
    head, _, rest = word.partition(" ")
    if rest and head in ARTICLES:
        return rest, True
    for sun in _SUN:
        for vowel in ("a", "e"):
            if head == f"{vowel}{sun}" and rest.startswith(sun):
                return rest, True
    return word, False


def part_forms(part: str, *, article: bool = True) -> set[str]:
    """Every form of one folded name part; `article=False` for a given name, which never
    takes the Arabic article ("El Niño" is not Nino) unless the roster writes it."""
    if " " in part and part.split(" ", 1)[0] in JOINERS | COMPOUND_HEADS:
        return _joined_forms(part)
    core, had_article = _strip_article(part)
    out: set[str] = set()
    for head in COMPOUND_HEADS:
        if core.startswith(head) and len(core) - len(head) >= 4 and " " not in core:
            out.add(f"{head} {core[len(head) :]}")  # Gebremariam written Gebre Mariam
    for spelling in _usable(core, spellings(core)):
        out.add(spelling)
        if " " in spelling:
            continue
        joined = had_article or len(spelling) >= 5
        if not (article or had_article):
            out |= abd_forms(spelling)
            continue
        out |= {
            f
            for f in article_forms(spelling, joined=joined)
            if f.replace(" ", "") not in common_words()
        }
        out |= abd_forms(spelling)
    out |= abd_forms(part)
    return {f for f in out if f}


def _usable(word: str, forms: frozenset[str]) -> set[str]:
    """Spellings other than `word` itself that are not ordinary words or too short."""
    ordinary = common_words() | not_names()
    return {word} | {f for f in forms if len(f) > 2 and f not in ordinary}


def _joined_forms(part: str) -> set[str]:
    head, _, rest = part.partition(" ")
    out = abd_forms(part)
    if out:
        return out
    for h in spellings(head) | family_of(head):
        for r in part_forms(rest) if " " not in rest else {rest}:
            out.add(f"{h} {r}")
            out.add(f"{h}{r}")
    return out


def split_name(name: str) -> list[str]:
    """The significant parts of a roster name, folded; articles and joiners kept attached.

    A hyphenated or apostrophised word ("Ji-hoon", "N'Diaye") gives the spaced form, the
    joined form and its pieces of three letters or more.
    """
    words = without_brackets(name).split()
    while len(words) > 1 and (
        fold_word(words[0]) in TITLE_WORDS or words[0].rstrip(".") in CASED.split()
    ):
        words = words[1:]
    parts: list[str] = []
    pending = ""
    for raw in words:
        word = fold(raw)
        if not word:
            continue
        if pending:
            parts.append(f"{pending} {word}")
            if pending == "dan" and len(word) >= 4:
                parts.append(word)  # M. Malam, for Dan Malam
            pending = ""
            continue
        head = word.split(" ", 1)[0]
        if word in ARTICLES or word in JOINERS or (parts and word in COMPOUND_HEADS):
            pending = word
        elif word in ARABIC_PARTICLES or (word in EUROPEAN_PARTICLES and raw.islower()):
            continue
        elif " " in word and head in ARTICLES | JOINERS:
            parts.append(word)
        elif " " in word:
            parts.append(word)
            parts.append(word.replace(" ", ""))
            parts.extend(w for w in word.split(" ") if w not in PARTICLES and len(w) >= 3)
        else:
            parts.append(word)
    if pending:
        parts.append(pending)
    return list(dict.fromkeys(parts))


def _spelling_variants(phrase: str) -> set[str]:
    out = {phrase}
    for british, american in _SPELLING:
        for form in list(out):
            if british in form:
                out.add(form.replace(british, american))
            if american in form:
                out.add(form.replace(american, british))
    return out


def affiliation_forms(affiliation: str) -> tuple[set[str], set[str]]:
    """(phrases, acronyms) for an organisation name such as "Sarn Water Board (SWB)"."""
    acronyms = {
        fold_word(a)
        for a in re.findall(r"\(([^)]{2,12})\)", affiliation)
        if a.replace(".", "").replace("&", "").isupper()
    }
    bare = without_brackets(affiliation).strip()
    phrase = re.sub(r"^the\s+", "", fold(bare))
    phrases = _spelling_variants(phrase) if len(phrase) >= 4 else set()
    letters = []
    for word in bare.split():
        clean = re.sub(r"[^\w]", "", word)
        if clean.isupper() and len(clean) <= 5:
            letters.append(clean)
        elif clean[:1].isupper():
            letters.append(clean[0])
    derived = fold_word("".join(letters))
    if len(derived) >= 3 and len(bare.split()) >= 2:
        acronyms.add(derived)
    return phrases, {a for a in acronyms if len(a) >= 2}


def title_forms(title: str) -> set[str]:
    """A role title and the same title without "former", "retired", ... (two words or more)."""
    base = fold(title)
    out = set()
    for form in (base, _FORMER.sub("", base)):
        if len(form.split()) >= 2:
            out |= _spelling_variants(form)
    return out


def alias_forms(alias: str) -> tuple[set[str], set[str]]:
    """(name-like forms, initials) for one roster alias."""
    letters = alias.replace(".", "").replace(" ", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= 5:
        flat = fold_word(letters)
        return set(), {flat, " ".join(flat)}
    folded = fold(alias)
    if not folded:
        return set(), set()
    words = folded.split(" ")
    if len(words) == 1:
        return part_forms(folded), set()
    if words[0] in JOINERS:
        return _joined_forms(folded), set()
    return {folded}, set()


def name_forms(
    name: str, aliases: tuple[str, ...] = (), affiliation: str = "", title: str = ""
) -> NameForms:
    """All forms for one participant."""
    parts = split_name(name)
    singles: set[str] = set()
    for n, part in enumerate(parts):
        singles |= part_forms(part, article=n > 0 or len(parts) == 1)
    alias_set: set[str] = set()
    initials: set[str] = set()
    for alias in aliases:
        forms, inits = alias_forms(alias)
        alias_set |= forms
        initials |= inits
    phrases, acronyms = affiliation_forms(affiliation) if affiliation else (set(), set())
    firsts = {_strip_article(p)[0][:1] for p in parts}
    shorts = name_diminutives(parts)
    return NameForms(
        parts=tuple(parts),
        singles=frozenset(singles),
        aliases=frozenset(alias_set - singles),
        initials=frozenset(initials),
        affiliations=frozenset(phrases),
        acronyms=frozenset(acronyms),
        titles=frozenset(title_forms(title)) if title else frozenset(),
        part_initials=frozenset(f for f in firsts if f),
        diminutives=tuple(sorted((f, o) for f, o in shorts.items() if f not in singles)),
        name_initials=frozenset(name_initials(name) - initials),
    )


def name_initials(name: str) -> set[str]:
    """The initials of a full name as upper-case-only aliases: "VAK" and "V. A. K." for
    three words or more, only the spaced or dotted "V. K." for two (a bare "VK" is too
    often something else). Particles and the article give no letter (A. S. for
    Abdelkader al-Shami)."""
    letters = ""
    for word in without_brackets(name).split():
        folded = fold(word)
        head, _, rest = folded.partition(" ")
        if head in ARTICLES and rest:
            folded = rest
        if not folded or folded in PARTICLES | ARTICLES | JOINERS | TITLE_WORDS:
            continue
        letters += folded[0]
    if len(letters) < 2 or not letters.isalpha():
        return set()
    spaced = " ".join(letters)
    return {letters, spaced} if len(letters) >= 3 else {spaced}
