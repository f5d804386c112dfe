"""The Qt desk: main window, one dialog per file, table models, the worker
that keeps database calls off the GUI thread, and the clerk-facing wording
of every refusal (messages.py)."""
