"""The workbench in a real browser: Debian's Chromium driven by Playwright against a uvicorn
server on 127.0.0.1 (a random free port), serving a copy of the demo dialogue.

- a facilitator runs the demo from the scope to rendered documents;
- a participant on a phone-sized screen rates options and proposes one;
- a participant who tries a facilitator page or another person's copy is refused.

Screenshots of the main screens go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from backchannel.services import accounts, document_files, meetings
from backchannel.services.workspace import Workspace

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.slow


class Served:
    """A running server: its URL and the workspace it serves."""

    def __init__(self, url: str, ws: Workspace, documents: Path) -> None:
        self.url = url
        self.ws = ws
        self.documents = documents


@pytest.fixture
def served(demo_base: Path, tmp_path: Path, kit: Any) -> Iterator[Served]:
    """A copy of the demo, rendering into an empty documents folder."""
    ws = kit.copy_workspace(demo_base, tmp_path / "ws")
    documents = tmp_path / "documents"
    with kit.running(kit.make_app(ws, documents)) as url:
        yield Served(url, ws, documents)
    ws.close()


@pytest.fixture
def served_with_documents(demo_base: Path, tmp_path: Path, kit: Any) -> Iterator[Served]:
    """A copy of the demo serving the demo's documents (every participant's copy)."""
    ws = kit.copy_workspace(demo_base, tmp_path / "ws")
    with kit.running(kit.make_app(ws, demo_base)) as url:
        yield Served(url, ws, demo_base)
    ws.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield found
        found.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(page: Page, url: str, handle: str, password: str) -> None:
    page.goto(f"{url}/login")
    page.fill("#handle", handle)
    page.fill("#password", password)
    page.click("button[type=submit]")


@pytest.fixture
def options_round(served: Served) -> list[str]:
    """Meeting 2 under way in its options round, with two options on the table."""
    meetings.start_round(served.ws)
    meetings.next_round(served.ws)
    meetings.next_round(served.ws)
    return [
        meetings.capture_option(served.ws, title).code
        for title in (
            "A joint weekly cholera figure for each district",
            "Crossing notices posted a week ahead",
        )
    ]


class TestFacilitatorRunsTheDemo:
    """From the scope to rendered documents, in the browser, as a facilitator would."""

    def test_scope_to_documents(self, browser: Browser, served: Served, kit: Any) -> None:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{served.url}/")
        expect(page).to_have_url(f"{served.url}/login?next=/")
        shot(page, "00-login")
        log_in(page, served.url, "facilitator", kit.password)
        expect(page.locator("h1")).to_have_text(re.compile("Humanitarian access triggers"))
        shot(page, "01-dashboard")

        # Pillar 1: the linter speaks as the mandate is typed, then the scope is saved.
        page.click("nav >> text=Scope & ripeness")
        original = page.input_value("#problem")
        page.fill("#problem", "Build a comprehensive and lasting peace in the region.")
        expect(page.locator("#scope-lint")).to_contain_text("broad", timeout=10_000)
        shot(page, "02-scope-lint")
        page.fill("#problem", original)
        expect(page.locator("#scope-lint")).to_contain_text("nothing to fix", timeout=10_000)
        page.click("text=Save the scope")
        expect(page.locator(".note[role=status]")).to_have_text("Scope saved.")
        shot(page, "03-scope-and-ripeness")

        # Pillars 2 and 3: the optimizer chooses the roster and explains it.
        page.click("nav >> text=Roster")
        page.click("text=Choose the roster with the optimizer")
        expect(page.locator(".note[role=status]")).to_contain_text("Chose 16 of 36")
        shot(page, "04-roster")

        # Pillar 4: meeting 2 starts; the rapporteur's forms capture the rounds.
        page.click("nav >> text=Meeting")
        page.click("text=Start meeting 2: open framing")
        expect(page.locator(".timer")).to_be_visible()
        page.fill("#f-text", "Convoys wait because nobody knows in advance when Dorran opens.")
        page.click("#capture >> text=Capture")
        expect(page.locator("#capture")).to_contain_text("Statement captured.")
        page.click("text=Next round")
        page.click("text=Next round")
        page.fill("#o-title", "Publish the crossing calendar a month ahead")
        page.click("text=Capture the option")
        expect(page.locator("#capture")).to_contain_text("captured.")
        shot(page, "05-meeting-console")
        page.click("text=Projector view")
        expect(page.locator(".projector-options")).to_contain_text("crossing calendar")
        shot(page, "06-projector")

        # Pillar 6: every document through the gate, then a download.
        page.goto(f"{served.url}/documents")
        page.click("text=Render every document")
        expect(page.locator("#documents-panel")).to_contain_text(
            "Every document passed the gate", timeout=120_000
        )
        expect(page.locator("#documents-panel")).to_contain_text("nonpaper.pdf")
        shot(page, "07-documents")
        with page.expect_download() as download:
            page.click("tr:has-text('brief.pdf') >> text=Download")
        assert "brief.pdf" == download.value.suggested_filename
        written = sorted(p.name for p in served.documents.iterdir())
        page.goto(f"{served.url}/followup")
        shot(page, "08-follow-up")
        page.goto(f"{served.url}/audit")
        shot(page, "09-audit")
        context.close()
        assert ([], True, True) == (
            errors,
            "brief.pdf" in written,
            "scope-and-ripeness.pdf" in written,
        )


class TestParticipantOnAPhone:
    """On a phone-sized screen a participant rates options with a tap."""

    def test_rate_and_propose(
        self, browser: Browser, served: Served, options_round: list[str], kit: Any
    ) -> None:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        log_in(page, served.url, "participant-b", kit.password)
        expect(page).to_have_url(f"{served.url}/portal")
        first, second = options_round
        page.click(f"label[for=s-{first}-2]")
        expect(page.locator(f"#option-{first}")).to_contain_text("Saved.")
        page.click(f"label[for=s-{second}--1]")
        expect(page.locator(f"#option-{second}")).to_contain_text("Saved.")
        page.click(f"label[for=s-{first}-1]")  # a change of mind
        expect(page.locator(f"#option-{first}")).to_contain_text("Saved.")
        shot(page, "10-portal-phone")
        page.fill("#title", "Mobile clinics at both ends of the crossing")
        page.click("button:has-text('Propose')")
        expect(page.locator(".note[role=status]")).to_contain_text("without your name")
        page.reload()
        checked = page.locator(f"#s-{first}-1").is_checked()
        width = page.evaluate("document.documentElement.scrollWidth")
        context.close()
        with served.ws.read() as conn:  # stored; too few to be in any figure yet
            stored = conn.exec_driver_sql("SELECT pseudonym FROM rating WHERE meeting = 2").all()
        assert (True, 2, 1) == (checked, len(stored), len({r[0] for r in stored}))
        assert width <= PHONE["width"], "the portal scrolls sideways on a phone"


def say(lang: str, message: str) -> str:
    from backchannel import i18n

    with i18n.speaking(lang):
        return i18n.gettext(message)


def box_x(page: Page, selector: str) -> float:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return float(found["x"])


class TestInArabic:
    """The workbench in Arabic, as a browser set to Arabic asks for it: right to left, the
    layout mirrored; the facilitator chooses the working languages and renders; a
    participant rates on a phone. Screenshots: ar-*.png."""

    def test_facilitator_chooses_the_languages_and_renders(
        self, browser: Browser, served: Served, kit: Any
    ) -> None:
        context = browser.new_context(viewport=DESKTOP, locale="ar-LY")
        page = context.new_page()
        log_in(page, served.url, "facilitator", kit.password)
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("html")).to_have_attribute("lang", "ar")
        shot(page, "ar-01-dashboard")
        nav_first, nav_last = box_x(page, "header nav a"), box_x(page, "header nav a >> nth=-1")
        page.goto(f"{served.url}/documents")
        page.click(f"summary:has-text('{say('ar', 'Working languages')}')")
        page.select_option("select[name=first]", "en")
        page.check("input[name=also][value=ar]")
        page.check("input[name=bilingual]")
        page.click(f"text={say('ar', 'Keep these languages')}")
        expect(page.locator("#documents-panel .note[role=status]")).to_contain_text("English")
        page.click(f"text={say('ar', 'Render every document')}")
        expect(page.locator("#documents-panel")).to_contain_text(
            "nonpaper.en-ar.pdf", timeout=180_000
        )
        shot(page, "ar-02-documents")
        context.close()
        written = {p.name for p in served.documents.iterdir()}
        assert nav_first > nav_last, "the menu does not read from the right"
        assert {"nonpaper.pdf", "nonpaper.ar.pdf", "nonpaper.en-ar.pdf"} <= written

    def test_participant_rates_on_a_phone(
        self, browser: Browser, served: Served, options_round: list[str], kit: Any
    ) -> None:
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, locale="ar-YE"
        )
        page = context.new_page()
        log_in(page, served.url, "participant-b", kit.password)
        expect(page).to_have_url(f"{served.url}/portal")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        first = options_round[0]
        page.click(f"label[for=s-{first}-1]")
        expect(page.locator(f"#option-{first}")).to_contain_text(say("ar", "Saved."))
        shot(page, "ar-03-portal-phone")
        lowest, highest = (
            box_x(page, f"label[for=s-{first}--2]"),
            box_x(page, f"label[for=s-{first}-2]"),
        )
        width = page.evaluate("document.documentElement.scrollWidth")
        sign = page.evaluate(
            f"getComputedStyle(document.querySelector('label[for=\"s-{first}--2\"] bdi')).direction"
        )
        context.close()
        assert lowest > highest, "the scale does not read from the right"
        assert "ltr" == sign, "-2 would show as 2- in a right-to-left line"
        assert width <= PHONE["width"], "the portal scrolls sideways on a phone"


class TestParticipantIsRefused:
    """A participant cannot open a facilitator page or another person's copy."""

    def test_refused(self, browser: Browser, served_with_documents: Served, kit: Any) -> None:
        served = served_with_documents
        context = browser.new_context(viewport=PHONE, is_mobile=True)
        page = context.new_page()
        log_in(page, served.url, "participant-a", kit.password)
        roster = page.goto(f"{served.url}/roster")
        expect(page.locator("h1")).to_have_text("Not for this account")
        shot(page, "11-participant-refused")
        audit = page.goto(f"{served.url}/audit")
        page.goto(f"{served.url}/documents")
        listed = page.locator(".file-list .mono").all_inner_texts()
        shot(page, "12-participant-documents")
        own = document_files.copies_of(served.ws, accounts.get_account(served.ws, "participant-a"))
        copies = sorted(p.name for p in served.documents.glob("brief-*.pdf"))
        answers = {
            name: context.request.get(f"{served.url}/documents/{name}").status
            for name in [*copies, "brief.pdf", "roster-report.pdf"]
        }
        context.close()
        (code,) = own
        mine = f"brief-{code}.pdf"
        assert (403, 403, [mine]) == (
            roster.status if roster else 0,
            audit.status if audit else 0,
            listed,
        )
        assert {n: 200 if n == mine else 404 for n in answers} == answers
        assert len(copies) == 16
