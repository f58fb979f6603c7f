"""Fault drills with real processes: the Procfile's workers and scheduler on PostgreSQL and Redis.

A Redis server of the test's own is started on loopback (the shared one is
never stopped); the drill's data lives in a database of its own beside the
test database. Skipped without PostgreSQL (DATABASE_URL) or redis-server.
"""

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from _smtp_sink import Sink, free_port  # noqa: E402

pytestmark = [pytest.mark.drill, pytest.mark.postgres]
RECIPIENTS = 5000

SETUP = f"""
import sys
sys.path.insert(0, "bench")
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from _newsletter_env import make_edition
from newsletters.services import issue_send_start
issue = make_edition({RECIPIENTS})
issue_send_start(issue=issue)
print("ISSUE", issue.pk)
"""


def procfile() -> dict[str, list[str]]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    commands = {}
    for line in lines:
        if line.strip():
            name, command = line.split(":", 1)
            argv = shlex.split(command)
            commands[name] = [sys.executable, *argv[1:]] if argv[0] == "python" else argv
    return commands


@pytest.fixture
def drill_database(django_db_setup):
    if connection.vendor != "postgresql":
        pytest.skip("the drills need PostgreSQL (DATABASE_URL)")
    db = connection.settings_dict
    credentials = f"{db['USER']}:{db['PASSWORD']}" if db.get("PASSWORD") else str(db["USER"])
    server = f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    name = f"{db['NAME']}_drill"
    with psycopg.connect(f"{server}/{db['NAME']}", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/{db['NAME']}", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def own_redis():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    # Its own session, so a SIGKILL takes the worker and the job process it forked, as a dead machine would.
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT, start_new_session=True
    )


def test_a_send_survives_a_worker_killed_mid_send(drill_database, own_redis, tmp_path):
    log_path = tmp_path / "received.log"
    with Sink(log_path=str(log_path)) as sink:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "TASKS_BACKEND")}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            VAR_DIR=str(tmp_path),
            SITE_URL="https://news.example.com",
            DATABASE_URL=drill_database,
            REDIS_URL=own_redis,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(sink.port),
            NEWSLETTER_SEND_WORKERS="2",
            NEWSLETTER_WORKER_LEASE_SECONDS="5",
            NEWSLETTER_RETRY_SECONDS="1",
            LOG_LEVEL="WARNING",
        )
        commands = procfile()
        processes = [start(commands["worker"], env, tmp_path / "worker.log") for _ in range(2)]
        processes.append(start(commands["scheduler"], env, tmp_path / "scheduler.log"))
        try:
            setup = subprocess.run(
                [sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True, check=False
            )
            assert setup.returncode == 0, setup.stderr
            issue_id = int(setup.stdout.split("ISSUE")[1].split()[0])
            deadline = time.monotonic() + 300
            while sink.received < RECIPIENTS // 4 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert sink.received >= RECIPIENTS // 4, "the workers never got going"
            victim = processes[0]
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait()
            # A supervisor restarts what died.
            processes[0] = start(commands["worker"], env, tmp_path / "worker.log")
            with psycopg.connect(drill_database, autocommit=True) as db:
                while time.monotonic() < deadline:
                    pending = db.execute(
                        "SELECT count(*) FROM newsletters_delivery WHERE issue_id = %s"
                        " AND state IN ('queued', 'claimed', 'sending')",
                        [issue_id],
                    ).fetchone()
                    if pending and pending[0] == 0:
                        break
                    time.sleep(1)
                ledger = dict(
                    db.execute(
                        "SELECT email, possible_duplicate FROM newsletters_delivery WHERE issue_id = %s", [issue_id]
                    ).fetchall()
                )
            sink.wait_for(sink.received, timeout=2)
        finally:
            for process in processes:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
    received = Counter(line.strip() for line in log_path.read_text().splitlines() if line.strip())
    lost = [email for email in ledger if received[email] == 0]
    duplicated = sum(count - 1 for count in received.values() if count > 1)
    in_flight = sum(1 for flagged in ledger.values() if flagged)
    assert len(ledger) == RECIPIENTS
    assert lost == []
    assert duplicated <= in_flight
