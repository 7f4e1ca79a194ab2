"""Georgian case endings on names: Gogoladze is გოგოლაძემ (ergative), გოგოლაძეს
(dative), გოგოლაძის (genitive), გოგოლაძით (instrumental), and takes postpositions
(გოგოლაძესთან, with Gogoladze). Names are matched on consonants (see `romkey`), so the
endings that carry a consonant come off; the whole inflected word is redacted."""

from __future__ import annotations

from functools import lru_cache

# Longest first: postpositions on the dative or genitive, then the cases themselves.
_ENDINGS = (
    "ისთვის", "ისგან", "ისკენ", "სთან", "სგან", "ისას", "ში", "ზე", "თან",
    "მა", "ით", "ად", "ის", "მ", "ს",
)  # fmt: skip


@lru_cache(maxsize=16384)
def stems(word: str) -> tuple[str, ...]:
    """The word and, when it ends in a case ending with a consonant, its stem."""
    out = [word]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(word[: -len(ending)])
            break
    return tuple(out)
