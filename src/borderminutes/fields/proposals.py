"""What each side proposed (đề nghị, đề xuất, kiến nghị, "cần" ...), split into items.

The body is read as statement units: sentences, also cut at "… Capital" (the
tokenizer keeps "dịch… Đồng thời, ..." whole). A unit with a proposing word opens a
proposal; its items are the rest of the unit after the word and its addressee,
split at ";". Units and whole paragraphs that open with glue ("Bên cạnh đó,") or an
imperative ("Tích cực ...") carry the list on; anything else, or a caption, closes
it. Who proposed is settled afterwards from the officials: the one named before the
word, else the one speaking; a side when only an office or a place is named.
"""

from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass, field

import regex

from .. import gazetteer
from .. import patterns as P
from .. import underthesea_files
from ..models import Evidence, Official, Proposal, Side
from ..segment import AnyCase, Article, Paragraph, Sentence, per_article
from .names import second_vowel_tone
from .wordlists import alternation, ending, starting

Span = tuple[int, int]
REPEAT_OVERLAP = 0.7  # items (in different paragraphs) sharing this share of their words say one thing twice
REPEAT_CONTAINED, REPEAT_MIN_WORDS = 0.9, 6  # ... as does an item of 6+ words nearly all inside a longer one
REPEAT_MAX_ITEMS = 300
CLAUSE_REACH = 300  # characters: no subject runs longer, and bounded look-backs keep long lines linear
ADDRESSEE_REACH = 160  # characters after the verb within which an addressee's words end
SYLLABLES_BACK = 40  # characters enough to hold the two syllables before a point
WORD_TOKENIZER_MODEL = "ws_crf_vlsp2013_20230727"  # underthesea's word tokenizer, whose word list tells common words
ATTRIBUTION_MAX_WORDS = 8  # ', Bộ trưởng Trần Đức Vinh nhấn mạnh' after a quote: who said it, not what
OPENING_QUOTES, CLOSING_QUOTES = '"“', '"”'
HEADLINE_MAX_WORDS = 24  # a longer line without final punctuation is body text cut off, not a headline


@dataclass
class Draft:
    """One act of proposing, before its proposer is resolved."""

    trigger: Span
    unit_start: int
    paragraph: int
    need: bool  # opened by "cần": the item keeps its subject
    both: bool  # "hai bên đề xuất": no single proposer
    context: "Draft | None"  # the proposal it carries on from, whose speaker it inherits
    items: list[Span] = field(default_factory=list)
    announced: bool = False  # "đề xuất một số giải pháp ... ." — the items come next


# --- patterns -----------------------------------------------------------------------------

@functools.cache
def _data() -> dict:
    return P.load("proposals")


@functools.cache
def _words(name: str) -> P.Pattern:
    """A whole-word phrase list from proposals.yaml, matched anywhere."""
    return P.phrases(_data()[name])


@functools.cache
def _at_start(name: str) -> P.Pattern:
    """A phrase list from proposals.yaml, where matching starts."""
    return starting(_data()[name])


@functools.cache
def _before_end(name: str) -> regex.Pattern:
    """A phrase list from proposals.yaml, right before the end of the searched span."""
    return ending(_data()[name])


@functools.cache
def _trigger_pattern() -> AnyCase:
    return AnyCase.phrases([*_data()["verbs"], *_data()["need_words"]])


@functools.cache
def _agreement_words() -> AnyCase:
    return AnyCase.phrases(P.load("agreements")["verbs"])


@functools.cache
def _glue() -> P.Pattern:
    """Leading glue and numbering cut from an item: "Bên cạnh đó, ", "Theo đó ", "1. ", "(2) ", "- "."""
    return P.compile_(
        rf"\s*(?:(?:[-–+•*]|\(?\d{{1,2}}[.)]|\(?[a-zđ]\)|[IVX]{{1,4}}\.)\s+|(?:{alternation(_data()['glue_openers'])})(?!\w)\s*,?\s*(?:(?:{alternation(_data()['glue_copulas'])})\s+)?)",
        ignore_case=True,
    )


@functools.cache
def _list_lead() -> P.Pattern:
    """"... các vấn đề như:" — the words before a colon that opens the item list."""
    ends = _data()["list_lead_ends"]
    return P.compile_(rf"{P.word_start(ends)}(?:{alternation(ends)})\s*:\s*", ignore_case=True)


@functools.cache
def _addressee_piece() -> P.Pattern:
    """One piece of an addressee: a title/body word, "Bộ Công Thương", "tỉnh Vân Nam (Trung Quốc)", "Việt Nam"."""
    words = alternation(_data()["addressee_words"])
    goes_on = alternation(_data()["addressee_name_goes_on"])
    bodies = alternation(_data()["addressee_bodies"])
    forces = alternation(_data()["addressee_forces"])
    name = r"\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*"
    unit = gazetteer.unit_word_source()
    countries = _countries_source()
    return P.compile_(
        rf"\s*(?:,\s*|và\s+)?(?:(?i:{words})(?!\w)(?!\s+(?i:{goes_on})(?!\w))(?:\s+(?!(?i:{bodies})\s){name})?"
        rf"|(?i:{bodies})\s+{name}|(?i:{forces})\s+{unit}\s+{name}"
        rf"|{unit}(?:\s+{name})?|(?i:{countries}))"
        rf"(?:\s*\([^()\n]{{1,60}}\))?"
    )


