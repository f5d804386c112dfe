"""desk-admin's office commands: reports, exports, the duplicate finder and
the night audit. Kept beside cli.py (which calls add_commands and run) so
the contract's commands and these stay easy to read apart.

    report day|shift|points|tiers|expiring|enrolments [--date D] [--from D --to D]
           [--clerk LOGIN] [--terminal T] [--all-properties] [--months N]
           [--format json|csv|pdf] [--out FILE] [--language en|ja]
    export members|ledger --out FILE.csv [--from D --to D] [--personal]
    duplicates

json (the default) prints the report; csv and pdf need --out and print
where the file went and the report's totals. pdf is for the day and shift
reports (the program's reports are tables: csv)."""

from __future__ import annotations

import os

from .domain import errors

REPORT_KINDS = ("day", "shift", "points", "tiers", "expiring", "enrolments")
COMMANDS = frozenset({"report", "export", "duplicates"})
# Commands whose refusals the day report counts, by the service action
# they call (services.refusals.COUNTED_ACTIONS): the ones that would have
# changed something; a lookup that finds nobody is not a refusal.
_ACTION_OF = {"register": "register", "complete-registration": "complete_registration", "post-stay": "post_stay",
              "post-bill": "post_bill", "redeem": "redeem", "pay-by-points": "pay_by_points",
              "issue-card": "issue", "premium-selection": "choose_premium_hotel", "adjust": "adjust",
              "merge": "merge", "withdraw": "withdraw", "revoke": "revoke", "reverse": "reverse",
              "evaluate-tiers": "evaluate_tiers", "expire-points": "expire_points",
              "roll-business-date": "run_night_audit", "import-members": "import_members"}


def add_commands(sub, iso_date, integer, file_path=str) -> None:
    c = sub.add_parser("report", help="a shift or day report, or the program's figures over time")
    c.add_argument("kind", choices=REPORT_KINDS)
    c.add_argument("--date", type=iso_date, help="the business date (day and shift; default the desk's)")
    c.add_argument("--from", dest="start", type=iso_date, help="first day of the period (default 30 days back)")
    c.add_argument("--to", dest="end", type=iso_date, help="last day of the period (default the business date)")
    c.add_argument("--clerk", dest="report_clerk", help="shift: whose (default: the clerk signed in)")
    c.add_argument("--terminal", help="shift: one terminal only")
    c.add_argument("--all-properties", action="store_true", help="day: every hotel, grouped by hotel")
    c.add_argument("--months", type=integer, default=24, help="expiring: how many months ahead")
    c.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    c.add_argument("--out", type=file_path, help="the file for csv or pdf")
    c.add_argument("--language", choices=("en", "ja"), default="en", help="pdf: the language it is worded in")

    c = sub.add_parser("export", help="members or the ledger to CSV (recorded in the office's audit)")
    c.add_argument("subject", choices=("members", "ledger"))
    c.add_argument("--out", required=True, type=file_path, help="the .csv file to write")
    c.add_argument("--from", dest="start", type=iso_date, help="ledger: first business date; members: enrolled on "
                   "or after")
    c.add_argument("--to", dest="end", type=iso_date, help="ledger: last business date; members: enrolled on or "
                   "before")
    c.add_argument("--personal", action="store_true", help="supervisor: include names, contact data and birth "
                   "dates")

    sub.add_parser("duplicates", help="open memberships that may be one person (same reading and birth date, "
                   "or same phone)")


def run(args, db, desk, usage, member_json) -> dict:
    if args.command == "report":
        return _report(args, db, desk, usage)
    if args.command == "export":
        return _export(args, db, desk)
    if args.command == "duplicates":
        from .services import duplicates

        return {"groups": [{"reason": g.reason, "reading": " ".join(k for k in (g.family_key, g.given_key) if k)
                            or None, "birth_date": g.birth_date.isoformat() if g.birth_date else None,
                            "phone": g.phone, "members": [member_json(m) for m in g.members]}
                           for g in duplicates.find(db, desk)]}
    raise usage(f"unknown command {args.command}")


