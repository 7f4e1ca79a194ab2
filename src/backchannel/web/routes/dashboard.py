"""The dialogue dashboard: each pillar's state at a glance, each card linking to its screen."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from backchannel.domain.accounts import Role, Shelf
from backchannel.domain.errors import BackchannelError
from backchannel.domain.followup import Standing
from backchannel.domain.ripeness import Reading
from backchannel.i18n import day, gettext, ngettext
from backchannel.services import brief, document_files, meeting_ratings, meetings, outputs
from backchannel.services import dialogue as dialogue_service
from backchannel.services import roster as roster_service
from backchannel.services import scope as scope_service
from backchannel.services.ripeness import ripeness_view
from backchannel.services.roster_report import mix_of
from backchannel.web.deps import HOME, AnyoneDep, Services, ServicesDep, render
from backchannel.web.terms import progress, standing, term

router = APIRouter()


@dataclass
class Pillar:
    """One card: a pillar's state (`ok`, `warn`, `block` or `none`) and a few lines."""

    number: str
    title: str
    href: str
    status: str = "none"
    headline: str = ""
    lines: list[str] = field(default_factory=list)


def _scope(services: Services) -> Pillar:
    card = Pillar("1", gettext("Tight scope"), "/scope")
    scope = scope_service.get_scope(services.ws)
    if scope is None:
        card.headline = gettext("No scope recorded yet.")
        return card
    findings = scope_service.lint_record(scope)
    severities = {f.severity for f in findings}
    card.status = "block" if "block" in severities else "warn" if severities else "ok"
    card.headline = scope.problem if len(scope.problem) < 160 else scope.problem[:157] + "…"
    end = scope_service.horizon_end(services.ws)
    horizon = ngettext("Horizon %(num)s day", "Horizon %(num)s days", scope.horizon_days)
    card.lines.append(
        horizon % {"num": scope.horizon_days}
        + (", " + gettext("to %(day)s") % {"day": day(end)} if end else "")
    )
    card.lines.extend(f"{term(f.severity).upper()} {term(f.kind)}" for f in findings)
    if not findings:
        card.lines.append(gettext("The scope linter finds nothing to fix."))
    return card


def _ripeness(services: Services) -> Pillar:
    card = Pillar("1", gettext("Ripeness"), "/scope#ripeness")
    try:
        view = ripeness_view(services.ws)
    except BackchannelError:
        card.headline = gettext("No ripeness assessment yet.")
        return card
    reading = view.reading.reading
    card.status = {Reading.RIPE: "ok", Reading.RIPENING: "warn"}.get(reading, "block")
    card.headline = gettext("Reading: %(reading)s") % {"reading": term(reading)}
    card.lines.extend(view.reading.reasons[:3])
    return card


def _roster(services: Services) -> Pillar:
    card = Pillar("2–3", gettext("Roster, mix and consent"), "/roster")
    try:
        view = roster_service.roster_view(services.ws)
    except BackchannelError:
        card.headline = gettext("No roster yet.")
        return card
    if not view.participants:
        card.headline = gettext("No roster chosen yet.")
        return card
    mix = mix_of(view)
    parties = ", ".join(f"{r.label} {r.count}" for r in mix.parties if r.count)
    count = len(view.participants)
    card.headline = ngettext(
        "%(num)s participant (%(parties)s)", "%(num)s participants (%(parties)s)", count
    ) % {"num": count, "parties": parties}
    card.lines.extend(v.message for v in view.violations)
    if view.charter_version is None:
        card.lines.append(gettext("No charter adopted yet."))
    elif view.without_consent:
        card.lines.append(
            gettext("%(num)s without consent to charter v%(version)s")
            % {"num": len(view.without_consent), "version": view.charter_version}
        )
    else:
        card.lines.append(
            gettext("Everyone consented to charter v%(version)s.")
            % {"version": view.charter_version}
        )
    card.lines.extend(view.warnings[:2])
    missing = view.charter_version is None or bool(view.without_consent)
    card.status = "block" if view.violations else "warn" if missing or view.warnings else "ok"
    return card


