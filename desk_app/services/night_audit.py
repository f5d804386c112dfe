"""The night audit: close the hotel's business day and run what the new
day needs, each step once.

Order [decided]:
1. The hotel's business date moves on one day (services/business_date.py
   keeps it); in the same transaction the closed day is recorded with the
   ledger's chain head at the close, and the new day's batches are put on
   the list: the expiry batch as of the new date (lots whose last day was
   the closed day are written off), and when the year turns the tier
   evaluation of the year just ended, with its carry-over.
2. The batches run, in short chunks; after each chunk the caller sees the
   progress and may cancel. A cancel takes effect between chunks, so every
   member is either done or untouched; the step is left `cancelled` and
   the next night audit finishes it *before* it moves the date again.
3. A batch never runs twice for one date: its step is unique per date (or
   year), taken with a conditional update by one audit at a time, and a
   step done is skipped (another hotel's audit of the same night may have
   run the expiry already). A step whose audit died (no heartbeat for
   STALE minutes) may be taken over.

desk-admin's expire-points and evaluate-tiers stay as the contract says
(running them again changes nothing); the night audit is the one that
records and guards its steps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable

from sqlalchemy import or_, select, update

from ..db.schema import NightAuditStep
from ..domain import errors
from . import batch, ledger, reports
from .context import Desk
from .database import Database

STALE = timedelta(minutes=10)
CHUNK: int | None = None   # members per transaction; None: the batch's own size
ORDER = {"close_day": 0, "expire_points": 1, "evaluate_tiers": 2}

StepProgress = Callable[[str, int, int], None]


class Cancelled(Exception):
    """Raised between two committed chunks when the caller asked to stop."""


@dataclass(frozen=True)
class StepView:
    step: str
    run_key: str
    status: str
    property_code: str
    closing_date: date
    business_date: date
    clerk: str
    created_at: datetime
    finished_at: datetime | None
    done: int
    total: int
    result: dict = field(default_factory=dict)


@dataclass(frozen=True)
class AuditPlan:
    property_code: str
    business_date: date                 # the hotel's business date now
    next_date: date                     # the date the audit moves it to
    unfinished: tuple[StepView, ...]    # an earlier audit's steps: finished first, without moving the date
    year_turns: bool
    recent: tuple[StepView, ...]

    @property
    def resumes(self) -> bool:
        return bool(self.unfinished)


@dataclass(frozen=True)
class StepOutcome:
    step: str
    run_key: str
    # done | skipped (done before) | cancelled | refused (code) | busy (another audit runs it) |
    # not_run (an earlier step was cancelled or refused: the next audit runs it)
    status: str
    figures: dict
    by: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class AuditSummary:
    property_code: str
    closed: date | None          # the business date this run closed (None: it finished an earlier audit)
    business_date: date          # the hotel's business date afterwards
    steps: tuple[StepOutcome, ...]
    cancelled: bool
    chain_entries: int | None
    chain_head: str | None

    @property
    def complete(self) -> bool:
        return all(s.status in ("done", "skipped") for s in self.steps)


def _calendar():
    """The hotel's business date lives in services/business_date.py."""
    from . import business_date

    return business_date


def _view(row: NightAuditStep) -> StepView:
    return StepView(row.step, row.run_key, row.status, row.property_code, row.closing_date, row.business_date,
                    row.clerk, row.created_at, row.finished_at, row.done, row.total, json.loads(row.result or "{}"))


def _unfinished(s, up_to: date) -> list[NightAuditStep]:
    stale = ledger.now() - STALE
    return sorted(s.scalars(select(NightAuditStep).where(
        NightAuditStep.step != "close_day", NightAuditStep.business_date <= up_to,
        or_(NightAuditStep.status.in_(("pending", "cancelled")),
            (NightAuditStep.status == "running") & (NightAuditStep.heartbeat_at < stale))))
        , key=lambda r: (r.business_date, ORDER[r.step], r.id))


