"""The non-attribution gate: a roster-aware scanner and redactor.

    gate = Gate(roster, k=2)       # once per roster
    findings = gate.scan(text)     # sorted, non-overlapping Finding records
    clean = gate.redact(text)      # neutral placeholders; a scan of it finds nothing

See docs/gate.md for what it finds and how.
"""

from backchannel.gate.finding import KINDS, Finding
from backchannel.gate.redact import Replacement, apply, placeholder_for, plan
from backchannel.gate.scan import Gate, merge_overlaps

__all__ = [
    "KINDS",
    "Finding",
    "Gate",
    "Replacement",
    "apply",
    "merge_overlaps",
    "placeholder_for",
    "plan",
]