@functools.cache
def _numbering() -> P.Pattern:
    """A list number on its own: "1.", "b)", "IV."."""
    return P.compile_(r"\s*(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]\s*")


@functools.cache
def _unit_cut() -> P.Pattern:
    """Inside a sentence: "… " or "... " before a capital starts a new statement unit."""
    return P.compile_(r"(?<=…|\.\.\.)\s+(?=\p{Lu})")


@functools.cache
def _countries() -> P.Pattern:
    """Country names long enough not to be read inside other words ("Trung" in "Trung ương")."""
    return P.compile_(_countries_source(), ignore_case=True)


@functools.cache
def _countries_source() -> str:
    """The source ``_countries()`` compiles, to write into a larger pattern: case-folded, so wrap
    it in "(?i:...)"."""
    ambiguous = {gazetteer.key(w) for w in _data()["ambiguous_country_words"]}
    names = [n for n in gazetteer.country_names() if n not in ambiguous]
    return rf"{P.word_start(names)}(?:{alternation(names)})(?!\w)(?!(?-i:\s+\p{{Lu}}))"


def reach(start: int, pos: int) -> int:
    """How far back from ``pos`` a subject or a word before a verb is looked for."""
    return max(start, pos - CLAUSE_REACH)


# --- reading the body ---------------------------------------------------------------------

def statement_units(article: Article, paragraph: Paragraph) -> list[Span]:
    """The paragraph's sentences, also cut after an ellipsis that a capital follows."""
    units: list[Span] = []
    numbering: int | None = None  # "1." split off by the tokenizer: it belongs to the next sentence
    for sentence in paragraph.sentences:
        if _is_numbering(article.scan, sentence):
            numbering = sentence.start if numbering is None else numbering
            continue
        cuts = [m.start() for m in P.finditer(_unit_cut(), article.scan, sentence.start, sentence.end)] \
            if _may_hold_ellipsis(article.scan, sentence) else []
        for a, b in zip([sentence.start if numbering is None else numbering, *cuts], [*cuts, sentence.end]):
            a += len(article.scan[a:b]) - len(article.scan[a:b].lstrip())
            if b > a:
                units.append((a, b))
        numbering = None
    return units


def _is_numbering(scan: str, sentence: Sentence) -> bool:
    """A list number alone ("1.", "b)", "IV."): at most five characters between spaces."""
    return len(sentence.text.strip()) <= 5 and P.fullmatch(_numbering(), scan, sentence.start, sentence.end) is not None


def _may_hold_ellipsis(scan: str, sentence: Sentence) -> bool:
    """Can ``_unit_cut`` cut this sentence: is there an ellipsis in it or ending just inside it?"""
    around = scan[max(0, sentence.start - 3):sentence.end]
    return "…" in around or "..." in around


def is_statement(article: Article, paragraph: Paragraph) -> bool:
    """Body text that can state something: not a caption, not a headline-like line. The article's
    last paragraph, when it holds more than one sentence, is body text even without a final stop:
    the page was cut off there."""
    text = paragraph.text.rstrip()
    return not paragraph.is_caption and (
        text.endswith(tuple(".!?…;:\"”)»")) or len(text.split()) > HEADLINE_MAX_WORDS
        or paragraph is article.paragraphs[-1] and paragraph.index > 0 and len(paragraph.sentences) > 1)


def _skip_glue(scan: str, pos: int, end: int) -> int:
    while (m := P.match(_glue(), scan, pos, end)) and m.end() > pos:
        pos = m.end()
    return pos


def continues_list(scan: str, start: int, end: int) -> bool:
    """Does this unit carry a list on: glue, numbering, or an imperative verb first?"""
    after_glue = _skip_glue(scan, start, end)
    return after_glue > start or P.match(_at_start("imperatives"), scan, after_glue, end) is not None


def _triggers(article: Article, start: int, end: int):
    """Proposing words in a unit that really propose (not "các đề xuất của", not "cần thiết")."""
    scan = article.scan
    for m in list(P.finditer(*_trigger_pattern().on(article), start, end)):
        word = scan[m.start():m.end()]
        if _agreement_words().search(article, _clause_start(scan, start, m.start()), m.start()):
            continue  # "nhất trí với các nội dung bà La Bình đề xuất": an agreement, not a proposal
        if P.search(_before_end("noun_before"), scan, reach(start, m.start()), m.start()):
            continue
        if P.match(_at_start("noun_after"), scan, _skip_space(scan, m.end()), end):
            continue
        if P.match(_at_start("wish_verbs"), word) and P.search(_before_end("wish_courtesy_before"), scan, reach(start, m.start()), m.start()):
            continue
        if P.match(_at_start("need_words"), word):
            if P.match(_at_start("need_not_followed_by"), scan, _skip_space(scan, m.end()), end) or m.end() >= end:
                continue
        yield m


