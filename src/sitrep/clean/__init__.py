"""Cleaning: from a raw article (text or HTML) to title, date, outlet, body and chrome."""

from __future__ import annotations

from sitrep.clean.corpus import ChromeModel
from sitrep.clean.language import guess
from sitrep.clean.meta import date_from_lines, month_from_text, outlet_from_text, wires_in
from sitrep.clean.text import clean_text
from sitrep.model import Article, Published, RawArticle

__all__ = ["ChromeModel", "clean", "clean_text"]


def _input_date(raw: RawArticle) -> Published | None:
    if not raw.published:
        return None
    value = raw.published[:10]
    precision = "day" if len(value) == 10 else ("month" if len(value) == 7 else "year")
    return Published(value, "input", precision)  # type: ignore[arg-type]


def clean(
    raw: RawArticle, *, chrome: ChromeModel | None = None, assume_clean: bool = False
) -> Article:
    """Clean one article: the per-article cleaning stage, a pure function of its input.

    ``chrome`` is what was learned across the corpus; ``assume_clean`` takes the
    text as the body as given (no chrome removal; offsets refer to the input).
    """
    if assume_clean and raw.text is not None:
        language, _ = guess(raw.text)
        paragraphs = [p.strip() for p in raw.text.split("\n\n") if p.strip()]
        article = Article(
            id=raw.id,
            source=raw.source,
            kind="text",
            raw=raw.text,
            url=raw.url,
            outlet=raw.outlet,
            language=language,
            title=raw.title,
            paragraphs=paragraphs,
            content_hash=raw.content_hash,
            verbatim=raw.text,
        )
    elif raw.html is not None:
        from sitrep.clean.html import clean_html  # trafilatura loads only when HTML comes

        article = clean_html(raw)
    else:
        article = clean_text(raw, chrome=chrome)

    if article.published is None or article.published.how == "input":
        head = [b.text for b in article.blocks[:12]] if article.blocks else []
        if assume_clean and not head:
            # Text taken as given has no blocks: its first lines hold any dateline.
            head = [line for line in article.text.splitlines()[:16] if line.strip()]
        found = date_from_lines(
            ([article.dateline] if article.dateline else []) + article.paragraphs[:2] + head
            + ([article.title] if article.title else [])
        )
        article.published = found or _input_date(raw) or article.published
    if article.published is None:
        article.published = month_from_text(
            "\n".join([*article.captions, *article.removed, article.text])
        )
    if article.kind == "html":
        # Page metadata (og:site_name) names the outlet more surely than a footer line.
        article.outlet = raw.outlet or article.outlet or outlet_from_text(article.removed)
    elif not assume_clean:
        article.outlet = outlet_from_text(article.removed) or raw.outlet
    if not article.wire:
        # A byline ("By AFP") or dateline ("KABUL (Reuters) -") credits the wire too.
        credits = "\n".join(filter(None, (article.byline, article.dateline)))
        article.wire = wires_in(f"{credits}\n{article.text}" if credits else article.text)
    return article
