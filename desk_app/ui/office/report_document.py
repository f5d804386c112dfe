"""The shift or day report as a document: what the screen shows, what is
printed (QPrinter) and what is saved as PDF (QPdfWriter), from the same
HTML, in the desk's language (desk-admin: English unless told otherwise),
set in the bundled Noto Sans JP so kana never print as boxes."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from ...domain import errors
from ...domain.errors import DeskError
from ...services.reports import Activity, GroupLine, ShiftReport
from .. import formatting as fmt
from ..i18n import program_text

_CTX = "ReportDocument"
BODY_POINT_SIZE = 8.5


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def _h3(text: str) -> str:
    return f"<h3>{_e(text)}</h3>"


def _p(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def _signed(value: int) -> str:
    return f"{value:+,}" if value else "0"


def action_text(action: str) -> str:
    return {
        "post_stay": _t("Post stay"), "post_bill": _t("Post bill"), "redeem": _t("Redeem award"),
        "pay_by_points": _t("Pay by Points"), "register": _t("Enrol"),
        "complete_registration": _t("Full registration"), "update_contact": _t("Change contact details"),
        "issue": _t("Issue card"), "adjust": _t("Adjust points"), "merge": _t("Merge"),
        "withdraw": _t("Withdraw"), "revoke": _t("Revoke"), "reverse": _t("Reverse"),
        "change_name": _t("Change name"), "choose_premium_hotel": _t("Premium Selection"),
        "expire_points": _t("Expiry batch"), "evaluate_tiers": _t("Tier evaluation"),
        "run_night_audit": _t("Night audit"), "import_members": _t("Import members"),
        "export_members": _t("Export members"), "export_ledger": _t("Export ledger"),
    }.get(action, action.replace("_", " "))


def refusal_text(code: str) -> str:
    """The refusal as the desk words it; the code itself when the desk
    words it from the service's own message."""
    from ..messages import describe

    sentence = describe(DeskError("", code))
    return sentence or code


def _property_text(session_program, code: str | None) -> str:
    if code is None:
        return _t("All hotels")
    if code == "office":
        return _t("Office (no hotel)")
    try:
        return f"{session_program.property(code).name} ({code})"
    except errors.DeskError:
        return code


def title(r: ShiftReport, program) -> str:
    if r.kind == "shift":
        text = _t("Shift report: %1, %2").replace("%1", r.clerk or "").replace("%2", fmt.day(r.business_date))
    else:
        text = _t("Day report: %1").replace("%1", fmt.day(r.business_date))
    return text


def _summary_rows(a: Activity) -> list[tuple[str, str]]:
    return [
        (_t("Stays posted"), _t("%1 (%2 nights credited)").replace("%1", fmt.points(a.stays))
         .replace("%2", fmt.points(a.nights))),
        (_t("Restaurant and bar bills posted"), fmt.points(a.bills)),
        (_t("Points issued"), _t("%1 (base %2, bonus %3)").replace("%1", fmt.points(a.points_issued))
         .replace("%2", fmt.points(a.points_base)).replace("%3", fmt.points(a.points_bonus))),
        (_t("New members"), fmt.points(a.enrolments)),
        (_t("Awards redeemed"), _t("%1 (%2 points)").replace("%1", fmt.points(a.awards))
         .replace("%2", fmt.points(a.award_points))),
        (_t("Pay by Points"), _t("%1 (%2, %3 points)").replace("%1", fmt.points(a.pay_by_points))
         .replace("%2", fmt.yen(a.pay_by_points_yen)).replace("%3", fmt.points(a.pay_by_points_points))),
        (_t("Adjustments"), _t("%1 (%2 points)").replace("%1", fmt.points(a.adjustments))
         .replace("%2", _signed(a.adjustment_points))),
        (_t("Reversals and voids"), _t("%1 (%2 points)").replace("%1", fmt.points(a.reversals))
         .replace("%2", _signed(a.reversal_points))),
        (_t("Refusals"), fmt.points(a.refusals)),
    ]


def _table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """A ruled table; `right` holds the columns of figures (all but the first by default)."""
    right = set(range(1, len(headers))) if right is None else right

    def cell(tag: str, i: int, text) -> str:
        return f"<{tag} align='{'right' if i in right else 'left'}'>{_e(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return (f"<table width='100%' cellspacing='0' cellpadding='3' border='1' "
            f"style='border-collapse:collapse; border-color:#999'><tr style='background:#e8ecf2'>{head}</tr>"
            f"{body}</table>")


def _group_table(first: str, lines: tuple[GroupLine, ...]) -> str:
    headers = [first, _t("Stays"), _t("Bills"), _t("Points issued"), _t("Bonus"), _t("Award points"),
               _t("Pay by Points"), _t("Adjusted"), _t("Reversed"), _t("Refusals")]
    rows = [[g.key, fmt.points(a.stays), fmt.points(a.bills), fmt.points(a.points_issued), fmt.points(a.points_bonus),
             fmt.points(a.award_points), fmt.yen(a.pay_by_points_yen), _signed(a.adjustment_points),
             _signed(a.reversal_points), fmt.points(a.refusals)] for g in lines for a in (g.activity,)]
    return _table(headers, rows)


