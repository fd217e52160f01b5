"""The ``runs`` and ``rejections`` tables: what each run read, how it ended, and what it set aside."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from contextlib import AbstractContextManager

from sitrep.errors import StoreError
from sitrep.store.schema import utc_now


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (signal 0 only checks)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True



class RunLog:
    """The run bookkeeping of ``Store`` (a mixin: it uses the store's connection and transactions)."""

    conn: sqlite3.Connection
    path: str
    _run_id: int | None

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction (``Store.transaction``)."""
        raise NotImplementedError

    def start_run(self, inputs: list[str]) -> int:
        """Record the start of a run; articles added until ``finish_run`` carry its id.

        Runs of this host whose process is gone (killed, crashed) are closed as
        ``interrupted`` first: their stored batches stay, and this run completes the rest.
        """
        with self.transaction():
            self._close_orphans()
            cursor = self.conn.execute(
                "INSERT INTO runs (started_at, inputs, status, pid, host) VALUES (?, ?, 'running', ?, ?)",
                (utc_now(), json.dumps(list(inputs), ensure_ascii=False), os.getpid(), socket.gethostname()),
            )
        run_id = cursor.lastrowid
        assert run_id is not None  # an INSERT into a rowid table always sets it
        self._run_id = run_id
        return run_id

    def _close_orphans(self) -> None:
        host = socket.gethostname()
        rows = self.conn.execute("SELECT id, pid, host FROM runs WHERE status = 'running'").fetchall()
        for row in rows:
            if row["host"] == host and row["pid"] is not None and _alive(int(row["pid"])):
                continue  # another process on this machine is still at it
            if row["host"] not in (None, host):
                continue  # another machine's run: its liveness cannot be told from here
            self.conn.execute(
                "UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ?", (utc_now(), row["id"])
            )

    def finish_run(self, run_id: int, counts: dict[str, int], *, status: str = "done") -> None:
        """Record the end of a run with its counts and outcome (``done``, ``interrupted``, ``failed``)."""
        with self.transaction():
            cursor = self.conn.execute(
                "UPDATE runs SET finished_at = ?, counts = ?, status = ? WHERE id = ?",
                (utc_now(), json.dumps(counts, ensure_ascii=False, sort_keys=True), status, run_id),
            )
        if cursor.rowcount != 1:
            raise StoreError(f"there is no run {run_id} to finish", source=self.path)
        if self._run_id == run_id:
            self._run_id = None

    def add_rejection(self, run_id: int, source: str, code: str, reason: str, stage: str = "intake") -> None:
        """Record that ``source`` was rejected in a run, with the error's code, reason and stage."""
        try:
            with self.transaction():
                self.conn.execute(
                    "INSERT INTO rejections (run_id, source, code, reason, at, stage) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (run_id, source, code, reason, utc_now(), stage),
                )
        except sqlite3.IntegrityError as e:
            raise StoreError(
                f"cannot record a rejection for run {run_id}: {e}", source=source
            ) from e