def _clause_start(scan: str, unit_start: int, pos: int) -> int:
    """Start of the clause that ends at ``pos``: after the last comma or ";", connectives skipped."""
    unit_start = reach(unit_start, pos)
    comma = max(scan.rfind(",", unit_start, pos), scan.rfind(";", unit_start, pos))
    start = unit_start if comma < 0 else comma + 1
    while True:
        start += len(scan[start:pos]) - len(scan[start:pos].lstrip())
        m = P.match(_at_start("connectives"), scan, start, pos) or P.match(_glue(), scan, start, pos)
        if not m or m.end() == start:
            return start
        start = m.end()


def _addressee_end(scan: str, pos: int, end: int) -> int:
    """Where the item starts after the verb: past an addressee followed by a lower-case verb or a colon.

    A name may go on in lower case ("Cục Thương mại châu Văn Sơn"): when the addressee
    ends on a capitalised syllable that opens a common word written with a capital
    ("Thương mại"), the addressee goes on past that word."""
    cursor = _addressee_pieces_end(scan, pos, end)
    if cursor == pos:
        return pos
    while (word_end := _common_word_end(scan, cursor, min(end, pos + ADDRESSEE_REACH))) is not None:
        cursor = _addressee_pieces_end(scan, word_end, end)
    return cursor if _lower_next(scan, cursor, end) or scan[cursor:end].lstrip()[:1] == ":" else pos


def _addressee_pieces_end(scan: str, cursor: int, end: int) -> int:
    while (m := P.match(_addressee_piece(), scan, cursor, end)) and m.end() > cursor:
        cursor = m.end()
    return cursor


def _lower_next(scan: str, pos: int, end: int) -> bool:
    return scan[pos:end].lstrip()[:1].islower()


def _common_word_end(scan: str, cursor: int, end: int) -> int | None:
    """End of the common word that the capitalised syllable before ``cursor`` opens and lower-case
    syllables after it close ("Cục Thương|mại", "Trạm Kiểm|tra"), if there is one; not when the
    syllable ends a place name after its unit word ("huyện Kim Bình|thường xuyên")."""
    if not scan[cursor - 1:cursor].isalpha():
        return None
    tail = P.match(_lower_syllables(), scan, cursor, end)
    if tail is None:
        return None
    syllable = scan[max(0, cursor - SYLLABLES_BACK):cursor].rsplit(None, 1)[-1]
    if not syllable[:1].isupper():
        return None
    words = [w.lower() for w in (syllable, *tail.captures("syllable"))]
    spelled = [second_vowel_tone(w) for w in words]  # as the dictionary spells them
    size = _longest_word(spelled, _dictionary()) or _longest_word(words, _addressee_words())
    if not size or size < len(words) and " ".join(spelled[size - 1:size + 1]) in _dictionary():
        return None  # "Việt Nam sử dụng": the last syllable belongs to the next word
    if P.search(_place_name_before(), scan, max(0, cursor - CLAUSE_REACH), cursor):
        return None
    return tail.ends("syllable")[size - 2]


@functools.cache
def _addressee_words() -> frozenset[str]:
    """Titles and bodies of an addressee, lower-case ("châu ủy", which the dictionary lacks)."""
    return frozenset(" ".join(w.lower().split()) for w in _data()["addressee_words"])


def _longest_word(syllables: list[str], words: frozenset[str]) -> int:
    """How many of ``syllables`` (two or more) make the longest of ``words``; 0 if none."""
    return next((n for n in range(len(syllables), 1, -1) if " ".join(syllables[:n]) in words), 0)


@functools.cache
def _place_name_before() -> P.Pattern:
    """A unit word and a name of two or more capitalised syllables, ending where the search ends
    ("huyện Kim Bình"; not "biên bản Hội", where the word is no unit)."""
    unit = gazetteer.unit_word_source()
    return P.compile_(rf"(?:{unit})(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}]*){{2,}}$")


@functools.cache
def _lower_syllables() -> regex.Pattern:
    """Up to three lower-case syllables after a capitalised one: the rest of a word it may open."""
    return P.compile_regex(r"(?:\s+(?P<syllable>\p{Ll}[\p{L}\p{M}]*)(?![\p{L}\p{M}\d])){1,3}")  # captures()


