"""``sitrep diff``: what one article adds, drops, rewords and moves compared with another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from sitrep.cli_common import _fail
from sitrep.errors import InputRejected, SitrepError, UsageError


def _diff_side_from_file(path: Path) -> dict[str, Any]:
    from sitrep.ingest import read_paths
    from sitrep.pipeline import clean_all

    for raw in read_paths([path]):
        if isinstance(raw, InputRejected):
            raise raw
        for item in clean_all([raw]):
            if isinstance(item, InputRejected):
                raise item
            return item.to_json()
    raise UsageError(f"{path}: no article could be read from it")


def _diff_side_from_db(store: Any, ref: str) -> dict[str, Any]:
    article_id, _, version = ref.rpartition("@") if "@" in ref else (ref, "", "")
    row = store.get_article(article_id, int(version) if version.isdigit() else None)
    if row is None:
        raise UsageError(f"{ref}: no such article in {store.path} (give an id, ID@N or a file)")
    row["id"] = ref if version else row["id"]
    return dict(row)


@click.command()
@click.argument("a")
@click.argument("b", required=False)
@click.option(
    "--db",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Database holding the articles named by id.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the diff as JSON.")
@click.option("--width", default=100, show_default=True, help="Line width of the text output.")
def diff(a: str, b: str | None, db: Path | None, as_json: bool, width: int) -> None:
    """Show what article B adds, drops, rewords and moves compared with article A.

    A and B are files (.txt, .html, ...) or, with --db, article ids: ID for the
    latest version, ID@N for version N. Given one id, B is that article and A
    the article whose copy it carries, or else its previous version.
    """
    from sitrep.diff import diff_texts, format_diff

    sides: list[dict[str, Any]] = []
    try:
        if db is not None:
            from sitrep.store import Store

            with Store(db) as store:
                if b is None:
                    target = _diff_side_from_db(store, a)
                    base = target.get("copy_of") or target.get("version_of")
                    if not base:
                        raise UsageError(
                            f"{a} carries no other article's copy and has no earlier version"
                        )
                    sides = [_diff_side_from_db(store, base), target]
                else:
                    sides = [
                        _diff_side_from_file(Path(r))
                        if Path(r).is_file()
                        else _diff_side_from_db(store, r)
                        for r in (a, b)
                    ]
        elif b is None:
            raise UsageError("give two files, or --db with one or two article ids")
        else:
            sides = [_diff_side_from_file(Path(r)) for r in (a, b)]
    except SitrepError as err:
        _fail(err)
        return
    d = diff_texts(sides[0]["text"], sides[1]["text"])
    for meta, side in zip((d.a, d.b), sides, strict=True):
        pub = side.get("published") or {}
        meta.update(
            id=side["id"],
            title=side.get("title"),
            outlet=side.get("outlet"),
            published=pub.get("value"),
        )
    click.echo(
        json.dumps(d.to_json(), ensure_ascii=False, indent=1)
        if as_json
        else format_diff(d, width=width)
    )


