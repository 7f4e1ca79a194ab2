"""Documents: render every document through the gate, see what the gate found, approve a
finding as intended, and download. Each account sees only the files its role may read."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, HTMLResponse

from backchannel.domain.accounts import Role, Shelf, shelf_of
from backchannel.domain.errors import BackchannelError
from backchannel.i18n import LANGUAGES, N_, NAMES, gettext
from backchannel.services import document_files
from backchannel.services.accounts import WebSession
from backchannel.services.aide_memoire import register
from backchannel.services.brief import approve_brief_finding
from backchannel.services.dialogue import set_languages as set_dialogue_languages
from backchannel.services.document_files import RenderOutcome
from backchannel.services.documents import approve_finding
from backchannel.services.working_languages import dialogue_of
from backchannel.web.deps import AnyoneDep, FacilitatorDep, Services, ServicesDep, render

router = APIRouter()

SHELVES = {
    Shelf.NON_PAPER: N_("Non-paper"),
    Shelf.AIDE_MEMOIRE: N_("Aide-mémoire (numbered copy)"),
    Shelf.BRIEF: N_("Brief (master, facilitators)"),
    Shelf.BRIEF_COPY: N_("Brief (a participant's numbered copy)"),
    Shelf.FACILITATORS: N_("Facilitators only"),
}
MINE = {
    Shelf.NON_PAPER: N_("The non-paper"),
    Shelf.AIDE_MEMOIRE: N_("Your numbered copy of the aide-mémoire"),
    Shelf.BRIEF_COPY: N_("Your numbered copy of the brief"),
}


def _context(
    services: Services,
    session: WebSession,
    *,
    outcome: RenderOutcome | None = None,
    error: str = "",
    done: str = "",
) -> dict[str, Any]:
    account = session.account
    files = document_files.files_for(services.ws, services.documents, account)
    facilitator = account.role is Role.FACILITATOR
    owners: dict[str, str] = {}
    if facilitator:
        copies = document_files.brief_copies(services.ws)
        lines = {c.code: c for c in register(services.ws)}
        for f in files:
            code = shelf_of(f.name).code or ""
            if code in copies:
                owners[f.name] = gettext("copy %(number)s for participant %(id)s") % {
                    "number": f"{copies[code][1]:02d}",
                    "id": copies[code][0],
                }
            elif code in lines:
                line = lines[code]
                owners[f.name] = gettext("copy %(number)s of %(total)s for %(code)s") % {
                    "number": line.number,
                    "total": line.total,
                    "code": line.interlocutor,
                }
    working = dialogue_of(services.ws) if facilitator else None
    return {
        "working": working.languages if working else (),
        "bilingual": bool(working and working.bilingual),
        "language_names": NAMES,
        "files": files,
        "shelves": SHELVES if facilitator else MINE,
        "facilitator": facilitator,
        "owners": owners,
        "register": register(services.ws) if facilitator else (),
        "age": document_files.age_note(document_files.rendered_at(services.documents)),
        "outcome": outcome,
        "error": error,
        "done": done,
    }


@router.get("/documents")
def documents(request: Request, services: ServicesDep, session: AnyoneDep) -> HTMLResponse:
    return render(request, "documents.html", _context(services, session))


@router.post("/documents/render")
def render_all(request: Request, services: ServicesDep, session: FacilitatorDep) -> HTMLResponse:
    """Build, gate and (when nothing is blocked) write every document."""
    outcome = document_files.render_documents(
        services.ws, services.documents, actor=session.account.handle
    )
    status = 200 if not outcome.stopped else 409
    return render(
        request,
        "documents.html",
        _context(services, session, outcome=outcome),
        fragment="_documents_panel.html",
        status=status,
    )


@router.post("/documents/languages")
def set_languages(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    first: Annotated[str, Form()] = "",
    also: Annotated[list[str] | None, Form()] = None,
    bilingual: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """The dialogue's working languages: the first, those also written, and whether the
    non-paper goes out as one two-column text in the first two (audited)."""
    chosen = [first] if first else []
    chosen += [lang for lang in LANGUAGES if lang in (also or ()) and lang != first]
    try:
        set_dialogue_languages(services.ws, chosen, bilingual == "on", actor=session.account.handle)
    except BackchannelError as error:
        context = _context(services, session, error=str(error))
        return render(
            request, "documents.html", context, fragment="_documents_panel.html", status=400
        )
    names = ", ".join(NAMES[lang] for lang in chosen)
    done = gettext("Documents will be written in: %(names)s.") % {"names": names}
    context = _context(services, session, done=done)
    return render(request, "documents.html", context, fragment="_documents_panel.html")


@router.post("/documents/approve")
def approve(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    finding: Annotated[str, Form()] = "",
    document: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Approve one blocked finding as intended (kept in the workspace and audited)."""
    try:
        added = approve_finding(
            services.ws, finding.strip(), document.strip(), reason, actor=session.account.handle
        )
    except BackchannelError as error:
        context = _context(services, session, error=str(error))
        return render(
            request, "documents.html", context, fragment="_documents_panel.html", status=400
        )
    note = f"Finding {finding.strip()} approved." if added else "That finding was already approved."
    context = _context(services, session, done=note + " Render again to write the documents.")
    return render(request, "documents.html", context, fragment="_documents_panel.html")


@router.post("/documents/approve-brief")
def approve_brief(
    request: Request,
    services: ServicesDep,
    session: FacilitatorDep,
    finding: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Approve one neutrality finding of the brief as intended (audited)."""
    try:
        added = approve_brief_finding(
            services.ws, finding.strip(), reason, actor=session.account.handle
        )
    except BackchannelError as error:
        context = _context(services, session, error=str(error))
        return render(
            request, "documents.html", context, fragment="_documents_panel.html", status=400
        )
    note = f"Finding {finding.strip()} approved." if added else "That finding was already approved."
    context = _context(services, session, done=note + " Render again to write the documents.")
    return render(request, "documents.html", context, fragment="_documents_panel.html")


@router.get("/documents/{name}")
def download(name: str, services: ServicesDep, session: AnyoneDep) -> FileResponse:
    """One file, to an account that may read it (else 404, as for a missing file)."""
    path = document_files.open_document(services.ws, services.documents, session.account, name)
    return FileResponse(
        path,
        filename=path.name,
        headers={"Cache-Control": "no-store"},
        content_disposition_type="attachment",
    )