@functools.cache
def _dictionary() -> frozenset[str]:
    """The word list of underthesea's word tokenizer (72,547 lower-case words), read once when needed.

    Should a release of underthesea move the file, addressees end at the addressee words of
    proposals.yaml alone, rather than every article failing; tests/test_proposals.py checks the
    list is found, so such a release fails CI instead of passing unnoticed."""
    try:
        with P.one_time_load():
            path = underthesea_files.package_file(
                "pipeline", "word_tokenize", "models", WORD_TOKENIZER_MODEL, "dictionary.bin")
            if path is None:
                raise FileNotFoundError(f"no {WORD_TOKENIZER_MODEL}/dictionary.bin in underthesea")
            with open(path, "rb") as fh:
                return frozenset(pickle.load(fh))  # the package's own file, as trusted as its code
    except TimeoutError:  # the field's time ran out just before the load: no broken file, so nothing to cache
        raise
    except Exception:  # moved, renamed or re-shaped by a release: degrade, never fail the article
        return frozenset()


def _item_region(scan: str, pos: int, end: int) -> int:
    """Start of the items: after a list lead ("các vấn đề như:") when a ";" list follows."""
    lead = P.search(_list_lead(), scan, pos, end)
    if lead and ";" not in scan[pos:lead.start()] and ";" in scan[lead.end():end]:
        return lead.end()
    return pos


