"""Start ``sitrep serve`` in a child process on a free loopback port (for tests, benchmarks, scripts)."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: str | Path, *, workers: int = 1, wait: float = 30.0) -> Iterator[str]:
    """Serve ``db`` with ``python -m sitrep serve``; yield its base URL once it answers; stop it after.

    Raises RuntimeError, with the server's own error output, if it exits or stays silent.
    """
    port = free_port()
    cmd = [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    base = f"http://127.0.0.1:{port}"
    # A file, not a pipe: nobody reads the server's warnings while it runs, and a full pipe
    # (64 KB of "Invalid HTTP request" lines from a hostile test) would stall the server.
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            deadline = time.monotonic() + wait
            while True:
                try:
                    with urllib.request.urlopen(base + "/api/health", timeout=2):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        proc.kill()
                        proc.wait()
                        errors.seek(0)
                        err = errors.read().decode(errors="replace")
                        raise RuntimeError(f"sitrep serve {db} did not start: {err.strip()[-500:]}") from None
                    time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
