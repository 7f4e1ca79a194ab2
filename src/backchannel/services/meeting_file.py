"""Load a meeting file (the rapporteur's log, see readers/meeting_file.py) into a workspace.

The file is played as if typed at the CLI: each [[round]] moves the meeting (start, next,
or back with its reason), its records are captured with the same checks and the same
gate, and the whole file is written in one transaction or not at all.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

from backchannel.domain.errors import BadInputError
from backchannel.domain.rounds import ROUND_ORDER
from backchannel.readers.meeting_file import MeetingFile, Visit, read_meeting_file
from backchannel.services import meetings as service
from backchannel.services.meetings import MeetingView
from backchannel.services.workspace import Workspace
from backchannel.store import meetings_repository as repo


def load_meeting_file(ws: Workspace, path: Path) -> MeetingView:
    """Play a meeting file into a meeting that has not started; all or nothing."""
    plan = read_meeting_file(path)
    with ws.begin() as conn:
        if plan.meeting in repo.started_meetings(conn):
            raise BadInputError(
                f"meeting {plan.meeting} has already started; a meeting file describes a "
                "meeting from its first round",
                file=path.name,
                field="meeting",
            )
        _play(conn, plan, path.name)
    return service.meeting_view(ws, plan.meeting)


def _play(conn: Connection, plan: MeetingFile, file: str) -> None:
    number = plan.meeting
    for n, visit in enumerate(plan.visits, 1):
        try:
            _enter(conn, number, visit, first=n == 1)
            _capture(conn, number, visit)
            if visit.pause is not None:
                service.pause_round(conn, number, visit.pause)
            if visit.resume is not None:
                service.resume_round(conn, number, visit.resume)
        except BadInputError as error:
            field = f"round[{n}]" + (f".{error.field}" if error.field else "")
            raise BadInputError(error.message, file=file, field=field) from None
    if plan.finished is not None:
        try:
            service.next_round(conn, number, plan.finished)
        except BadInputError as error:
            raise error.located(file=file, field="finished") from None


def _enter(conn: Connection, number: int, visit: Visit, *, first: bool) -> None:
    if first:
        if visit.name is not ROUND_ORDER[0] or visit.back:
            raise BadInputError("a meeting starts with framing", field="name")
        service.start_round(conn, number, visit.at)
        return
    if visit.back:
        service.back_round(conn, visit.back, to=visit.name, number=number, at=visit.at)
        return
    state = service.next_round(conn, number, visit.at)
    if state.progress.current is not visit.name:
        raise BadInputError(
            f"the round after the last one is '{state.progress.current}', not '{visit.name}' "
            '(to go back to an earlier round, give its reason with back = "...")',
            field="name",
        )


def _capture(conn: Connection, number: int, visit: Visit) -> None:
    for framing in visit.framings:
        service.capture_framing(conn, framing, number)
    for item in visit.items:
        service.capture_item(conn, item.party, item.kind, item.text, code=item.code, number=number)
    for option in visit.options:
        service.capture_option(
            conn,
            option.title,
            code=option.code,
            description=option.description,
            serves=option.serves,
            number=number,
        )
    for test in visit.tests:
        service.capture_consequence(conn, test, number)
    for record in visit.packages:
        service.capture_package(
            conn, record.code, record.package.title, record.package.options, number
        )
    for package, step in visit.steps:
        service.capture_step(
            conn,
            package,
            what=step.what,
            who=step.who,
            when=step.when,
            how=step.how,
            test=step.test,
            step_id=step.id,
            number=number,
        )
