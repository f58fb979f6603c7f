"""One dated archive with everything an install needs to come back: the
database, uploaded media, private documents and the secret key.

Archive layout (a .tar.gz):
  manifest.json        when, which database engine, rows per table, files
  database.sqlite3     SQLite's online backup (consistent while the site runs)
  database.pgdump      or pg_dump's custom format, for PostgreSQL
  media/...            MEDIA_ROOT, or the bucket's public objects when media is in S3
  private/...          PRIVATE_MEDIA_ROOT, or the bucket's private folders (documents with access rules)
  secret_key           SECRET_KEY, so sessions, signed links and tokens keep working

The media trees look the same whichever store the files came from, so an
archive of a disk install restores into an S3 install and the other way round.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.db import connection, connections
from django.utils import timezone

from lib.s3_storage import S3MediaStorage
from lib.storage import is_private

DB_SQLITE = "database.sqlite3"
DB_PGDUMP = "database.pgdump"
TREES = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def is_search_index(model: Any) -> bool:
    """Wagtail's search index tables: derived data whose model differs by database engine
    (an FTS5 table on SQLite, a tsvector column on PostgreSQL); `update_index` rebuilds them."""
    return model._meta.app_label == "wagtailsearch" and "indexentry" in model._meta.model_name


def search_index_labels() -> list[str]:
    """`app_label.ModelName` of every search index model, for dumpdata's --exclude."""
    return [model._meta.label for model in apps.get_models(include_auto_created=True) if is_search_index(model)]


def row_counts(alias: str = "default") -> dict[str, int]:
    """Rows in every table Django knows about, but the search index (see `is_search_index`)."""
    counts = {}
    tables = set(connections[alias].introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in tables and table not in counts and not is_search_index(model):
            counts[table] = model._default_manager.using(alias).count()
    return counts


def _pg_env(db: Any) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: Any) -> list[str]:
    args = ["--dbname", str(db["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _files(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def _s3_storage() -> S3MediaStorage | None:
    """The bucket's storage when uploads live in S3, else None (they are on disk)."""
    storage = storages["default"]
    return storage if isinstance(storage, S3MediaStorage) else None


def _s3_download(storage: S3MediaStorage, workdir: Path) -> dict[str, list[str]]:
    """Copy every object of the bucket into workdir/media or workdir/private; returns the names."""
    files: dict[str, list[str]] = {name: [] for name in TREES}
    prefix = storage.location.strip("/") + "/" if storage.location else ""
    for obj in storage.bucket.objects.filter(Prefix=prefix):
        name = obj.key[len(prefix) :]
        if not name or name.endswith("/"):
            continue
        tree = "private" if is_private(name) else "media"
        target = workdir / tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        storage.bucket.download_file(obj.key, str(target))
        files[tree].append(name)
    return {tree: sorted(names) for tree, names in files.items()}


def _s3_upload(storage: S3MediaStorage, workdir: Path) -> None:
    """Put every file of the archive's media trees into the bucket under its own name."""
    prefix = storage.location.strip("/") + "/" if storage.location else ""
    for tree in TREES:
        root = workdir / tree
        for name in _files(root):
            storage.bucket.upload_file(str(root / name), prefix + name)


def backup_create(folder: Path) -> Path:
    """Write a new archive into `folder` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    db = settings.DATABASES["default"]
    with tempfile.TemporaryDirectory(prefix="newsdesk-backup-") as work:
        workdir = Path(work)
        s3 = _s3_storage()
        manifest: dict[str, Any] = {
            "created_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "rows": row_counts(),
            "media_store": "s3" if s3 else "disk",
        }
        if s3:
            manifest["files"] = _s3_download(s3, workdir)
        else:
            manifest["files"] = {name: _files(Path(getattr(settings, key))) for name, key in TREES.items()}
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(workdir / DB_SQLITE)
            with target:
                connection.connection.backup(target)  # online: consistent while others write
            target.close()
            manifest["database"] = DB_SQLITE
        elif connection.vendor == "postgresql":
            command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(workdir / DB_PGDUMP), *_pg_args(db)]
            result = subprocess.run(command, env=_pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
            manifest["database"] = DB_PGDUMP
        else:
            raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
        (workdir / "secret_key").write_text(settings.SECRET_KEY)
        (workdir / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = folder / f".newsdesk-backup-{stamp}.tar.gz.partial"
        archive = folder / f"newsdesk-backup-{stamp}.tar.gz"
        with tarfile.open(partial, "w:gz") as tar:
            for name in ("manifest.json", "secret_key", manifest["database"]):
                tar.add(workdir / name, arcname=name)
            for name, key in TREES.items():
                root = workdir / name if s3 else Path(getattr(settings, key))
                if root.is_dir():
                    tar.add(root, arcname=name)
        partial.chmod(0o600)
        partial.replace(archive)  # a half-written archive never looks finished
    return archive


def backup_prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives; return what was deleted."""
    archives = sorted(folder.glob("newsdesk-backup-*.tar.gz"))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


def _is_empty_install() -> bool:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    tables = connection.introspection.table_names()
    return user_model._meta.db_table not in tables or not user_model._default_manager.exists()


def backup_restore(archive: Path, *, force: bool = False) -> dict[str, Any]:
    """Put an archive's database, files and secret key in place; returns its manifest."""
    if not force and not _is_empty_install():
        raise BackupError("This install already has accounts; restoring would replace them. Use --force to do so.")
    with tempfile.TemporaryDirectory(prefix="newsdesk-restore-") as work, tarfile.open(archive, "r:gz") as tar:
        workdir = Path(work)
        tar.extractall(workdir, filter="data")
        manifest: dict[str, Any] = json.loads((workdir / "manifest.json").read_text())
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"The archive holds a {manifest['engine']} database and this install uses {connection.vendor}; "
                "restore it into the same kind, then use move_database."
            )
        db = settings.DATABASES["default"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(workdir / DB_SQLITE)
            with source:
                source.backup(connection.connection)
            source.close()
        else:
            command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
            result = subprocess.run(  # noqa: S603
                [*command, *_pg_args(db), str(workdir / DB_PGDUMP)],
                env=_pg_env(db),
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        s3 = _s3_storage()
        if s3:
            _s3_upload(s3, workdir)
        else:
            for name, key in TREES.items():
                source_tree = workdir / name
                if source_tree.is_dir():
                    shutil.copytree(source_tree, Path(getattr(settings, key)), dirs_exist_ok=True)
        secret_file = Path(settings.VAR_DIR) / "secret_key"
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        secret_file.write_text((workdir / "secret_key").read_text())
        secret_file.chmod(0o600)
    connection.close()
    return manifest
