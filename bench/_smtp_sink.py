"""An SMTP sink in its own process, shared by the bench scripts.

Two kinds: "aiosmtpd" (a full SMTP server, parsing line by line) and "fast", a
minimal asyncio server that answers the commands a sender uses and reads each
message body in one `readuntil` up to the end-of-data marker, so the sender,
not the sink, is what a bench measures.

It accepts every message, counts them in shared memory, and (optionally)
appends each recipient to a log file *before* answering 250, so anything a
sender saw accepted is in the log. It reports its own CPU time so a bench can
tell when the sink, not the sender, is the bottleneck.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import socket
import time
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Handler:
    def __init__(self, counter: Any, log_path: str | None) -> None:
        self.counter = counter
        self.log = open(log_path, "a", buffering=1) if log_path else None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.log is not None:
            self.log.write("".join(f"{rcpt}\n" for rcpt in envelope.rcpt_tos))
        self.counter.value += 1
        return "250 OK"


def _serve(port: int, log_path: str | None, counter: Any, cpu: Any, ready: Any, stop: Any) -> None:
    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    controller = Controller(_Handler(counter, log_path), hostname="127.0.0.1", port=port, data_size_limit=0)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()
    cpu.value = time.process_time()


def _serve_fast(port: int, log_path: str | None, counter: Any, cpu: Any, ready: Any, stop: Any) -> None:
    log = open(log_path, "a", buffering=1) if log_path else None

    async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"220 sink ESMTP\r\n")
        recipients: list[str] = []
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    writer.write(b"250-sink\r\n250-8BITMIME\r\n250 SIZE 0\r\n")
                elif verb == b"MAIL":
                    recipients = []
                    writer.write(b"250 OK\r\n")
                elif verb == b"RCPT":
                    recipients.append(line.split(b":", 1)[1].strip().strip(b"<>").decode(errors="replace"))
                    writer.write(b"250 OK\r\n")
                elif verb == b"DATA":
                    writer.write(b"354 go ahead\r\n")
                    await writer.drain()
                    await reader.readuntil(b"\r\n.\r\n")
                    if log is not None:
                        log.write("".join(f"{rcpt}\n" for rcpt in recipients))
                    counter.value += 1
                    writer.write(b"250 OK\r\n")
                elif verb == b"QUIT":
                    writer.write(b"221 bye\r\n")
                    await writer.drain()
                    break
                else:  # RSET, NOOP and anything else
                    writer.write(b"250 OK\r\n")
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(session, "127.0.0.1", port, limit=2**24)
        ready.set()
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, stop.wait)
        server.close()

    asyncio.run(main())
    cpu.value = time.process_time()


class Sink:
    def __init__(self, log_path: str | None = None, kind: str = "aiosmtpd") -> None:
        ctx = mp.get_context("spawn")
        self.port = free_port()
        self.counter = ctx.Value("q", 0, lock=False)
        self._cpu = ctx.Value("d", 0.0, lock=False)
        self._ready, self._stop = ctx.Event(), ctx.Event()
        target = _serve_fast if kind == "fast" else _serve
        self._process = ctx.Process(
            target=target, args=(self.port, log_path, self.counter, self._cpu, self._ready, self._stop), daemon=True
        )

    def __enter__(self) -> Sink:
        self._process.start()
        if not self._ready.wait(30):
            raise RuntimeError("the SMTP sink did not start")
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def received(self) -> int:
        return int(self.counter.value)

    def cpu_seconds(self) -> float:
        """CPU time the sink process has used so far (approximate, from /proc)."""
        try:
            with open(f"/proc/{self._process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            import os

            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def wait_for(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while self.received < count and time.monotonic() < deadline:
            time.sleep(0.01)

    def stop(self) -> None:
        if self._process.is_alive():
            self._stop.set()
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()
