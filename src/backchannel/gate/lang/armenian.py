"""Armenian case endings and the article on names: Voskanyan is Ոսկանյանը or Ոսկանյանն
(with the article), Ոսկանյանի (genitive, dative), Ոսկանյանից (ablative), Ոսկանյանով
(instrumental), Ոսկանյանին (dative with the article). The ending comes off before the name
is matched on its consonants; the whole inflected word is redacted."""

from __future__ import annotations

from functools import lru_cache

# Longest first; the article -ը/-ն may close any of them (Ոսկանյանիցը is not written, but
# Ոսկանյանին is the dative with -ն).
_ENDINGS = ("ներին", "ներից", "ներով", "ներում", "ների", "ում", "ից", "ով", "ին", "ի", "ը", "ն")


@lru_cache(maxsize=16384)
def stems(word: str) -> tuple[str, ...]:
    """The word in lower case and, when it ends in a case ending or the article, its stem."""
    low = word.lower()
    out = [low]
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            out.append(low[: -len(ending)])
            break
    return tuple(out)
