"""Fault drills with real processes: the Procfile's web, workers and scheduler on PostgreSQL and Redis.

A Redis server of the test's own is started on loopback (the shared one is
never stopped); the drill's data lives in a database of its own beside the
test database, or, for the drill that restarts PostgreSQL, in a private
cluster (initdb and pg_ctl) on a free port. Skipped without PostgreSQL
(DATABASE_URL), redis-server or PostgreSQL's server programs.
"""

import http.client
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
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

SEND_SETUP = """
import sys
sys.path.insert(0, "bench")
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from _newsletter_env import make_edition
from newsletters.services import issue_send_start
issue = make_edition(RECIPIENTS)
issue_send_start(issue=issue)
print("ISSUE", issue.pk)
"""
SETUP = SEND_SETUP.replace("RECIPIENTS", str(RECIPIENTS))
MIGRATE = "import django; django.setup(); from django.core.management import call_command; call_command('migrate')"

# A site, the entity registry and a reader's alert on Iran (drones).
ALERT_SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from monitor.models import Alert, Entity
from monitor.registry import registry_seed
from tests.factories import UserFactory, build_site
registry_seed()
build_site()
reader = UserFactory(username="drill-pro", is_staff=True, email="pro@example.com")
alert = Alert.objects.create(user=reader, name="Iran drones", words="drone")
alert.entities.set([Entity.objects.get(slug="iran")])
"""

# An editor publishes a story in a process of its own, as the admin would.
PUBLISH = """
import django
django.setup()
import json
from django.db import transaction
from newsroom.models import SectionPage
from tests.factories import ArticleFactory, paragraphs
section = SectionPage.objects.get(slug="security")
with transaction.atomic():
    story = ArticleFactory(
        parent=section,
        title="Iranian drone plant opens",
        slug="drill-drone-plant",
        body=paragraphs("Engineers from Iran inspected the drone production line."),
    )
print("STORY " + json.dumps({"id": story.pk, "path": story.url}))
"""


def procfile() -> dict[str, list[str]]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    commands = {}
    for line in lines:
        if line.strip():
            name, command = line.split(":", 1)
            argv = shlex.split(command)
            if argv[0] == "python":
                argv = [sys.executable, *argv[1:]]
            elif argv[0] == "gunicorn":
                argv = [sys.executable, "-m", "gunicorn", *argv[1:]]
            commands[name] = argv
    return commands


@pytest.fixture(scope="module")
def static_var_dir(tmp_path_factory) -> Path:
    """A VAR_DIR with the collected static files the web process serves pages with."""
    var_dir = tmp_path_factory.mktemp("drill-var")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="config.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return var_dir


def web_env(env: dict[str, str]) -> tuple[dict[str, str], int]:
    """The environment of a web process on a free loopback port, its site address plain http there."""
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    return {**env, "PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2", "SITE_URL": site}, port


def start_web(commands: dict[str, list[str]], env: dict[str, str], log: Path) -> subprocess.Popen:
    web = start(commands["web"], env, log)
    port = int(env["PORT"])
    wait_until(lambda: _healthy(port), 90, "gunicorn did not start")
    return web


def _healthy(port: int) -> bool:
    try:
        return http_get(port, "/healthz")[0] == 200
    except OSError:
        return False


def copy_test_schema(target_url: str) -> None:
    """Copies the migrated test database into an empty one: seconds, where migrating takes minutes."""
    db = connection.settings_dict
    dump = subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-acl", _server_url(db) + f"/{db['NAME']}"],
        capture_output=True,
        check=True,
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-acl", "--dbname", target_url],
        input=dump.stdout,
        capture_output=True,
        check=True,
    )


@pytest.fixture
def drill_database(db):
    if connection.vendor != "postgresql":
        pytest.skip("the drills need PostgreSQL (DATABASE_URL)")
    server = _server_url(connection.settings_dict)
    name = f"{connection.settings_dict['NAME']}_drill"
    with psycopg.connect(f"{server}/{connection.settings_dict['NAME']}", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    copy_test_schema(f"{server}/{name}")
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/{connection.settings_dict['NAME']}", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class OwnRedis:
    """A redis-server of the drill's own, which the drill may stop and start again on the same port."""

    def __init__(self, binary: str) -> None:
        self.binary, self.port = binary, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: _accepts(self.port), 20, "redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def _accepts(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_until(check, seconds: float, message: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(message)


