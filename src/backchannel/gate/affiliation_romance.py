"""Short names notes give an organisation named in French or Spanish, folded.

"Defensoría del Pueblo – Regional Norte de Santander" is « la Defensoría »; "Observatorio
Binacional de Movilidad Humana" is «el Observatorio»; "Alcaldía de San José de Cúcuta" is
«la Alcaldía de Cúcuta»; "Pastoral Social – Diócesis de Cúcuta" is «Pastoral Social». The
head noun comes first in these languages, so the shorts are: the article and the first
word (unless every dialogue has one: a council, a ministry, a network); the first word with
the place the name ends on; and the part before a dash when it has two words or more.
index.RosterIndex keeps a short only when one participant alone has it.
"""

from __future__ import annotations

import re

from backchannel.gate.fold import fold
from backchannel.gate.forms import without_brackets

_ROMANCE_LINKS = frozenset("de del du des d la le las los les y et".split())
_ARTICLES = ("la", "el", "le", "l", "del", "du", "al", "au")
# Heads every dialogue has several of: alone they name nobody.
_GENERIC = frozenset(
    "asociacion association comite consejo conseil concejo red reseau gobernacion alcaldia"
    " ministerio ministere secretaria secretariat oficina bureau centre centro federation"
    " federacion union chambre camara cooperative cooperativa coordination coordinadora"
    " collectif colectivo programme programa province provincia direction direccion"
    " instituto institut universite universidad fondation fundacion mesa junta mairie"
    " prefecture gouvernorat commune municipio municipalidad comision commission groupe"
    " grupo plateforme plataforma agence agencia service servicio garde guardia police"
    " policia armee ejercito tribunal corte ecole escuela hopital hospital eglise iglesia"
    " mosquee mezquita".split()
)
_DASH = re.compile(r"\s[–—-]\s")


def romance_affiliation_shorts(affiliation: str) -> set[str]:
    bare = without_brackets(affiliation).strip()
    words = [fold(w) for w in bare.split() if fold(w)]
    if len(words) < 2 or not (_ROMANCE_LINKS & set(words[1:4])) and not _DASH.search(bare):
        return set()
    out: set[str] = set()
    first = words[0]
    if first not in _GENERIC and len(first) >= 5 and first not in _ROMANCE_LINKS:
        out |= {f"{a} {first}" for a in _ARTICLES}
    links = [n for n, w in enumerate(words) if w in ("de", "del", "du", "des")]
    last = words[-1]
    if links and len(words) - links[0] > 2 and last not in _ROMANCE_LINKS and len(last) >= 4:
        out.add(f"{first} de {last}")
    head = _DASH.split(bare, maxsplit=1)[0]
    if _DASH.search(bare) and len(head.split()) >= 2:
        out.add(fold(head))
    out.discard(fold(affiliation))
    return out
