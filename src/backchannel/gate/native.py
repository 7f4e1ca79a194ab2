"""Participants named in the notes' own script: Arabic, Cyrillic, Greek, Georgian, ...

The roster is typed in Latin. For every person the gate derives, from the roster alone,
the keys their name has in each script (see `lang.ar` for Arabic script, `translit` and
`romkey` for the others) and matches the notes' words on those keys:

1. Each word in a non-Latin script is read: Arabic words lose proclitics and the article
   (`lang.ar.stems`) and are matched on their consonant skeleton; Cyrillic words lose
   case endings (`lang.cyrillic.stems`), are transliterated by ICU and matched on the
   consonant key shared by romanisations. Aliases the roster gives in a native script
   match as written too.
2. Neighbouring words of the same person join into one mention; a kunya (أبو, أبا, أبي,
   أم) or عبد joins the word after it; an honorific before (السيدة, الدكتور, г-н) and a
   patronymic after (Викторовна) belong to the mention.
3. A lone word must look like a name: a key of three consonants or more and not an
   ordinary word of the language (صباح, سلام, لطيفة), unless an honorific or a verb of
   speech stands next to it (وقالت سلوى). A Latin family name ending like a nisba (-i)
   matches only an Arabic word ending in ي (الكبيسي, not the town كبيسة); a given name
   never takes the article (السلام is not Salam). A lone Cyrillic word next to a
   capitalised word that is not the same person's is somebody else (Михаилу Врубелю),
   and after "в" or "из" it is a place (в Камышине).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from backchannel.domain.people import Candidate
from backchannel.gate import romkey
from backchannel.gate.diminutives import name_diminutives
from backchannel.gate.finding import Finding
from backchannel.gate.fold import fold
from backchannel.gate.forms import _ABD_PREFIXES, ARTICLES, split_name
from backchannel.gate.lang import ar, armenian, cyrillic, georgian, greek
from backchannel.gate.scripts import (
    ANY_WORD,
    LETTERS,
    NOT_BEFORE,
    native_words,
    script_of,
    word_script,
)
from backchannel.gate.translit import to_latin
from backchannel.gate.variants import family_ids, spellings
from backchannel.gate.words import word_list

GIVEN, FAMILY, ALIAS = 0, 1, 2
_KUNYA_LATIN = {"abu": "abu", "abou": "abu", "abo": "abu", "umm": "umm", "um": "umm"}
_BEN = frozenset({"ben", "bin", "ibn", "ould", "wuld"})
# Given names that Libya and the Maghreb write with the article: الطاهر, الصادق, الهادي.
_ARTICLE_GIVEN = frozenset(
    "taher tahar tahir sadek sadok sadiq sadeq hadi hedi mahdi mehdi mabrouk mabruk"
    " bashir bechir tayeb tayyib taieb mokhtar mukhtar arbi habib hachemi hashemi hashimi"
    " moncef munsif jilani jelani amin".split()
)
_KUNYA_LATIN |= {"om": "umm", "oum": "umm"}
_KUNYA_ARABIC = {"ابو": "abu", "ابا": "abu", "ابي": "abu", "ام": "umm"}
_CASED = frozenset({"Cyrillic", "Greek", "Armenian"})
# After a short name opening a sentence, what shows it is one: «Эка и Мамука», «Ира —»,
# «Ира, …», «Ира (…)», a verb of speech.
_SHORT_NAME_NEXT = re.compile(r"(?:[ \t]+(?:и|и\b|—|–|-)|[,)])")
# A Maghreb family name that starts with the assimilated article: Essid, Ettahiri, Ennaifer.
_ASSIMILATED = re.compile(r"^[ae](?:ss|tt|dd|rr|zz|nn|ss|sh)[a-z]{2,}$")
# Last letters of a Latin spelling that an Arabic ة or final ه may stand for (Fatima,
# Fatimah, Izzat, Hamdi: عزة, حمدي), as against a closing consonant (Jamil, not جميلة).
_OPEN_END = frozenset("aeiouyht")
# Scripts whose case endings `_STEMS` strips and where a name stands in the nominative.
_INFLECTING = frozenset({"Armenian", "Georgian"})
_SPACES = (
    r"(?:[ \t\u00a0\u200c\u200f\u200e]{1,3}(?:[-\u05be\u058a][ \t]?)?|[ \t]?[-\u05be\u058a][ \t]?)"
)
_GAP = re.compile(_SPACES)
_IBN = frozenset({"بن", "ابن", "بنت", "ولد"})
# Nouns after which a name is a place: حي أبو سليم, شارع عمر المختار, مدينة الزاوية.
_PLACES = frozenset(
    "حي منطقه شارع مدينه ميدان جامع مسجد مستشفي مدرسه سوق قريه بلده ضاحيه مطار ميناء"
    " جامعه معسكر مخيم".split()
)
_IBN_GAP = re.compile(r"[ \t\u00a0]+(?:بن|ابن|بنت|ولد)[ \t\u00a0]+")
# The Arabic article and ibn as Russian writes them inside a name (Тарик аль-Мансури),
# and Hebrew ben, bat, bar (יוסי בן דוד).
_NAME_PARTICLE = r"(?i:аль|эль|ал|ас|аш|ад|ар|ат|аз|ан|ибн|бин|бен|בן|בת|בר)"
_ARTICLE_GAP = re.compile(rf"[ \t]+{_NAME_PARTICLE}(?:[-\u05be]|[ \t]+)")
_ARTICLE_WORD = re.compile(_NAME_PARTICLE)
_ARTICLE_BEFORE = re.compile(rf"(?<![^\W\d_]){_NAME_PARTICLE}[-\u05be]\Z")
_AFTER = re.compile(f"{_SPACES}({ANY_WORD.pattern})")
_BEFORE = re.compile(f"{NOT_BEFORE}({ANY_WORD.pattern}){_SPACES}\\Z")
_CYR_HONORIFIC = re.compile(
    r"(?i:г-н|г-жа|господин|госпожа|генерал|полковник|доктор|профессор|д-р|пан|пани"
    r"|генерала|полковника|доктора|профессора|пана|пани|гражданин|товарищ)\.?[ \t]+\Z"
)


@dataclass(frozen=True, slots=True)
class Hit:
    """One way a key points to a person."""

    person: int
    role: int
    strong: bool
    nisba: bool = False
    article: bool = False
    # The Latin spelling ends in a consonant (Jamil, Hamid): an Arabic word ending in ة
    # (كاملة, محايدة) has a vowel more and is not this name.
    closed: bool = False
    # A short form the gate derived (Hamada of Ahmed), not one the convenor typed: with the
    # article it is a word or a place (الحمادة, the plateau).
    derived: bool = False


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    script: str
    hits: dict[int, Hit]
    common: bool = False
    article: bool = False


def _add(table: dict[str, list[Hit]], key: str, hit: Hit) -> None:
    if key:
        table.setdefault(key, []).append(hit)


def _arabic_core(part: str) -> tuple[str, bool, str]:
    """(core, had article, prefix key) of a folded Latin part: "al rubaie", "abdul sattar"."""
    head, _, rest = part.partition(" ")
    if rest and head in ARTICLES:
        return rest.replace(" ", ""), True, ""
    if rest and head in _KUNYA_LATIN:
        return rest.replace(" ", ""), False, _KUNYA_LATIN[head] + ":"
    joined = part.replace(" ", "")
    for prefix in _ABD_PREFIXES:
        flat = prefix.replace(" ", "")
        if joined.startswith(flat) and len(joined) - len(flat) >= 3 and flat.startswith("abd"):
            return joined[len(flat) :], False, "abd:"
    return joined, False, ""


class NativeIndex:
    """The roster's names as keys in every script but Latin."""

    def __init__(self, roster: Sequence[Candidate]) -> None:
        self.ids = [c.id for c in roster]
        self.arabic: dict[str, list[Hit]] = {}
        self.latin: dict[str, list[Hit]] = {}
        self.keys: dict[str, list[Hit]] = {}
        self.exact: dict[str, list[Hit]] = {}
        self.words: list[set[str]] = []
        # Short forms that are ordinary words (slava, vera): names only beside a cue.
        self.ordinary: set[str] = set()
        for i, cand in enumerate(roster):
            self.words.append(set())
            parts = split_name(cand.name)
            for n, part in enumerate(parts):
                role = GIVEN if n == 0 and len(parts) > 1 else FAMILY
                self._add_latin(i, part, role)
                head, _, rest = part.partition(" ")
                if role == FAMILY and head in _BEN and rest:
                    # Ben Naji, Ould Sidi: بن ناجي is two words, the second the family's
                    self._add_latin(i, rest, FAMILY)
                if role == FAMILY and _ASSIMILATED.match(part):
                    # Essid, Ettahiri: the article assimilated and written joined (الصيد)
                    self._add_latin(i, f"al {part[2:]}", role)
            for short, ordinary in name_diminutives(parts, latin=False).items():
                if ordinary:
                    self.ordinary.add(short)
                # A short form is a weak key unless it is long enough to say something.
                self._add_latin(i, short, ALIAS, weak=ordinary or len(short) < 4, derived=True)
            for alias in cand.aliases:
                if script_of(alias) == "Latin":
                    self._add_latin(i, fold(alias), ALIAS)
                    # A two-word alias (Zarina Nazarzoda) counts by its parts too, each in
                    # the part it plays: a given name alone still needs a cue (Tarek).
                    pieces = split_name(alias) if " " in alias.strip() else []
                    known = {k for part in parts for k in romkey.keys(part)}
                    for n, piece in enumerate(pieces):
                        if len(piece) < 3 or set(romkey.keys(piece)) & known:
                            continue  # J. M. Núñez, Jose Nunez Pena: initials, the name again
                        role = GIVEN if n == 0 and len(pieces) > 1 else FAMILY
                        self._add_latin(i, piece, role)
                else:
                    self._add_native(i, alias)

    def _add_latin(
        self, person: int, part: str, role: int, *, weak: bool = False, derived: bool = False
    ) -> None:
        core, article, prefix = _arabic_core(part)
        if not core:
            return
        nisba = ar.latin_is_nisba(core) and role != GIVEN
        # The consonants of the roster's own spelling: another spelling of the family that
        # has fewer (Mohd, Mamadou for Mohammed) is an abbreviation or another language's
        # form, too short to stand for the name in Arabic script (محايد is not Mohammed).
        own = max((len(k.lstrip("V")) for k in ar.latin_skeletons(core)), default=0)
        for spelling in spellings(core) | {core}:
            # Consonants the Latin spelling has: an Arabic key that lost two of them (v and
            # w read as vowels: Bendavid as "bnd", which is بند, closed) says too little.
            sounded = max((len(k) for k in romkey.keys(spelling)), default=0)
            closed = spelling[-1:] not in _OPEN_END
            # A weak form has no Arabic key: an ordinary word in Latin (Toma) is two
            # letters in Arabic (ثم).
            for key in () if weak else ar.latin_skeletons(spelling):
                bare = len(key.lstrip("V"))
                strong = bare >= 3 and bare >= sounded - 1 and (spelling == core or bare >= own)
                takes_article = article or role == FAMILY or core in _ARTICLE_GIVEN
                hit = Hit(
                    person, role, strong or bool(prefix), nisba, takes_article, closed, derived
                )
                _add(self.arabic, prefix + key, hit)
            if prefix:
                continue
            # A short form the convenor typed as an alias (Eka, Ira) says who as surely
            # as a name of four letters; the same letters as part of a name do not.
            strong = not weak and (len(spelling) >= 4 or (role == ALIAS and len(spelling) == 3))
            _add(self.latin, spelling, Hit(person, role, strong))
            for key in romkey.keys(spelling):
                _add(self.keys, key, Hit(person, role, not weak and len(key) >= romkey.MIN_KEY))
        self.words[person].add(core)

    def _add_native(self, person: int, alias: str) -> None:
        for _start, _end, word, script in native_words(alias):
            if script == "Arabic":
                norm = ar.normalize(word)
                _add(self.exact, norm, Hit(person, ALIAS, len(norm) >= 3))
                for stem, _art in ar.stems(norm)[:1]:
                    key = ar.skeleton(stem)
                    # Typed in Arabic, the alias says how it ends: الفيتوري is not الفترة.
                    closed = not norm.endswith(("ة", "ه"))
                    hit = Hit(person, ALIAS, len(key.lstrip("V")) >= 3, closed=closed)
                    _add(self.arabic, key, hit)
            else:
                low = word.lower().replace("ё", "е")
                _add(self.exact, low, Hit(person, ALIAS, len(low) >= 3))
                for latin in to_latin(low, script):
                    for key in romkey.keys(latin):
                        _add(self.keys, key, Hit(person, ALIAS, len(key) >= romkey.MIN_KEY))


