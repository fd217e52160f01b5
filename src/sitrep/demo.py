"""The demo's report: what ``sitrep demo`` found in the bundled articles, printed for a reader."""

from __future__ import annotations

import textwrap
from importlib import resources
from pathlib import Path
from typing import Any

import click

from sitrep.pipeline import RunReport

_DEMO_FAMILIES = {
    "territory",
    "force",
    "attack",
    "clash",
    "siege",
    "detention",
    "release",
    "deployment",
    "negotiation",
}
_DEMO_EVENTS = 12


def _event_line(e: dict[str, Any]) -> str:
    """One event as a line: kind, who, where, when, modality and who says so."""
    place = (e.get("place") or {}).get("name") or "place unknown"
    date = (e.get("date") or {}).get("value") or "date unknown"
    who = (e.get("actor1") or {}).get("name")
    says = ", ".join(
        " via ".join(filter(None, (s.get("who"), s.get("via")))) for s in e.get("sources") or []
    )
    parts = [
        e["kind"],
        f"by {who}" if who else "",
        f"at {place}",
        f"on {date}",
        e["modality"],
        f"({says})" if says else "",
    ]
    return " ".join(p for p in parts if p)


def _demo_consolidated(
    events: list[dict[str, Any]],
    conflicts: list[dict[str, Any]],
    control: list[dict[str, Any]],
    day: str | None,
) -> None:
    """The demo's consolidated view: main events with their sources, conflicts, and control."""
    main = [
        e
        for e in events
        if e["family"] in _DEMO_FAMILIES and e["modality"] not in ("planned", "hypothetical")
    ]
    main.sort(
        key=lambda e: (
            -len(e["articles"]),
            e["family"] != "territory",
            e.get("date", {}).get("value") or "",
        )
    )
    click.echo(f"\n  consolidated: {len(events)} events from all mentions; the main ones:")
    for e in main[:_DEMO_EVENTS]:
        sources = ", ".join(o.split(":", 1)[1] for o in e["originators"])
        click.echo(
            f"    - {_event_line({**e, 'sources': []})}; {e['status']}, "
            f"{len(e['articles'])} articles, {e['independent_sources']} independent ({sources})"
        )
    click.echo(f"  conflicts: {len(conflicts)}")
    for c in conflicts:
        values = " -> ".join(f"{v['value']} ({v['article_id']})" for v in c["values"])
        click.echo(f"    - {c['fact']} [{c['context']}]: {values}: {c['kind']}")
    if day:
        click.echo(f"  control on {day}:")
        for r in control:
            if r["holder"]:
                click.echo(
                    f"    - {r['place'].get('name')}: {r['holder']} since {r['since']} ({r['modality']}; {r['how']})"
                )


def demo_corpus(target: Path) -> list[Path]:
    """Copy the bundled demo articles into ``target``; their paths, sorted."""
    files = []
    for entry in (resources.files("sitrep") / "data" / "demo").iterdir():
        if entry.name.endswith(".txt"):
            dest = target / entry.name
            dest.write_bytes(entry.read_bytes())
            files.append(dest)
    return sorted(files)



def print_report(
    db: Path, files: list[Path], report: RunReport, rows: list[dict[str, Any]],
    places: dict[str, list[dict[str, Any]]], times: dict[str, list[dict[str, Any]]],
    quantities: dict[str, list[dict[str, Any]]], events: dict[str, list[dict[str, Any]]],
    consolidated: list[dict[str, Any]], conflicts: list[dict[str, Any]],
    control: list[dict[str, Any]], control_day: str | None,
) -> None:  # fmt: skip
    """Each article's metadata, places, times, numbers and events, then stories, copies,
    consolidated events, conflicts and control, and the commands to go on with."""
    click.echo(f"sitrep demo: {len(files)} bundled articles -> {db}")
    click.echo(
        f"  {report.new} new, {report.versions} new versions, {report.unchanged} unchanged, {len(report.rejected)} rejected\n"
    )
    for row in rows:
        pub = row.get("published") or {}
        when = f"{pub.get('value')} ({pub.get('how')})" if pub else "unknown"
        click.echo(f"- {row['id']}")
        click.echo(f"    title:     {row.get('title')}")
        click.echo(f"    outlet:    {row.get('outlet') or 'not stated'}   published: {when}")
        click.echo(f"    wire:      {', '.join(row.get('wire') or []) or 'none named'}")
        body = row.get("text") or ""
        click.echo(
            f"    body:      {len(body.split())} words, {len(row.get('headings') or [])} headings, "
            f"{len(row.get('captions') or [])} captions kept apart, {len(row.get('removed') or [])} chrome lines removed"
        )
        named: dict[str, str] = {}
        for p in places.get(row["id"], []):
            if not p["adjectival"]:
                named.setdefault(
                    p["name"],
                    f"{p['name']} ({p['feature']}, {p['country_code']} {p['lat']:.2f},{p['lon']:.2f})",
                )
        click.echo(
            f"    places:    {len(places.get(row['id'], []))} mentions of {len(named)} places"
        )
        for line in textwrap.wrap("; ".join(named.values()), 88):
            click.echo(f"               {line}")
        dated = sorted(
            {
                t["value"]
                for t in times.get(row["id"], [])
                if t["type"] == "date" and t["value"][:4].isdigit()
            }
        )
        click.echo(
            f"    times:     {len(times.get(row['id'], []))} expressions; dates named: {', '.join(dated) or 'none'}"
        )
        counted = [
            f"{q['text']} {q['unit']}" + (f" [{q['fatality']}]" if q["fatality"] else "")
            for q in quantities.get(row["id"], [])
            if q["unit"] and q["field"] == "text"
        ]
        click.echo(f"    numbers:   {len(quantities.get(row['id'], []))} quantities")
        for line in textwrap.wrap("; ".join(counted), 88):
            click.echo(f"               {line}")
        found = events.get(row["id"], [])
        main = [e for e in found if e.get("acled") or e["kind"].split(".")[0] in _DEMO_FAMILIES]
        click.echo(f"    events:    {len(found)} found; the main ones:")
        for e in main[:_DEMO_EVENTS]:
            click.echo(f"      - {_event_line(e)}")
    click.echo("\n  stories and copies:")
    for row in rows:
        copy = row.get("copy")
        carries = (
            f"carries {copy['of']}'s copy ({copy['relation']}: {len(copy['shared_paragraphs'])} shared "
            f"paragraphs, {len(copy['own_paragraphs'])} of its own)"
            if copy
            else "carries no other article's copy"
        )
        click.echo(f"    - {row['id']}: story {row.get('story_id')}; {carries}")
    if any(row.get("copy") for row in rows):
        copied = next(row for row in rows if row.get("copy"))
        click.echo(f"    what it adds and drops: sitrep diff --db {db} {copied['id']}")
    _demo_consolidated(consolidated, conflicts, control, control_day)
    click.echo("\nnext:")
    click.echo(f"  sitrep export --db {db} --what events --format acled --output events.csv")
    click.echo(f"  sitrep export --db {db} --what events --format geojson --output events.geojson")
    click.echo(f"  sitrep export --db {db} --what conflicts")
    click.echo(
        f"  sitrep export --db {db} --what control --on {control_day or 'YYYY-MM-DD'} --format csv"
    )
    click.echo(f"  sitrep export --db {db} --what articles --format csv")
    click.echo(f'  sqlite3 {db} "select id, title, published from articles"')
    click.echo(f"  sitrep serve --db {db}     # the JSON API on http://127.0.0.1:8000/api/events")
    click.echo("  sitrep run YOUR_FILES --db my.db")
