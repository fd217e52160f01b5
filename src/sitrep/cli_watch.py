"""``sitrep watch``: poll feeds and keep a database (and the map over it) current."""

from __future__ import annotations

import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import click

from sitrep.cli_common import _MB, _report_rejections, max_mb_option
from sitrep.limits import FETCH_RATE

_UNITS = {"s": 1, "m": 60, "h": 3600}


def interval(value: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h`` or a bare number of seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value)
    if m is None or float(m.group(1)) <= 0:
        raise click.BadParameter(f"{value!r} is not an interval such as 30s, 15m or 1h")
    return float(m.group(1)) * _UNITS[m.group(2) or "s"]


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(path_type=Path), help="SQLite file to keep current (created if missing).")
@click.option("--every", default="15m", show_default=True, help="Time between polls: 30s, 15m, 1h.")
@click.option("--polls", default=0, type=click.IntRange(min=0), help="Stop after this many polls (0: until stopped).")
@click.option(
    "--per-host-rate", default=FETCH_RATE, show_default=True, type=click.FloatRange(min=0),
    help="Requests a second to one host (robots.txt's Crawl-delay slows it more; 0: no pacing).",
)
@max_mb_option
def watch(feeds: tuple[str, ...], db: Path, every: str, polls: int, per_host_rate: float, max_mb: float) -> None:
    """Poll FEEDS (feed URLs or files, OPML, lists of feed URLs) and run what is new through
    the whole pipeline, one line a poll. A feed that fails is named and asked again at the next
    poll; the others go on. Feeds answer a conditional GET, and pages stored are not fetched again.
    """
    from sitrep.pipeline import run as run_pipeline
    from sitrep.store import Store

    if "-" in feeds:
        raise click.UsageError("watch polls feeds; stdin (-) is read once, by `sitrep run -`")
    seconds = interval(every)
    done = 0
    try:
        while True:
            started = time.monotonic()
            stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
            try:
                with Store(db) as store:
                    report = run_pipeline(list(feeds), store, max_bytes=int(max_mb * _MB), rate=per_host_rate)
                    events = store.conn.execute("SELECT count(*) FROM consolidated_events").fetchone()[0]
                _report_rejections(report.rejected)
                web = report.web.stats if report.web is not None else {}
                click.echo(
                    f"{stamp} poll {done + 1}: {report.new} new articles, {report.versions} new versions, "
                    f"{len(report.rejected)} failed, {web.get('not modified', 0)} feeds unchanged; "
                    f"{events} events in {db} ({time.monotonic() - started:.1f} s)"
                )
            except Exception as err:  # a locked database, a full disk: named, and the next poll tries again
                click.echo(f"{stamp} poll {done + 1} failed: {err}", err=True)
            sys.stdout.flush()
            done += 1
            if polls and done >= polls:
                return
            time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    except KeyboardInterrupt:
        click.echo(f"stopped after {done} polls", err=True)