def _merge(into: dict[int, Hit], hits: Sequence[Hit]) -> None:
    for hit in hits:
        old = into.get(hit.person)
        if old is None or (hit.strong and not old.strong):
            into[hit.person] = hit


class NativeFinder:
    """Finds participants in the non-Latin words of a text."""

    def __init__(self, roster: Sequence[Candidate]) -> None:
        self.index = NativeIndex(roster)
        self._cache: dict[tuple[str, str], tuple[dict[int, Hit], bool, bool]] = {}

    def _read(self, word: str, script: str) -> tuple[dict[int, Hit], bool, bool]:
        """(hits by person, is an ordinary word, carries the article) for one word."""
        hit = self._cache.get((word, script))
        if hit is None:
            hit = self._read_arabic(word) if script == "Arabic" else self._read_other(word, script)
            self._cache[(word, script)] = hit
        return hit

    def _read_arabic(self, word: str) -> tuple[dict[int, Hit], bool, bool]:
        idx = self.index
        norm = ar.normalize(word)
        out: dict[int, Hit] = {}
        function = ar.function_words()
        if any(stem in function or ar.is_cue(stem) for stem, _a in ar.stems(norm)):
            # كانت, وكانت, and the verbs of speech (وقال is not Galil): never a name.
            return out, True, False
        common = norm in ar.common_words()
        article = False
        exact = idx.exact.get(norm)
        if exact:
            _merge(out, exact)
        stems = ar.stems(norm)
        if "ض" in norm:  # ض is z in Persian and Urdu names (رضا Reza), d in Arabic (Rida)
            stems = stems + tuple((st.replace("ض", "ز"), a) for st, a in stems)
        for stem, has_article in stems:
            if stem in ar.common_words():
                common = True
            if stem.startswith("عبدال") and len(stem) > 6:
                _merge(out, idx.arabic.get("abd:" + ar.skeleton(stem[5:]), ()))
                continue
            open_end = len(stem) > 2 and stem.endswith("ه")
            found = [
                h
                for h in idx.arabic.get(ar.skeleton(stem), ())
                if (h.article or not has_article or (h.role == ALIAS and not h.derived))
                and (not h.nisba or stem.endswith("ي"))
                and not (open_end and h.closed)
            ]
            if found:
                article = article or has_article
                if has_article:
                    # A nisba with the article (الربيعي, بالنعيمي) is a family name.
                    found = [
                        Hit(h.person, h.role, True, h.nisba, h.article, h.closed)
                        if h.nisba and len(ar.skeleton(stem).lstrip("V")) >= 2
                        else h
                        for h in found
                    ]
                _merge(out, found)
        return out, common, article

    def _read_other(self, word: str, script: str) -> tuple[dict[int, Hit], bool, bool]:
        idx = self.index
        out: dict[int, Hit] = {}
        low = word.lower().replace("ё", "е")
        if script == "Cyrillic" and low in _cyrillic_function_words():
            return out, True, False  # «Через», «Кто»: never a name, whatever it sounds like
        exact = idx.exact.get(low)
        if exact:
            _merge(out, exact)
        if script == "Hebrew" and len(low) < 3:
            return out, False, False  # עם (with), על (on): two letters say too little
        forms = _STEMS.get(script, _as_is)(word)
        for form in forms[1:]:
            _merge(out, idx.exact.get(form, ()))  # Сарией: the alias Сария in a case
        for form in forms:
            readings = to_latin(form, script)
            if script == "Hebrew":  # ו and י are mostly vowels: יוסי is Yossi, not "ywsy"
                readings = (
                    *readings,
                    *(r[:1] + r[1:].replace("w", "").replace("y", "") for r in readings),
                )
            for latin in readings:
                _merge(out, idx.latin.get(latin, ()))
                for key in romkey.keys(latin):
                    _merge(out, idx.keys.get(key, ()))
        return out, False, False

    def find(self, text: str) -> list[Finding]:
        """Every mention in the non-Latin words of `text`, sorted."""
        if text.isascii():
            return []
        keep: dict[str, str] = {}
        for word in set(ANY_WORD.findall(text)):
            if not any(c.isalpha() for c in word):
                continue
            script = word_script(word)
            if script in ("Cyrillic", "Hebrew") and _ARTICLE_WORD.fullmatch(word):
                continue  # аль, ибн, בן: part of the name after them, never a name alone
            if self._read(word, script)[0] or (script == "Arabic" and self._head(word)):
                keep[word] = script
        if not keep:
            return []
        tokens = [
            _Token(start, end, word, keep[word], *self._read(word, keep[word]))
            for start, end, word in _occurrences(text, keep)
        ]
        self._join_prefixed(text, tokens)
        return list(self._chains(text, tokens))

    @staticmethod
    @lru_cache(maxsize=16384)
    def _head(word: str) -> str | None:
        """ "abu", "umm" or "abd" when the word is a kunya or عبد (with proclitics)."""
        stems = ar.stems(ar.normalize(word))
        head = next((_KUNYA_ARABIC[s] for s, _a in stems if s in _KUNYA_ARABIC), None)
        if head is None and any(s == "عبد" for s, _a in stems):
            head = "abd"
        return head

    def _after(self, text: str, end: int) -> _Token | None:
        """The word right after offset `end` in a non-Latin script, if any."""
        m = _AFTER.match(text, end)
        if m is None:
            return None
        word = m.group(1)
        script = word_script(word)
        return _Token(m.start(1), m.end(1), word, script, *self._read(word, script))

    def _before(self, text: str, start: int) -> _Token | None:
        """The word right before offset `start` in a non-Latin script, if any."""
        m = _BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            return None
        word = m.group(1)
        script = word_script(word)
        return _Token(m.start(1), m.end(1), word, script, *self._read(word, script))

    def _join_prefixed(self, text: str, tokens: list[_Token]) -> None:
        """A kunya or عبد before a word: the pair is matched as one name."""
        idx = self.index
        for n, tok in enumerate(tokens):
            if tok.script != "Arabic":
                continue
            head = self._head(tok.word)
            nxt = self._after(text, tok.end) if head else None
            if head is None or nxt is None or nxt.script != "Arabic":
                continue
            found: dict[int, Hit] = {}
            for stem, _art in ar.stems(ar.normalize(nxt.word)):
                _merge(found, idx.arabic.get(f"{head}:{ar.skeleton(stem)}", ()))
            if found:
                tok.end, tok.word = nxt.end, text[tok.start : nxt.end]
                tok.hits = {p: Hit(h.person, h.role, True) for p, h in found.items()}
                tok.common = False
                if n + 1 < len(tokens) and tokens[n + 1].start == nxt.start:
                    tokens[n + 1].hits = {}

    def _chains(self, text: str, tokens: list[_Token]) -> Iterator[Finding]:
        chain: list[_Token] = []
        people: set[int] = set()
        for tok in tokens:
            if not tok.hits:
                if chain:
                    yield from self._accept(text, chain, people)
                chain, people = [], set()
                continue
            if chain and _adjacent(text, chain[-1], tok) and people & tok.hits.keys():
                chain.append(tok)
                people &= tok.hits.keys()
                continue
            if chain and len(chain) == 1 and _two_people(text, chain[-1], tok):
                chain, people = [], set()  # neither is ours: skip both
                continue
            if chain:
                yield from self._accept(text, chain, people)
            chain, people = [tok], set(tok.hits)
        if chain:
            yield from self._accept(text, chain, people)

    def _accept(self, text: str, chain: list[_Token], people: set[int]) -> Iterator[Finding]:
        # The person the words name most surely: الهوني is Amal al-Houni's family name
        # (strong) before it is a short reading of someone's alias.
        first, last = chain[0], chain[-1]
        prev = self._before(text, first.start)
        if _ibn(prev):  # بن ناجي: the family name Naji before the given name Najwa
            people = {p for p in people if first.hits[p].role == FAMILY} or people
        person = min(people, key=lambda p: (not all(t.hits[p].strong for t in chain), p))
        nxt = self._after(text, last.end)
        start, end = first.start, last.end
        hits = [t.hits[person] for t in chain]
        honorific = self._honorific(text, first, prev)
        ibn = _ibn(prev) and all(h.role == FAMILY for h in hits[:1])
        honorific = honorific or ibn
        particle = None
        if first.script in ("Cyrillic", "Hebrew"):
            particle = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
            # בן־עמי, аль-Мансури: the particle says a name follows, and goes with it.
            honorific = honorific or (particle is not None and first.script == "Hebrew")
        if first.script == "Cyrillic" and nxt is not None and cyrillic.is_patronymic(nxt.word):
            end = nxt.end
            honorific = True
        if (
            first.script in _CASED
            and not honorific
            and not any(t.word[:1].isupper() for t in chain)
        ):
            return  # names are capitalised in Cyrillic, Greek and Armenian ("кто-то")
        if (
            len(chain) > 1
            and not honorific
            and not any(h.strong for h in hits)
            and len({h.role for h in hits}) == 1
        ):
            return  # محايد لمدة: two short keys for one part of a name are two ordinary words
        if len(chain) == 1:
            tok, hit = first, hits[0]
            cue = honorific or self._cue(tok, prev, nxt)
            if cue and tok.script == "Cyrillic" and not (hit.strong or honorific):
                if not any(
                    latin in self.index.ordinary
                    for form in cyrillic.stems(tok.word)
                    for latin in to_latin(form, "Cyrillic")
                ):
                    return  # «Коллеги попросили»: two consonants before a verb say too little
            if (
                not cue
                and tok.script == "Cyrillic"
                and len(tok.word) <= 3
                and _sentence_start(text, tok.start)
                and _SHORT_NAME_NEXT.match(text, tok.end) is None
            ):
                return  # «Эка невидаль»: a short word opening a sentence is a word
            if not cue:
                if tok.script in _CASED and not tok.word[:1].isupper():
                    return
                if not hit.strong or tok.common:
                    return
                if tok.script == "Arabic" and _arabic_adjective(tok, prev):
                    return  # التخطيط العمراني: a nisba after a noun is its adjective
                if self._foreign(text, tok, prev, nxt, person):
                    return
        if particle is not None:
            start = particle.start()  # аль-Мансури, בן־עמי go whole
        if ibn and prev is not None:
            start = prev.start  # بن ناجي goes whole
        if honorific and prev is not None and start == first.start and prev.end <= start:
            if self._is_title_token(prev):
                start = prev.start
        kind = "alias" if all(h.role == ALIAS for h in hits) else "name"
        yield Finding(start, end, text[start:end], kind, self.index.ids[person])

    @staticmethod
    def _is_title_token(tok: _Token) -> bool:
        return tok.script == "Arabic" and ar.is_honorific(ar.normalize(tok.word))

    def _honorific(self, text: str, tok: _Token, prev: _Token | None) -> bool:
        if tok.script == "Arabic":
            return prev is not None and ar.is_honorific(ar.normalize(prev.word))
        return _CYR_HONORIFIC.search(text, max(0, tok.start - 24), tok.start) is not None

    @staticmethod
    def _cue(tok: _Token, prev: _Token | None, nxt: _Token | None) -> bool:
        if tok.script == "Cyrillic":  # a capitalised word before a verb of speech
            return tok.word[:1].isupper() and nxt is not None and cyrillic.is_speech_verb(nxt.word)
        if tok.script != "Arabic":
            return False
        if any(
            other is not None and other.script == "Arabic" and ar.is_cue(ar.normalize(other.word))
            for other in (prev, nxt)
        ):
            return True
        # Two participants joined by و (بين يحيى وأمل): each is the other's cue, as long as
        # one of them is not also an ordinary word (صالح وشرف is "good and honour") and
        # both read as given names or full keys (لسؤال وحيد, "for one question", reads as
        # two short family-name keys).
        for other, joined in ((nxt, nxt), (prev, tok)):
            if (
                other is None
                or other.script != "Arabic"
                or joined is None
                or not joined.word.startswith("و")
                or not other.hits.keys() - tok.hits.keys()
                or (other.common and tok.common)
            ):
                continue
            pair = [*tok.hits.values(), *(h for p, h in other.hits.items() if p not in tok.hits)]
            if all(h.strong or h.role == GIVEN for h in pair):
                return True
        return False

    def _foreign(
        self, text: str, tok: _Token, prev: _Token | None, nxt: _Token | None, person: int
    ) -> bool:
        """True when a lone word stands with another name or after a place preposition."""
        if tok.script == "Arabic":
            return self._arabic_foreign(text, tok, prev, nxt, person)
        if prev is not None and prev.word.lower() in cyrillic.PLACE_PREPOSITIONS:
            return True
        for other in (prev, nxt):
            if other is None or person in other.hits or len(other.word) < 3:
                continue
            if (
                other is nxt
                and other.script in _INFLECTING
                and len(_STEMS[other.script](other.word)) > 1
            ):
                continue  # «Ոսկանյանը Սալոնիկում է»: a place in a case, not a second name
            if not other.word[:1].isupper() or cyrillic.is_patronymic(other.word):
                continue
            if other is prev and _sentence_start(text, other.start) and not _known_name(other):
                continue
            return True
        return False

    @staticmethod
    def _arabic_foreign(
        text: str, tok: _Token, prev: _Token | None, nxt: _Token | None, person: int
    ) -> bool:
        """حي أبو سليم, مدينة X: a place. حكومة عبد الحميد الدبيبة: our Abdulhamid's given
        name before a family name that is not his, so somebody else (a given name, with
        no verb of speech or title before it, followed by a word with the article that is
        no ordinary word and no name of his)."""
        if prev is not None and prev.script == "Arabic" and ar.normalize(prev.word) in _PLACES:
            return True
        role = tok.hits[person].role
        if (
            role == GIVEN
            and nxt is not None
            and nxt.script == "Arabic"
            and _adjacent(text, tok, nxt)
            and person not in nxt.hits
            and not nxt.common
            and ar.normalize(nxt.word).startswith("ال")
            and len(nxt.word) >= 5
        ):
            return True
        return False


