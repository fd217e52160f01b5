"""The ``sitrep`` command: thin click commands over the library."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import IO, Any

import click

from sitrep import __version__
from sitrep.cli_common import _MB, _crashed, _database, _fail, _report_rejections, max_mb_option
from sitrep.cli_diff import diff
from sitrep.cli_watch import watch
from sitrep.errors import InputRejected, SitrepError, StoreError, UsageError
from sitrep.ingest import DEFAULT_MAX_BYTES
from sitrep.limits import ARTICLE_SECONDS, BATCH, FETCH_RATE


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """sitrep turns a pile of raw news articles into a sourced picture of what happened.

    Start with `sitrep demo`, then `sitrep run FILES... --db my.db`.
    Exit codes: 0 ok; 1 some inputs were rejected (each named on stderr); 2 usage error;
    3 the command itself failed (crash, lock, disk; the cause on stderr).
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    "db",
    required=True,
    type=click.Path(path_type=Path),
    help="SQLite file to write (created if missing).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Processes for the per-article stages (the store and cross-article stages stay in one).",
)
@click.option("--quiet", is_flag=True, help="No progress display (it is off anyway when stderr is no terminal).")
@click.option(
    "--article-timeout",
    default=ARTICLE_SECONDS,
    show_default=True,
    type=click.FloatRange(min=0),
    help="CPU seconds one article may spend in the per-article stages; one that takes longer is set aside (0: no limit).",
)
@click.option(
    "--batch",
    default=BATCH,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Articles stored per transaction: a run killed mid-way loses at most one batch, which a rerun redoes.",
)
@click.option("--refetch", is_flag=True, help="Fetch feed items again even when their page is stored.")
@click.option(
    "--per-host-rate", default=FETCH_RATE, show_default=True, type=click.FloatRange(min=0),
    help="Requests a second to one host when fetching (robots.txt's Crawl-delay slows it more; 0: no pacing).",
)
@max_mb_option
def run(
    paths: tuple[str, ...], db: Path, workers: int, quiet: bool, article_timeout: float, batch: int, refetch: bool,
    per_host_rate: float, max_mb: float,
) -> None:
    """Run the pipeline on files, folders, URLs and - (JSONL on stdin) into a database.

    Files: .txt, .html, .jsonl (gzip too); web archives (.warc, .arc), RSS/Atom/JSON
    feeds, OPML and lists of URLs are told by their content: a feed's items and a list's
    URLs are fetched (robots.txt obeyed, paced per host, conditional GET). Running it again on the same input adds nothing twice; an article whose text
    changed is stored as a new version. An article that a stage fails on is set
    aside (named on stderr with the stage and reason) and the run goes on.
    """
    from sitrep.pipeline import run as run_pipeline
    from sitrep.progress import bar
    from sitrep.store import Store

    try:
        with Store(db) as store, bar(enabled=not quiet) as show:
            report = run_pipeline(
                paths, store, max_bytes=int(max_mb * _MB), workers=workers, on_batch=show,
                article_seconds=article_timeout, batch=batch, refetch=refetch, rate=per_host_rate,
            )  # fmt: skip
            counts = store.counts()
    except SitrepError as err:
        _fail(err)
        return
    except Exception as err:
        _crashed(err, db)
        return
    _report_rejections(report.rejected)
    if report.web is not None and report.web.stats:
        fetched = ", ".join(f"{n} {what}" for what, n in sorted(report.web.stats.items()))
        click.echo(f"web: {fetched} ({report.web.seconds:.1f} s of requests, summed over connections)", err=True)
    by_stage = Counter(err.stage for err in report.rejected)
    aside = ", ".join(f"{n} at {stage}" for stage, n in sorted(by_stage.items()))
    click.echo(
        f"{report.new} new, {report.versions} new versions, {report.unchanged} unchanged, "
        f"{len(report.rejected)} rejected{f' ({aside})' if aside else ''}; "
        f"{db} holds {counts.get('articles', 0)} articles"
    )
    sys.exit(1 if report.rejected else 0)


def _open_in(path: str) -> IO[bytes]:
    return sys.stdin.buffer if path == "-" else open(path, "rb")