def plan(db: Database, desk: Desk) -> AuditPlan:
    """What the next night audit of the desk's hotel will do."""
    desk.require("night_audit")
    today = _calendar().current(db, desk.property_code)
    with db.read() as s:
        unfinished = tuple(_view(r) for r in _unfinished(s, today))
        recent = tuple(_view(r) for r in s.scalars(select(NightAuditStep).order_by(NightAuditStep.id.desc())
                                                  .limit(12)))
    following = today + timedelta(days=1)
    return AuditPlan(desk.property_code, today, following, unfinished, following.year != today.year, recent)


def run(db: Database, desk: Desk, *, to: date | None = None, progress: StepProgress | None = None,
        cancelled: Callable[[], bool] | None = None) -> AuditSummary:
    """One night audit of the desk's hotel (see the module's docstring).
    `to`, when given, is the date the business date must move to (a
    scheduler's guard against running twice)."""
    desk.require("night_audit")
    calendar = _calendar()
    today = calendar.current(db, desk.property_code)
    with db.read() as s:
        running = s.scalar(select(NightAuditStep.id).where(
            NightAuditStep.step != "close_day", NightAuditStep.business_date <= today,
            NightAuditStep.status == "running", NightAuditStep.heartbeat_at >= ledger.now() - STALE).limit(1))
        leftovers = [r.id for r in _unfinished(s, today)]
    if running is not None:
        raise errors.AuditRunning("Another night audit is running now; wait for it to finish.")
    following = today + timedelta(days=1)
    if leftovers and to is not None and to not in (today, following):
        raise errors.InvalidBusinessDate(
            f"The business date is {today.isoformat()} and its audit is not finished: the audit can finish it "
            f"and move on to {following.isoformat()}, not to {to.isoformat()}.")
    outcomes: list[StepOutcome] = []
    closed = None
    if leftovers:
        # An earlier audit's steps first. Without `to` (the desk) that is
        # all: the next audit moves the date. A scheduler that names the
        # next date goes on to close the day.
        outcomes += _run_steps(db, desk, leftovers, progress, cancelled)
    if not leftovers or (to == following and all(o.status in ("done", "skipped") for o in outcomes)):
        close, step_ids = _close_day(db, desk, calendar, today, to)
        if progress is not None:
            progress("close_day", 1, 1)
        outcomes += [close, *_run_steps(db, desk, step_ids, progress, cancelled)]
        closed = today
    head = reports.chain_head_now(db)
    return AuditSummary(desk.property_code, closed, calendar.current(db, desk.property_code), tuple(outcomes),
                        any(o.status == "cancelled" for o in outcomes), head[0] if head else None,
                        head[1] if head else None)


def _run_steps(db: Database, desk: Desk, step_ids: list[int], progress: StepProgress | None,
               cancelled: Callable[[], bool] | None) -> list[StepOutcome]:
    """In order; after a cancelled or refused step the rest are left for the next audit."""
    outcomes: list[StepOutcome] = []
    stopped = False
    for step_id in step_ids:
        outcome = None if stopped else _run_step(db, desk, step_id, progress, cancelled)
        if outcome is None:
            with db.read() as s:
                row = s.get(NightAuditStep, step_id)
                status = "not_run" if stopped else ("skipped" if row.status == "done" else "busy")
                outcome = StepOutcome(row.step, row.run_key, status, json.loads(row.result or "{}"), row.clerk)
        outcomes.append(outcome)
        stopped = stopped or outcome.status in ("cancelled", "refused")
    return outcomes


def _close_day(db: Database, desk: Desk, calendar, today: date,
               to: date | None) -> tuple[StepOutcome, list[int]]:
    """Move the date on, record the day closed and put the new day's
    batches on the list: one transaction."""
    now = ledger.now()
    with db.batch():
        moved = calendar.roll(db, desk, to or today + timedelta(days=1))
        new_day = moved.business_date
        head = reports.chain_head_now(db)
        chain = {"entries": head[0], "head": head[1]} if head else {}
        close_key = f"{desk.property_code}:{moved.previous}"
        with db.write() as s:
            s.add(NightAuditStep(
                step="close_day", run_key=close_key, status="done",
                property_code=desk.property_code, closing_date=moved.previous, business_date=new_day,
                clerk=desk.clerk, terminal=desk.terminal, created_at=now, heartbeat_at=now, finished_at=now,
                done=1, total=1, result=json.dumps(chain)))
            wanted = [("expire_points", new_day.isoformat())]
            if new_day.year != moved.previous.year:
                wanted.append(("evaluate_tiers", str(moved.previous.year)))
            ids = []
            for step, key in wanted:
                row = s.scalar(select(NightAuditStep).where(NightAuditStep.step == step,
                                                            NightAuditStep.run_key == key))
                if row is None:
                    row = NightAuditStep(step=step, run_key=key, status="pending", property_code=desk.property_code,
                                         closing_date=moved.previous, business_date=new_day, clerk=desk.clerk,
                                         terminal=desk.terminal, created_at=now, done=0, total=0, result="{}")
                    s.add(row)
                    s.flush()
                ids.append(row.id)
    return StepOutcome("close_day", close_key, "done", chain, desk.clerk), ids


