"""A local stand-in for SendGrid's v3 mail/send API, for tests and the batch bench.

It accepts what anymail's SendGrid backend posts (one JSON body, one
personalization per recipient), appends each recipient to a log file (when
given) *before* it answers 202, so anything the sender saw accepted is in the
log, and keeps the bodies it received for tests to read. `fail_with` makes the
next calls answer an error status instead.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeEsp:
    def __init__(self, *, log_path: str | None = None, keep_payloads: bool = True) -> None:
        self.log_path, self.keep_payloads = log_path, keep_payloads
        self.payloads: list[dict[str, Any]] = []
        self.calls = 0
        self.received = 0
        self.fail_with: list[int] = []  # statuses for the next calls, in order
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v3/"

    def recipients(self) -> list[str]:
        return [to["email"] for payload in self.payloads for p in payload["personalizations"] for to in p["to"]]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        esp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with esp.lock:
                    esp.calls += 1
                    status = esp.fail_with.pop(0) if esp.fail_with else 202
                    if status == 202:
                        payload = json.loads(body)
                        emails = [to["email"] for p in payload["personalizations"] for to in p["to"]]
                        if esp.log_path:
                            with open(esp.log_path, "a") as log:
                                log.write("".join(f"{email}\n" for email in emails))
                        esp.received += len(emails)
                        if esp.keep_payloads:
                            esp.payloads.append(payload)
                reply = b"" if status == 202 else json.dumps({"errors": [{"message": f"fake {status}"}]}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

        return Handler

    def __enter__(self) -> FakeEsp:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
