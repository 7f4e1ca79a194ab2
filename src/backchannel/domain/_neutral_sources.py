"""Source balance: find a text's list of sources and say where each one comes from.

A source list starts at a heading line such as ``Sources``, ``7 Sources``, ``## References``,
``Sources:``, ``Références``, ``Fuentes``, ``Источники`` or ``المصادر`` and runs to the next
blank line (list items after a blank line still count) or the next Markdown heading.
``Sources: A; B; C`` on one line is a list too.

Each item's origin is read from an explicit statement at its end (``— neutral body``,
``— Government of X (party)``, ``(independent)``), else from what the item names: a ministry,
an armed force, an authority, a spokesperson or state media make it a party's source; a UN
agency, the Red Cross or Red Crescent, a monitoring mission, a university or an event-data
project make it neutral, in English, French, Spanish, Russian or Arabic (with the Arabic
clitics: «والوزارة»). Anything else is of unknown origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEUTRAL, PARTY, UNKNOWN = "neutral", "party", "unknown"

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?[ \t]+)?"
    r"(?:sources?(?:[ \t]+(?:and[ \t]+references|of[ \t]+information|used|cited|consulted"
    r"|et[ \t]+r[ée]f[ée]rences|consult[ée]es))?"
    r"|references|bibliography|data[ \t]+sources"
    r"|r[ée]f[ée]rences|bibliographie"
    r"|fuentes(?:[ \t]+(?:consultadas|y[ \t]+referencias))?|referencias|bibliograf[ií]a"
    r"|источники(?:[ \t]+информации)?|список[ \t]+(?:источников|литературы)|литература"
    r"|المصادر(?:[ \t]+والمراجع)?|المراجع|مصادر[ \t]+المعلومات)"
    r"(?:\*\*|__)?[ \t]*(?::[ \t]*(?P<rest>\S.*?))?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BULLET = re.compile(r"^[ \t]*(?:[-*\u2022\u00b7\u2013]|\d+[.)]|\[\d+\])[ \t]+", re.MULTILINE)
_EXPLICIT = re.compile(
    r"(?:\s[\u2014\u2013-]\s|\s?\u2014\s?)(?P<o>[^\u2014\u2013]+)$|\((?P<p>[^()]+)\)\s*\.?$"
)
# An Arabic word may carry a conjunction, a preposition and the article: والوزارة, للأمم.
_AR = r"(?<![^\W\d_])(?:[وف]?[بلك]?(?:ال)?)"
_NEUTRAL_MARK = re.compile(
    r"\b(?:neutral|independent|impartial|neutres?|ind[ée]pendant(?:e|s|es)?|impartiale?s?"
    r"|neutral(?:es)?|independientes?|imparcial(?:es)?"
    r"|нейтральн\w*|независим\w*|беспристрастн\w*)\b"
    rf"|{_AR}(?:محايد|مستقل|نزيه)",
    re.IGNORECASE,
)
_PARTY_MARK = re.compile(
    r"\b(?:part(?:y|ies)|parties?|partes?|сторон[аыуе]?)\b|" rf"{_AR}طرف", re.IGNORECASE
)
_PARTY = re.compile(
    r"\b(?:government|ministry|minister|presidency|armed forces|army|military|"
    r"defen[cs]e forces|authority|authorities|administration|movement|front|militias?|"
    r"brigades?|rebels?|police|state (?:media|television|tv|radio|news)|"
    r"spokes(?:person|man|woman)|press (?:office|service|release)|commander|command|regime"
    # French
    r"|gouvernement|minist[èe]re|ministre|pr[ée]sidence|forces arm[ée]es|arm[ée]e|"
    r"[ée]tat-major|autorit[ée]s?|mouvement|milices?|rebelles?|gendarmerie|porte-parole|"
    r"service de presse|communiqu[ée]|m[ée]dias d.[ée]tat|t[ée]l[ée]vision d.[ée]tat|"
    r"commandement|r[ée]gime"
    # Spanish
    r"|gobierno|ministerio|ministro|presidencia|fuerzas armadas|ej[ée]rcito|autoridad(?:es)?|"
    r"administraci[óo]n|movimiento|frente|milicias?|brigadas?|rebeldes?|polic[ií]a|"
    r"vocer[oí]a|vocero|portavoz|oficina de prensa|comunicado|medios (?:estatales|oficiales)|"
    r"televisi[óo]n (?:estatal|oficial)|comandancia|comando|r[ée]gimen"
    # Russian
    r"|правительств\w*|министерств\w*|министр\w*|администраци\w*|вооруж[её]нн\w* сил\w*|"
    r"арми[яиюей]|власт(?:и|ей|ям|ями)|движени\w*|фронт\w*|ополчени\w*|бригад\w*|полици\w*|"
    r"пресс-служб\w*|пресс-секретар\w*|официальн\w* представител\w*|командовани\w*|штаб\w*|"
    r"государственн\w* (?:сми|телевидени\w*|агентств\w*)|режим\w*)\b"
    # Arabic
    rf"|{_AR}(?:(?<!غير )حكوم|وزار|وزير|رئاسة|القوات المسلحة|جيش|سلطات|سلطة|حركة|جبهة"
    r"|ميليشي|مليشي|كتائب|لواء|شرطة|ناطق|متحدث|مكتب إعلام|وسائل الإعلام الرسمية"
    r"|التلفزيون الرسمي|وكالة الأنباء الرسمية|قيادة|نظام)",
    re.IGNORECASE,
)
_NEUTRAL_WORDS = re.compile(
    r"\b(?:united nations|world health organi[sz]ation|red cross|red crescent|"
    r"m[ée]decins sans fronti[eè]res|doctors without borders|reliefweb|inter-?agency|"
    r"cluster|monitoring (?:mission|group|unit|team)|observer mission|ombuds(?:man|person)|"
    r"university|academic|research|institute|non-governmental|humanitarian|"
    r"event data|armed conflict location|reuters|agence france-presse|associated press|"
    r"crisis group|human rights watch|amnesty international|carter center|"
    r"african union|european union|world bank|arab league|satellite imagery"
    # French
    r"|nations unies|organisation mondiale de la sant[ée]|croix-rouge|croissant-rouge|"
    r"universit[ée]|universitaire|institut|centre de recherche|non gouvernementale?s?|"
    r"mission d.observation|observatoire|humanitaires?|union africaine|union europ[ée]enne|"
    r"banque mondiale|ligue arabe|images? satellitaires?|imagerie satellitaire"
    # Spanish
    r"|naciones unidas|organizaci[óo]n mundial de la salud|cruz roja|media luna roja|"
    r"universidad|instituto|centro de investigaci[óo]n|no gubernamental(?:es)?|"
    r"misi[óo]n de (?:observaci[óo]n|verificaci[óo]n)|observatorio|humanitari[oa]s?|"
    r"uni[óo]n africana|uni[óo]n europea|banco mundial|defensor[ií]a del pueblo|"
    r"im[áa]genes satelitales"
    # Russian
    r"|оон|организаци\w* объедин[её]нных наций|объедин[её]нных наций|красн\w* крест\w*|"
    r"красн\w* полумесяц\w*|мккк|университет\w*|институт\w*|научн\w*|исследовательск\w*|"
    r"неправительственн\w*|мисси\w* наблюдател\w*|наблюдательн\w* мисси\w*|обсе|воз|"
    r"гуманитарн\w*|африканск\w* союз\w*|европейск\w* союз\w*|всемирн\w* банк\w*|"
    r"спутников\w* сним\w*)\b"
    # Arabic
    rf"|{_AR}(?:الأمم المتحدة|أمم المتحدة|منظمة الصحة العالمية|الصليب الأحمر|الهلال الأحمر"
    r"|جامعة|معهد|مركز (?:دراسات|أبحاث|بحوث)|للدراسات|للأبحاث|غير حكومية|غير الحكومية"
    r"|بعثة (?:المراقبة|مراقبة|المراقبين)|مراقب|إنساني|الاتحاد الأفريقي|الاتحاد الإفريقي"
    r"|الاتحاد الأوروبي|البنك الدولي|جامعة الدول العربية|صور الأقمار الصناعية|أوتشا|يونيسف"
    r"|اليونيسف|مفوضية)",
    re.IGNORECASE,
)
_NEUTRAL_ACRONYMS = re.compile(
    r"\b(?:UN|OCHA|UNHCR|UNICEF|UNFPA|UNDP|UNMAS|WFP|WHO|IOM|ICRC|IFRC|MSF|ACLED|UCDP|HDX|NGO|"
    r"IPC|OSCE|AFP|BBC|IGAD|ECOWAS|SIPRI|HRW|ONU|CICR|OMS|HCR|PAM|OIM|ONG|CEDEAO|ACNUR|OEA)\b"
)
# A bibliographic reference: "Zartman, I. W. (2000)", "Smith et al.", "Journal of ...".
_REFERENCE = re.compile(r"\(\d{4}[a-z]?\)|\bet al\.|\bjournal of\b|\buniversity press\b", re.I)
_GENERIC = frozenset(
    "government ministry minister of the defence defense interior health foreign affairs press "
    "office statement statements state media television tv radio news agency armed forces army "
    "authority authorities party movement front spokesperson spokesman spokeswoman report "
    "reports bulletin presidency police national military command commander administration "
    "civil council public information department directorate data figures records daily "
    "weekly monthly annual release service and for on in at by january february march april "
    "may june july august september october november december host communities community "
    "regime brigade brigades militia militias rebel rebels "
    # the same words in French, Spanish and Russian, which capitalise them in names
    "ministère gouvernement défense intérieur santé armée forces présidence gendarmerie "
    "état-major direction bureau service agence république état de la du des le les "
    "ministerio gobierno defensa salud ejército fuerzas presidencia policía dirección "
    "oficina agencia república estado el los las y "
    "министерство правительство обороны внутренних здравоохранения армия вооружённые "
    "вооруженные силы пресс-служба администрация республики республика штаб".split()
)


@dataclass(frozen=True, slots=True)
class SourceItem:
    start: int
    end: int
    text: str
    origin: str  # NEUTRAL, PARTY or UNKNOWN
    identity: frozenset[str]


@dataclass(frozen=True, slots=True)
class SourceList:
    heading_start: int
    heading_end: int
    items: tuple[SourceItem, ...]


def _identity(text: str) -> frozenset[str]:
    found = {
        w.casefold()
        for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text)
        if w[:1].isupper() and w.casefold() not in _GENERIC
    }
    return frozenset(found) or frozenset({" ".join(text.casefold().split())})


def classify(item: str) -> tuple[str, frozenset[str]]:
    """(origin, identity) of one source; identity tells two parties' sources apart."""
    explicit = _EXPLICIT.search(item)
    stated = (explicit.group("o") or explicit.group("p")) if explicit else ""
    if stated and _NEUTRAL_MARK.search(stated):
        return NEUTRAL, frozenset()
    if stated and (_PARTY_MARK.search(stated) or _PARTY.search(stated)):
        named = _PARTY_MARK.sub("", stated).strip(" :,")
        return PARTY, _identity(named or item[: explicit.start()] if explicit else item)
    if _PARTY.search(item):
        return PARTY, _identity(item)
    if (
        _NEUTRAL_MARK.search(item)
        or _NEUTRAL_WORDS.search(item)
        or _NEUTRAL_ACRONYMS.search(item)
        or _REFERENCE.search(item)
    ):
        return NEUTRAL, frozenset()
    return UNKNOWN, frozenset()


