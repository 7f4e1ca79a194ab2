"""Greek names in their cases: Παπαδάκης is του Παπαδάκη (genitive) and τον Παπαδάκη
(accusative), Γεωργίου keeps its -ου. The final -ς is a consonant the match would count,
so a word is read with and without it."""

from __future__ import annotations


def stems(word: str) -> tuple[str, ...]:
    """The word in lower case, and with or without the final ς (Παπαδάκη is Papadakis)."""
    low = word.lower()
    if len(low) <= 3:
        return (low,)
    return (low, low[:-1]) if low.endswith(("ς", "σ")) else (low, low + "ς")