def _two_people(text: str, a: _Token, b: _Token) -> bool:
    """إبراهيم الكوني: a part of one participant's name right before another's family
    name with the article is a third person (the novelist), not two participants."""
    if a.script != "Arabic" or b.script != "Arabic" or not _adjacent(text, a, b):
        return False
    if a.hits.keys() & b.hits.keys():
        return False
    return ar.normalize(b.word).startswith("ال") and any(h.role == FAMILY for h in b.hits.values())


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) for every whole-word occurrence of `words`, in order; one C pass
    over the text rather than a Python step per word of it."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    out = []
    last = len(text) - 1
    for end, word in automaton.iter(text):
        start = end - len(word) + 1
        if (start == 0 or text[start - 1] not in LETTERS) and (
            end == last or text[end + 1] not in LETTERS
        ):
            out.append((start, end + 1, word))
    return out


def _as_is(word: str) -> tuple[str, ...]:
    return (word.lower(),)


_STEMS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "Cyrillic": cyrillic.stems,
    "Georgian": georgian.stems,
    "Greek": greek.stems,
    "Armenian": armenian.stems,
}


def _arabic_adjective(tok: _Token, prev: _Token | None) -> bool:
    """True when a lone word with the article follows a noun with the article that is no
    name (التخطيط العمراني, urban planning): an adjective agreeing with it."""
    if prev is None or prev.script != "Arabic" or prev.hits:
        return False
    word, before = ar.normalize(tok.word), ar.normalize(prev.word)
    return word.startswith("ال") and before.startswith("ال") and not ar.is_honorific(before)


def _known_name(tok: _Token) -> bool:
    """True when a word is a given name the variant families know (Сергей, Михаил)."""
    return any(family_ids(latin) for latin in to_latin(tok.word, tok.script))


def _adjacent(text: str, a: _Token, b: _Token) -> bool:
    gap = text[a.end : b.start]
    return (
        not gap
        or _GAP.fullmatch(gap) is not None
        or (b.script in ("Cyrillic", "Hebrew") and _ARTICLE_GAP.fullmatch(gap) is not None)
        or (b.script == "Arabic" and _IBN_GAP.fullmatch(gap) is not None)
    )


def _ibn(tok: _Token | None) -> bool:
    """بن, ابن, بنت, ولد before a word: a family name follows (بن ناجي, ولد الشيخ)."""
    return tok is not None and tok.script == "Arabic" and ar.normalize(tok.word) in _IBN


def _sentence_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t\"'«“(—–-":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;"


@cache
def _cyrillic_function_words() -> frozenset[str]:
    return word_list(
        "cyrillic", "function_words.txt", normalize=lambda w: w.lower().replace("ё", "е")
    )
