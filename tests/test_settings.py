import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _check_deploy(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    dropped = ("DEBUG", "SECRET_KEY", "SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _check_deploy(
        {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(60), "SITE_URL": "https://news.example.com"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_plain_http_site_url_fails_the_deploy_check():
    result = _check_deploy({"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(60), "SITE_URL": "http://news.example"})
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def _settings_value(extra_env: dict[str, str], expression: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANYMAIL_")}
    env.update(extra_env, DJANGO_SETTINGS_MODULE="config.settings")
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_webhook_secret_is_set_with_or_without_an_email_provider():
    alone = _settings_value({"ANYMAIL_WEBHOOK_SECRET": "s3cret"}, "sorted(settings.ANYMAIL.items())")
    assert alone == "[('WEBHOOK_SECRET', 's3cret')]"
    with_esp = _settings_value(
        {"ANYMAIL_WEBHOOK_SECRET": "s3cret", "ANYMAIL_POSTMARK_API_KEY": "pm"}, "sorted(settings.ANYMAIL.items())"
    )
    assert with_esp == "[('POSTMARK_API_KEY', 'pm'), ('WEBHOOK_SECRET', 's3cret')]"


def test_the_scheduler_runs_every_job_of_the_one_schedule(monkeypatch, db):  # it checks its connection before each job
    import io

    from django.conf import settings
    from django.core.management import call_command

    from core.management.commands import run_scheduler

    ran: list[str] = []
    monkeypatch.setattr(run_scheduler, "call_command", lambda name, **kwargs: ran.append(name))
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert ran == [name for name, _ in settings.SCHEDULE]
    assert {"publish_scheduled", "send_due_issues", "send_event_reminders"} <= set(ran)


def test_the_messages_in_flight_per_connection_come_from_the_environment():
    assert (
        _settings_value({"NEWSLETTER_IN_FLIGHT_PER_CONNECTION": "25"}, "settings.NEWSLETTER_IN_FLIGHT_PER_CONNECTION")
        == "25"
    )


def _start_up_error(extra_env: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANYMAIL_")}
    env.update(extra_env, DJANGO_SETTINGS_MODULE="config.settings")
    code = "import django; django.setup()"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    return result.stderr.strip().splitlines()[-1]


def test_a_bad_number_in_flight_per_connection_stops_start_up_with_a_clear_message():
    assert _start_up_error({"NEWSLETTER_IN_FLIGHT_PER_CONNECTION": "ten"}) == (
        "ValueError: NEWSLETTER_IN_FLIGHT_PER_CONNECTION must be a whole number; got 'ten'"
    )
    assert "NEWSLETTER_IN_FLIGHT_PER_CONNECTION must be 1 or more" in _start_up_error(
        {"NEWSLETTER_IN_FLIGHT_PER_CONNECTION": "0"}
    )
