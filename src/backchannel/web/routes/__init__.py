"""The screens, one module each; `register` mounts them all."""

from __future__ import annotations

from fastapi import FastAPI

from backchannel.web.routes import (
    accounts,
    audit,
    auth,
    dashboard,
    documents,
    followup,
    meeting,
    meeting_capture,
    portal,
    roster,
    scope,
)

MODULES = (
    auth,
    dashboard,
    scope,
    roster,
    meeting,
    meeting_capture,
    portal,
    documents,
    followup,
    accounts,
    audit,
)


def register(app: FastAPI) -> None:
    for module in MODULES:
        app.include_router(module.router)