def _split_items(scan: str, start: int, end: int) -> list[Span]:
    """Items split at ";", keeping "các cặp chợ: Chợ A; Chợ B" together, trimmed of glue."""
    pieces: list[Span] = []
    cursor = start
    while (semi := scan.find(";", cursor, end)) >= 0:
        pieces.append((cursor, semi))
        cursor = semi + 1
    pieces.append((cursor, end))
    merged: list[Span] = []
    for a, b in pieces:
        if merged and _same_list(scan, merged[-1], (a, b)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [span for span in (_trim(scan, a, b) for a, b in merged) if span]


def _same_list(scan: str, previous: Span, piece: Span) -> bool:
    """"thiết lập các cặp chợ: Chợ A" + "Chợ B": the piece repeats the first word after the colon."""
    colon = scan.rfind(":", *previous)
    if colon < 0:
        return False
    listed = scan[colon + 1:previous[1]].split()
    here = scan[piece[0]:piece[1]].split()
    return bool(listed and here and listed[0] == here[0] and listed[0][:1].isupper())


def _trim(scan: str, start: int, end: int) -> Span | None:
    """An item without glue, time adverbials or trailing punctuation; None if no action is left."""
    while True:
        moved = _skip_glue(scan, start, end)
        moved += len(scan[moved:end]) - len(scan[moved:end].lstrip(" \t\n,;:"))
        adverbial = P.match(_at_start("adverbials"), scan, moved, end)
        moved = adverbial.end() if adverbial else moved
        if moved == start:
            break
        start = moved
    start, end = _unquote(scan, start, end)
    stripped = scan[start:end].rstrip(" \t\n" + "".join(_data()["trailing"]))
    if stripped.endswith(("”", '"')) and stripped.count("“") < stripped.count("”") or stripped.count('"') % 2:
        stripped = stripped[:-1].rstrip(" \t\n" + "".join(_data()["trailing"]))  # the quote closes the speech
    end = start + len(stripped)
    return (start, end) if len(scan[start:end].split()) >= 2 else None


def _unquote(scan: str, start: int, end: int) -> Span:
    """"“Hai bên cần …”, Bộ trưởng nhấn mạnh": the quoted words, without the quotes and who said them."""
    if scan[start:start + 1] not in OPENING_QUOTES:
        return start, end
    close = min((i for i in (scan.find(q, start + 1, end) for q in CLOSING_QUOTES) if i >= 0), default=-1)
    if close < 0 or not _said_by(scan[close + 1:end].strip()):
        return start, end
    return start + 1, close


def _said_by(tail: str) -> bool:
    """What may follow a closing quote: nothing but punctuation, or a short ", ông X nói"."""
    if not tail.strip("".join(_data()["trailing"])):
        return True
    return tail.startswith(",") and len(tail.split()) <= ATTRIBUTION_MAX_WORDS and not set(tail) & set(OPENING_QUOTES)


def _draft(scan: str, unit: Span, paragraph: int, m: P.Match, context: Draft | None) -> Draft:
    unit_start, unit_end = unit
    need = P.match(_at_start("need_words"), scan, m.start(), m.end()) is not None
    clause = _clause_start(scan, unit_start, m.start())
    subject = scan[clause:m.start()].strip()
    both = not need and _whole(_words("both_sides"), _strip_adverbs(subject))
    if need and subject and not P.match(_at_start("pronouns"), subject):
        start = clause  # "hai bên cần tiếp tục ...": the subject stays in the item
    else:
        start = _addressee_end(scan, m.end(), unit_end)
    start = _item_region(scan, start, unit_end)
    draft = Draft((m.start(), m.end()), unit_start, paragraph, need, both, context)
    region = scan[start:unit_end]
    lead_only = region.rstrip().endswith(":") and ";" not in region  # "... quan tâm một số nội dung sau:"
    announces = P.match(_at_start("announcements"), scan, _skip_space(scan, start), unit_end) and not {";", ":"} & set(region)
    if lead_only or announces:
        draft.announced = True
        draft.items = [span for span in [_trim(scan, start, unit_end)] if span]
    else:
        draft.items = _split_items(scan, start, unit_end)
    return draft


def _skip_space(scan: str, pos: int) -> int:
    while pos < len(scan) and scan[pos].isspace():
        pos += 1
    return pos


@functools.cache
def _adverbs() -> regex.Pattern:
    return P.compile_regex(P.phrases_source(_data()["subject_adverbs"]), ignore_case=True)  # for sub()


def _whole(pattern: P.Pattern, text: str) -> bool:
    return bool(text) and P.fullmatch(pattern, text) is not None


def _strip_adverbs(subject: str) -> str:
    return " ".join(_adverbs().sub(" ", subject, timeout=P.timeout()).split())


def _carry_on(draft: Draft, scan: str, unit: Span) -> None:
    """Add a continuing unit's items to the open proposal (replacing an announcement)."""
    if draft.announced:
        draft.items, draft.announced = [], False
    draft.items.extend(_split_items(scan, unit[0], unit[1]))


def _imperative_before(scan: str, start: int, trigger_start: int) -> bool:
    """"Nghiên cứu ...; tiếp tục kiến nghị ...": the proposing word sits inside a listed item."""
    after_glue = _skip_glue(scan, start, trigger_start)
    return after_glue < trigger_start and P.match(_at_start("imperatives"), scan, after_glue, trigger_start) is not None


def _speaker_parts(article: Article, unit: Span) -> list[tuple[Span, P.Match | None]]:
    """"phía Việt Nam đề nghị A; phía Trung Quốc đề xuất B": cut where a ";"-piece has its own proposer.
    Each part comes with its first proposing word (None when it has none)."""
    scan, (start, end) = article.scan, unit
    parts: list[Span] = []
    first = next(_triggers(article, start, end), None)
    for m in _triggers(article, first.end(), end) if first else ():
        semi = scan.rfind(";", start, m.start())
        if semi < 0 or semi < (parts[-1][1] if parts else start):
            continue
        piece = _skip_space(scan, semi + 1)
        subject = _strip_adverbs(scan[_clause_start(scan, piece, m.start()):m.start()])
        if subject and not _imperative_before(scan, piece, m.start()):
            parts.append((start, semi))
            start = piece
    if not parts:
        return [(unit, first)]
    return [(part, next(_triggers(article, *part), None)) for part in [*parts, (start, end)]]


@per_article
def scan_proposals(article: Article) -> tuple[list[Draft], list[Span]]:
    """Every act of proposing in the body, and the statement units its lists take up (read by the
    proposals and the agreements: computed once per article, never changed by its readers)."""
    scan = article.scan
    drafts: list[Draft] = []
    used: list[Span] = []
    open_draft: Draft | None = None
    for paragraph in article.paragraphs:
        if not is_statement(article, paragraph):
            open_draft = None  # a caption or a headline ends any list
            continue
        if open_draft is None and not _trigger_pattern().search(article, paragraph.start, paragraph.end):
            continue  # nothing proposed here and no list to carry on
        for whole in statement_units(article, paragraph):
            for unit, trigger in _speaker_parts(article, whole):
                start, end = unit
                continues = open_draft is not None and continues_list(scan, start, end)
                if trigger is not None and not (continues and _imperative_before(scan, start, trigger.start())):
                    open_draft = _draft(scan, unit, paragraph.index, trigger, open_draft)
                    drafts.append(open_draft)
                elif continues:
                    assert open_draft is not None  # ``continues`` says so
                    _carry_on(open_draft, scan, unit)
                else:
                    open_draft = None
                    continue
                if not used or used[-1] != whole:
                    used.append(whole)
    return drafts, used


# --- who proposed -------------------------------------------------------------------------

def _official_mentions(article: Article, officials: list[Official]) -> list[tuple[int, int, Official]]:
    """Every place an official is named: their evidence, their full name wherever printed, and an
    honorific with a Vietnamese official's given name after the full name ("ông Phúc"; see
    ``_given_name_references``)."""
    found: dict[Span, Official] = {}
    for official in officials:
        for ev in official.evidence:
            found.setdefault((ev.start, ev.end), official)
        pos = article.scan.find(official.name)
        while pos >= 0 and official.name:
            found.setdefault((pos, pos + len(official.name)), official)
            pos = article.scan.find(official.name, pos + 1)
    for span, official in _given_name_references(article, officials):
        found.setdefault(span, official)
    return [(s, e, o) for (s, e), o in sorted(found.items(), key=lambda kv: kv[0])]


def _given_name_references(article: Article, officials: list[Official]) -> list[tuple[Span, Official]]:
    """"Ông Phúc" after "ông Trần Văn Phúc": an honorific and the given name (the last syllable of a
    Vietnamese name) refer to the official when the full name came before, no other capitalized name
    in the text ends in that syllable, and the honorific suits the official ("Bà Phúc" is no "ông")."""
    scan = article.scan
    found = []
    for official in officials:
        words = official.name.split()
        first = scan.find(official.name)
        if official.country != _data()["home_country"] or len(words) < 2 or first < 0:
            continue
        given, references = words[-1], []
        pos = scan.find(given, first + len(official.name))
        while pos >= 0:
            end = pos + len(given)
            honorific = _honorific_before(scan, pos)
            if honorific and not scan[end:end + 1].isalnum() and not scan[pos - 1:pos].isalnum() \
                    and (honorific, official.honorific) not in _excluded_honorifics():
                references.append(((pos, end), official))
            pos = scan.find(given, pos + 1)
        if references and not _another_name_ends_in(scan, given, official.name):  # a scan of the page: last
            found += references
    return found


def _another_name_ends_in(scan: str, given: str, name: str) -> bool:
    """Does a capitalized name other than ``name`` end in the syllable ``given`` ("doanh nhân Lê Hồng Phúc")?"""
    for m in P.finditer(_names_ending_in(given), scan):
        printed = " ".join(m.group().split())
        rest = _without_honorific_opening(printed)
        if len(rest.split()) > 1 and rest != name:
            return True
    return False


def _without_honorific_opening(printed: str) -> str:
    """"Ông Phúc" -> "Phúc", "Đồng chí Trần Văn Phúc" -> "Trần Văn Phúc": ``printed`` without a
    leading honorific."""
    folded = printed.casefold()
    for honorific in _honorifics_longest_first():
        if folded.startswith(honorific + " "):
            return printed[len(honorific) + 1:]
    return printed


@functools.lru_cache(maxsize=1024)  # one per given name met: bounded, a batch meets thousands
def _names_ending_in(given: str) -> P.Pattern:
    return P.compile_regex(rf"(?<![\p{{L}}\p{{M}}])(?:\p{{Lu}}[\p{{L}}\p{{M}}]*\s+){{1,3}}{regex.escape(given)}(?![\p{{L}}\p{{M}}])")


def _nearest(mentions, start: int, end: int) -> Official | None:
    """The official named last inside [start, end)."""
    inside = [o for s, e, o in mentions if s >= start and e <= end]
    return inside[-1] if inside else None


def _nearest_speaker(article: Article, mentions, pronoun: str, start: int, end: int) -> Official | None:
    """The official a pronoun ("Đồng chí", "Ông", "Ngài") refers to: named last inside [start, end),
    outside photo captions, not as an object (see ``object_markers``), and not called by an honorific
    the pronoun excludes (``excluded_honorifics``)."""
    captions = [(p.start, p.end) for p in article.paragraphs if p.is_caption]
    pronoun = " ".join(pronoun.split()).casefold()
    found = None
    for s, e, official in mentions:
        if s < start or e > end or any(a <= s < b for a, b in captions):
            continue
        opening = min(s2 for s2, e2, o2 in mentions if o2 is official and s2 <= s < e2)  # its widest mention
        if _named_as_object(article.scan, opening) or (pronoun, official.honorific) in _excluded_honorifics():
            continue
        found = official
    return found


@functools.cache
def _excluded_honorifics() -> frozenset[tuple[str, str]]:
    """(pronoun, an official's honorific) that cannot refer to each other (proposals.yaml)."""
    return frozenset((" ".join(a.split()).casefold(), " ".join(b.split()).casefold())
                     for a, b in _data()["excluded_honorifics"])


def _named_as_object(scan: str, start: int) -> bool:
    """Is the mention at ``start`` (perhaps after an honorific) an object: "của đồng chí X", "tới ông Y"?"""
    before = _without_honorific(" ".join(scan[max(0, start - 40):start].split()).casefold())
    return before.rpartition(" ")[2] in _folded_list("object_markers")


def _honorific_before(scan: str, pos: int) -> str | None:
    """The honorific ("ông", "Bà", "đồng chí"), case-folded, that stands right before ``pos``, if one does."""
    before = " ".join(scan[max(0, pos - 12):pos].split()).casefold()
    stripped = _without_honorific(before)
    return before[len(stripped):].strip() or None


def _without_honorific(before: str) -> str:
    """``before`` (case-folded, single spaces) without the honorific it ends in."""
    for honorific in _honorifics_longest_first():
        if before == honorific or before.endswith(" " + honorific):
            return before[:-len(honorific)].rstrip()
    return before


@functools.cache
def _honorifics_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_folded_list("pronouns"), key=len, reverse=True))


