"""Honorifics, ranks and offices that stand before a name, and initials.

`prefix_start(text, pos)` finds where a run of them ends right before `pos` ("Brig. Gen.",
"H.E. Amb.", "Dr", "O.", "J.-P."), so that a finding covers "Col. Ferreira" whole.
"""

from __future__ import annotations

import re

# Matched without regard to case, with or without a full stop.
TITLES = """
mr mrs ms miss mx mister sir dame lord lady madam madame mme monsieur mlle herr frau
senor señor senora señora senorita señorita sr sra srta don dona doña dom
dr doctor prof professor eng engr engineer ing arch adv advocate
hon honourable honorable excellency h.e
amb ambassador envoy minister min deputy dep secretary sec undersecretary president pres
vice prime premier chancellor governor gov mayor senator sen rep representative
congressman congresswoman mp councillor councilor alderman commissioner director dir
chair chairman chairwoman chairperson dean rector provost principal judge justice magistrate
general gen lieutenant lt lieut colonel col major maj captain capt cpt commander cmdr cdr
brigadier brig admiral adm commodore sergeant sgt corporal cpl private pte marshal field
officer inspector insp superintendent supt commissioner chief constable
sheikh shaykh shaikh sheik sheikha shaykha imam mullah mulla ayatollah hojatoleslam mufti qadi
kadi ustaz ustadh ustadha ustad ustadz hajji haji hajj hajja hajjah alhaji alhaja alhajji
hadj hadja hadji hadjia elhadj elhadji
sayyid sayed sayyed syed seyed sayyida sharif emir amir prince princess king queen sultan
sultana sheikhah malik pasha bey effendi agha aga khan sahib
father fr pastor reverend rev revd bishop archbishop cardinal patriarch metropolitan
archimandrite deacon elder brother br sister sr mother abbot abbess monk nun rabbi cantor
venerable ven bhante lama rinpoche swami guru pandit pundit acharya sadhu
shri sri smt shrimati kumari thiru thirumathi selvi babu ji
dato datuk puan encik tun tengku tunku raja nawab mirza
comrade citizen mwalimu mzee bwana ato w/ro woizero weyzero kantiba
chief nana oba obi igwe eze oni emir mallam malam alh
"""

# Matched only as written: short words that are also names or words in other positions.
# French Me (Maître, of a lawyer or notary) and Pr (professeur) too.
CASED = "U Daw Ko Ma Maung Saw Naw Nang Khun Sayadaw Saya Thakin Me Pr"

TITLE_WORDS = frozenset(w.strip(".") for w in TITLES.split())
_CASED = frozenset(CASED.split())
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ"
_INITIALS = re.compile(rf"[{_UPPER}]\.(?:-?[{_UPPER}]\.)*")
_TOKEN_CHARS = frozenset(".-/")
_MAX_RUN = 6


def _previous(text: str, pos: int) -> tuple[int, str] | None:
    """The token (letters, dots, hyphens) separated from `pos` by spaces (one line break)."""
    k = pos
    newlines = 0
    while k > 0 and text[k - 1] in " \t\n":
        if text[k - 1] == "\n":
            newlines += 1
        k -= 1
    if newlines > 1:
        return None
    m = k
    while m > 0 and (text[m - 1].isalpha() or text[m - 1] in _TOKEN_CHARS) and k - m < 24:
        m -= 1
    if m == k or (m > 0 and text[m - 1].isalnum()):
        return None
    return m, text[m:k]


def _is_title(token: str) -> bool:
    bare = token.rstrip(".")
    return bare in _CASED or bare.lower() in TITLE_WORDS or bare.lower() == "h.e"


def _is_initials(token: str) -> bool:
    return _INITIALS.fullmatch(token) is not None


def prefix_start(text: str, pos: int) -> int:
    """Where a run of honorifics and initials ending just before `pos` starts, else `pos`."""
    start = pos
    for _ in range(_MAX_RUN):
        prev = _previous(text, start)
        if prev is None or not (_is_title(prev[1]) or _is_initials(prev[1])):
            break
        start = prev[0]
    return start


def has_honorific(text: str, pos: int) -> bool:
    """True when a title word (not only initials) stands right before `pos`."""
    prev = _previous(text, pos)
    return prev is not None and _is_title(prev[1])


def initials_before(text: str, pos: int) -> str:
    """The upper-case initials right before `pos` ("O." gives "O", "J.-P." gives "JP")."""
    prev = _previous(text, pos)
    if prev is None or not _is_initials(prev[1]):
        return ""
    return "".join(c for c in prev[1] if c.isalpha())