@main.command()
@click.option("--input", "input_", required=True, help="JSONL of input records; - for stdin.")
@click.option(
    "--output", required=True, help="JSONL to write, one line per input line; - for stdout."
)
@click.option(
    "--assume-clean",
    is_flag=True,
    help="Take each text as the article body as given: no chrome removal; offsets refer to the input text.",
)
@max_mb_option
def annotate(input_: str, output: str, assume_clean: bool, max_mb: float) -> None:
    """Analyse each article of a JSONL file on its own, no database needed.

    One output line per input line, in the same order; a line that cannot be read
    gives {"id", "error"} in its place and is named on stderr.
    """
    from sitrep.ingest import read_jsonl_stream
    from sitrep.pipeline import clean_all, extract

    source = "<stdin>" if input_ == "-" else input_
    try:
        stream = _open_in(input_)
    except OSError as err:
        _fail(UsageError(f"cannot read {input_}: {err.strerror}"))
        return
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    rejected: list[InputRejected] = []
    try:
        for item in read_jsonl_stream(stream, source, max_bytes=int(max_mb * _MB)):
            result: Any = item
            if not isinstance(item, InputRejected):
                result = next(clean_all([item], assume_clean=assume_clean))
            if isinstance(result, InputRejected):
                rejected.append(result)
                record: dict[str, Any] = {
                    "id": None,
                    "error": {
                        "code": result.code,
                        "reason": result.reason,
                        "source": result.source,
                    },
                }
            else:
                record = result.to_json()
                extract(result)
                record.update({"places": [p.to_json() for p in result.places]})
                record.update({"times": [t.to_json() for t in result.times]})
                record.update({"quantities": [q.to_json() for q in result.quantities]})
                record.update({"events": [e.to_json() for e in result.events]})
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
        if stream is not sys.stdin.buffer:
            stream.close()
    _report_rejections(rejected)
    sys.exit(1 if rejected else 0)


@main.command()
@_database("SQLite file made by `sitrep run`.")
@click.option(
    "--what",
    type=click.Choice(["articles", "events", "stories", "conflicts", "control"]),
    default="articles",
    show_default=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson", "acled"]),
    default="jsonl",
    show_default=True,
)
@click.option("--output", default="-", help="File to write; - for stdout.")
@click.option(
    "--all-versions",
    is_flag=True,
    help="Every stored version of each article, not only the latest (--what articles).",
)
@click.option(
    "--on",
    "on_day",
    default=None,
    metavar="YYYY-MM-DD",
    help="--what control: who holds each place on this day (default: the last day known).",
)
def export(
    db: Path, what: str, fmt: str, output: str, all_versions: bool, on_day: str | None
) -> None:
    """Write what a database holds: articles, consolidated events, stories, conflicts or control.

    Events go out as JSONL, CSV, GeoJSON or an ACLED-style CSV (events with an ACLED
    type only); conflicts as JSONL or CSV; control (who holds which place on a day)
    as JSONL, CSV or GeoJSON.
    """
    from sitrep import export as ex
    from sitrep.consolidate.control import control_on
    from sitrep.store import Store
    from sitrep.store import consolidated as sql

    if on_day is not None:
        try:
            date.fromisoformat(on_day)
        except ValueError:
            _fail(UsageError(f"--on wants a day as YYYY-MM-DD, not {on_day!r}"))
            return
    try:
        with Store(db) as store:
            out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
            try:
                if what == "articles":
                    n = ex.write_articles(store.articles(all_versions=all_versions), fmt, out)
                elif what == "events":
                    n = ex.write_events(
                        sql.consolidated(store.conn), fmt, out, outlets=sql.outlets(store.conn)
                    )
                elif what == "conflicts":
                    n = ex.write_conflicts(sql.all_conflicts(store.conn), fmt, out)
                elif what == "stories":
                    n = ex.write_stories(sql.stories(store.conn), fmt, out)
                else:
                    day = on_day or sql.latest_day(store.conn) or date.today().isoformat()
                    n = ex.write_control(
                        (r.to_json() for r in control_on(sql.control_rows(store.conn, day), day)), fmt, out
                    )
            finally:
                if out is not sys.stdout:
                    out.close()
    except SitrepError as err:
        _fail(err)
        return
    click.echo(f"{n} {what} written", err=True)


@main.command()
@_database("SQLite file made by `sitrep run` (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (each with its own read-only connections); one per core under load.",
)
def serve(db: Path, host: str, port: int, workers: int) -> None:
    """Serve the web app and JSON API over a database (read-only).

    Pages: the map with its timeline at /, events, articles, stories, conflicts,
    control and search. Every page's data is its JSON twin under /api/
    (OpenAPI description at /openapi.json). Nothing is loaded from a CDN.
    """
    _serve(db, host, port, workers)


