"""Ground rules (pillar 3): a versioned charter and who has consented to which version."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from backchannel.domain import _validate as v
from backchannel.domain.people import Consent

DEFAULT_CHARTER = """\
Ground rules of this dialogue

1. Chatham House Rule. Participants are free to use the information received, but neither the
identity nor the affiliation of the speaker, nor that of any other participant, may be revealed.

2. Non-attribution. Nothing said here is attributed to a person or an organisation, in the
room or afterwards. Records of the meeting carry no names; options and ratings carry no names;
documents leave only after a non-attribution check.

3. Personal capacity. Everyone takes part in a personal capacity. Nothing said commits a
government, an authority or an organisation.

4. Problem-solving norms. We listen actively and check that we have understood before we answer.
We treat ideas as hypotheses to be tested, not positions to be defended. We generate options
without commitment: proposing an option does not mean endorsing it.

5. Confidentiality of the process. The list of participants, the venue and the dates are shared
only with those who need them. Documents are numbered; copies are not made or forwarded.
"""


@dataclass(frozen=True, slots=True)
class Charter:
    version: int
    text: str
    adopted_on: date

    def __post_init__(self) -> None:
        v.positive(self.version, "version")
        v.text(self.text, "charter text", max_len=50_000)


def consented(candidate: str, charter_version: int, consents: Iterable[Consent]) -> bool:
    """Whether `candidate` has consented to exactly this version of the charter."""
    return any(c.candidate == candidate and c.charter_version == charter_version for c in consents)


def without_consent(
    roster: Sequence[str], charter_version: int, consents: Sequence[Consent]
) -> tuple[str, ...]:
    """Participants on the roster with no consent to the current charter, in roster order."""
    return tuple(i for i in roster if not consented(i, charter_version, consents))
