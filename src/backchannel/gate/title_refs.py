"""A participant's title written in French or Spanish with its article: « la vétérinaire »,
« le colonel », « l'avocate », « le SG », «la defensora», «la secretaria de Fronteras».

In these languages the head noun comes first ("Secrétaire général de la province",
"Investigadora principal"), and rapporteurs refer back to a participant by the article and
that noun alone. A word that opens a part of one participant's title, and of nobody else's,
is a title mention when an article (or « du », «del», « au », «al») stands before it; the
span runs on over the title's own next words (« le commandant de légion »). The initials of
a title's first two words count too (« le SG » for « secrétaire général »). Offices a
sitting official holds as often as a participant (« le ministre », «el alcalde») and
adjectives alone (« principal », « régional ») are never heads. English titles are the
descriptors' (gate/descriptors.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from backchannel.gate.descriptors import TITLE_PARTS
from backchannel.gate.finding import Finding
from backchannel.gate.fold import Folded, fold
from backchannel.gate.index import Person
from backchannel.gate.lang.detect import Paragraph

_ARTICLES = r"(?:le|la|l|el|un|une|una|du|del|al|au)"
_PREPOSITIONS = frozenset(
    "de du des d del la le les l au aux a al en y et e para por pour sur con avec".split()
)
_NOT_HEADS = frozenset(
    "principal principale principales regional regionale general generale adjoint adjointe"
    " technique tecnico tecnica juridique juridico juridica national nationale nacional"
    " senior superieur superieure mayor municipal provincial departemental charge chargee"
    " vice premier premiere primer primera segundo segunda deuxieme".split()
)
_PUBLIC_OFFICES = frozenset(
    "president presidente presidenta ministre ministro ministra maire alcalde alcaldesa"
    " gouverneur gouverneure gobernador gobernadora prefet prefete directeur directrice"
    " director directora chef cheffe jefe jefa depute deputee diputado diputada senateur"
    " senador senadora juge juez jueza ambassadeur ambassadrice embajador embajadora"
    " roi rey reine reina pape papa envoye enviado enviada membre miembro".split()
)
_ROMANCE = frozenset({"fr", "es", "pt", "it"})
_ARTICLE_BEFORE = re.compile(rf"(?:^|(?<= )){_ARTICLES} \Z")


def _parts(title: str) -> list[list[str]]:
    return [fold(part).split() for part in TITLE_PARTS.split(title) if fold(part)]


_ENGLISH_WORDS = frozenset("of the and for to at in on with senior deputy head".split())
_ENGLISH_ENDINGS = ("man", "woman", "person", "er", "ist", "officer")


def _english(words: list[str]) -> bool:
    """A title part written in English ("village association spokesman", "senior
    engineer"), whose head is its last word: the descriptors' business, not ours."""
    if len(words) < 2:
        return False
    return bool(_ENGLISH_WORDS & set(words)) or words[-1].endswith(_ENGLISH_ENDINGS)


def _heads(words: list[str]) -> tuple[set[str], str]:
    """The nouns before a part's first preposition, and the initials of its first two."""
    if _english(words):
        return set(), ""
    before: list[str] = []
    for word in words:
        if word in _PREPOSITIONS:
            break
        before.append(word)
    heads = {w for w in before if len(w) >= 4 and w not in _NOT_HEADS}
    initials = "".join(w[0] for w in before[:2]) if len(before) >= 2 else ""
    return heads, initials


class TitleRefs:
    """Finds « article + a title noun of one participant » in French and Spanish."""

    def __init__(self, people: tuple[Person, ...]) -> None:
        holders: dict[str, set[int]] = {}
        words_of: dict[int, set[str]] = {}
        for n, person in enumerate(people):
            for words in _parts(person.title):
                heads, initials = _heads(words)
                for head in heads | ({initials} if initials else set()):
                    holders.setdefault(head, set()).add(n)
                words_of.setdefault(n, set()).update(words)
        self._people = people
        self._head_of = {
            head: next(iter(who))
            for head, who in holders.items()
            if len(who) == 1 and head not in _PUBLIC_OFFICES
        }
        self._words_of = words_of
        alternation = "|".join(sorted(map(re.escape, self._head_of), key=len, reverse=True))
        # The heads are rarer than the articles: find a head, then look back for one.
        self._pattern = re.compile(rf"(?<= )({alternation})(?![\w])") if alternation else None

    def find(self, text: str, folded: Folded, paras: list[Paragraph]) -> Iterator[Finding]:
        """In the French, Spanish, Portuguese and Italian paragraphs of `text` only."""
        romance = [p for p in paras if p.language in _ROMANCE]
        if self._pattern is None or not romance:
            return
        flat = folded.text
        spans = [(folded.offset_of(p.start), folded.offset_of(p.end) + 1) for p in romance]
        for lo, hi in spans:
            yield from self._find(text, folded, flat, lo, hi)

    def _find(self, text: str, folded: Folded, flat: str, lo: int, hi: int) -> Iterator[Finding]:
        for match in self._pattern.finditer(flat, lo, hi) if self._pattern else ():
            article = _ARTICLE_BEFORE.search(flat, max(0, match.start() - 4), match.start())
            if article is None:
                continue
            head = match.group(1)
            n = self._head_of[head]
            if len(head) == 2 and not _is_acronym(text, folded, match.start(1), match.end(1)):
                continue  # "sg" only as written in capitals: « le SG »
            end = self._run_on(flat, match.end(), self._words_of[n])
            start, stop = folded.start(article.start()), folded.end(end)
            yield Finding(start, stop, text[start:stop], "title", self._people[n].id)

    @staticmethod
    def _run_on(folded: str, end: int, words: set[str]) -> int:
        """The end after up to four more words of the same title (« de légion »), ending
        on a word that is no preposition."""
        best, at = end, end
        for _ in range(4):
            found = re.match(r" (\w+)", folded[at:])
            if found is None or found.group(1) not in words:
                break
            at += found.end()
            if found.group(1) not in _PREPOSITIONS:
                best = at
        return best


def _is_acronym(text: str, folded: Folded, start: int, end: int) -> bool:
    written = text[folded.start(start) : folded.end(end)]
    return written.isupper()
