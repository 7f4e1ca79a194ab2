"""Failed logins counted in the store: slowed, never locked shut for a known device, and
still counted after a restart (on SQLCipher and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

from backchannel.domain.accounts import Role
from backchannel.services import accounts, login_throttle
from backchannel.services import audit as audit_service
from backchannel.services.workspace import Workspace

PASSWORD = "a long enough password"


def with_facilitator(ws: Workspace) -> str:
    """The facilitator's account, logged in once from a device: that device's token."""
    accounts.add_account(ws, "lead", Role.FACILITATOR, PASSWORD)
    return login_throttle.succeeded(ws, "lead", "192.0.2.10", None)


def test_fifty_guesses_from_elsewhere_do_not_keep_a_known_device_out(
    any_store: Workspace,
) -> None:
    token = with_facilitator(any_store)
    for n in range(50):
        login_throttle.failed(any_store, "lead", f"198.51.100.{n}", None)
    device = login_throttle.known_device(any_store, "lead", token)
    assert device is not None
    assert 0 == login_throttle.retry_after(any_store, "lead", "192.0.2.10", device)
    # A new device anywhere is slowed, until the facilitator's recovery path clears it.
    assert login_throttle.retry_after(any_store, "lead", "192.0.2.99", None) > 60
    login_throttle.unlock(any_store, "lead", actor="cli")
    assert 0 == login_throttle.retry_after(any_store, "lead", "192.0.2.99", None)
    assert "login.unlocked" == audit_service.entries(any_store)[-1].action


def test_a_venue_shared_address_holds_a_room_of_typos(any_store: Workspace) -> None:
    with_facilitator(any_store)
    for n in range(50):
        login_throttle.failed(any_store, f"participant-{n}", "203.0.113.5", None)
    assert 0 == login_throttle.retry_after(any_store, "participant-51", "203.0.113.5", None)


def test_counters_hold_across_a_restart(open_store: Callable[..., Workspace]) -> None:
    ws = open_store()
    with_facilitator(ws)
    for _ in range(6):
        login_throttle.failed(ws, "lead", "198.51.100.7", None)
    ws.close()
    again = open_store()
    assert login_throttle.retry_after(again, "lead", "198.51.100.7", None) > 0


def test_a_device_token_of_another_account_is_not_known(any_store: Workspace) -> None:
    token = with_facilitator(any_store)
    accounts.add_account(any_store, "notes", Role.RAPPORTEUR, PASSWORD)
    assert login_throttle.known_device(any_store, "notes", token) is None
    assert login_throttle.known_device(any_store, "lead", "forged") is None


def test_a_room_logging_in_with_one_account_keeps_the_facilitators_device(
    any_store: Workspace,
) -> None:
    token = with_facilitator(any_store)
    for n in range(50):
        login_throttle.succeeded(any_store, "lead", f"203.0.113.{n}", None)
    assert login_throttle.known_device(any_store, "lead", token) is not None