@functools.cache
def _folded_list(name: str) -> frozenset[str]:
    """A word list from proposals.yaml, case-folded, for tests on words already split."""
    return frozenset(" ".join(w.split()).casefold() for w in _data()[name])


def _title_variants(title: str) -> list[str]:
    """"Chủ tịch UBND tỉnh Lào Cai" is also written "Chủ tịch UBND tỉnh" and "Chủ tịch"."""
    words = title.split()
    variants = [title]
    tail = len(words)
    while tail > 1 and words[tail - 1][:1].isupper():
        tail -= 1
    if 1 < tail < len(words) and words[tail - 1][:1].islower():
        variants.append(" ".join(words[:tail]))
    head = 3 if _is_deputy(words[0]) else 2
    if len(words) > head:
        variants.append(" ".join(words[:head]))
    return variants


def _is_deputy(word: str) -> bool:
    """"Phó": "Phó Chủ tịch" is another person than "Chủ tịch"."""
    return word.casefold() in _deputy_words()


@functools.cache
def _deputy_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in _data()["deputy_words"])


def _by_title(scan: str, start: int, end: int, officials: list[Official]) -> Official | None:
    """The one official whose title (or its short form) is written in [start, end). When several
    hold it, the one whose whole title it is ("Phó Thủ tướng" is the Vietnamese Phó Thủ tướng's
    title, a short form of "Phó Thủ tướng Chính phủ Hoàng gia Campuchia")."""
    region = scan[start:end].lower()
    best: dict[int, list[tuple[Official, bool]]] = {}
    for official in officials:
        matched: list[tuple[int, bool]] = []  # (length written, the whole title?)
        for title in official.titles:
            for variant in _title_variants(title):
                needle = " ".join(variant.lower().split())
                pos = region.find(needle)
                while pos >= 0:
                    before = region[:pos].split()[-1:]
                    deputy = bool(before) and _is_deputy(before[0]) and not _is_deputy(needle.split()[0])
                    whole = (pos == 0 or not region[pos - 1].isalnum()) and not region[pos + len(needle):][:1].isalnum()
                    if whole and not deputy:
                        matched.append((len(needle), variant == title))
                    pos = region.find(needle, pos + 1)
        if matched:
            longest = max(length for length, _ in matched)
            best.setdefault(longest, []).append((official, any(w for length, w in matched if length == longest)))
    if not best:
        return None
    top = best[max(best)]
    if len(top) == 1:
        return top[0][0]
    whole_titles = [official for official, whole_title in top if whole_title]
    return whole_titles[0] if len(whole_titles) == 1 else None