def _item(text: str, start: int, end: int) -> SourceItem | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    if start >= end:
        return None
    origin, identity = classify(text[start:end])
    return SourceItem(start, end, text[start:end], origin, identity)


def _lines(text: str, position: int) -> list[tuple[int, int]]:
    """(start, end) of each line from `position` on."""
    spans = []
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end == -1 else end
        spans.append((position, end))
        position = end + 1
    return spans


def source_lists(text: str) -> list[SourceList]:
    found = []
    for heading in _HEADING.finditer(text):
        items: list[SourceItem] = []
        rest = heading.group("rest")
        if rest:
            offset = heading.start("rest")
            for part in re.finditer(r"[^;]+", rest):
                item = _item(text, offset + part.start(), offset + part.end())
                if item:
                    items.append(item)
        else:
            blank = False
            for start, end in _lines(text, heading.end() + 1):
                line = text[start:end]
                if not line.strip():
                    blank = bool(items) or blank
                    continue
                if line.lstrip().startswith("#") or (blank and not _BULLET.match(line)):
                    break
                if _HEADING.match(line):
                    break
                item = _item(text, start, end)
                if item:
                    items.append(item)
        line = heading.group()
        line_start = heading.start() + len(line) - len(line.lstrip())
        line_end = heading.start("rest") if rest else heading.end()
        while line_end > line_start and text[line_end - 1] in " \t":
            line_end -= 1
        found.append(SourceList(line_start, line_end, tuple(items)))
    return found


def balance_problem(items: tuple[SourceItem, ...]) -> str | None:
    """What is wrong with the balance of these sources, or None."""
    if not items or any(i.origin == NEUTRAL for i in items):
        return None
    parties = [i for i in items if i.origin == PARTY]
    if parties and len(parties) == len(items):
        first = parties[0].identity
        if all(p.identity & first for p in parties):
            return "every source comes from one party"
    return "no source is from a neutral body"
