"""Bringing members over from the system a hotel used before: `desk-admin
import-members FILE [--dry-run]` and Office ▸ Import members… (the same
function). It is also how large databases are built for the benchmarks.

The file is UTF-8 CSV with a header row (docs/desk-admin.md lists the
columns). Every row is checked by the desk's own rules (domain.members,
the phone and address rules of full registration, the program's
properties and expiry rule); one bad row refuses the whole file
(`invalid_import`, the first bad rows listed with line and column) and
nothing is written: the rows are written as they are checked, in one
transaction, which is rolled back at the first bad row (after the
remaining rows have been checked for the report, up to MAX_PROBLEMS).

Each member gets one ledger entry of kind `import` (its points the sum of
the opening lots, its nights the sum of the stay credits), which makes the
lots and the credits. The rows are written with plain executemany in
chunks and the entries' hash-chain values are computed here, as they are
written, with db/chain.py's own digest, so `check-ledger` finds the same
chain it would have found had each member been sealed on its own.

Decisions (docs/program-rules.md, decisions table): a row without an
e-mail address is the office's exception (the import is a supervisor's
work) and records why; a guest under the age of majority is refused (the
file cannot record a guardian's consent); a lot must still be open on the
business date and neither a lot nor a credit may date from before the
enrollment or after the business date; an address of a revoked
membership is refused (re-admission is decided member by member)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from ..db import chain, search_index
from ..domain import errors, members as rules
from ..domain.lots import expiry_date
from . import bulk, ledger
from .context import Desk
from .database import Database
from .registration import (normalize_phone, normalize_postal_code, validate_address, validate_country,
                           name_fields)

COLUMNS = ("member_number", "family_name", "given_name", "family_name_kana", "given_name_kana", "email",
           "phone", "postal_code", "address", "country", "birth_date", "enrolled_on", "enrolled_at",
           "registration", "preferred_language", "lots", "credits")
REQUIRED = ("family_name", "given_name")
MAX_PROBLEMS = 20
CHUNK = 5000
MAX_POINTS = 10_000_000
MAX_PARTS = 200
ENTRY_KIND = "import"
CREDIT_SOURCE = "import"
REASON = "imported from the previous system"
NO_EMAIL_REASON = "imported without an e-mail address"

Progress = Callable[[int, int], None]


class ImportCancelled(Exception):
    """The clerk stopped the import: nothing was written."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str | None
    message: str

    def as_json(self) -> dict:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class ImportResult:
    imported: int
    lots: int
    credits: int
    dry_run: bool = False


class _Bad(Exception):
    def __init__(self, column: str | None, message: str):
        super().__init__(message)
        self.column, self.message = column, message


def refusal(problems: list[RowProblem]) -> errors.DeskError:
    first = problems[0] if problems else None
    where = f" (line {first.line}, {first.column or 'row'}: {first.message})" if first else ""
    exc = errors.InvalidImport(f"The file was not imported: {len(problems)} "
                               f"{'problems' if len(problems) != 1 else 'problem'} with the desk's rules{where}. "
                               f"Nothing was written.")
    exc.details = {"rows": [p.as_json() for p in problems]}
    exc.problems = tuple(problems)
    return exc


# -- reading --------------------------------------------------------------------
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOBILE = re.compile(r"^0[789]0[1-9]\d{7}$")


_DATES: dict[str, date] = {}


def _date(text: str, column: str) -> date:
    d = _DATES.get(text)
    if d is not None:
        return d
    if not _DATE.match(text):
        raise _Bad(column, f"'{text[:20]}' is not a date (YYYY-MM-DD).")
    try:
        d = date.fromisoformat(text)
    except ValueError:
        raise _Bad(column, f"'{text[:20]}' is not a date (YYYY-MM-DD).") from None
    if len(_DATES) < 100_000:
        _DATES[text] = d
    return d


def _int(text: str, column: str, what: str) -> int:
    t = text.strip()
    if not t.isascii() or not t.isdigit() or len(t) > 9:
        raise _Bad(column, f"'{text[:20]}' is not a whole number of {what}.")
    return int(t)


def _items(text: str | None, column: str, size: int, shape: str, what: str) -> list[list[str]]:
    """A list cell (`a:b;c:d`): its items split into `size` fields each."""
    parts = [p for p in (text or "").split(";") if p.strip()]
    if len(parts) > MAX_PARTS:
        raise _Bad(column, f"More than {MAX_PARTS} {what} for one member.")
    items = [part.strip().split(":") for part in parts]
    for part, bits in zip(parts, items):
        if len(bits) != size:
            raise _Bad(column, f"'{part[:30]}' is not {shape}.")
    return items


