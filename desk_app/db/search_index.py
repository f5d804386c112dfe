"""The members' search indexes that live beside the schema module's tables:
a trigram index over `members.search_text` for partial names and kana, and
on PostgreSQL the pattern indexes that answer a prefix of an e-mail
address or member number.

- SQLite: an FTS5 table with the `trigram` tokenizer, its content the
  members table itself (external content, nothing stored twice), kept in
  step by three triggers on members. A migration that rebuilds the members
  table (SQLite's batch mode) drops its triggers: `install` is called after
  every upgrade and puts back what is missing, rebuilding the index then,
  so neither an import nor a migration can leave it stale.
- PostgreSQL: pg_trgm's GIN index (`gin_trgm_ops`), maintained by the
  server itself, and `varchar_pattern_ops` indexes for LIKE 'prefix%'.

Migration 0013 calls install; so does services.database after upgrades."""

from __future__ import annotations

FTS = "members_fts"
TRIGGERS = {
    "members_fts_ai": f"CREATE TRIGGER members_fts_ai AFTER INSERT ON members BEGIN "
                      f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END",
    "members_fts_ad": f"CREATE TRIGGER members_fts_ad AFTER DELETE ON members BEGIN "
                      f"INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "members_fts_au": f"CREATE TRIGGER members_fts_au AFTER UPDATE OF search_text ON members BEGIN "
                      f"INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
                      f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END",
}
PG_INDEXES = {
    "ix_members_search_trgm": "CREATE INDEX IF NOT EXISTS ix_members_search_trgm ON members "
                              "USING gin (search_text {schema}gin_trgm_ops)",
    "ix_members_email_norm_prefix": "CREATE INDEX IF NOT EXISTS ix_members_email_norm_prefix ON members "
                                    "(email_norm varchar_pattern_ops)",
    "ix_members_number_prefix": "CREATE INDEX IF NOT EXISTS ix_members_number_prefix ON members "
                                "(number varchar_pattern_ops)",
}
# Objects in the database that the schema module does not describe (for
# Alembic's comparison of the two).
DATABASE_ONLY_TABLES = (FTS,)  # and its shadow tables, members_fts_*
DATABASE_ONLY_INDEXES = frozenset(PG_INDEXES)


def is_database_only(name: str | None, type_: str) -> bool:
    if name is None:
        return False
    if type_ == "table":
        return name == FTS or name.startswith(FTS + "_")
    return type_ == "index" and name in DATABASE_ONLY_INDEXES


def install(conn) -> bool:
    """Create what is missing (idempotent); True when something was made."""
    if conn.dialect.name == "sqlite":
        return _install_sqlite(conn)
    if conn.dialect.name == "postgresql":
        return _install_pg(conn)
    return False


def _install_sqlite(conn) -> bool:
    have = {r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE name = ? OR (type = 'trigger' AND tbl_name = 'members')",
        (FTS,))}
    made = False
    if FTS not in have:
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, content='members', "
                             f"content_rowid='id', tokenize='trigram')")
        made = True
    for name, ddl in TRIGGERS.items():
        if name not in have:
            conn.exec_driver_sql(ddl)
            made = True
    if made:
        conn.exec_driver_sql(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    return made


def _install_pg(conn) -> bool:
    schema = conn.exec_driver_sql("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON "
                                  "n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'").scalar()
    if schema is None:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
        schema = "public"
    have = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'members' "
                                    "AND schemaname = current_schema()").scalars())
    made = False
    for name, ddl in PG_INDEXES.items():
        if name not in have:
            conn.exec_driver_sql(ddl.format(schema=f'"{schema}".'))
            made = True
    return made


def uninstall(conn) -> None:
    if conn.dialect.name == "sqlite":
        for name in TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS}")
    elif conn.dialect.name == "postgresql":
        for name in PG_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