def _side_named_in(scan: str, start: int, end: int, sides: list[Side]) -> str | None:
    """"Về phía Trung Quốc, ông X đề nghị": the side an opening phrase names."""
    cue = P.search(_words("side_cues"), scan, start, end)
    return _place_country(scan, cue.end(), end, sides) if cue else None


def _place_country(scan: str, start: int, end: int, sides: list[Side]) -> str | None:
    """The country of the first side, place or country named in [start, end): the clause's subject."""
    named: list[tuple[int, str]] = []
    for side in sides:
        for organization in side.organizations:
            pos = scan.rfind(organization, start, end)
            if pos >= 0:
                named.append((pos, side.country))
    for m in P.finditer(gazetteer.names_pattern(), scan, start, end):
        country = gazetteer.country_of(m.group())
        if country:
            named.append((m.start(), country))
    for m in P.finditer(_countries(), scan, start, end):
        named.append((m.start(), gazetteer.country_names()[gazetteer.key(m.group())]))
    return min(named)[1] if named else None


def _side_word_country(said: str, sides: list[Side]) -> str | None:
    """"phía bạn" is the one foreign side taking part, "phía ta" the home side."""
    home = _data()["home_country"]
    if P.search(_words("home_side_words"), said):
        return home
    foreign = {side.country for side in sides if side.country != home}
    if len(foreign) == 1 and P.search(_words("foreign_side_words"), said):
        return foreign.pop()
    return None


def _speaker(draft: Draft, article: Article, mentions, officials: list[Official], sides: list[Side],
             resolved: dict[int, tuple[str | None, str | None]], paragraph_start: int,
             lookback_start: int) -> tuple[str | None, str | None]:
    """(by, country) of a draft: the official named before the word, else who is speaking.
    ``lookback_start``: where the body paragraph before the draft's starts (its own, for the first)."""
    scan = article.scan
    trigger = draft.trigger[0]
    clause = _clause_start(scan, draft.unit_start, trigger)
    official = _nearest(mentions, draft.unit_start, trigger) or _by_title(scan, clause, trigger, officials)
    if official is not None:
        return official.name, official.country or _place_country(scan, draft.unit_start, trigger, sides)
    if draft.both:
        return None, None
    context = resolved.get(id(draft.context)) if draft.context is not None else None
    said = _strip_adverbs(scan[clause:trigger])
    pronoun = bool(said) and _whole(_words("pronouns"), said)
    if pronoun or draft.need or not said:
        # "Đồng chí đề nghị ...", "Samdech đề nghị ...": the official the pronoun suits (named perhaps in
        # the paragraph before) wins even over the list a paragraph before carried on
        speaking = _nearest_speaker(article, mentions, said, lookback_start, trigger) if pronoun else None
        if speaking is None and context is not None:
            return context
        if speaking is None and not pronoun:
            speaking = _nearest(mentions, paragraph_start, trigger)
        if speaking is not None:
            return speaking.name, speaking.country
    country = _side_word_country(said, sides) or _place_country(scan, clause, trigger, sides) or _side_named_in(
        scan, draft.unit_start, clause, sides)
    if country:
        speaking = _nearest(mentions, paragraph_start, trigger)
        if speaking is not None and speaking.country == country:
            return speaking.name, country  # "Bà X cho biết, ... châu Hồng Hà mong muốn": her side's wish
        return None, country
    return context or (None, _data()["home_country"])