def _rounds(services: Services) -> Pillar:
    card = Pillar("4", gettext("Rounds"), "/meeting")
    dialogue = dialogue_service.get_dialogue(services.ws)
    if not dialogue.meetings:
        card.headline = gettext("No meeting planned yet.")
        return card
    started = set(meetings.meeting_numbers(services.ws))
    live = False
    for m in dialogue.meetings:
        state = gettext("not started")
        if m.number in started:
            found = meetings.meeting_view(services.ws, m.number).progress
            state = progress(found)
            live = live or not found.finished
        card.lines.append(
            gettext("Meeting %(n)s (%(day)s): %(state)s")
            % {"n": m.number, "day": day(m.starts), "state": state}
        )
    options = meeting_ratings.list_options(services.ws)
    rated = sum(1 for o in options if o.ratings)
    card.headline = ngettext(
        "%(num)s option captured, %(rated)s rated",
        "%(num)s options captured, %(rated)s rated",
        len(options),
    ) % {"num": len(options), "rated": rated}
    card.status = "ok" if started else "none"
    if live:
        card.headline = gettext("A meeting is under way.") + " " + card.headline
    return card


def _brief(services: Services) -> Pillar:
    card = Pillar("5", gettext("Evidence brief"), "/documents")
    summary = dialogue_service.summarise(services.ws)
    card.lines.append(
        ngettext(
            "%(num)s conflict event imported for the indicators.",
            "%(num)s conflict events imported for the indicators.",
            summary.events,
        )
        % {"num": summary.events}
    )
    if not brief.has_inputs(services.ws):
        card.headline = gettext("No evidence for the brief imported yet.")
        return card
    files = document_files.list_files(services.documents)
    copies = [f for f in files if f.shelf is Shelf.BRIEF_COPY]
    rendered = any(f.shelf is Shelf.BRIEF for f in files)
    card.headline = (
        gettext("Evidence imported; brief rendered with %(num)s numbered copies")
        % {"num": len(copies)}
        if rendered
        else gettext("Evidence imported; brief not rendered")
    )
    card.status = "ok" if rendered else "warn"
    return card


def _steps(services: Services) -> Pillar:
    card = Pillar("6", gettext("Steps due"), "/followup")
    found = outputs.follow_up(services.ws).board
    if not found.lines:
        card.headline = gettext("No steps captured yet.")
        return card
    late = found.with_standing(Standing.LATE)
    due = found.with_standing(Standing.DUE)
    card.headline = gettext("%(open)s open of %(num)s steps") % {
        "open": len(found.open_steps),
        "num": len(found.lines),
    }
    card.lines.extend(gettext("Late: %(what)s") % {"what": line.step.what} for line in late[:2])
    card.lines.extend(f"{standing(line).capitalize()}: {line.step.what}" for line in due[:2])
    review = found.next_review
    if review is not None:
        card.lines.append(
            gettext("Next review: meeting %(n)s, day %(day)s (%(date)s)")
            % {"n": review.meeting, "day": review.day, "date": day(review.on)}
        )
    card.status = "block" if late else "warn" if due else "ok"
    return card


def _documents(services: Services) -> Pillar:
    card = Pillar("6", gettext("Documents"), "/documents")
    files = document_files.list_files(services.documents)
    card.headline = ngettext(
        "%(num)s file in the documents folder", "%(num)s files in the documents folder", len(files)
    ) % {"num": len(files)}
    card.lines.append(document_files.age_note(document_files.rendered_at(services.documents)))
    card.status = "ok" if files else "none"
    return card


@router.get("/", response_model=None)
def dashboard(request: Request, services: ServicesDep, session: AnyoneDep) -> Response:
    role = session.account.role
    if role is not Role.FACILITATOR:
        return RedirectResponse(HOME[role], status_code=303)
    dialogue = dialogue_service.get_dialogue(services.ws)
    pillars = [
        _scope(services),
        _ripeness(services),
        _roster(services),
        _rounds(services),
        _brief(services),
        _steps(services),
        _documents(services),
    ]
    page: HTMLResponse = render(
        request, "dashboard.html", {"dialogue": dialogue, "pillars": pillars}
    )
    return page
