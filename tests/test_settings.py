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
