"""One self-contained HTML page to check a record against its article by eye.

The article text is shown with every evidence span highlighted in its field's
colour and removed page noise greyed and struck through; the record sits beside
it, and each value links to its span. Spans may nest or cross (a name inside a
proposal sentence): they are rendered as properly nested elements, a crossing
span being split into pieces that share one ``data-ev`` number. Titles carry no
offsets of their own in the record, so they are located in the text near their
official's mentions and drawn with a dashed outline as "located", not evidence.
All text is escaped; the page loads nothing from outside.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import regex
from pydantic import BaseModel

from . import patterns as P
from .boilerplate import Removed
from .document import Document, read_file
from .evaluate import jaccard
from .models import ArticleResult, Evidence, Meeting, Official, iter_evidence

# Field key -> (legend label, highlight colour, underline colour or "" for short spans).
FIELDS: dict[str, tuple[str, str, str]] = {
    "date": ("date", "#ffe08a", ""),
    "kind": ("kind (where the meeting is named)", "#ffb3c7", ""),
    "location": ("location", "#a8d8ff", ""),
    "officials": ("officials", "#b5e8a8", ""),
    "titles": ("titles (located near the official)", "#e2d4ff", ""),
    "gates": ("border gates", "#ffc499", ""),
    "markets": ("border markets", "#9fe6dc", ""),
    "proposals": ("proposals", "#e3ecff", "#3d6fd8"),
    "agreements": ("agreements", "#ffe3e0", "#d0453a"),
    "topics": ("topic words", "#f3e6c4", ""),
    "other": ("other evidence", "#e0e0e0", "#777777"),
}
# Meeting attribute -> field key of the evidence found under it.
MEETING_FIELDS = {"evidence": "kind", "date": "date", "location": "location", "officials": "officials",
                  "border_gates": "gates", "border_markets": "markets", "proposals": "proposals",
                  "agreements": "agreements", "topic_evidence": "topics"}


@dataclass(frozen=True)
class Span:
    """One interval to draw: an evidence (``mark.ev``), a located title (``mark.located``) or removed noise (``del``)."""

    start: int
    end: int
    anchor: str  # element id of the first piece; "" for removed noise
    tag: str
    css: str
    tip: str
    order: int  # ties at equal extent: lower opens first (outside)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def meeting_evidence(meeting: Meeting) -> Iterator[tuple[str, Evidence]]:
    """(field key, evidence) for every evidence in the meeting, in record order."""
    for name in type(meeting).model_fields:
        key = MEETING_FIELDS.get(name, "other")
        value = getattr(meeting, name)
        if isinstance(value, dict):
            value = [ev for evs in value.values() for ev in evs]
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Evidence):
                yield key, item
            elif isinstance(item, BaseModel):
                yield from ((key, ev) for ev in iter_evidence(item))


class _Page:
    """Assigns anchors to evidences and located titles while the record panel is written."""

    def __init__(self, scan: str, result: ArticleResult, removed: list[Removed]) -> None:
        self.scan, self.result = scan, result
        self.removed = removed
        self.spans: list[Span] = []
        self.anchor_of: dict[int, str] = {}  # id(Evidence) -> element id
        self.counts = dict.fromkeys(FIELDS, 0)
        if result.meeting:
            for n, (key, ev) in enumerate(meeting_evidence(result.meeting)):
                anchor = f"ev-{n}"
                self.anchor_of[id(ev)] = anchor
                self.counts[key] += 1
                self.spans.append(Span(ev.start, ev.end, anchor, "mark", f"ev f-{key}",
                                       f"{FIELDS[key][0]}: {ev.text}", 10 + _rank(key)))
        for r in removed:
            self.spans.append(Span(r.start, r.end, "", "del", "removed", f"removed page noise ({r.reason})", 0))

    # ---- the record panel -------------------------------------------------------------
    def link(self, label: str, ev: Evidence | None, key: str) -> str:
        anchor = self.anchor_of.get(id(ev)) if ev is not None else None
        if not anchor:
            return f'<span class="val">{escape(label)}</span>'
        return f'<a class="val f-{key}" href="#{anchor}" data-ev="{anchor[3:]}">{escape(label)}</a>'

    def mentions(self, evidence: list[Evidence], key: str) -> str:
        if len(evidence) < 2:
            return ""
        links = " ".join(self.link(str(i), ev, key) for i, ev in enumerate(evidence, 1))
        return f' <span class="mentions">mentions {links}</span>'

    def title_link(self, title: str, official: Official) -> str:
        found = self._locate(title, official.evidence)
        if found is None:
            return f'<span class="val missing" title="not found in the text">{escape(title)}</span>'
        anchor = f"title-{len(self.spans)}"
        self.counts["titles"] += 1
        self.spans.append(Span(found[0], found[1], anchor, "mark", "located f-titles",
                               f"title of {official.name}: {title}", 30))
        return f'<a class="val f-titles" href="#{anchor}">{escape(title)}</a>'

    def _locate(self, title: str, near: list[Evidence]) -> tuple[int, int] | None:
        """The occurrence of ``title`` (any case, any spacing) closest to a mention, outside removed noise."""
        pattern = regex.compile(P.phrase_source(title), regex.IGNORECASE | regex.V1)
        anchors = [ev.start for ev in near] or [0]
        best: tuple[int, int, int] | None = None
        for m in pattern.finditer(self.scan, timeout=P.timeout()):
            if any(r.start < m.end() and m.start() < r.end for r in self.removed):
                continue
            distance = min(abs(m.start() - a) for a in anchors)
            if best is None or distance < best[0]:
                best = (distance, m.start(), m.end())
        return best and (best[1], best[2])


def _rank(key: str) -> int:
    """Long-span fields open first, so short ones nest inside them."""
    return 0 if key in ("proposals", "agreements", "other") else 1


def nest(text: str, spans: list[Span]) -> str:
    """``text`` escaped, with ``spans`` as properly nested elements; crossing spans are split into pieces."""
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    cursor = 0
    for pos in bounds:
        out.append(escape(text[cursor:pos]))
        cursor = pos
        ending = [i for i, s in enumerate(stack) if s.end == pos]
        if ending:
            cut = ending[0]
            reopen = sorted((s for s in stack[cut:] if s.end != pos), key=lambda s: (-s.end, s.order))
            out.extend(f"</{s.tag}>" for s in reversed(stack[cut:]))
            del stack[cut:]
            for s in reopen:
                out.append(_open(s, first=False))
                stack.append(s)
        for s in sorted(starts.get(pos, []), key=lambda s: (-s.end, s.order)):
            out.append(_open(s, first=True))
            if s.end == pos:  # an empty span: a visible marker only
                out.append(f"</{s.tag}>")
            else:
                stack.append(s)
    return "".join(out)


def _open(s: Span, first: bool) -> str:
    attrs = [f'class="{s.css}{"" if s.end > s.start else " empty"}"', f'title="{escape(s.tip)}"']
    if s.anchor:
        attrs.append(f'data-ev="{escape(s.anchor.split("-", 1)[1])}"' if s.anchor.startswith("ev-")
                     else f'data-located="{escape(s.anchor)}"')
        if first:
            attrs.insert(0, f'id="{escape(s.anchor)}"')
    return f"<{s.tag} {' '.join(attrs)}>"


def _row(label: str, value: str) -> str:
    return f"<tr><th>{escape(label)}</th><td>{value}</td></tr>" if value else ""


def _plain(value: object) -> str:
    return "" if value is None else escape(str(value))


def _record_panel(page: _Page) -> str:
    result, parts = page.result, []
    src = result.source
    parts.append('<table class="kv">' + "".join([
        _row("path", _plain(src.path)), _row("title", _plain(src.title)), _row("published", _plain(src.published)),
        _row("outlet", _plain(src.outlet)), _row("byline", _plain(src.byline)),
    ]) + "</table>")
    if result.error:
        parts.append(f'<p class="error">error: {escape(result.error)}</p>')
    m = result.meeting
    if m is None:
        parts.append('<p class="none">No meeting between a Vietnamese and a foreign party found.</p>')
    else:
        parts.append(_meeting_panel(page, m))
    if result.warnings:
        parts.append("<h3>Warnings</h3><ul>" + "".join(f"<li>{escape(w)}</li>" for w in result.warnings) + "</ul>")
    return "\n".join(parts)


def _meeting_panel(page: _Page, m: Meeting) -> str:
    first = m.evidence[0] if m.evidence else None
    kind = page.link(f"{m.kind} — {m.kind_text}", first, "kind") + page.mentions(m.evidence, "kind")
    date = ""
    if m.date:
        date = page.link(m.date.iso or f"{m.date.day}/{m.date.month} (year unknown)", m.date.evidence, "date")
        date += f' <span class="note">“{escape(m.date.text)}”' + (
            f", {escape(m.date.part_of_day)}" if m.date.part_of_day else "") + "</span>"
    parts = ['<h3>Meeting</h3><table class="kv">' + "".join([
        _row("kind", kind), _row("online", "yes" if m.online else "no"),
        _row("session", _plain(m.session_number)), _row("date", date),
        _row("location", page.link(m.location.text, m.location.evidence, "location") if m.location else ""),
        _row("topics", ", ".join(page.link(t, evs[0], "topics") + page.mentions(evs, "topics")
                                 for t, evs in m.topic_evidence.items() if evs) or escape(", ".join(m.topics))),
    ]) + "</table>"]
    if m.sides:
        parts.append("<h3>Sides</h3><table class=\"kv\">" + "".join(
            _row(s.country, escape("; ".join([*s.localities, *s.organizations] + ([s.venue] if s.venue else []))))
            for s in m.sides) + "</table>")
    parts.append(_list("Officials", m.officials, lambda o: _official(page, o)))
    parts.append(_list("Border gates", m.border_gates, lambda g: _gate(page, g, "gates")))
    parts.append(_list("Border markets", m.border_markets, lambda g: _gate(page, g, "markets")))
    parts.append(_list("Proposals", m.proposals, lambda p: _proposal(page, p)))
    parts.append(_list("Agreements", m.agreements, lambda s: page.link(
        s.text, s.evidence[0] if s.evidence else None, "agreements") + page.mentions(s.evidence, "agreements")))
    return "\n".join(parts)


def _list(heading: str, items: list, render) -> str:
    if not items:
        return f'<h3>{escape(heading)}</h3><p class="none">none</p>'
    return f"<h3>{escape(heading)} ({len(items)})</h3><ol>" + "".join(f"<li>{render(i)}</li>" for i in items) + "</ol>"


def _official(page: _Page, o: Official) -> str:
    head = ' <span class="badge">head of delegation</span>' if o.head_of_delegation else ""
    who = " · ".join(x for x in (o.honorific, o.country) if x)
    titles = "".join(f"<li>{page.title_link(t, o)}</li>" for t in o.titles)
    return (page.link(o.name, o.evidence[0] if o.evidence else None, "officials")
            + (f' <span class="note">{escape(who)}</span>' if who else "") + head
            + page.mentions(o.evidence, "officials") + (f'<ul class="titles">{titles}</ul>' if titles else ""))


def _gate(page: _Page, g, key: str) -> str:
    level = f' <span class="note">{escape(g.level)}</span>' if g.level else ""
    return (page.link(g.name, g.evidence[0] if g.evidence else None, key) + level
            + f' <span class="note">“{escape(g.text)}”</span>' + page.mentions(g.evidence, key))


def _proposal(page: _Page, p) -> str:
    who = " · ".join(x for x in (p.by, p.country) if x) or "both sides"
    items = "".join(f"<li>{page.link(item, _best_evidence(item, p.evidence), 'proposals')}</li>" for item in p.items)
    return (f'<span class="note">by {escape(who)}</span>' + page.mentions(p.evidence, "proposals")
            + f'<ul class="items">{items}</ul>')


def _best_evidence(item: str, evidence: list[Evidence]) -> Evidence | None:
    """The evidence that holds ``item`` (or overlaps it most)."""
    return max(evidence, key=lambda ev: (item in ev.text, jaccard(item, ev.text)), default=None)


def render(text: str, result: ArticleResult, removed: list[Removed], scan: str | None = None) -> str:
    """The review page for ``result`` extracted from ``text`` (``removed``: the page noise spans)."""
    page = _Page(P.scan_view(text) if scan is None else scan, result, removed)
    panel = _record_panel(page)  # first: it registers the located titles
    body = nest(text, page.spans)
    legend = "".join(
        f'<li><span class="swatch f-{key}"></span>{escape(label)} <span class="count">{page.counts[key]}</span></li>'
        for key, (label, _, _) in FIELDS.items() if key != "other" or page.counts[key]
    ) + '<li><del class="removed">removed page noise</del></li>'
    title = result.source.title or result.source.path or "article"
    return _TEMPLATE.format(
        title=escape(title), css=_CSS + _field_css(), legend=legend, panel=panel, body=body,
        path=escape(result.source.path or "(stdin)"), script=_SCRIPT,
    )


def review_document(doc: Document) -> str:
    """Extract ``doc`` and render its review page."""
    from .pipeline import analyse, extract_document

    article = analyse(doc)
    return render(doc.text, extract_document(doc), article.removed, article.scan)


def review_file(path: str | Path) -> str:
    """The review page of one article file; raises ``document.InputError`` when it cannot be read."""
    return review_document(read_file(path))


def _field_css() -> str:
    rules = []
    for key, (_, colour, line) in FIELDS.items():
        rules.append(f".f-{key}{{background:{colour}}}")
        if line:
            rules.append(f"mark.f-{key}{{box-shadow:inset 0 -2px 0 {line}}}")
            rules.append(f".swatch.f-{key}{{box-shadow:inset 0 -3px 0 {line}}}")
    return "\n".join(rules)


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.65 "Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1d1d1f;background:#fafafa}
header{padding:10px 24px;border-bottom:1px solid #ddd;background:#fff}
header h1{font-size:18px;margin:0}
header p{margin:2px 0 0;color:#666;font-size:13px}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:24px;padding:16px 24px}
#text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:16px 20px;border:1px solid #e2e2e2;border-radius:6px}
aside{position:sticky;top:0;max-height:100vh;overflow:auto;font-size:14px;line-height:1.45;padding-bottom:24px}
aside h2{font-size:15px;margin:8px 0}
aside h3{font-size:14px;margin:14px 0 4px;border-bottom:1px solid #e2e2e2}
ul.legend{list-style:none;padding:8px;margin:0;display:flex;flex-wrap:wrap;gap:4px 12px;background:#fff;border:1px solid #e2e2e2;border-radius:6px}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;margin-right:4px;vertical-align:-2px}
.count{color:#777;font-size:12px}
mark{color:inherit;border-radius:2px;scroll-margin:30vh 0}
mark.located{background:none;outline:1.5px dashed #8a63d2;outline-offset:-1px}
mark.empty::after{content:"◆";color:#c00}
mark.current{outline:3px solid #111;outline-offset:1px}
del.removed{color:#9a9a9a;text-decoration:line-through;text-decoration-color:#bbb}
table.kv{border-collapse:collapse;width:100%}
table.kv th{text-align:left;vertical-align:top;color:#666;font-weight:normal;padding:1px 8px 1px 0;white-space:nowrap}
a.val{color:inherit;text-decoration:none;border-radius:2px;padding:0 2px;cursor:pointer}
a.val:hover{outline:1px solid #333}
.note{color:#666}
.none{color:#888;font-style:italic;margin:2px 0}
.missing{text-decoration:underline wavy #c00}
.badge{background:#333;color:#fff;border-radius:3px;padding:0 4px;font-size:11px}
.mentions{font-size:12px;color:#666}
.mentions a.val{padding:0 3px}
ol,ul.titles,ul.items{margin:2px 0;padding-left:20px}
.error{color:#b00020;font-weight:bold}
"""

_SCRIPT = """
function show(){var id=location.hash.slice(1);document.querySelectorAll('mark.current').forEach(function(e){e.classList.remove('current')});
var el=id&&document.getElementById(id);if(!el)return;var key=el.dataset.ev!==undefined?'[data-ev="'+el.dataset.ev+'"]':'#'+CSS.escape(id);
document.querySelectorAll('mark'+key).forEach(function(e){e.classList.add('current')});}
window.addEventListener('hashchange',show);show();
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1><p>{path} · click a value on the right to jump to where it was read</p></header>
<main>
<article id="text">{body}</article>
<aside>
<h2>Legend <span class="count">(highlighted spans per field)</span></h2>
<ul class="legend">{legend}</ul>
<h2>Record</h2>
<div id="record">{panel}</div>
</aside>
</main>
<script>{script}</script>
</body>
</html>
"""