@dataclass
class _Gathered:
    """A proposal being assembled: each item with its evidence, and the proposing words."""

    by: str | None
    country: str | None
    items: list[tuple[str, Evidence]] = field(default_factory=list)
    triggers: list[Evidence] = field(default_factory=list)


def find_proposals(article: Article, officials: list[Official], sides: list[Side]) -> list[Proposal]:
    drafts, _ = scan_proposals(article)
    scan, text = article.scan, article.text
    mentions = _official_mentions(article, officials)
    starts = {p.index: p.start for p in article.paragraphs}
    body = article.body()
    lookback = {p.index: body[k - 1].start if k else p.start for k, p in enumerate(body)}
    resolved: dict[int, tuple[str | None, str | None]] = {}
    gathered: list[_Gathered] = []
    by_name: dict[str, _Gathered] = {}
    previous: tuple[Draft, _Gathered] | None = None
    for draft in drafts:
        if not draft.items:
            continue
        by, country = _speaker(draft, article, mentions, officials, sides, resolved, starts[draft.paragraph],
                               lookback[draft.paragraph])
        resolved[id(draft)] = (by, country)
        target = by_name.get(by) if by else None
        if target is None and previous and previous[0] is draft.context and (previous[1].by, previous[1].country) == (by, country):
            target = previous[1]  # "Đồng thời kiến nghị ...": the same side goes on
        if target is None:
            target = _Gathered(by, country)
            gathered.append(target)
            if by:
                by_name[by] = target
        target.triggers.append(Evidence.of(text, *draft.trigger))
        target.items.extend((" ".join(scan[s:e].split()), Evidence.of(text, s, e)) for s, e in draft.items)
        previous = (draft, target)
    _drop_repeats(gathered, article)
    gathered = [g for g in gathered if not _only_wishes(g, scan)]
    return [Proposal(by=g.by, country=g.country, items=[t for t, _ in g.items],
                     evidence=sorted(g.triggers + [e for _, e in g.items], key=lambda e: e.start))
            for g in gathered if g.items]


def _only_wishes(gathered: _Gathered, scan: str) -> bool:
    """A speaker who only wishes ("mong muốn", "hy vọng") and never proposes makes a courtesy, not a proposal.
    (Read on the scan: the printed trigger may hold a zero-width space between its words.)"""
    return all(P.match(_at_start("wish_verbs"), scan[t.start:t.end]) for t in gathered.triggers)


_WORD = P.compile_regex(r"\w+")  # for findall()


def _tokens(item: str) -> frozenset[str]:
    return frozenset(_WORD.findall(item.casefold(), timeout=P.timeout()))


def _drop_repeats(gathered: list[_Gathered], article: Article) -> None:
    """A lead paragraph often says in brief what the body says in full: keep only the fuller item.

    Two items in different paragraphs repeat each other when they share most of their
    words, or when the shorter one's words all recur in the longer.
    """
    items = [(g, item) for g in gathered for item in g.items]
    if len(items) > REPEAT_MAX_ITEMS:
        return  # a page of hundreds of items is no lead-and-body article; pairwise checks would be slow
    where = [_paragraph_of(article, ev.start) for _, (_, ev) in items]
    if len(set(where)) < 2:
        return  # items repeat each other only across paragraphs
    tokens = [_tokens(text) for _, (text, _) in items]
    repeated = set()
    for i, (_, (text, _)) in enumerate(items):
        for j, (_, (other, _)) in enumerate(items):
            if where[i] == where[j] or (len(other), -j) <= (len(text), -i):
                continue
            shared = len(tokens[i] & tokens[j])
            if shared >= REPEAT_OVERLAP * len(tokens[i] | tokens[j]) or (
                    len(tokens[i]) >= REPEAT_MIN_WORDS and shared >= REPEAT_CONTAINED * len(tokens[i])):
                repeated.add(i)
    for i in sorted(repeated, reverse=True):
        owner, item = items[i]
        owner.items.remove(item)


def _paragraph_of(article: Article, pos: int) -> int:
    return next((p.index for p in article.paragraphs if p.start <= pos < p.end), -1)