def _report(args, db, desk, usage) -> dict:
    from .services import report_files as files, reports

    kind, fmt = args.kind, args.format
    if fmt != "json" and not args.out:
        raise usage(f"desk-admin report: error: --format {fmt} needs --out FILE")
    if fmt == "pdf" and kind not in ("day", "shift"):
        raise usage("desk-admin report: error: --format pdf is for the day and shift reports")
    if fmt == "json" and args.out:
        raise usage("desk-admin report: error: --out is for --format csv or pdf")
    if kind in ("day", "shift"):
        day = args.date or desk.business_date
        if kind == "day":
            r = reports.day_report(db, desk, day, all_properties=args.all_properties)
        else:
            r = reports.shift_report(db, desk, day, args.report_clerk, args.terminal)
        data = files.report_json(r)
        if fmt == "json":
            return data
        if fmt == "csv":
            path = files.write_csv(args.out, files.report_tables(r))
        else:
            path = _pdf(args.out, r, db.program, args.language)
        return {"report": kind, "format": fmt, "path": str(path), "business_date": data["business_date"],
                "property": data["property"], "clerk": data["clerk"], "totals": data["totals"],
                "chain": data["chain"]}
    if kind == "points":
        f = reports.points_flow(db, desk, args.start, args.end)
        table = files.points_flow_table(f)
        data = {"from": f.period.start, "to": f.period.end,
                "days": [{"business_date": d, "issued": i, "redeemed": r} for d, i, r in f.per_day()],
                "properties": [{"property": p, "issued": i, "redeemed": r} for p, i, r in f.per_property()]}
    elif kind == "tiers":
        c = reports.members_by_tier(db, desk, args.date)
        table = files.tier_census_table(c)
        data = {"on": c.on, "tiers": [{"tier": t.tier, "members": t.members} for t in c.rows], "total": c.total}
    elif kind == "expiring":
        o = reports.expiring_by_month(db, desk, args.months)
        table = files.expiry_table(o)
        data = {"on": o.on, "months": [{"month": f"{m.month:%Y-%m}", "points": m.points, "members": m.members}
                                       for m in o.rows], "total": o.total}
    else:
        e = reports.enrolments_by_day(db, desk, args.start, args.end)
        table = files.enrolments_table(e)
        data = {"from": e.period.start, "to": e.period.end,
                "days": [{"enrolled_on": d, "members": n} for d, n in e.per_day()], "total": e.total}
    data = {"report": kind, **data}
    if fmt == "csv":
        return {"report": kind, "format": "csv", "path": str(files.write_csv(args.out, [table])),
                "rows": len(table) - 1}
    return files.plain(data)


def _pdf(out: str, report, program, language: str):
    """Rendered by the desk's own report document (Qt), without a screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .ui import i18n
    from .ui.office import report_document

    # A QApplication rather than a bare QGuiApplication: a process that shows
    # a window later (the test suite runs both in one process) aborts when
    # it makes a widget under a QGuiApplication.
    app = QApplication.instance() or QApplication([])
    before = i18n.current_language(app)
    i18n.install_language(app, language)
    try:
        return report_document.save_pdf(out, report, program)
    finally:  # the report's language is the report's only
        i18n.install_language(app, before)


def _export(args, db, desk) -> dict:
    from .services import exports

    if args.subject == "members":
        r = exports.export_members(db, desk, args.out, personal=args.personal, enrolled_from=args.start,
                                   enrolled_to=args.end)
    else:
        r = exports.export_ledger(db, desk, args.out, args.start, args.end, personal=args.personal)
    return {"subject": r.subject, "path": str(r.path), "rows": r.rows, "personal_data": r.personal_data,
            "from": r.period_from.isoformat() if r.period_from else None,
            "to": r.period_to.isoformat() if r.period_to else None}


def night_audit(args, db, desk) -> dict:
    """roll-business-date: the night audit for a scheduler. Prints the
    hotel, the new business date and the one before (as a plain roll
    would), what each step did, and whether the audit is complete. Ctrl+C
    or SIGTERM stops it safely between two chunks of members (exit 0,
    "complete": false: the next run finishes it)."""
    import signal
    import sys

    from .services import night_audit

    stop = {"asked": False}

    def ask_stop(_signum, _frame):
        stop["asked"] = True

    def show(step: str, done: int, total: int) -> None:
        if total and sys.stderr.isatty():
            print(f"\r{step}: {done:,} of {total:,} members", end="", file=sys.stderr, flush=True)

    previous = {}
    for name in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                previous[sig] = signal.signal(sig, ask_stop)
            except ValueError:  # not the main thread (tests calling main() from a worker)
                pass
    try:
        r = night_audit.run(db, desk, to=args.to, progress=show, cancelled=lambda: stop["asked"])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    before = r.closed if r.closed is not None else None
    return {"property": r.property_code, "business_date": r.business_date.isoformat(),
            "previous": before.isoformat() if before else None, "complete": r.complete, "cancelled": r.cancelled,
            "steps": [{"step": o.step, "key": o.run_key, "status": o.status, "code": o.code, **o.figures}
                      for o in r.steps],
            "chain": {"entries": r.chain_entries, "head": r.chain_head} if r.chain_head else None}


def count_refusal(args, settings, exc: errors.DeskError) -> None:
    """A refused changing command is counted for the day report (after the
    refused transaction rolled back), as the desk counts its dialogs'."""
    desk = getattr(args, "signed_desk", None)
    action = ("export_ledger" if getattr(args, "subject", "") == "ledger" else "export_members") \
        if args is not None and args.command == "export" else _ACTION_OF.get(getattr(args, "command", ""))
    if desk is None or settings is None or action is None:
        return
    import logging

    from .services import refusals
    from .services.database import Database

    try:
        db = Database(args.db or settings.effective_database_url)
    except Exception as failure:  # noqa: BLE001 - the refusal itself has been printed; never hide it
        logging.getLogger("desk-admin").warning("refusal not counted: %s", type(failure).__name__)
        return
    try:
        refusals.record(db, desk, action, exc.code)
    finally:
        db.dispose()