@pytest.fixture
def own_redis_server():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    server = OwnRedis(binary)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def own_redis(own_redis_server):
    return own_redis_server.url


class OwnPostgres:
    """A private PostgreSQL cluster in a temporary folder, which the drill may restart."""

    def __init__(self, bindir: Path) -> None:
        self.bindir, self.port = bindir, free_port()
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.folder = Path(tempfile.mkdtemp(prefix="newsdesk-drill-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/drill"

    def run(self, program: str, *args: str) -> None:
        result = subprocess.run(
            [*self.as_owner, str(self.bindir / program), *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{program}: {result.stdout}{result.stderr}"

    def init(self) -> None:
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def own_postgres(db):
    """A private cluster holding a copy of the (migrated) test database's schema, as `drill`."""
    if connection.vendor != "postgresql":
        pytest.skip("the drills need PostgreSQL (DATABASE_URL)")
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    server = OwnPostgres(found[-1].parent)
    server.init()
    server.start()
    try:
        with psycopg.connect(f"postgres://postgres@127.0.0.1:{server.port}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE drill")
        copy_test_schema(server.url)
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)


def _server_url(db: dict) -> str:
    credentials = f"{db['USER']}:{db['PASSWORD']}" if db.get("PASSWORD") else str(db["USER"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    # Its own session, so a SIGKILL takes the worker and the job process it forked, as a dead machine would.
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("a"), stderr=subprocess.STDOUT, start_new_session=True
    )


def drill_env(tmp_path: Path, database_url: str, redis_url: str, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "TASKS_BACKEND")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(tmp_path),
        SITE_URL="https://news.example.com",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        NEWSLETTER_SEND_WORKERS="2",
        NEWSLETTER_WORKER_LEASE_SECONDS="5",
        NEWSLETTER_RETRY_SECONDS="1",
        LOG_LEVEL="WARNING",
        **extra,
    )
    return env


def stop_all(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def python(script: str, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def send_outcome(
    database_url: str, issue_id: int, log_path: Path, seconds: float, supervise=None
) -> tuple[dict, Counter]:  # type: ignore[no-untyped-def]
    """Waits until no delivery of the issue is pending; returns the ledger and what the sink received."""
    deadline = time.monotonic() + seconds
    ledger: dict = {}
    while time.monotonic() < deadline:
        if supervise is not None:
            supervise()
        try:
            with psycopg.connect(database_url, autocommit=True) as db:
                pending = db.execute(
                    "SELECT count(*) FROM newsletters_delivery WHERE issue_id = %s"
                    " AND state IN ('queued', 'claimed', 'sending')",
                    [issue_id],
                ).fetchone()
                if pending and pending[0] == 0:
                    ledger = dict(
                        db.execute(
                            "SELECT email, possible_duplicate FROM newsletters_delivery WHERE issue_id = %s",
                            [issue_id],
                        ).fetchall()
                    )
                    break
        except psycopg.OperationalError:
            pass  # the database is restarting
        time.sleep(1)
    time.sleep(1)
    received = Counter(line.strip() for line in log_path.read_text().splitlines() if line.strip())
    return ledger, received


def http_get(port: int, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_send_survives_a_worker_killed_mid_send(drill_database, own_redis, tmp_path):
    log_path = tmp_path / "received.log"
    with Sink(log_path=str(log_path)) as sink:
        env = drill_env(tmp_path, drill_database, own_redis, sink.port)
        commands = procfile()
        processes = [start(commands["worker"], env, tmp_path / "worker.log") for _ in range(2)]
        processes.append(start(commands["scheduler"], env, tmp_path / "scheduler.log"))
        try:
            setup = python(SETUP, env)
            issue_id = int(setup.split("ISSUE")[1].split()[0])
            deadline = time.monotonic() + 300
            while sink.received < RECIPIENTS // 4 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert sink.received >= RECIPIENTS // 4, "the workers never got going"
            victim = processes[0]
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait()
            # A supervisor restarts what died.
            processes[0] = start(commands["worker"], env, tmp_path / "worker.log")
            ledger, received = send_outcome(drill_database, issue_id, log_path, deadline - time.monotonic())
        finally:
            stop_all(processes)
    lost = [email for email in ledger if received[email] == 0]
    duplicated = sum(count - 1 for count in received.values() if count > 1)
    in_flight = sum(1 for flagged in ledger.values() if flagged)
    assert len(ledger) == RECIPIENTS
    assert lost == []
    assert duplicated <= in_flight


def test_a_published_story_is_tagged_and_its_alert_email_arrives(drill_database, own_redis, static_var_dir, tmp_path):
    log_path = tmp_path / "received.log"
    with Sink(log_path=str(log_path)) as sink:
        env, port = web_env(drill_env(static_var_dir, drill_database, own_redis, sink.port))
        commands = procfile()
        # The site is built with its indexing done inline, so no backlog sits before the story.
        python(ALERT_SETUP, {**env, "TASKS_BACKEND": "immediate"})
        web = start_web(commands, env, tmp_path / "web.log")
        processes = [web, *(start(commands["worker"], env, tmp_path / "worker.log") for _ in range(2))]
        processes.append(start(commands["scheduler"], env, tmp_path / "scheduler.log"))
        try:
            wait_for_workers(own_redis, 2)
            out = python(PUBLISH, env)
            story = json.loads(next(line for line in out.splitlines() if line.startswith("STORY "))[6:])
            story_id, story_path = story["id"], story["path"]
            started = time.monotonic()
            sink.wait_for(1, timeout=60)
            latency = time.monotonic() - started
            status, page = http_get(port, story_path)
        finally:
            stop_all(processes)
    assert log_path.read_text().split() == ["pro@example.com"]
    assert latency < 60, f"the alert took {latency:.0f} s"
    with psycopg.connect(drill_database) as db:
        tags = {
            row[0]
            for row in db.execute(
                "SELECT e.slug FROM monitor_articleentity t JOIN monitor_entity e ON e.id = t.entity_id"
                " WHERE t.article_id = %s AND NOT t.removed",
                [int(story_id)],
            )
        }
        sent = db.execute("SELECT state FROM monitor_alertdelivery WHERE article_id = %s", [int(story_id)]).fetchall()
    assert "iran" in tags
    assert sent == [("sent",)]
    assert status == 200 and b"Iranian drone plant opens" in page


@pytest.mark.parametrize("recipients", [300])
def test_a_send_resumes_after_postgresql_restarts_mid_send(own_postgres, own_redis, tmp_path, recipients):
    log_path = tmp_path / "received.log"
    with Sink(log_path=str(log_path)) as sink:
        env = drill_env(tmp_path, own_postgres.url, own_redis, sink.port)
        commands = procfile()
        processes = [start(commands["worker"], env, tmp_path / "worker.log") for _ in range(2)]
        processes.append(start(commands["scheduler"], env, tmp_path / "scheduler.log"))
        try:
            out = python(SEND_SETUP.replace("RECIPIENTS", str(recipients)), env)
            issue_id = int(out.split("ISSUE")[1].split()[0])
            wait_until(lambda: sink.received >= recipients // 5, 120, "the workers never got going")
            own_postgres.stop()
            stopped_at = sink.received
            time.sleep(3)
            own_postgres.start()
            ledger, received = send_outcome(own_postgres.url, issue_id, log_path, 150)
        finally:
            stop_all(processes)
    assert stopped_at < recipients, "the send finished before the restart; the drill proved nothing"
    assert len(ledger) == recipients, "the send never finished after the restart"
    lost = [email for email in ledger if received[email] == 0]
    duplicated = sum(count - 1 for count in received.values() if count > 1)
    in_flight = sum(1 for flagged in ledger.values() if flagged)
    assert lost == []
    assert duplicated <= in_flight


def wait_for_workers(redis_url: str, count: int) -> None:
    """Until `count` RQ workers have registered with Redis (a loaded machine starts Django slowly)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    wait_until(lambda: client.scard("rq:workers") >= count, 120, "the workers did not start")


def post_signup(port: int, email: str) -> int:
    form = urllib.parse.urlencode({"email": email, "newsletters": "security"})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "POST",
            "/newsletters/subscribe/",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}/newsletters/",
            },
        )
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_a_redis_outage_keeps_pages_serving_and_loses_no_signup_or_send(
    drill_database, own_redis_server, static_var_dir, tmp_path
):
    recipients, signups, outage = 400, 30, 20.0
    log_path = tmp_path / "received.log"
    with Sink(log_path=str(log_path)) as sink:
        env, port = web_env(drill_env(static_var_dir, drill_database, own_redis_server.url, sink.port))
        commands = procfile()
        python(MIGRATE, env)
        web = start_web(commands, env, tmp_path / "web.log")
        workers = [start(commands["worker"], env, tmp_path / "worker.log") for _ in range(2)]
        processes = [web, *workers, start(commands["scheduler"], env, tmp_path / "scheduler.log")]

        def supervise() -> None:  # what a process manager does: start again what died
            for n, worker in enumerate(workers):
                if worker.poll() is not None:
                    workers[n] = start(commands["worker"], env, tmp_path / "worker.log")
                    processes.append(workers[n])

        try:
            out = python(SEND_SETUP.replace("RECIPIENTS", str(recipients)), env)
            issue_id = int(out.split("ISSUE")[-1].split()[0])
            wait_until(lambda: sink.received >= recipients // 5, 120, "the workers never got going")
            own_redis_server.stop()
            down_at = time.monotonic()
            answers: Counter = Counter()
            pages: Counter = Counter()
            made = 0
            while made < signups or time.monotonic() - down_at < outage:
                if made < signups:
                    answers[post_signup(port, f"drill-{made}@example.com")] += 1
                    made += 1
                for path in ("/", "/newsletters/"):
                    pages[http_get(port, path)[0]] += 1
                time.sleep(0.1)
            sent_during_outage = sink.received
            own_redis_server.start()
            ledger, received = send_outcome(drill_database, issue_id, log_path, 150, supervise)
            wanted = {f"drill-{n}@example.com" for n in range(signups)}
            wait_until(lambda: wanted <= set(log_path.read_text().split()), 60, "confirmation emails never arrived")
            received = Counter(line.strip() for line in log_path.read_text().splitlines() if line.strip())
        finally:
            stop_all(processes)
    assert sent_during_outage < recipients + 1, "the send finished before the outage; the drill proved nothing"
    assert answers == {302: signups}, "every signup during the outage was answered with the check-your-inbox redirect"
    assert set(pages) == {200}, pages
    with psycopg.connect(drill_database) as db:
        stored = db.execute(
            "SELECT count(*), count(DISTINCT email) FROM newsletters_subscriber WHERE email LIKE 'drill-%%'"
        ).fetchone()
        held = db.execute("SELECT count(*) FROM core_heldtask").fetchone()
    assert stored == (signups, signups)
    assert held == (0,), "tasks held during the outage were all handed to Redis"
    assert all(received[email] == 1 for email in wanted)
    assert len(ledger) == recipients, "the send never finished after Redis came back"
    lost = [email for email in ledger if received[email] == 0]
    duplicated = sum(count - 1 for email, count in received.items() if email in ledger and count > 1)
    in_flight = sum(1 for flagged in ledger.values() if flagged)
    assert lost == []
    assert duplicated <= in_flight
