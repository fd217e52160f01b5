"""Cleaning: from a raw article (text or HTML) to title, date, outlet, body and chrome."""

from __future__ import annotations

from sitrep.clean.corpus import ChromeModel
from sitrep.clean.language import guess
from sitrep.clean.meta import (
    closing_credit,
    date_from_lines,
    dateline_at,
    month_from_text,
    outlet_from_text,
    wires_in,
)
from sitrep.clean.text import clean_text
from sitrep.errors import TooShort
from sitrep.hygiene import clean_field
from sitrep.limits import MIN_WORDS
from sitrep.model import Article, Published, RawArticle
from sitrep.rxfactor import compiled

__all__ = ["MIN_WORDS", "ChromeModel", "clean", "clean_text"]

_WORD = compiled(r"\w*[^\W\d_]\w*")


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

    credit = _read_dateline(article, keep_text=assume_clean)
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
        # The agency the story credits comes first (its dateline, "By ..., Associated Press
        # Writer", a closing "- Agencies"), then the agencies the text only cites.
        credited = [credit, *wires_in(article.byline or ""), _closing_credit(article)]
        cited = wires_in(article.text)
        article.wire = list(dict.fromkeys(w for w in [*credited, *cited] if w))
    for name in ("title", "outlet", "byline", "dateline", "url"):
        setattr(article, name, clean_field(getattr(article, name)) or None)
    # A one-line text is its own title: what is read is the title and the body together.
    words = len(_WORD.findall(" ".join([article.title or "", article.standfirst or "", article.text])))
    if words < MIN_WORDS:
        what = "no text" if not words else f"{words} word{'s' if words > 1 else ''}"
        raise TooShort(
            f"too short to be an article: {what} after cleaning (at least {MIN_WORDS} needed)", source=raw.source
        )
    return article


def _read_dateline(article: Article, *, keep_text: bool) -> str | None:
    """Set a wire dateline opening the body apart as the article's dateline; the agency it credits.

    "NAIROBI, Kenya (AP) _ A truck bomb ..." becomes the dateline "NAIROBI, Kenya (AP) _" and a
    body that opens "A truck bomb ...". A dateline is never the title. With ``keep_text``
    (text taken as given, offsets into it) the body is left whole and only the dateline noted.
    """
    if article.title and (d := dateline_at(article.title)) and not article.title[d.end :].strip():
        article.dateline, article.title = article.title, None
    found = dateline_at(article.dateline) if article.dateline else None
    paragraphs = article.paragraphs
    if paragraphs and paragraphs[0] not in article.headings:
        lead = dateline_at(paragraphs[0])
        if lead is not None:
            found = lead
            article.dateline = lead.text
            if not keep_text:
                rest = paragraphs[0][lead.end :].strip()
                if rest:
                    paragraphs[0] = rest
                else:
                    paragraphs.pop(0)
                article.removed.append(lead.text)
    if found is None:
        return None
    if found.wire is None and found.credit and article.outlet is None:
        article.outlet = found.credit  # "(CNN) --": the outlet credits itself
    return found.wire


def _closing_credit(article: Article) -> str | None:
    """The agency credited on a line of its own right after the body ("- Agencies", "(AFP)")."""
    blocks = article.blocks
    last = max((i for i, b in enumerate(blocks) if b.kind == "paragraph"), default=None)
    if last is None:
        return closing_credit(article.paragraphs[-1]) if article.paragraphs else None
    for b in blocks[last : last + 4]:
        if b.kind in ("paragraph", "chrome"):
            credit = closing_credit(b.text)
            if credit:
                return credit
    return None
