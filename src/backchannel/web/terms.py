"""The words the pages show for the record's fixed values (a round, a status, a role...).

The record keeps its values in English (`under_way`, `red_line`); a page shows them in its
language through the `term` filter: `{{ step.status|term }}`.
"""

from __future__ import annotations

from collections.abc import Mapping

from backchannel.domain.followup import BoardLine, Standing
from backchannel.domain.meetings import Progress
from backchannel.domain.rounds import ROUND_ORDER
from backchannel.i18n import N_, gettext, ngettext

TERMS: Mapping[str, str] = {
    # rounds of a meeting
    "framing": N_("framing"),
    "interests": N_("interests"),
    "options": N_("options"),
    "consequences": N_("consequences"),
    "packaging": N_("packaging"),
    # what is captured
    "statement": N_("statement"),
    "reframing": N_("reframing"),
    "interest": N_("interest"),
    "fear": N_("fear"),
    "red_line": N_("red line"),
    "legal": N_("legal"),
    "political": N_("political"),
    "operational": N_("operational"),
    # the consequences of an option for a party
    "gains": N_("gains"),
    "costs": N_("costs"),
    "risks": N_("risks"),
    "spoilers": N_("spoilers"),
    "feasibility": N_("feasibility"),
    "verification": N_("verification"),
    # steps and their standing
    "planned": N_("planned"),
    "under_way": N_("under way"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    "late": N_("late"),
    "due": N_("due"),
    "open": N_("open"),
    # roles
    "facilitator": N_("facilitator"),
    "rapporteur": N_("rapporteur"),
    "participant": N_("participant"),
    "interlocutor": N_("interlocutor"),
    "observer": N_("observer"),
    # people
    "authoritative_proxy": N_("authoritative proxy"),
    "technical_expert": N_("technical expert"),
    "community_voice": N_("community voice"),
    "size": N_("size"),
    # ripeness
    "hurting": N_("hurting"),
    "stalemate": N_("stalemate"),
    "precipice": N_("precipice"),
    "way_out": N_("way out"),
    "spokespersons": N_("spokespersons"),
    "low": N_("low"),
    "medium": N_("medium"),
    "high": N_("high"),
    "ripe": N_("ripe"),
    "ripening": N_("ripening"),
    "not_ripe": N_("not ripe"),
    # documents
    "scope_note": N_("scope note"),
    "ripeness_report": N_("ripeness report"),
    "brief": N_("brief"),
    "non_paper": N_("non-paper"),
    "aide_memoire": N_("aide-mémoire"),
    "meeting_record": N_("meeting record"),
    "roster_report": N_("roster report"),
    "facilitators": N_("facilitators"),
    # findings
    "block": N_("blocks"),
    "warn": N_("warning"),
    "name": N_("name"),
    "alias": N_("alias"),
    "affiliation": N_("affiliation"),
    "title": N_("title"),
    "descriptor": N_("descriptor"),
    "other": N_("other"),
    "broad": N_("broad"),
    "vague": N_("vague"),
    "horizon": N_("horizon"),
    "no_place": N_("no place"),
}


def term(value: object) -> str:
    """The page's word for a fixed value of the record, else the value with spaces."""
    text = str(value)
    known = TERMS.get(text)
    return gettext(known) if known else text.replace("_", " ")


def progress(value: Progress) -> str:
    """Where a meeting stands: not started, in round 2 of 5 (interests), finished."""
    if not value.started:
        return gettext("not started")
    if value.finished or value.current is None:
        return gettext("finished")
    where = gettext("in round %(n)s of 5, %(round)s") % {
        "n": ROUND_ORDER.index(value.current) + 1,
        "round": term(value.current),
    }
    return where + (" " + gettext("(paused)") if value.paused else "")


def standing(line: BoardLine) -> str:
    """How a step stands against its date: late by 3 days, due today, 20 days to go."""
    days = line.days_left
    if line.standing is Standing.LATE:
        return ngettext("late by %(num)s day", "late by %(num)s days", -days) % {"num": -days}
    if line.standing is Standing.DUE:
        if days == 0:
            return gettext("due today")
        return ngettext("due in %(num)s day", "due in %(num)s days", days) % {"num": days}
    if line.standing is Standing.OPEN:
        return ngettext("%(num)s day to go", "%(num)s days to go", days) % {"num": days}
    return term(line.standing)