def report_html(r: ShiftReport, program) -> str:
    parts = [f"<h2>{_e(title(r, program))}</h2>"]
    scope = [_property_text(program, r.property_code)]
    if r.terminal:
        scope.append(_t("Terminal %1").replace("%1", r.terminal))
    parts.append(f"<p>{_e(' · '.join(scope))}<br/>"
                 + _e(_t("%1 · made %2 by %3").replace("%1", r.program)
                      .replace("%2", f"{fmt.day(r.generated_at.date())} {r.generated_at:%H:%M} UTC")
                      .replace("%3", r.generated_by)) + "</p>")
    parts.append(_h3(_t("Summary")))
    parts.append(_table([_t("What"), _t("Figures")], [list(x) for x in _summary_rows(r.totals)]))
    if r.awards:
        parts.append(_h3(_t("Awards and Pay by Points")))
        rows = []
        for a in r.awards:
            try:
                name = program_text(program.award(a.award_code).name)
            except errors.DeskError:
                name = a.award_code
            rows.append([name, fmt.points(a.count), fmt.points(a.quantity), fmt.points(a.points),
                         fmt.yen(a.yen) if a.yen is not None else ""])
        parts.append(_table([_t("Award"), _t("Redemptions"), _t("Quantity"), _t("Points"), _t("Yen")], rows))
    if r.kind == "day" and r.by_clerk:
        parts.append(_h3(_t("By clerk")) + _group_table(_t("Clerk"), r.by_clerk))
    if r.by_terminal and (r.kind == "day" or len(r.by_terminal) > 1):
        parts.append(_h3(_t("By terminal")) + _group_table(_t("Terminal"), r.by_terminal))
    if r.property_code is None and r.by_property:
        parts.append(_h3(_t("By hotel")) + _group_table(_t("Hotel"), r.by_property))
    parts.append(_h3(_t("Adjustments and reversals")))
    if r.corrections:
        rows = [[f"{c.created_at:%H:%M}", c.clerk, c.member_number,
                 fmt.entry_kind_text(c.kind) + (f" ({fmt.entry_kind_text(c.original_kind)}"
                                                f"{' ' + c.reference if c.reference else ''})"
                                                if c.original_kind else ""),
                 _signed(c.points), c.reason or ""] for c in r.corrections]
        parts.append(_table([_t("Time (UTC)"), _t("Clerk"), _t("Member no."), _t("What"), _t("Points"),
                             _t("Reason")], rows, right={4}))
    else:
        parts.append(_p(_t("None.")))
    parts.append(_h3(_t("Refusals")))
    if r.refusals:
        parts.append(_table([_t("Action"), _t("Refused because"), _t("Times")],
                            [[action_text(x.action), refusal_text(x.code), fmt.points(x.count)] for x in r.refusals],
                            right={2}))
    else:
        parts.append(_p(_t("None.")))
    parts.append(_h3(_t("Ledger chain head")))
    if r.chain is None:
        parts.append(_p(_t("This database keeps no hash chain of the ledger.")))
    else:
        when = (_t("recorded when the night audit closed the day") if r.chain.closed
                else _t("now: the day is not closed yet"))
        parts.append(f"<p><tt>{_e(r.chain.head)}</tt><br/>"
                     + _e(_t("%1 entries, %2").replace("%1", fmt.points(r.chain.entries)).replace("%2", when))
                     + "</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def document(r: ShiftReport, program) -> QTextDocument:
    from ..printing import slip_font

    doc = QTextDocument()
    doc.setDefaultFont(slip_font(BODY_POINT_SIZE))
    doc.setDocumentMargin(0)
    doc.setHtml(report_html(r, program))
    return doc


A4 = QPageSize(QPageSize.PageSizeId.A4)
MARGINS_MM = QMarginsF(15, 15, 15, 15)


def print_to(printer: QPrinter, r: ShiftReport, program) -> None:
    printer.setPageSize(A4)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    document(r, program).print_(printer)


def save_pdf(path: str | Path, r: ShiftReport, program) -> Path:
    """The printed pages as a PDF file: the very painting print_to does,
    with the printer writing PDF."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise errors.OutputNotWritable("A report is saved as PDF to a file whose name ends in .pdf.")
    if target.is_dir() or not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise errors.OutputNotWritable(f"The report cannot be written to {str(target)[:200]}.")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setDocName(title(r, program))
    printer.setCreator("Harmony Desk")
    print_to(printer, r, program)
    if not target.exists() or target.stat().st_size == 0:
        raise errors.OutputNotWritable(f"The report could not be written to {str(target)[:200]}.")
    return target
