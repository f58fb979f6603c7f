"""The production process set: Procfile, compose file, gunicorn config, proxy example."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from config.urls import PUBLIC_MEDIA_FOLDERS
from core.management.commands.run_worker import worker_command
from monitor.models import Entity

ROOT = Path(__file__).resolve().parents[2]


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_the_procfile_names_web_worker_and_scheduler():
    processes = {name: shlex.split(command) for name, command in procfile().items()}
    assert set(processes) == {"web", "worker", "scheduler"}
    assert processes["web"][:2] == ["gunicorn", "config.wsgi:application"]
    assert "gunicorn.conf.py" in processes["web"]
    assert processes["worker"] == ["python", "manage.py", "run_worker"]
    assert processes["scheduler"] == ["python", "manage.py", "run_scheduler"]


def test_compose_runs_exactly_the_procfile_commands():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    for name, command in procfile().items():
        assert shlex.split(services[name]["command"]) == shlex.split(command), name
    assert {"db", "redis", "minio"} <= set(services)
    web_env = services["web"]["environment"]
    assert web_env["DATABASE_URL"].startswith("postgres://")
    assert web_env["REDIS_URL"].startswith("redis://")
    # The proxy is the one hop the site trusts for the client address.
    assert web_env["TRUSTED_PROXY_COUNT"] == "1"
    assert services["worker"]["environment"] == web_env == services["scheduler"]["environment"]


def test_the_dockerfile_runs_the_procfile_web_command_with_pango():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.1[1-3]-slim", dockerfile, flags=re.MULTILINE)
    assert "libpango-1.0-0" in dockerfile and "fonts-dejavu-core" in dockerfile
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, flags=re.MULTILINE)
    assert cmd and yaml.safe_load(cmd.group(1)) == shlex.split(procfile()["web"])


def test_the_proxy_serves_only_public_media_and_passes_the_rest():
    caddyfile = (ROOT / "deploy/Caddyfile").read_text()
    matcher = re.search(r"@public_media path (.+)", caddyfile)
    assert matcher is not None
    assert matcher.group(1).split() == [f"/media/{folder}/*" for folder in PUBLIC_MEDIA_FOLDERS]
    assert "handle_path /static/*" in caddyfile
    assert "header_up X-Forwarded-For {remote_host}" in caddyfile
    assert "documents" not in matcher.group(1)


def test_gunicorn_takes_workers_from_the_cores_and_logs_the_request_id(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    namespace: dict[str, object] = {}
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)  # noqa: S102
    assert namespace["workers"] == 7
    assert namespace["timeout"] == 30
    assert "%({x-request-id}o)s" in str(namespace["access_log_format"])


def test_gunicorn_accepts_the_config():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "--config", "gunicorn.conf.py", "config.wsgi:application"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_worker_command_follows_the_task_backend(settings):
    settings.TASKS_BACKEND = "rq"
    assert worker_command()[-4:] == ["rqworker", "default", "--job-class", "django_tasks_rq.Job"]
    settings.TASKS_BACKEND = "database"
    assert worker_command()[-3:] == ["db_worker", "--interval", "1"]


@pytest.mark.django_db
def test_deploy_seeds_the_entity_registry_and_builds_the_search_index(site, capsys):
    Entity.objects.all().delete()
    call_command("deploy", skip=["collectstatic"])
    assert Entity.objects.filter(kind="country").count() > 190
    out = capsys.readouterr().out
    assert "== seed_entities" in out and "== update_index" in out
