"""How long the day report of a busy demo day takes, from the database to
the laid-out document the desk shows and prints. A benchmark, not a test:

    python benchmarks/bench_day_report.py [members] [postings]

Builds a throw-away SQLite database through the real services: `members`
demo members with a few years of history (default 300), then one busy
business day at TKO (default 1,000 stays and bills by four clerks at four
terminals, with awards, Pay by Points, adjustments, reversals and the
refusals a desk meets). Then, 11 times each, prints the median and the
slowest milliseconds of
- the figures (services.reports.day_report: SQL aggregates),
- the HTML the screen and the printer share (report_document.report_html),
- the laid-out document, as on screen (QTextDocument with the bundled font),
- the whole: figures, HTML and layout together (the "renders in" figure),
- the PDF file (report_document.save_pdf), for reference.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# Demo members are born by 2004 and join in the four years before DAY: all adults.
DAY = date(2028, 6, 15)
RUNS = 11


def timed(fn, runs: int = RUNS) -> tuple[float, float, object]:
    times, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), out


def main() -> None:
    members = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    postings = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from desk_app.services import demo, demo_day, reports
    from desk_app.services.context import Desk
    from desk_app.services.database import Database
    from desk_app.ui.office import report_document

    folder = Path(tempfile.mkdtemp(prefix="bench-day-report-"))
    db = Database(f"sqlite:///{(folder / 'desk.sqlite3').as_posix()}")
    db.initialize("one_harmony")
    office = Desk(DAY, "TKO", "office", "BENCH", "supervisor")
    start = time.perf_counter()
    demo.generate(db, office, members, seed=7)
    made = demo_day.busy_day(db, office, DAY, postings, seed=5, enrolments=20)
    print(f"database: {members} demo members, then on {DAY}: {made.postings} postings, {made.redemptions} "
          f"redemptions, {made.adjustments} adjustments, {made.reversals} reversals, {made.enrolments} new "
          f"members, {made.refusals} refusals (built in {time.perf_counter() - start:.0f} s)")

    program = db.program
    figures_ms, figures_max, report = timed(lambda: reports.day_report(db, office, DAY))
    html_ms, html_max, html = timed(lambda: report_document.report_html(report, program))

    def layout():
        doc = report_document.document(report, program)
        doc.setTextWidth(940)
        return doc.size().height()

    layout_ms, layout_max, _ = timed(layout)

    def whole():
        r = reports.day_report(db, office, DAY)
        doc = report_document.document(r, program)
        doc.setTextWidth(940)
        return doc.size().height()

    whole_ms, whole_max, _ = timed(whole)
    pdf_ms, pdf_max, _ = timed(lambda: report_document.save_pdf(folder / "day.pdf", report, program), runs=3)
    t = report.totals
    print(f"the day: {t.stays} stays, {t.bills} bills, {t.points_issued:,} points issued, {len(report.by_clerk)} "
          f"clerks, {len(report.corrections)} adjustments and reversals, {t.refusals} refusals")
    print(f"{'':34}{'median ms':>10}{'max ms':>10}")
    for name, med, worst in (("figures (SQL aggregates)", figures_ms, figures_max),
                             ("HTML", html_ms, html_max), ("layout (QTextDocument)", layout_ms, layout_max),
                             ("day report rendered, all steps", whole_ms, whole_max),
                             ("PDF file (3 runs)", pdf_ms, pdf_max)):
        print(f"{name:34}{med:10.1f}{worst:10.1f}")
    verdict = "under" if whole_max < 1000 else "OVER"
    print(f"the busy day's report renders in {whole_ms:.0f} ms (slowest {whole_max:.0f} ms): {verdict} 1 s")
    db.dispose()
    del app


if __name__ == "__main__":
    main()
