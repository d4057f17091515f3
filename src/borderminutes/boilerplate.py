"""Which parts of a scraped page are the article.

Returns spans, never a new string: the kept regions and the removed ones (with
why), all as offsets into the normalized text, so every later stage reports
offsets into that same text. Marker phrases are data in
``patterns/boilerplate.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import patterns as P


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Removed(Span):
    reason: str  # "related-news", "widget", "share-links", "consent", "image-file", "placeholder", "duplicate-caption", "image-label"


@dataclass(frozen=True)
class Cleaned:
    kept: list[Span]
    removed: list[Removed]
    caption_lines: frozenset[int]  # start offsets of lines that are photo captions


@dataclass(frozen=True)
class _Rules:
    cut: P.Pattern
    widget: P.Pattern
    share: P.Pattern
    consent: P.Pattern
    consent_words: tuple[str, ...]  # case-folded; looked for once in a page, as most pages have no banner
    placeholder: P.Pattern
    image_file: P.Pattern
    image_label_prefix: P.Pattern
    image_label_suffix: P.Pattern
    bullet: P.Pattern
    credit: P.Pattern
    label_first: P.Pattern
    link_line: P.Pattern
    min_article_chars: int
    marker_line: P.Pattern  # any of cut, widget, share, placeholder, image_file, bullet: one test most lines fail


# First characters of a line that lists links ("- Tin liên quan ..."), tested before its pattern.
LINK_MARKS = ("-", "–", "•")


@functools.cache
def _rules() -> _Rules:
    data = P.load("boilerplate")
    tail = r"\s*(?::|\(\d+\))?\s*"
    exts = "|".join(data["image_extensions"])
    labels = "|".join(data["image_label_words"])
    # (source, ignore case) of each line rule: compiled alone, and joined into ``marker_line``
    sources = dict(
        cut=(rf"^\s*(?:{P.phrases_source(data['cut_markers'])}){tail}$", True),
        widget=(rf"^\s*(?:{P.phrases_source(data['widget_headings'])}){tail}$", True),
        share=(  # "fb yt zl tw", "Chia sẻ: Facebook | Zalo | In bài"
            rf"^\s*(?:{P.phrases_source(data['share_tokens'])})"
            rf"(?:(?:\s*[|:·•,/]\s*|\s+)(?:{P.phrases_source(data['share_tokens'])}))*\s*:?\s*$",
            True,
        ),
        placeholder=(rf"^\s*(?:{P.phrases_source(data['placeholder_lines'])})\s*$", True),
        image_file=(rf"^\s*[^\s/\\][^\n]{{0,150}}?\.(?:{exts})\s*$", True),
        bullet=(r"^\s*[•·●▪◦*-]\s", False),
    )
    rules = {name: P.compile_(source, ignore_case=ignore_case) for name, (source, ignore_case) in sources.items()}
    # One alternation of those rules, each keeping its own case flag: it matches where one of them does.
    marker_line = P.compile_("|".join(
        f"(?{'i' if ignore_case else '-i'}:{source})" for source, ignore_case in sources.values()))
    return _Rules(
        **rules,
        consent=P.compile_(rf"^(?=[^\n]{{0,300}}?(?:{P.phrases_source(data['consent_words'])}))"
                           rf"(?=[^\n]{{0,300}}?(?:{P.phrases_source(data['consent_answers'])}))[^\n]{{0,600}}$",
                           ignore_case=True),
        consent_words=tuple(word.casefold() for word in data["consent_words"]),
        image_label_prefix=P.compile_(rf"^[^\n]{{5,300}}?\s-\s(?:{labels})\s\d+(?=\S)", ignore_case=True),
        image_label_suffix=P.compile_(rf"^[^\n]{{5,300}}?\s(?:{labels})\s\d+\s*$", ignore_case=True),
        credit=P.compile_(r"(?:\(|\b)(?:Ảnh|Nguồn ảnh|Photo)\s*:", ignore_case=True),
        label_first=P.compile_(rf"^\s*(?:{labels})\s*\d{{0,2}}\s*:\s*\S", ignore_case=True),
        link_line=P.compile_(rf"^[{''.join(LINK_MARKS)}]\s+\S[^\n]{{10,200}}(?<![.;:!?…,])$"),
        min_article_chars=int(data["min_article_chars"]),
        marker_line=marker_line,
    )


def _lines(text: str):
    """(start, end) of each line, without its newline."""
    start = 0
    for piece in text.split("\n"):
        yield start, start + len(piece)
        start += len(piece) + 1


def clean(scan: str) -> Cleaned:
    """Split ``scan`` (the space-normalized text) into kept and removed regions."""
    rules = _rules()
    removed: list[Removed] = []
    captions: set[int] = set()
    kept_chars = 0
    previous: tuple[int, str] | None = None  # (line start, stripped text) of the last kept line
    after_picture = False
    in_widget = False
    cut_at = len(scan)
    folded = scan.casefold()  # (a str test: a pattern search of the whole page cost ten times more)
    asks_consent = any(word in folded for word in rules.consent_words)

    for start, end in _lines(scan):
        line = scan[start:end]
        stripped = " ".join(line.split())
        if not stripped:
            in_widget = False
            continue
        reason = _line_rule(line, rules, in_widget, kept_chars, asks_consent)
        if reason == "cut":
            cut_at = start
            break
        in_widget = reason == "widget"
        if reason is not None:
            removed.append(Removed(start, end, reason))
            if reason in _PICTURE_REASONS:
                after_picture = True
            continue
        if previous is not None and previous[1] == stripped:
            removed.append(Removed(start, end, "duplicate-caption"))
            captions.add(previous[0])
            continue
        label = P.match(rules.image_label_prefix, line) if "-" in line else None  # its " - "
        if label:
            removed.append(Removed(start, start + label.end(), "image-label"))
            captions.add(start)
        elif after_picture or _credited(line, rules):
            captions.add(start)
        after_picture = False
        previous = (start, stripped)
        kept_chars += len(stripped)

    if cut_at < len(scan):
        removed.append(Removed(cut_at, len(scan), "related-news"))
    removed.extend(_link_lists(scan[:cut_at], rules))
    return Cleaned(kept=_complement(removed, len(scan)), removed=sorted(removed, key=lambda r: r.start),
                   caption_lines=frozenset(captions))


_PICTURE_REASONS = ("placeholder", "image-file", "image-label")  # a caption may follow these lines


def _line_rule(line: str, rules: _Rules, in_widget: bool, kept_chars: int, asks_consent: bool) -> str | None:
    """Why a whole line is page noise ("cut": the related news start here), or None for a kept line.

    The rules are tried in order; cheap tests skip those that cannot match: one alternation for the
    marker lines, one search of the page for a consent banner's word (``asks_consent``), and the
    number that must end an image label ("Hình 2")."""
    if asks_consent and P.match(rules.consent, line):
        return "consent"
    if P.match(rules.marker_line, line):
        if P.match(rules.cut, line) and kept_chars >= rules.min_article_chars:
            return "cut"
        if P.match(rules.widget, line) or (in_widget and P.match(rules.bullet, line)):
            return "widget"
        for reason, rule in (("share-links", rules.share), ("placeholder", rules.placeholder),
                             ("image-file", rules.image_file)):
            if P.match(rule, line):
                return reason
    if _may_end_in_digit(line) and P.match(rules.image_label_suffix, line):
        return "image-label"
    return None


def _may_end_in_digit(line: str) -> bool:
    """False when the line's last visible character is an ASCII character other than a digit.
    (Beyond ASCII it does not judge: a pattern's ``\\d``, run by ``regex``, may know digits of a
    later Unicode version than ``str.isdigit``.)"""
    last = line.rstrip()[-1:]
    return not last.isascii() or last.isdigit()


def _credited(line: str, rules: _Rules) -> bool:
    """A short line ending in a photo credit ("... Ảnh: TTXVN phát") or opening with a picture's
    label ("Ảnh 3: Hai bên ...") is a caption."""
    if ":" not in line or len(line) >= 400:  # no credit or label without its colon
        return False
    if P.match(rules.label_first, line):
        return True
    found = P.search(rules.credit, line)
    return found is not None and len(line) - found.start() < 80


def _link_lists(scan: str, rules: _Rules) -> list[Removed]:
    """Runs of two or more short dash lines with no closing punctuation: headlines of other articles."""
    found: list[Removed] = []
    run: list[tuple[int, int]] = []
    for start, end in _lines(scan):
        line = scan[start:end].strip()
        if line.startswith(LINK_MARKS) and P.match(rules.link_line, line):
            run.append((start, end))
            continue
        if len(run) >= 2:
            found.extend(Removed(s, e, "related-news") for s, e in run)
        run = []
    if len(run) >= 2:
        found.extend(Removed(s, e, "related-news") for s, e in run)
    return found


def _complement(removed: list[Removed], length: int) -> list[Span]:
    kept, cursor = [], 0
    for r in sorted(removed, key=lambda r: r.start):
        if r.start > cursor:
            kept.append(Span(cursor, r.start))
        cursor = max(cursor, r.end)
    if cursor < length:
        kept.append(Span(cursor, length))
    return kept