def _claim(db: Database, desk: Desk, step_id: int) -> bool:
    now = ledger.now()
    with db.write() as s:
        taken = s.execute(update(NightAuditStep).where(
            NightAuditStep.id == step_id,
            or_(NightAuditStep.status.in_(("pending", "cancelled")),
                (NightAuditStep.status == "running") & (NightAuditStep.heartbeat_at < now - STALE)))
            .values(status="running", heartbeat_at=now, clerk=desk.clerk[:64], terminal=desk.terminal[:64])
            .execution_options(synchronize_session=False)).rowcount
    return taken == 1


def _set(db: Database, step_id: int, **values) -> None:
    with db.write() as s:
        s.execute(update(NightAuditStep).where(NightAuditStep.id == step_id).values(**values)
                  .execution_options(synchronize_session=False))


def _run_step(db: Database, desk: Desk, step_id: int, progress: StepProgress | None,
              cancelled: Callable[[], bool] | None) -> StepOutcome | None:
    with db.read() as s:
        row = s.get(NightAuditStep, step_id)
        step, key, status, as_of = row.step, row.run_key, row.status, row.business_date
        figures, by = json.loads(row.result or "{}"), row.clerk
    if status == "done":
        return StepOutcome(step, key, "skipped", figures, by)
    if not _claim(db, desk, step_id):
        return None   # another audit is running it right now
    at = desk.on(as_of)

    def report(done: int, total: int) -> None:
        # Called after each committed chunk: the safe place to stop.
        _set(db, step_id, heartbeat_at=ledger.now(), done=done, total=total)
        if progress is not None:
            progress(step, done, total)
        if cancelled is not None and cancelled():
            raise Cancelled

    if progress is not None:
        progress(step, 0, 0)
    try:
        size = {} if CHUNK is None else {"chunk": CHUNK}
        if step == "expire_points":
            r = batch.expire_points(db, at, report, **size)
            figures = {"expired_points": r.expired_points, "members": r.members}
        elif step == "evaluate_tiers":
            r = batch.evaluate_tiers(db, at, int(key), report, **size)
            figures = {"year": r.year, "evaluated": r.evaluated, **{k: int(v) for k, v in r.by_tier.items()}}
        else:
            raise errors.DeskError(f"Unknown night-audit step {step}.", "internal")
    except Cancelled:
        _set(db, step_id, status="cancelled", heartbeat_at=ledger.now())
        return StepOutcome(step, key, "cancelled", {}, desk.clerk)
    except errors.DeskError as exc:
        _set(db, step_id, status="pending", heartbeat_at=None)
        return StepOutcome(step, key, "refused", {}, desk.clerk, exc.code)
    except BaseException:
        _set(db, step_id, status="pending", heartbeat_at=None)
        raise
    _set(db, step_id, status="done", finished_at=ledger.now(), heartbeat_at=ledger.now(),
         result=json.dumps(figures))
    return StepOutcome(step, key, "done", figures, desk.clerk)


def history(db: Database, desk: Desk, limit: int = 30) -> tuple[StepView, ...]:
    """The latest steps, newest first."""
    desk.require("night_audit")
    with db.read() as s:
        return tuple(_view(r) for r in s.scalars(select(NightAuditStep).order_by(NightAuditStep.id.desc())
                                                 .limit(limit)))
