"""The database's own full-text index over the per-reader search texts.

SQLite: an FTS5 table whose rowid orders rows by publication time (see
`newsroom.search`), filled and kept in step by triggers. PostgreSQL: a
generated tsvector column with a GIN index. Site search no longer goes through
Wagtail's search index for these rows.
"""

from django.db import migrations

TABLE = "newsroom_articlesearchtext"
FTS = "newsroom_search_fts"
STORY_BITS = 28


def _key(row: str) -> str:
    seconds = f"MAX(0, COALESCE(CAST(strftime('%s', {row}.published_at) AS INTEGER), 0))"
    readers = f"(({row}.for_anyone != 0) << 2) | (({row}.for_members != 0) << 1) | ({row}.for_pro != 0)"
    return f"(({seconds} << {STORY_BITS + 3}) | ({row}.article_id << 3) | {readers})"


def _insert(row: str) -> str:
    return (
        f"INSERT INTO {FTS}(rowid, title, dek, text) VALUES ({_key(row)}, {row}.title, {row}.dek, {row}.text);"
    )


def _delete(row: str) -> str:
    return (
        f"INSERT INTO {FTS}({FTS}, rowid, title, dek, text) "
        f"VALUES ('delete', {_key(row)}, {row}.title, {row}.dek, {row}.text);"
    )


SQLITE_FORWARD = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(title, dek, text, content='', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    # Title counts twice, standfirst one and a half times.
    f"INSERT INTO {FTS}({FTS}, rank) VALUES ('rank', 'bm25(2.0, 1.5, 1.0)')",
    f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON {TABLE} BEGIN {_insert('new')} END",
    f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON {TABLE} BEGIN {_delete('old')} END",
    f"CREATE TRIGGER {FTS}_au AFTER UPDATE ON {TABLE} BEGIN {_delete('old')} {_insert('new')} END",
    f"INSERT INTO {FTS}(rowid, title, dek, text) SELECT {_key(TABLE)}, title, dek, text FROM {TABLE}",
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {FTS}_au",
    f"DROP TRIGGER IF EXISTS {FTS}_ad",
    f"DROP TRIGGER IF EXISTS {FTS}_ai",
    f"DROP TABLE IF EXISTS {FTS}",
]
POSTGRES_FORWARD = [
    f"ALTER TABLE {TABLE} ADD COLUMN search_document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(dek, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'C')) STORED",
    f"CREATE INDEX newsroom_search_document_gin ON {TABLE} USING gin (search_document)",
    f"CREATE INDEX newsroom_search_newest ON {TABLE} (published_at DESC NULLS LAST, article_id DESC)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS newsroom_search_newest",
    "DROP INDEX IF EXISTS newsroom_search_document_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_document",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0006_article_reads_per_hour"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