def _serve(db: Path, host: str, port: int, workers: int = 1) -> None:
    import os

    import uvicorn

    from sitrep.api import create_app
    from sitrep.api.limits import uvicorn_options

    click.echo(
        f"sitrep serving {db} (read-only): map on http://{host}:{port}/ , API on"
        f" http://{host}:{port}/api/events  (Ctrl-C stops)",
        err=True,
    )
    if workers == 1:
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning", **uvicorn_options())
        return
    create_app(db)  # a missing or unreadable database fails here, once, with its name
    # Worker processes import the app by name and build it for the database named here.
    os.environ["SITREP_DB"] = str(db.resolve())
    uvicorn.run(
        "sitrep.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        **uvicorn_options(),
    )


@main.command(name="eval")
@click.argument("dataset", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--task",
    required=True,
    type=click.Choice(
        ["cleaning", "places", "times", "events", "stories", "consolidation", "articles", "map"]
    ),
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
@click.option(
    "--assume-clean",
    is_flag=True,
    help="Take each record's text as the article body (how places and times are always scored: "
    "gold offsets refer to the text as given). Accepted for every task for scripts' sake.",
)
def eval_(dataset: Path, task: str, as_json: bool, limit: int | None, assume_clean: bool) -> None:
    """Score sitrep on a gold file in the shared eval formats and print a metrics table.

    For places and times the text is scored as given (gold offsets point into it);
    an ISAF events file with --task times checks "yesterday" against each
    release's dateline through the whole clean-and-extract path.
    """
    scorers = {
        "stories": "evaluate_stories",
        "cleaning": "evaluate_cleaning",
        "places": "evaluate_places",
        "times": "evaluate_times",
        "events": "evaluate_events",
        "consolidation": "evaluate_consolidation",
        "articles": "evaluate_articles",
        "map": "evaluate_map",
    }
    if task not in scorers:
        _fail(UsageError(f"--task {task} is not available yet ({', '.join(scorers)} are)"))
        return
    # One module per task in sitrep.evaluate, imported only when asked for.
    module = importlib.import_module(f"sitrep.evaluate.{'pins' if task == 'map' else task}")
    try:
        result = getattr(module, scorers[task])(dataset, limit=limit)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as err:  # (json's decode errors are ValueErrors)
        _fail(UsageError(f"{dataset} is not a gold file for --task {task}: {type(err).__name__}: {err}"))
        return
    table = module.format_table
    click.echo(json.dumps(result, indent=2) if as_json else table(result))


@main.command()
@click.option(
    "--db",
    default="sitrep-demo.db",
    show_default=True,
    type=click.Path(path_type=Path),
    help="SQLite file to write.",
)
@click.option(
    "--serve", "and_serve", is_flag=True, help="Then serve the demo database (sitrep serve)."
)
def demo(db: Path, and_serve: bool) -> None:
    """Process the bundled sample corpus (the two seed articles) and print a report."""
    from sitrep.consolidate.control import control_on
    from sitrep.demo import demo_corpus, print_report
    from sitrep.pipeline import run as run_pipeline
    from sitrep.store import Store
    from sitrep.store import consolidated as sql

    tmp = Path(tempfile.mkdtemp(prefix="sitrep-demo-"))
    try:
        files = demo_corpus(tmp)
        with Store(db) as store:
            report = run_pipeline(files, store, max_bytes=DEFAULT_MAX_BYTES)
            rows = list(store.articles())
            places = {row["id"]: store.places(row["id"]) for row in rows}
            times = {row["id"]: store.times(row["id"]) for row in rows}
            quantities = {row["id"]: store.quantities(row["id"]) for row in rows}
            events = {row["id"]: store.events(row["id"]) for row in rows}
            consolidated = list(sql.consolidated(store.conn))
            conflicts = list(sql.all_conflicts(store.conn))
            control_day = sql.latest_day(store.conn)
            control = (
                [r.to_json() for r in control_on(sql.control_rows(store.conn, control_day), control_day)]
                if control_day
                else []
            )
    except StoreError as err:
        _fail(err)
        return
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _report_rejections(report.rejected)
    print_report(
        db, files, report, rows, places, times, quantities, events,
        consolidated, conflicts, control, control_day,
    )  # fmt: skip
    if and_serve:
        _serve(db, "127.0.0.1", 8000)
    sys.exit(1 if report.rejected else 0)


main.add_command(diff)
main.add_command(watch)

if __name__ == "__main__":
    main()
