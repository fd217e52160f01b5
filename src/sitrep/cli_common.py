"""What the ``sitrep`` commands share: options, the reporting of rejections, and exit codes."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from sitrep.errors import InputRejected, SitrepError, UsageError
from sitrep.ingest import DEFAULT_MAX_BYTES
from sitrep.store.db import BUSY_TIMEOUT_SECONDS

F = TypeVar("F", bound=Callable[..., Any])

_MB = 1024 * 1024


max_mb_option = click.option(
    "--max-mb",
    default=DEFAULT_MAX_BYTES / _MB,
    show_default=True,
    type=float,
    help="Largest article accepted, in MB.",
)


def _database(help_text: str) -> Callable[[F], F]:
    """The ``--db`` option of commands that read an existing database."""
    return click.option(
        "--db",
        required=True,
        type=click.Path(path_type=Path, exists=True, dir_okay=False),
        help=help_text,
    )


def _report_rejections(rejected: list[InputRejected]) -> None:
    for err in rejected:
        where = "" if err.stage == "intake" else f" at {err.stage}"
        click.echo(f"rejected {err.source}{where}: {err.reason} [{err.code}]", err=True)


def _fail(err: SitrepError) -> None:
    hint = "; another process is writing to it: run again when it is done" if "database is locked" in str(err) else ""
    click.echo(f"error: {err}{hint}", err=True)
    sys.exit(2 if isinstance(err, UsageError) else 1 if isinstance(err, InputRejected) else 3)


def _crashed(err: BaseException, db: Path) -> None:
    """Exit 3: the run itself failed; say why, and that what was stored stays."""
    if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
        cause = f"{db} is locked by another writer (waited {BUSY_TIMEOUT_SECONDS:g} s)"
    elif isinstance(err, sqlite3.Error | OSError):
        cause = f"{db}: {type(err).__name__}: {err}"
    else:
        cause = f"{type(err).__name__}: {err}"
    click.echo(f"error: the run failed: {cause}. Whole batches stored so far stay; run it again to complete it.", err=True)
    sys.exit(3)


