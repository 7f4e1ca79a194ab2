"""The gate's word lists, read once from the package's data files."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources

from backchannel.gate.fold import fold

# Words after a name that show it is used as a name: "Hope argued", "Grace and ...".
# Not "is", "was", "has", "will", "can", "may": "Hope is fading", "Will it hold?".
REPORTING = (
    "and|or|who|whose|himself|herself|would|could|should|shall|might"
    "|says|said|thinks|argues|notes|suggests|wants|believes|proposes"
    "|recalls|offers|cautions|agrees|disagrees|insists|warns|adds|explains|observes|replies"
    "|asks|stresses|feels|fears|claims|maintains|points|sees|knows|told|thought|felt|spoke"
    "|made|gave|took|led|held|wrote|sent|brought|met|left|came|went|knew|found|got|began"
    "|became|kept|ran|read|[a-z]+ed"
    # French, Spanish and Portuguese verbs of speech, and the Spanish preterite (pidió)
    "|dit|ajoute|estime|souligne|rappelle|explique|demande|répond|insiste|affirme|précise"
    "|déclare|suggère|juge|pense|propose|dijo|dice|cree|opina|considera|sostiene|plantea"
    "|fait|note|relève|observe|rétorque|concède|regrette|reconnaît|signale|indique|avance"
    "|conclut|interroge|plaide|nuance|objecte|insiste|réplique|poursuit|intervient"
    "|señala|indica|recuerda|advierte|pregunta|responde|propone|sugiere|reconoce|explica"
    "|agrega|añade|comenta|subraya|insiste|aclara|interviene|replica|reclama|denuncia"
    "|afirma|disse|afirmou|lembrou|sugeriu|pediu|[a-záéíúñ]+ó"
)


def word_list(*path: str, normalize: Callable[[str], str] = fold) -> frozenset[str]:
    """The words of a data file under `gate/data/` (comments after #), each normalized."""
    text = resources.files("backchannel.gate").joinpath("data", *path).read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        out.update(normalize(w) for w in line.split())
    out.discard("")
    return frozenset(out)


@cache
def common_words() -> frozenset[str]:
    """Ordinary English words that are also names ("will", "hope", "said"), folded."""
    return word_list("common_words.txt")


@cache
def not_names() -> frozenset[str]:
    """Capitalised words that are never names ("The", "Yesterday", "March"), folded."""
    return word_list("not_names.txt")
