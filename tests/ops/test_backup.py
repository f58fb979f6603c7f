"""Backups, restores and moving from SQLite to PostgreSQL, on real installs in subprocesses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# Makes rows in many tables and files in both media trees; prints nothing.
POPULATE = """
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents.models import Document
from newsletters.models import Newsletter, Subscriber, Subscription
User = get_user_model()
for n in range(5):
    User.objects.create_user(f"reader{n}", f"reader{n}@example.com", "x")
letter = Newsletter.objects.create(name="Backup drill", slug="backup-drill")
for n in range(7):
    s = Subscriber.objects.create(email=f"s{n}@example.com")
    Subscription.objects.create(subscriber=s, newsletter=letter)
default_storage.save("images/photo.jpg", ContentFile(b"jpeg-bytes"))
doc = Document(title="Briefing")
doc.file.save("briefing.pdf", ContentFile(b"%PDF-secret"), save=True)
"""

# Prints rows per table, files per tree and the secret key, as JSON.
INVENTORY = """
import json, hashlib
from pathlib import Path
from django.conf import settings
from core.backups import row_counts
files = {}
for key in ("MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
    root = Path(getattr(settings, key))
    files[key] = {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in sorted(root.rglob("*")) if p.is_file()}
print(json.dumps({"rows": row_counts(), "files": files, "secret": settings.SECRET_KEY}))
"""


def manage(
    var_dir: Path, *args: str, database_url: str = "", stdin: str | None = None, extra_env: dict | None = None
) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")}
    env.update(VAR_DIR=str(var_dir), TASKS_BACKEND="immediate", LOG_FORMAT="text", **(extra_env or {}))
    if database_url:
        env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True
    )
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def inventory(var_dir: Path, database_url: str = "") -> dict:
    out = manage(var_dir, "shell", "-c", INVENTORY, database_url=database_url)
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def populated_sqlite_install(tmp_path_factory) -> Path:
    var_dir = tmp_path_factory.mktemp("source")
    manage(var_dir, "migrate", "--noinput", "-v", "0")
    manage(var_dir, "shell", "-c", POPULATE)
    return var_dir


def test_a_backup_restores_into_an_empty_install_with_every_row_and_file(populated_sqlite_install, tmp_path):
    source = inventory(populated_sqlite_install)
    out = manage(populated_sqlite_install, "backup", "--output", str(tmp_path / "backups"))
    archives = list((tmp_path / "backups").glob("newsdesk-backup-*.tar.gz"))
    assert len(archives) == 1 and str(archives[0]) in out
    assert source["rows"]["newsletters_subscriber"] == 7
    assert "documents/briefing.pdf" in source["files"]["PRIVATE_MEDIA_ROOT"]
    assert "images/photo.jpg" in source["files"]["MEDIA_ROOT"]

    empty = tmp_path / "empty"
    out = manage(empty, "restore", str(archives[0]))
    assert "Restored" in out
    assert inventory(empty) == source


def test_restore_refuses_to_overwrite_an_install_with_accounts(populated_sqlite_install, tmp_path):
    manage(populated_sqlite_install, "backup", "--output", str(tmp_path))
    archive = next(tmp_path.glob("*.tar.gz"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["VAR_DIR"] = str(populated_sqlite_install)
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "already has accounts" in result.stderr


def test_backup_keeps_only_the_newest_archives(populated_sqlite_install, tmp_path):
    folder = tmp_path / "nightly"
    for name in ("newsdesk-backup-20200101-030000.tar.gz", "newsdesk-backup-20200102-030000.tar.gz"):
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(b"old")
    env_dir = populated_sqlite_install
    manage(env_dir, "backup", "--output", str(folder), "--keep", "2")
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and names[0] == "newsdesk-backup-20200102-030000.tar.gz"


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    return url


@pytest.fixture
def empty_postgres_database(django_db_setup):
    _postgres_url()
    db = connection.settings_dict  # the test database pytest-django made
    credentials = f"{db['USER']}:{db['PASSWORD']}" if db.get("PASSWORD") else str(db["USER"])
    server = f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    target = f"{db['NAME']}_move_target"
    with psycopg.connect(f"{server}/{db['NAME']}", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{target}"')
    yield f"{server}/{target}"
    with psycopg.connect(f"{server}/{db['NAME']}", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


@pytest.mark.postgres
def test_move_database_copies_a_sqlite_install_into_postgresql(populated_sqlite_install, empty_postgres_database):
    source = inventory(populated_sqlite_install)
    out = manage(populated_sqlite_install, "move_database", "--to", empty_postgres_database)
    assert "Copied" in out
    moved = inventory(populated_sqlite_install, database_url=empty_postgres_database)
    assert moved["rows"] == source["rows"]
    # New rows get fresh ids after the move (sequences were reset).
    manage(
        populated_sqlite_install,
        "shell",
        "-c",
        "from newsletters.models import Subscriber; Subscriber.objects.create(email='after@example.com')",
        database_url=empty_postgres_database,
    )


@pytest.mark.postgres
def test_a_postgresql_backup_restores_into_an_empty_database(
    populated_sqlite_install, empty_postgres_database, tmp_path
):
    manage(populated_sqlite_install, "move_database", "--to", empty_postgres_database)
    source = inventory(populated_sqlite_install, database_url=empty_postgres_database)
    manage(populated_sqlite_install, "backup", "--output", str(tmp_path), database_url=empty_postgres_database)
    archive = next(tmp_path.glob("*.tar.gz"))
    with psycopg.connect(empty_postgres_database, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    empty = tmp_path / "empty"
    manage(empty, "restore", str(archive), database_url=empty_postgres_database)
    restored = inventory(empty, database_url=empty_postgres_database)
    assert restored["rows"] == source["rows"]
    assert restored["files"] == source["files"] and restored["secret"] == source["secret"]
