"""The workspace schema as SQLAlchemy Core tables. Migrations under migrations/ build it.

No table of contributions, options or ratings may hold a person: those arrive in later
migrations and a test checks their columns.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData()

dialogue = Table(
    "dialogue",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("convenor", String(200), nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
    # The working languages, comma-separated ("en,ar"); "" when none is recorded.
    Column("languages", String(64), nullable=False, server_default=""),
    Column("bilingual", Boolean, nullable=False, server_default=false()),
)

party = Table(
    "party",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
)

interlocutor = Table(
    "interlocutor",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("party", String(64), nullable=True),
)

meeting = Table(
    "meeting",
    metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("starts", Date, nullable=False),
    Column("days", Integer, nullable=False),
    Column("venue", String(200), nullable=False, server_default=""),
)

candidate = Table(
    "candidate",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("aliases", Text, nullable=False, server_default=""),
    Column("party", String(100), nullable=False),
    Column("category", String(32), nullable=False),
    Column("gender", String(32), nullable=False, server_default=""),
    Column("affiliation", String(200), nullable=False, server_default=""),
    Column("title", String(200), nullable=False, server_default=""),
    Column("channels", Text, nullable=False, server_default=""),
    Column("available", Boolean, nullable=False),
    Column("conflicts", Text, nullable=False, server_default=""),
    Column("priority", Integer, nullable=False),
)

participant = Table(
    "participant",
    metadata,
    Column("candidate_id", String(64), ForeignKey("candidate.id"), primary_key=True),
)

scope = Table(
    "scope",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("problem", Text, nullable=False),
    Column("places", Text, nullable=False, server_default=""),
    Column("parties", Text, nullable=False, server_default=""),
    Column("horizon_days", Integer, nullable=False),
    Column("success_test", Text, nullable=False, server_default=""),
    Column("updated_at", DateTime, nullable=False),
)

ripeness_assessment = Table(
    "ripeness_assessment",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party", String(100), nullable=False),
    Column("assessed_on", Date, nullable=False),
    Column("indicators_seen", Text, nullable=False, server_default=""),
    Column("recorded_at", DateTime, nullable=False),
)

ripeness_score = Table(
    "ripeness_score",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("ripeness_assessment.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("element", String(32), primary_key=True),
    Column("score", Integer, nullable=False),
    Column("evidence", Text, nullable=False, server_default=""),
    Column("confidence", String(16), nullable=False),
)

event = Table(
    "event",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(64), nullable=False),
    Column("layout", String(16), nullable=False),
    Column("day", Date, nullable=False),
    Column("side_a", String(200), nullable=False),
    Column("side_b", String(200), nullable=False, server_default=""),
    Column("adm_1", String(200), nullable=False, server_default=""),
    Column("latitude", Float, nullable=False),
    Column("longitude", Float, nullable=False),
    Column("fatalities", Integer, nullable=False),
    UniqueConstraint("layout", "source_id", name="uq_event_source"),
)

# --- 0004: ground rules ---------------------------------------------------------------------

charter = Table(
    "charter",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("adopted_on", Date, nullable=False),
)

consent = Table(
    "consent",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("candidate_id", String(64), ForeignKey("candidate.id"), nullable=False),
    Column("charter_version", Integer, ForeignKey("charter.version"), nullable=False),
    Column("given_on", Date, nullable=False),
    Column("how", String(200), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    UniqueConstraint("candidate_id", "charter_version", name="uq_consent_version"),
)

# The audit log (DESIGN.md invariant 6): append-only, each entry hash-chained to the one
# before; `at` and `details` hold exactly the text that was hashed. `audit_head` is one row
# (id 1) with the number of entries and the last hash, written in the same transaction,
# so that a removed last entry shows. See domain/audit.py and docs/audit.md.
audit_entry = Table(
    "audit_entry",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("subject", String(200), nullable=False, server_default=""),
    Column("details", Text, nullable=False, server_default="{}"),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("count", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

# --- 0005: approved gate findings -----------------------------------------------------------

gate_approval = Table(
    "gate_approval",
    metadata,
    Column("finding_id", String(32), primary_key=True),
    Column("document", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("approved_at", DateTime, nullable=False),
)

# --- 0006: mix rules ------------------------------------------------------------------------

# One row (id 1): the dialogue's MIX.toml as the facilitator wrote it, parsed when used.
mix_rules = Table(
    "mix_rules",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("set_at", DateTime, nullable=False),
)

# --- 0007: meetings, rounds, capture without attribution, ratings --------------------------
# No table below has a column for a person (tests/store/test_no_person_columns.py): a
# record may carry a party; a rating carries a salted pseudonym of its rater and the rater's
# party. `package_step.who` names an office or body, and the gate checks it on the way out.

# One row (id 1): the workspace's random salt for rater pseudonyms (HMAC-SHA256 key, hex).
rater_salt = Table(
    "rater_salt",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("salt", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# A meeting's timeboxes; without rows the meeting has the default agenda for its days.
meeting_timebox = Table(
    "meeting_timebox",
    metadata,
    Column("meeting", Integer, ForeignKey("meeting.number"), primary_key=True),
    Column("round", String(16), primary_key=True),
    Column("minutes", Integer, nullable=False),
)

round_move = Table(
    "round_move",
    metadata,
    Column("meeting", Integer, ForeignKey("meeting.number"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),
    Column("to_round", String(16), nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
    Column("at", DateTime, nullable=False),
)

framing = Table(
    "framing",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("meeting", Integer, ForeignKey("meeting.number"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("party", String(64), nullable=True),
)

party_item = Table(
    "party_item",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("meeting", Integer, ForeignKey("meeting.number"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("party", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
)

meeting_option = Table(
    "meeting_option",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("meeting", Integer, ForeignKey("meeting.number"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("title", String(300), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("serves", Text, nullable=False, server_default=""),
)

consequence_test = Table(
    "consequence_test",
    metadata,
    Column("meeting", Integer, ForeignKey("meeting.number"), primary_key=True),
    Column("option", String(64), ForeignKey("meeting_option.code"), primary_key=True),
    Column("party", String(64), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("gains", Text, nullable=False, server_default=""),
    Column("costs", Text, nullable=False, server_default=""),
    Column("risks", Text, nullable=False, server_default=""),
    Column("spoilers", Text, nullable=False, server_default=""),
    Column("feasibility", Text, nullable=False, server_default=""),
    Column("verification", Text, nullable=False, server_default=""),
    Column("questions", Text, nullable=False, server_default=""),  # one a line
)

option_package = Table(
    "option_package",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("meeting", Integer, ForeignKey("meeting.number"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("title", String(300), nullable=False),
    Column("options", Text, nullable=False),
)

package_step = Table(
    "package_step",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("package", String(64), ForeignKey("option_package.code"), nullable=False),
    Column("meeting", Integer, ForeignKey("meeting.number"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("what", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("due", Date, nullable=False),
    Column("how", Text, nullable=False),
    Column("test", Text, nullable=False),
    Column("status", String(16), nullable=False),
    UniqueConstraint("package", "position", name="uq_package_step_position"),
)

rating = Table(
    "rating",
    metadata,
    Column("meeting", Integer, ForeignKey("meeting.number"), primary_key=True),
    Column("option", String(64), ForeignKey("meeting_option.code"), primary_key=True),
    Column("pseudonym", String(32), primary_key=True),
    Column("party", String(64), nullable=False),
    Column("score", Integer, nullable=False),
)

# 0013: the released copy of the ratings, from which every support figure is computed; a
# party's ratings of an option are copied here again only when at least three of them
# changed (domain/release.py), so two views never differ by one person's rating.
released_rating = Table(
    "released_rating",
    metadata,
    Column("meeting", Integer, ForeignKey("meeting.number"), primary_key=True),
    Column("option", String(64), ForeignKey("meeting_option.code"), primary_key=True),
    Column("pseudonym", String(32), primary_key=True),
    Column("party", String(64), nullable=False),
    Column("score", Integer, nullable=False),
)

# --- 0008: the neutral evidence brief -------------------------------------------------------

# Map layers: one row per GeoJSON feature, its geometry and style as JSON text.
brief_feature = Table(
    "brief_feature",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("layer", String(40), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("geometry", Text, nullable=False),
    Column("style", Text, nullable=False, server_default="{}"),
    Column("party", String(64), nullable=False, server_default=""),
    Column("source", String(200), nullable=False, server_default=""),
    Column("origin", String(64), nullable=False, server_default=""),
    Column("as_of", Date, nullable=True),
)

# The curated timeline; `views` is a JSON list of [party, words].
brief_timeline = Table(
    "brief_timeline",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", Date, nullable=False),
    Column("month_only", Boolean, nullable=False),
    Column("event", Text, nullable=False),
    Column("source", String(200), nullable=False),
    Column("origin", String(64), nullable=False, server_default=""),
    Column("views", Text, nullable=False, server_default="[]"),
)

brief_legal = Table(
    "brief_legal",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("instrument", String(300), nullable=False),
    Column("provision", String(200), nullable=False),
    Column("obligation", Text, nullable=False),
    Column("relevance", Text, nullable=False),
    Column("kind", String(16), nullable=False),
)

brief_figure = Table(
    "brief_figure",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("adm1", String(200), nullable=False),
    Column("sector", String(200), nullable=False),
    Column("day", Date, nullable=False),
    Column("affected", Integer, nullable=True),
    Column("in_need", Integer, nullable=True),
    Column("reached", Integer, nullable=True),
    Column("source", String(200), nullable=False, server_default=""),
    Column("origin", String(64), nullable=False, server_default=""),
)

# Contested places: `names` is a JSON list of [name, usage].
brief_place = Table(
    "brief_place",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("names", Text, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
)

# The dialogue's own lexicon entries, added to (or replacing) the shipped lexicon.
brief_term = Table(
    "brief_term",
    metadata,
    Column("term", String(80), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("alternative", Text, nullable=False),
    Column("not_after", Text, nullable=False, server_default=""),
    Column("not_before", Text, nullable=False, server_default=""),
    Column("only_before", Text, nullable=False, server_default=""),
)

# Numbered copies of the brief: the code printed on a participant's copy, never a name.
brief_copy = Table(
    "brief_copy",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("candidate_id", String(64), nullable=False, unique=True),
    Column("number", Integer, nullable=False, unique=True),
    Column("issued_at", DateTime, nullable=False),
)

# --- 0010: accounts and web sessions --------------------------------------------------------
# An account is a handle (what the audit trail records, never a person's name), an argon2
# hash of its password and a role. A participant account holds the candidate id it belongs
# to, so the portal can rate under that participant's pseudonym; no rating holds the account.
# A web session is kept by the SHA-256 of its cookie token, never the token itself.

account = Table(
    "account",
    metadata,
    Column("handle", String(64), primary_key=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("candidate_id", String(64), ForeignKey("candidate.id"), nullable=True),
    Column("interlocutor", String(64), ForeignKey("interlocutor.code"), nullable=True),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
    # 0011: the language the account reads the workbench in (none: the browser's)
    Column("language", String(8), nullable=True),
)

web_session = Table(
    "web_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column(
        "handle",
        String(64),
        ForeignKey("account.handle", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

# --- 0012: failed logins and known devices ---------------------------------------------------
# A throttle row counts recent failed logins for one key: a handle with the device or address
# it came from, a handle from unknown devices, an address. A known device is the SHA-256 of a
# cookie token set at a successful login; its logins are not slowed by others' failures.

login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_at", DateTime, nullable=False, index=True),
)

known_device = Table(
    "known_device",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column(
        "handle",
        String(64),
        ForeignKey("account.handle", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("last_at", DateTime, nullable=False),
)

# --- 0009: step status and the register of numbered copies ---------------------------------

# Each change of a packaged step's status (the current one is package_step.status).
step_status = Table(
    "step_status",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("step", String(64), ForeignKey("package_step.id"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("on_day", Date, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("recorded_at", DateTime, nullable=False),
)

# Who received which numbered aide-mémoire copy: an interlocutor's code (an office, never a
# person); `slots` is the JSON list of [key, [wordings...]] the copy's fingerprint used.
aide_memoire_copy = Table(
    "aide_memoire_copy",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("edition", String(64), nullable=False),
    Column("interlocutor", String(64), nullable=False),
    Column("number", Integer, nullable=False),
    Column("issued_at", DateTime, nullable=False),
    Column("slots", Text, nullable=False),
    UniqueConstraint("edition", "interlocutor", name="uq_copy_interlocutor"),
    UniqueConstraint("edition", "number", name="uq_copy_number"),
)
