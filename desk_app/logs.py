"""Logging to a rotating file in the user log directory, never beside the
program: an installed desk has no console, and support needs the trail.

A log file is copied around (sent to support, attached to a ticket), so no
member's personal data and no secret may reach it. Every handler set up here
scrubs each record, message and traceback alike: e-mail addresses, dates
(a birth date cannot be told from any other date), phone and member numbers,
Japanese text (names, addresses), quoted values (Python's exception
messages quote the data they choke on), passwords in URLs and `password=`
pairs, and any value a caller registered as sensitive (desk-admin registers
its arguments). SQLAlchemy is told not to put statement parameters in its
errors at all (desk_app.db.engine)."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

from . import paths

_URL_PASSWORD = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*):(?P<pw>[^@\s]*)@")
_SECRET_PAIR = re.compile(r"(?i)\b(?P<key>password|passwd|pwd|secret|token|passfile)(?P<sep>\s*[=:]\s*)"
                          r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s,;&)]+)")
_EMAIL = re.compile(r"[\w.!#$%&+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_DATE = re.compile(r"\b\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\b\d{8}\b")
_NUMBER = re.compile(r"\+?\d[\d\s()-]{7,}\d")
_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_QUOTED = re.compile(r"'[^'\n]{1,300}'")

_sensitive: set[str] = set()
_lock = threading.Lock()


def register_sensitive(*values: str) -> None:
    """Values this process knows are personal or secret (command-line
    arguments, typed passwords): they never appear in a log line."""
    with _lock:
        _sensitive.update(v for v in values if isinstance(v, str) and len(v.strip()) >= 2)


def safe_url(url: str) -> str:
    """The URL with any password replaced by ***, for dialogs and logs."""
    return _URL_PASSWORD.sub(lambda m: f"{m['head']}:***@", url or "")


def scrub(text: str) -> str:
    with _lock:
        known = sorted(_sensitive, key=len, reverse=True)
    for value in known:  # whole values only: a registered "en" leaves "when" alone
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "<redacted>", text)
    text = safe_url(text)
    text = _SECRET_PAIR.sub(lambda m: f"{m['key']}{m['sep']}***", text)
    text = _EMAIL.sub("<e-mail>", text)
    text = _DATE.sub("<date>", text)
    text = _NUMBER.sub("<number>", text)
    text = _JAPANESE.sub("<text>", text)
    return _QUOTED.sub("'…'", text)


class ScrubFilter(logging.Filter):
    """Rewrites the record's message and traceback before any handler
    formats it (the time stamp the formatter adds stays as it is)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "_scrubbed", False):
            try:
                message = record.getMessage()
            except Exception:  # a broken format string still gets logged, scrubbed
                message = f"{record.msg!r} {record.args!r}"
            record.msg, record.args = scrub(message), None
            if record.exc_info and not record.exc_text:
                record.exc_text = self._formatter.formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = scrub(record.exc_text)
            if record.stack_info:
                record.stack_info = scrub(record.stack_info)
            record._scrubbed = True
        return True


def log_dir() -> Path:
    path = paths.log_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup_logging(name: str, level: int = logging.INFO, *, console: bool = False) -> Path:
    """The rotating file `<name>.log` (2 MB, 3 old files kept) and, when
    asked and there is one, the console; both scrubbed."""
    path = log_dir() / f"{name}.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(ScrubFilter())
        root.addHandler(handler)
        if console and sys.stderr is not None:  # a windowed build has no stderr at all
            stream = logging.StreamHandler(sys.stderr)
            stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            stream.addFilter(ScrubFilter())
            root.addHandler(stream)
        root.setLevel(level)
    return path


def install_exception_hooks(logger_name: str = "desk_app") -> None:
    """Uncaught exceptions (main thread and others) go to the log file, where
    a windowed program's stderr would have lost them."""
    log = logging.getLogger(logger_name)

    def on_exception(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("uncaught exception", exc_info=(kind, value, tb))

    def on_thread_exception(args):
        if args.exc_type is SystemExit:
            return
        log.critical("uncaught exception in thread %s", getattr(args.thread, "name", "?"),
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
