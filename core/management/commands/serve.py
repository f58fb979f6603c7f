"""Starts everything the site needs in one terminal: web, worker, scheduler.

For production run the three parts under a process supervisor instead (see
README: gunicorn, the task worker and `run_scheduler`).
"""

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the site with gunicorn, a background task worker and the scheduler; Ctrl-C stops all three."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        python = sys.executable
        manage = [python, str(settings.BASE_DIR / "manage.py")]
        web = [
            python, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"{host}:{port}", "--workers", str(workers), "--threads", "4",
            "--access-logfile", "-", "--graceful-timeout", "10",
        ]  # fmt: skip
        worker = [*manage, "rqworker", "default", "--job-class", "django_tasks_rq.Job"]
        if settings.TASKS_BACKEND != "rq":
            worker = [*manage, "db_worker", "--interval", "1"]
        parts = {"web": web, "worker": worker, "scheduler": [*manage, "run_scheduler"]}
        children = {name: subprocess.Popen(cmd, cwd=settings.BASE_DIR) for name, cmd in parts.items()}  # noqa: S603
        self.stdout.write(f"Newsdesk is serving http://{host}:{port}/ (Ctrl-C to stop)", self.style.SUCCESS)

        def stop(*_: Any) -> None:
            for child in children.values():
                if child.poll() is None:
                    child.terminate()
            deadline = time.monotonic() + 15
            for child in children.values():
                try:
                    child.wait(max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    child.kill()

        def terminate(*_: Any) -> None:
            stop()
            sys.exit(0)

        signal.signal(signal.SIGTERM, terminate)
        try:
            while True:
                for name, child in children.items():
                    if child.poll() is not None:
                        self.stderr.write(f"{name} exited with status {child.returncode}; stopping the rest.")
                        stop()
                        sys.exit(child.returncode or 1)
                time.sleep(1)
        except KeyboardInterrupt:
            stop()