def phone(text: str, country: str) -> str:
    """registration.normalize_phone, with a shortcut for the commonest
    case (a Japanese mobile number, which is always valid when its fourth
    digit is not 0): the same answer, without the full parser's cost."""
    if country == "JP":
        digits = text.replace("-", "").replace(" ", "")
        if _MOBILE.match(digits):
            return "+81" + digits[1:]
    return normalize_phone(text, country)


@lru_cache(maxsize=1 << 16)
def _names(family: str, given: str, family_kana: str, given_kana: str) -> tuple[dict, str]:
    """Validated name columns and the search column; cached, as a member
    base repeats its names a great deal."""
    fields = name_fields(family, given, family_kana or None, given_kana or None)
    text = rules.search_text(fields["family_name"], fields["given_name"], fields["family_kana"],
                             fields["given_kana"], fields["family_name_roman"], fields["given_name_roman"])
    return fields, text


def _open(path) -> tuple[list[str], csv.reader, object]:
    p = Path(path)
    try:
        f = p.open("r", encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise refusal([RowProblem(0, None, f"The file cannot be read: {exc.strerror or exc}.")]) from None
    reader = csv.reader(f)
    try:
        header = next(reader, None)
    except (UnicodeDecodeError, csv.Error):
        f.close()
        raise refusal([RowProblem(1, None, "The file is not UTF-8 CSV text.")]) from None
    if not header:
        f.close()
        raise refusal([RowProblem(1, None, "The file is empty: a header row naming the columns is needed.")])
    names = [h.strip().lower() for h in header]
    problems = [RowProblem(1, h, f"'{h[:40]}' is not a column the import knows.") for h in names
                if h not in COLUMNS]
    problems += [RowProblem(1, h, f"The column '{h}' appears twice.") for i, h in enumerate(names)
                 if h in COLUMNS and h in names[:i]]
    problems += [RowProblem(1, c, f"The column '{c}' is required.") for c in REQUIRED if c not in names]
    if problems:
        f.close()
        raise refusal(problems[:MAX_PROBLEMS])
    return names, reader, f


def _survey(path, number_col: int | None) -> tuple[int, set[str]]:
    """The number of rows (for progress) and the member numbers the file
    gives (a number issued for a blank row must not take one of them)."""
    rows, given = 0, set()
    with Path(path).open("r", encoding="utf-8-sig", newline="", errors="replace") as f:
        reader = csv.reader(f)
        next(reader, None)
        try:
            for row in reader:
                rows += 1
                if number_col is not None and number_col < len(row) and row[number_col].strip():
                    given.add(row[number_col].strip())
        except csv.Error:
            pass  # reported with its line by the checking pass
    return rows, given


# -- checking one row -----------------------------------------------------------
class _Checker:
    def __init__(self, db: Database, desk: Desk, given_numbers: set[str]):
        self.program = program = db.program
        self.desk = desk
        self.today = desk.business_date
        self.length = program.member_number_length
        self.prefix = program.member_number_prefix
        self.props = {p.code for p in program.properties}
        self.emails: set[str] = set()
        self.numbers: set[str] = set()
        self.given_numbers = given_numbers
        self._expiry: dict[date, date] = {}

    def expires(self, earned: date) -> date:
        e = self._expiry.get(earned)
        if e is None:
            e = self._expiry[earned] = expiry_date(self.program.expiry_kind, self.program.expiry_years, earned)
        return e

    def new_number(self) -> str:
        body_len = self.length - 1 - len(self.prefix)
        while True:
            body = self.prefix + str(secrets.randbelow(10 ** body_len)).zfill(body_len)
            number = body + rules.luhn_check_digit(body)
            if number not in self.numbers and number not in self.given_numbers:
                return number

    def row(self, get) -> tuple[dict, list, list]:
        """One row -> (member columns, [(earned, expires, points)], [(date, qp, nights)]); raises _Bad."""
        try:
            fields, search = _names(get("family_name"), get("given_name"), get("family_name_kana"),
                                    get("given_name_kana"))
        except errors.DeskError as exc:
            msg = exc.message
            column = ("family_name_kana" if "family name reading" in msg else
                      "given_name_kana" if "given name reading" in msg else
                      "given_name" if "given name" in msg else "family_name")
            raise _Bad(column, msg) from None
        m = dict(fields)
        m["search_text"] = search

        number = get("member_number")
        if number:
            if not rules.is_valid_member_number(number, self.length):
                raise _Bad("member_number", f"'{number[:20]}' is not a valid {self.length}-digit member number.")
            if number in self.numbers:
                raise _Bad("member_number", f"The member number {number} appears twice in the file.")
            m["_given_number"] = True
        else:
            number = self.new_number()
            m["_given_number"] = False
        self.numbers.add(number)
        m["number"] = number

        email = get("email")
        if email:
            try:
                norm = rules.normalize_email(email)
            except errors.DeskError as exc:
                raise _Bad("email", exc.message) from None
            if norm in self.emails:
                raise _Bad("email", "This e-mail address appears twice in the file.")
            self.emails.add(norm)
            m["email"], m["email_norm"], m["no_email_reason"] = email, norm, None
        else:
            m["email"] = m["email_norm"] = None
            m["no_email_reason"] = NO_EMAIL_REASON

        text = get("enrolled_on")
        enrolled = _date(text, "enrolled_on") if text else self.today
        if enrolled > self.today:
            raise _Bad("enrolled_on", "The enrollment date is after the business date.")
        m["enrolled_on"] = enrolled
        prop = (get("enrolled_at") or self.desk.property_code).upper()
        if prop not in self.props:
            raise _Bad("enrolled_at", f"'{prop[:16]}' is not one of the program's hotels.")
        m["enrolled_at"] = prop

        text = get("birth_date")
        birth = _date(text, "birth_date") if text else None
        try:
            birth = rules.validate_birth_date(birth, self.today)
            rules.check_guardian_consent(birth, self.today, False, self.program.age_of_majority)
        except errors.DeskError as exc:
            raise _Bad("birth_date", exc.message) from None
        m["birth_date"] = birth

        reg = (get("registration") or "simple").lower()
        if reg not in ("simple", "full"):
            raise _Bad("registration", "The registration is 'simple' or 'full'.")
        m["registration"] = reg
        lang = (get("preferred_language") or "ja").lower()
        if lang not in ("ja", "en"):
            raise _Bad("preferred_language", "The preferred language is 'ja' or 'en'.")
        m["preferred_language"] = lang

        country_text, phone_text = get("country"), get("phone")
        postal_text, address_text = get("postal_code"), get("address")
        if reg == "full":
            for col, value in (("phone", phone_text), ("postal_code", postal_text), ("address", address_text)):
                if not value:
                    raise _Bad(col, f"A full registration needs the {col.replace('_', ' ')}.")
        country = None
        if country_text or phone_text or postal_text or address_text:
            try:
                country = validate_country(country_text or "JP")
            except errors.DeskError as exc:
                raise _Bad("country", exc.message) from None
        m["country"] = country
        m["phone"] = m["postal_code"] = m["address"] = None
        for col, value, check in (("phone", phone_text, phone), ("postal_code", postal_text, normalize_postal_code)):
            if value:
                try:
                    m[col] = check(value, country)
                except errors.DeskError as exc:
                    raise _Bad(col, exc.message) from None
        if address_text:
            try:
                m["address"] = validate_address(address_text)
            except errors.DeskError as exc:
                raise _Bad("address", exc.message) from None

        lots = []
        for bits in _items(get("lots"), "lots", 2, "EARNED_ON:POINTS", "lots"):
            earned = _date(bits[0].strip(), "lots")
            points = _int(bits[1], "lots", "points")
            if not 0 < points <= MAX_POINTS:
                raise _Bad("lots", f"A lot holds between 1 and {MAX_POINTS:,} points.")
            if earned > self.today or earned < enrolled:
                raise _Bad("lots", f"A lot earned on {earned} is before the enrollment or after the "
                                   f"business date.")
            expires = self.expires(earned)
            if expires < self.today:
                raise _Bad("lots", f"The points earned on {earned} expired on {expires}: only open points "
                                   f"are brought over.")
            lots.append((earned, expires, points))
        credits = []
        for bits in _items(get("credits"), "credits", 3, "DATE_OF_USE:QUALIFYING_POINTS:NIGHTS", "stay credits"):
            used = _date(bits[0].strip(), "credits")
            qp = _int(bits[1], "credits", "qualifying points")
            nights = _int(bits[2], "credits", "nights")
            if qp > MAX_POINTS or nights > 366 or not (qp or nights):
                raise _Bad("credits", "A stay credit has qualifying points or nights, within limits.")
            if used > self.today or used < enrolled:
                raise _Bad("credits", f"A stay on {used} is before the enrollment or after the business "
                                      f"date.")
            credits.append((used, qp, nights))
        return m, lots, credits


# -- writing --------------------------------------------------------------------
_MEMBER_COLS = ("id", "number", "family_name", "given_name", "family_kana", "given_kana", "family_name_roman",
                "given_name_roman", "email", "email_norm", "no_email_reason", "phone", "postal_code", "address",
                "country", "birth_date", "guardian_consent", "registration", "status", "enrolled_on",
                "enrolled_at", "search_text", "created_at", "preferred_language")
_ENTRY_COLS = ("id", "transaction_id", "member_id", "kind", "points", "nights", "business_date", "created_at",
               "property_code", "clerk", "terminal", "reason", "approved_by", "chain_seq", "chain_hash")
_LOT_COLS = ("id", "member_id", "entry_id", "earned_on", "expires_on", "points", "remaining")
_CREDIT_COLS = ("id", "member_id", "entry_id", "date_of_use", "qualifying_points", "nights", "source")


@lru_cache(maxsize=256)
def _json(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


class _Writer:
    """Plain executemany into the four tables, ids taken up front, the
    chain's values computed as the entries are made."""

    def __init__(self, session, desk: Desk):
        self.conn = session.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"
        mark = "?" if self.sqlite else "%s"
        self.sql = {name: f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
                    for name, cols in (("members", _MEMBER_COLS), ("ledger_entries", _ENTRY_COLS),
                                       ("lots", _LOT_COLS), ("credits", _CREDIT_COLS))}
        t = chain.orm_tables()
        self.tables = t
        head = self.conn.execute(select(t.head.c.entries, t.head.c.head).where(t.head.c.id == chain.HEAD_ID)
                                 .with_for_update()).first()
        if head is None:
            raise RuntimeError("The ledger's chain head row is missing: run 'desk-admin check-ledger'.")
        self.seq, self.prev = head
        self.desk = desk
        self.created = ledger.now()
        self._next = {}
        if self.sqlite:
            # A bigger page cache for this connection while it writes: the
            # indexes of a large import stay in memory (restored in finish).
            self._cache = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
            self.conn.exec_driver_sql("PRAGMA cache_size = -262144")
            for name in ("members", "ledger_entries", "lots", "credits"):
                self._next[name] = (self.conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {name}")
                                    .scalar() + 1)
            # The trigram index takes the new members in one statement at the
            # end instead of a trigger call each (a third of the time); the
            # trigger is back before the commit, and a rollback restores it.
            self.first_member = self._next["members"]
            self.fts = self.conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'members_fts_ai'").first() is not None
            if self.fts:
                self.conn.exec_driver_sql("DROP TRIGGER members_fts_ai")
        self.empty = self.conn.exec_driver_sql("SELECT 1 FROM members LIMIT 1").first() is None

    def ids(self, table: str, n: int) -> list[int]:
        if n == 0:
            return []
        if self.sqlite:
            first = self._next[table]
            self._next[table] = first + n
            return list(range(first, first + n))
        return sorted(self.conn.exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {int(n)})"
        ).scalars())

    def _val(self, v):
        if not self.sqlite:
            return v
        if isinstance(v, datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, bool):
            return int(v)
        return v

    def taken(self, numbers: list[str], emails: list[str]) -> tuple[set[str], dict[str, str]]:
        """Which of these numbers are already used, and which addresses
        belong to an open (or a revoked) membership."""
        if self.empty:
            return set(), {}
        used, mails = set(), {}
        for i in range(0, len(numbers), 900):
            piece = numbers[i:i + 900]
            used.update(self.conn.exec_driver_sql(
                f"SELECT number FROM members WHERE number IN ({', '.join(['?' if self.sqlite else '%s'] * len(piece))})",
                tuple(piece)).scalars())
        for i in range(0, len(emails), 900):
            piece = emails[i:i + 900]
            for norm, status in self.conn.exec_driver_sql(
                    f"SELECT email_norm, status FROM members WHERE status IN ('active', 'revoked') AND email_norm IN "
                    f"({', '.join(['?' if self.sqlite else '%s'] * len(piece))})", tuple(piece)):
                if mails.get(norm) != "active":
                    mails[norm] = status
        return used, mails

    def write(self, rows: list[tuple[dict, list, list]]) -> tuple[int, int]:
        desk, created, val = self.desk, self.created, self._val
        member_ids = self.ids("members", len(rows))
        entry_ids = self.ids("ledger_entries", len(rows))
        lot_ids = iter(self.ids("lots", sum(len(r[1]) for r in rows)))
        credit_ids = iter(self.ids("credits", sum(len(r[2]) for r in rows)))
        members, entries, lots, credits = [], [], [], []
        created_v, today_v = val(created), val(desk.business_date)
        sqlite, iso = self.sqlite, date.isoformat
        # The entry's canonical JSON (db/chain.canonical: sorted keys, no
        # spaces, non-NULL columns but id and the chain's) written out
        # directly: tests/db/test_import.py checks it against chain.digest.
        created_iso, today_iso = created.isoformat(), desk.business_date.isoformat()
        clerk, terminal, reason = _json(desk.clerk), _json(desk.terminal), _json(REASON)
        approved = f'"approved_by":{_json(desk.approver)},' if desk.approver is not None else ""
        for (m, mlots, mcredits), mid, eid, tx in zip(rows, member_ids, entry_ids, bulk.transaction_ids(len(rows))):
            members.append((mid, m["number"], m["family_name"], m["given_name"], m["family_kana"], m["given_kana"],
                            m["family_name_roman"], m["given_name_roman"], m["email"], m["email_norm"],
                            m["no_email_reason"], m["phone"], m["postal_code"], m["address"], m["country"],
                            val(m["birth_date"]), val(False), m["registration"], "active", val(m["enrolled_on"]),
                            m["enrolled_at"], m["search_text"], created_v, m["preferred_language"]))
            points, nights = sum(p for _, _, p in mlots), sum(n for _, _, n in mcredits)
            lot_docs, credit_docs = [], []
            for earned, expires, pts in mlots:
                lid = next(lot_ids)
                e_v, x_v = iso(earned), iso(expires)
                lot_docs.append(f'{{"earned_on":"{e_v}","expires_on":"{x_v}","member_id":{mid},"points":{pts}}}')
                lots.append((lid, mid, eid, e_v if sqlite else earned, x_v if sqlite else expires, pts, pts))
            for used, qp, n in mcredits:
                cid = next(credit_ids)
                u_v = iso(used)
                credit_docs.append(f'{{"date_of_use":"{u_v}","member_id":{mid},"nights":{n},'
                                   f'"qualifying_points":{qp},"source":"{CREDIT_SOURCE}"}}')
                credits.append((cid, mid, eid, u_v if sqlite else used, qp, n, CREDIT_SOURCE))
            prop = m["enrolled_at"]
            doc = (f'{{"allocations":[],"credits":[{",".join(credit_docs)}],"entry":{{{approved}'
                   f'"business_date":"{today_iso}","clerk":{clerk},"created_at":"{created_iso}","kind":"{ENTRY_KIND}",'
                   f'"member_id":{mid},"nights":{nights},"points":{points},"property_code":{_json(prop)},'
                   f'"reason":{reason},"terminal":{terminal},"transaction_id":"{tx}"}},'
                   f'"lots":[{",".join(lot_docs)}],"prev":"{self.prev}"}}')
            self.seq += 1
            self.prev = hashlib.sha256(doc.encode("utf-8", "surrogatepass")).hexdigest()
            entries.append((eid, tx, mid, ENTRY_KIND, points, nights, today_v, created_v, prop, desk.clerk,
                            desk.terminal, REASON, desk.approver, self.seq, self.prev))
        for name, params in (("members", members), ("ledger_entries", entries), ("lots", lots),
                             ("credits", credits)):
            if params:
                self.conn.exec_driver_sql(self.sql[name], params)
        return len(lots), len(credits)

    def finish(self) -> None:
        t = self.tables
        self.conn.execute(t.head.update().where(t.head.c.id == chain.HEAD_ID).values(entries=self.seq,
                                                                                       head=self.prev))
        if self.sqlite:
            if self.fts:
                self.conn.exec_driver_sql(f"INSERT INTO {search_index.FTS}(rowid, search_text) SELECT id, search_text "
                                          f"FROM members WHERE id >= ?", (self.first_member,))
                self.conn.exec_driver_sql(search_index.TRIGGERS["members_fts_ai"])
            self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(self._cache)}")


