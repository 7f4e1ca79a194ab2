"""Reading STEPS.csv (`id,what,who,when,how,test`) into drafts for the steps checker.

Empty cells are kept as written: the checker reports them as findings (exit 1). Only what
makes the file unusable is bad input (exit 2): a missing column, a row without an id, an
id that is not an id, the same id twice, or no step at all.
"""

from __future__ import annotations

from pathlib import Path

from backchannel.domain import _validate as v
from backchannel.domain.errors import BadInputError
from backchannel.domain.step_check import FIELDS, StepDraft
from backchannel.readers._csvfile import read_rows

COLUMNS = ("id", *FIELDS)
MAX_STEPS = 500


def read_steps(path: Path) -> tuple[StepDraft, ...]:
    """Every step of the file, in order, with its row number (header is row 1)."""
    _columns, rows = read_rows(path, COLUMNS)
    name = path.name
    seen: dict[str, int] = {}
    out: list[StepDraft] = []
    for row in rows:
        step_id = row.get("id")
        if not step_id:
            raise BadInputError(
                "every step needs an id (s1, s2, ...)", file=name, row=row.number, field="id"
            )
        try:
            v.ident(step_id, "id")
        except BadInputError as error:
            raise error.located(file=name, row=row.number) from None
        if step_id in seen:
            raise BadInputError(
                f"step {step_id} appears twice (first in row {seen[step_id]})",
                file=name,
                row=row.number,
                field="id",
            )
        seen[step_id] = row.number
        out.append(
            StepDraft(
                step_id,
                what=row.get("what"),
                who=row.get("who"),
                when=row.get("when"),
                how=row.get("how"),
                test=row.get("test"),
                row=row.number,
            )
        )
        if len(out) > MAX_STEPS:
            raise BadInputError(
                f"more than {MAX_STEPS} steps: a non-paper holds a few discrete steps",
                file=name,
                row=row.number,
            )
    if not out:
        raise BadInputError(
            "holds no step: add one row per step under the header", file=name, row=2
        )
    return tuple(out)