# -- the service ----------------------------------------------------------------
def import_members(db: Database, desk: Desk, path, *, dry_run: bool = False, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Check every row of the CSV file and, unless `dry_run`, write them all
    in one transaction, or nothing. `progress(done, total)` is called after
    each chunk of rows; `cancelled()` returning true stops the import with
    nothing written (ImportCancelled)."""
    desk.require("import_members")
    names, reader, f = _open(path)
    try:
        total, given = _survey(path, names.index("member_number") if "member_number" in names else None)
        checker = _Checker(db, desk, given)
        if dry_run:
            with db.read() as s:
                return _run(s, None, desk, names, reader, checker, total, progress, cancelled, dry_run=True)
        with db.write() as s:
            writer = _Writer(s, desk)
            result = _run(s, writer, desk, names, reader, checker, total, progress, cancelled, dry_run=False)
            writer.finish()
            return result
    finally:
        f.close()


def _run(session, writer: _Writer | None, desk: Desk, names: list[str], reader, checker: _Checker, total: int,
         progress, cancelled, *, dry_run: bool) -> ImportResult:
    width = len(names)
    problems: list[RowProblem] = []
    imported = lots = credits = done = 0
    pending: list[tuple[int, tuple]] = []  # (line, checked row)
    probe = writer if writer is not None else _Probe(session)

    def flush() -> None:
        nonlocal imported, lots, credits
        if not pending:
            return
        used, mails = probe.taken([r[0]["number"] for _, r in pending],
                                  [r[0]["email_norm"] for _, r in pending if r[0]["email_norm"]])
        for line, (m, _, _) in pending:
            if m["number"] in used:
                if m["_given_number"]:
                    problems.append(RowProblem(line, "member_number",
                                               f"The member number {m['number']} is already in use."))
                else:  # a new number that happens to be taken: draw another
                    while True:
                        number = checker.new_number()
                        checker.numbers.add(number)
                        if not probe.taken([number], [])[0]:
                            break
                    m["number"] = number
            status = mails.get(m["email_norm"]) if m["email_norm"] else None
            if status == "active":
                problems.append(RowProblem(line, "email", "This e-mail address is already registered to a member."))
            elif status == "revoked":
                problems.append(RowProblem(line, "email", "A membership with this e-mail address was revoked: "
                                                          "re-admit it at the desk, with the reason."))
        if not problems:
            if writer is not None:
                n_lots, n_credits = writer.write([r for _, r in pending])
            else:
                n_lots, n_credits = sum(len(r[1]) for _, r in pending), sum(len(r[2]) for _, r in pending)
            imported += len(pending)
            lots += n_lots
            credits += n_credits
        pending.clear()

    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue  # a blank line
            if len(row) > width:
                problems.append(RowProblem(line, None, f"The row has {len(row)} fields; the header names {width}."))
            else:
                values = dict(zip(names, row))
                try:
                    pending.append((line, checker.row(lambda col, _g=values.get: _g(col, "").strip())))
                except _Bad as bad:
                    problems.append(RowProblem(line, bad.column, bad.message))
            done += 1
            if len(problems) >= MAX_PROBLEMS:
                break
            if len(pending) >= CHUNK:
                flush()
                if progress is not None:
                    progress(min(done, total), total)
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
        else:
            flush()
    except UnicodeDecodeError:
        problems.append(RowProblem(reader.line_num + 1, None, "The file is not UTF-8 text from here on."))
    except csv.Error as exc:
        problems.append(RowProblem(reader.line_num, None, f"The row is not well-formed CSV ({exc})."))
    if problems:
        problems.sort(key=lambda p: p.line)
        raise refusal(problems[:MAX_PROBLEMS])
    if progress is not None:
        progress(total, total)
    return ImportResult(imported, lots, credits, dry_run)


class _Probe:
    """The database checks of a dry run (no writer, no lock)."""

    def __init__(self, session):
        self.session = session

    def taken(self, numbers: list[str], emails: list[str]) -> tuple[set[str], dict[str, str]]:
        from ..db.schema import Member

        used, mails = set(), {}
        for i in range(0, len(numbers), 900):
            used.update(self.session.scalars(select(Member.number).where(Member.number.in_(numbers[i:i + 900]))))
        for i in range(0, len(emails), 900):
            for norm, status in self.session.execute(select(Member.email_norm, Member.status).where(
                    Member.email_norm.in_(emails[i:i + 900]), Member.status.in_(("active", "revoked")))):
                if mails.get(norm) != "active":
                    mails[norm] = status
        return used, mails
