"""Titles of officials, parsed on tokens: where a title starts, what it governs, where it ends.

A title is a head word ("Phó Chủ tịch", "Châu trưởng", "Đại tá") followed by what
it governs: organizations ("UBND", "Sở Ngoại vụ"), administrative units and
places ("tỉnh Lào Cai"), countries. A capitalized run that closes a title is the
person's name when nothing in the vocabulary claims it ("Phó Chủ tịch UBND tỉnh
Lào Cai Hoàng Quốc Khánh"). Titles chain with commas ("Phó Bí thư Tỉnh ủy, Chủ
tịch UBND tỉnh"); place qualifiers after a title (", tỉnh Vân Nam (Trung
Quốc)") are skipped and not part of it. Vocabulary: ``patterns/titles.yaml``.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import NamedTuple, cast

from .. import gazetteer
from .. import patterns as P
from .names import (DASHES, Lexicon, Tokens, capitalized_run, place_at, proper_noun_start,
                    strip_foreign_honorifics, surname_start, surnames, tokenize, words_of)

HEAD, ORG, ORG_HEAD, UNIT, INNER, FIELD, REGION = "head", "org", "org_head", "unit", "inner", "field", "region"
GOVERNED = frozenset({ORG, ORG_HEAD, UNIT, INNER})
PROPER_PART_WORDS = frozenset({INNER, FIELD})
HEADS = frozenset({HEAD})
ORGS = frozenset({ORG, ORG_HEAD})
UNITS = frozenset({UNIT})
ORG_OR_UNIT = frozenset({ORG, UNIT})
HEAD_WORDS = frozenset({ORG_HEAD, HEAD})
MIN_NAME_WORDS = 2
_UNSEEN = object()  # a position not looked at yet, in Sentence's memos


@functools.cache
def data() -> dict:
    return P.load("titles")


@functools.cache
def lexicon() -> Lexicon:
    d = data()
    heads = [*d["heads"], *d["ranks"]]
    entries = [(f"{prefix} {h}", HEAD) for prefix in d["deputy_prefixes"] for h in heads]
    entries += [(h, HEAD) for h in heads]
    entries += [(o, ORG) for o in d["organizations"]]
    entries += [(o, ORG_HEAD) for o in d["organization_heads"]]
    entries += [(w, UNIT) for words in gazetteer.unit_words().values() for w in words]
    entries += [(w, INNER) for w in d["inner_words"]]
    entries += [(w, FIELD) for w in d["field_words"]]
    return Lexicon(entries)


@functools.cache
def region_lexicon() -> Lexicon:
    return Lexicon((region, REGION) for region in data()["regions"])


@functools.cache
def side_lexicon() -> Lexicon:
    return Lexicon((phrase, side) for side, phrases in data()["side_words"].items() for phrase in phrases)


@functools.cache
def _phrase_keys(key: str) -> frozenset[tuple[str, ...]]:
    """The phrases of the list ``key`` in patterns/titles.yaml as folded word tuples."""
    return frozenset(words_of(phrase) for phrase in data()[key])


@functools.cache
def head_first_words() -> frozenset[str]:
    return frozenset(words[0] for words, kind in lexicon().entries.items() if kind == HEAD)


def _listed(key: str, *words: str) -> bool:
    return tuple(words) in _phrase_keys(key)


class NameSpan(NamedTuple):
    """Token indices [start, end) of a person's name.

    ``weak``: a run right after a title word with no family name and no place before it
    ("Thủ tướng Hun Sen", but also "Bộ đội Biên phòng Ka Lăng"); it names a person only
    if the article names them more surely elsewhere.
    """

    start: int
    end: int
    weak: bool = False


@dataclass
class Title:
    first: int  # token index of the head word
    last: int  # token index after the title's own words (qualifiers excluded)
    countries: list[str | None] = field(default_factory=list)  # of places and countries named, in order
    in_parentheses: bool = False


@dataclass
class Chain:
    titles: list[Title]
    name: NameSpan | None
    end: int  # token index after everything consumed


class Sentence:
    """One sentence's tokens and the text they point into."""

    def __init__(self, text: str, start: int, end: int):
        self.text = text  # the whole article (scan view); tokens carry absolute offsets
        self.start, self.end = start, end
        self.tokens: Tokens = tokenize(text[start:end], start)
        self._heads: dict[int, int | None] = {}  # head_at, asked again and again for the same words
        self._places: dict[int, tuple[int, str | None] | None] = {}
        self._sides: dict[tuple[int, int], frozenset[str]] = {}  # title_sides, asked for each mention's country

    def index_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.tokens.starts, offset)

    def tok(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def key_at(self, i: int) -> str:
        """``fold(self.tok(i))``, already computed by the tokenizer."""
        return self.tokens[i].key if 0 <= i < len(self.tokens) else ""

    def head_at(self, i: int) -> int | None:
        """End index of a title head at ``i`` ("Phó Chủ tịch", "Đại tá"), unless it names a building."""
        end = self._heads.get(i, _UNSEEN)
        if end is not _UNSEEN:
            return cast("int | None", end)  # what the memo holds
        if i >= len(self.tokens) or self.tokens[i].key not in head_first_words():
            end = None
        else:
            found = lexicon().match(self.tokens, i, HEADS)
            blocked = found is None or _listed("head_blockers", self.key_at(found[0]))
            end = None if blocked else found[0]
        self._heads[i] = end
        return end

    def is_rank(self, title: Title) -> bool:
        """Is the title a military or police rank alone ("Đại tá", "thượng tướng")?"""
        return _listed("ranks", *self._key(title.first, title.last))

    def place_at(self, i: int) -> tuple[int, str | None] | None:
        found = self._places.get(i, _UNSEEN)
        if found is _UNSEEN:
            found = self._places[i] = place_at(self.text, self.tokens, i)
        return cast("tuple[int, str | None] | None", found)  # what the memo holds

    def title_text(self, title: Title) -> str:
        return " ".join(self.text[self.tokens.start(title.first):self.tokens.end(title.last - 1)].split())

    def title_sides(self, title: Title) -> frozenset[str]:
        """The sides that words of the title belong to ("Châu trưởng": foreign)."""
        known = self._sides.get((title.first, title.last))
        if known is not None:
            return known
        sides, i = set(), title.first
        while i < title.last:
            found = side_lexicon().match(self.tokens, i)
            if found:
                sides.add(found[1])
                i = found[0]
            else:
                i += 1
        found = self._sides[title.first, title.last] = frozenset(sides)
        return found

    # --- one title -------------------------------------------------------------------

    def parse_title(self, i: int) -> tuple[Title, NameSpan | None, int] | None:
        """(title, name or None, next index) for a title whose head is at ``i``."""
        end = self.head_at(i)
        if end is None:
            return None
        title = Title(i, end)
        if _listed("organization_heads", self.key_at(end - 1)):  # "Trưởng Ban Tuyên giáo"
            name, end = self._proper_part(title, end, end)
            if name:
                return title, name, name.end
        name, end = self._governed(title, end, UNIT if _listed("place_heads", *self._key(i, end)) else HEAD)
        return title, name, end

    def continue_title(self, title: Title, i: int) -> tuple[NameSpan | None, int] | None:
        """Extend ``title`` with an organization after a comma: "Vụ trưởng Vụ Đông Bắc Á, Bộ Ngoại giao"."""
        if lexicon().match(self.tokens, i, ORGS) is None:
            return None
        return self._governed(title, i)

    def _key(self, i: int, j: int) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens[i:j] if t.is_word)

    def _governed(self, title: Title, j: int, last_kind: str = HEAD) -> tuple[NameSpan | None, int]:
        """Consume what the title governs from ``j``; return (name, next index).

        ``last_kind`` is what the title ends with so far: a head word, or a unit for heads
        that hold one ("Trưởng bản" + the village's name).
        """
        n = len(self.tokens)
        while j < n:
            token = self.tokens[j]
            if token.text == "(":
                qualifier = self.skip_qualifier(j)
                if qualifier is None:
                    break
                title.countries.extend(qualifier[1])
                j, last_kind = qualifier[0], "qualifier"
                continue
            if token.text in DASHES and last_kind == UNIT and j + 1 < n and self.tokens[j + 1].is_capitalized:
                j += 1  # "Khu tự trị dân tộc Choang-Quảng Tây"
                continue
            place = self.place_at(j) if token.place_patterns else None
            found = lexicon().match(self.tokens, j, GOVERNED) if token.key in lexicon().first_words else None
            if found and found[1] == ORG_HEAD and not token.text[0].isupper() and \
                    not _listed("lower_case_units", *found[2]):
                found = None  # "sở", "ban", "hội" in lower case are common nouns ("hội đàm")
            elif found and found[1] == UNIT and last_kind in (UNIT, "place") and token.is_capitalized and \
                    token.key in surnames():
                found = None  # no unit follows a unit or its place: "thành phố Bách Sắc Châu Mỹ Linh" is a name
            if place and (found is None or place[0] >= found[0]):
                title.countries.append(place[1])
                j = title.last = place[0]
                last_kind = "place"
                continue
            if found:
                j = title.last = found[0]
                last_kind = found[1]
                if last_kind == ORG_HEAD:
                    name, j = self._proper_part(title, j, j)
                    if name:
                        return name, name.end
                continue
            if token.is_capitalized:
                name, after = self._closing_name(title, j, last_kind)
                if name or last_kind not in (HEAD, ORG) or not self._compound_at(j):
                    return name, after
                # "Bộ trưởng Quốc phòng Trung Quốc", "Ủy viên Quốc vụ": the title's own proper part
                name, j = self._proper_part(title, j, j)
                if name:
                    return name, name.end
                last_kind = ORG_HEAD
                continue
            break
        return None, j

    def _compound_at(self, j: int) -> bool:
        """A capitalized syllable with a lower-case one after it: a word of a name ("Quốc phòng")."""
        following = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return following is not None and following.is_word and following.text.islower() and \
            not _listed("stop_words", following.key)

    def _proper_part(self, title: Title, j: int, part_start: int) -> tuple[NameSpan | None, int]:
        """The proper part of an organization after its head word ("Sở" + "Ngoại vụ").

        World regions ("Vụ Thị trường châu Á – châu Phi"), capitalized words, a lower-case syllable right after a single capitalized one
        ("Ngoại vụ", "Quản lý"), listed inner words ("biên giới"), dashes between
        capitals ("Việt - Trung"). A capitalized run that ends the title may hold the
        person's name ("Sở Công Thương Hoàng Thị Thanh Loan").
        """
        n = len(self.tokens)
        run_start, run_length = None, 0
        while j < n:
            token = self.tokens[j]
            region_end = self._regions_end(j)
            if region_end:  # "châu Á – châu Phi": the organization's field, not a prefecture ("châu")
                j = title.last = region_end
                run_length = 0
                continue
            if self.place_at(j) or lexicon().match(self.tokens, j, ORG_OR_UNIT) or \
                    token.text[0].isupper() and lexicon().match(self.tokens, j, HEAD_WORDS):
                return None, j  # the organization goes on: a capitalized run before it is its own
            if token.is_capitalized:
                if run_length == 0:
                    run_start = j
                run_length += 1
                j = title.last = j + 1
                continue
            if token.text in DASHES and run_length and j + 1 < n and self.tokens[j + 1].is_capitalized:
                j += 1
                continue
            if token.text.isdigit():  # "Quân khu 4", "Đại đội Biên phòng 213"
                j = title.last = j + 1
                run_length = 0
                continue
            inner = lexicon().match(self.tokens, j, PROPER_PART_WORDS)
            if inner:
                j = title.last = inner[0]
                run_length = 0
                continue
            if token.is_word and token.text.islower() and run_length == 1 and not _listed("stop_words", token.key):
                j = title.last = j + 1
                run_length = 0
                continue
            break
        if run_length >= MIN_NAME_WORDS and run_start is not None and not self._organization_goes_on(j):
            first = 1 if run_start == part_start else 0  # the organization keeps at least one word
            start = surname_start(self.text, self.tokens, run_start, j, first)
            if start is None and j - run_start - 1 >= MIN_NAME_WORDS:
                # No family name: underthesea may still see where an unknown place ends and a
                # foreign name begins; a whole run is left to the place ("Đồn Biên phòng Ka Lăng").
                start = proper_noun_start(self.text[self.start:self.end], self.start, self.tokens, run_start, j, 1)
            if start is not None:
                title.last = start
                return NameSpan(start, j), j
        return None, j

    def _regions_end(self, j: int) -> int | None:
        """End of the world regions at ``j``, joined by dashes ("châu Á – châu Phi"), or None."""
        found = region_lexicon().match(self.tokens, j)
        if found is None:
            return None
        end = found[0]
        while self.tok(end) in DASHES and (following := region_lexicon().match(self.tokens, end + 1)):
            end = following[0]
        return end

    def _closing_name(self, title: Title, j: int, last_kind: str) -> tuple[NameSpan | None, int]:
        """A capitalized run right after the governed words: the name, if it can be one."""
        end = capitalized_run(self.tokens, j)
        cut = next((k for k in range(j + 1, end) if self.head_at(k)), end)  # "... Hách Côn Phó Chủ nhiệm"
        start = strip_foreign_honorifics(self.tokens, j, cut)
        if last_kind == INNER and _listed("seat_words", self.tokens[j - 1].key):
            return self._seat(title, j, cut)
        if cut - start < MIN_NAME_WORDS:
            return None, j
        family = surname_start(self.text, self.tokens, start, cut)
        if family is None and (start > j or self.is_rank(title)):
            cut = self._dashed_name_end(cut)  # "Đại tá Phết Sỏn - In Sou Phăn"
        elif self._pairs_on(cut):
            return None, j
        if family is not None and family > start and last_kind == "place" and title.countries and \
                title.countries[-1] in data()["names_without_family_name_first"]:
            family = start  # "Phó Tỉnh trưởng tỉnh Savannakhet Vông Xay Phôm Ma Xỉ": "Ma" is a syllable of the name
        if family is not None and (family == start or cut - start > 4 or last_kind in (UNIT, INNER, HEAD, ORG)):
            if family > start:  # "UBND huyện Mường Nhé Nguyễn Văn A": the run's head is the unit's place
                title.last = family
            return NameSpan(family, cut), cut
        if last_kind in (UNIT, INNER):  # "UBND tỉnh Hà Thị Minh Hạnh": only a family name starts a name here
            if cut - start >= 3 and _listed("person_middle_names", self.tokens[start + 1].key):
                return NameSpan(start, cut), cut  # "UBND huyện Lăng Thị Hằng": an unlisted family name, a woman
            title.last = cut  # else the run is a place the gazetteer does not know ("huyện Mường Nhé")
            return None, cut
        # After a title word, a place, a country or a foreign honorific the run is a name ("Tỉnh trưởng
        # Prach Chan", "Chủ tịch Quốc hội Lào Pany Yathotou"); after an organization it may be a place.
        return NameSpan(start, cut, weak=last_kind == ORG and start == j), cut

    def _seat(self, title: Title, j: int, cut: int) -> tuple[NameSpan | None, int]:
        """"Tổng Lãnh sự Lào tại Vinh": the run after a seat word is the seat, known place or not.

        A name may follow the seat ("tại Pắc Xế Nguyễn Văn A"), starting with a family name
        after the seat's first word; a run that starts with one is still the seat ("tại Sầm Nưa").
        """
        family = surname_start(self.text, self.tokens, j, cut, 1)
        title.last = cut if family is None else family
        return (None, cut) if family is None else (NameSpan(family, cut), cut)

    def _dashed_name_end(self, j: int) -> int:
        """Past " - In Sou Phăn": Lao names printed as given name - family name."""
        if self.tok(j) not in DASHES or j + 1 >= len(self.tokens) or not self.tokens[j + 1].is_capitalized or \
                self.head_at(j + 1) or self.place_at(j + 1):
            return j
        return capitalized_run(self.tokens, j + 1)

    def _place_closing_a_list_item(self, name: NameSpan) -> bool:
        """A short run right after a unit word that ends the item ("ông X, Chủ tịch UBND xã Yên Khoái;"):
        after a name the run is the unit's place, whatever family name its first word may be. Short:
        ``place_after_name_max_words``; a longer run is most often a person ("xã Lò Văn Bình")."""
        after_unit = any((found := lexicon().match(self.tokens, k, UNITS)) is not None and found[0] == name.start
                         for k in (name.start - 1, name.start - 2) if k >= 0)
        return after_unit and name.end - name.start <= int(data()["place_after_name_max_words"]) and \
            self.tok(name.end) in ("", ";", ".", ")")

    def _organization_goes_on(self, j: int) -> bool:
        """", Bộ Ngoại giao" after a run: the run is the organization's, not a name."""
        return self.tok(j) == "," and lexicon().match(self.tokens, j + 1, ORGS) is not None

    def _pairs_on(self, j: int) -> bool:
        """A dash and a capital after a run make it a pair of places ("Đồng Đăng – Lạng Sơn")."""
        return self.tok(j) in DASHES and j + 1 < len(self.tokens) and self.tokens[j + 1].is_capitalized and \
            not self.head_at(j + 1)

    # --- qualifiers and chains -------------------------------------------------------

    def skip_qualifier(self, j: int) -> tuple[int, list[str | None]] | None:
        """Skip ", tỉnh Vân Nam (Trung Quốc)", "(tỉnh Lào Cai, Việt Nam)": (next index, countries)."""
        n, k, depth = len(self.tokens), j, 0
        countries: list[str | None] = []
        while k < n:
            text = self.tokens[k].text
            if text == "(":
                depth, k = depth + 1, k + 1
                continue
            if text == ")" and depth:
                depth, k = depth - 1, k + 1
                continue
            if text == "," or text in DASHES:
                if self._starts_place(k + 1):
                    k += 1
                    continue
                break
            if self.tokens[k].key == "nước":
                k += 1
                continue
            unit = lexicon().match(self.tokens, k, UNITS)
            if unit and self.place_at(unit[0]):
                k = unit[0]
            place = self.place_at(k)
            if place is None:
                break
            countries.append(place[1])
            k = place[0]
        if depth or not countries:
            return None
        return k, countries

    def _starts_place(self, k: int) -> bool:
        if self.key_at(k) == "nước" or self.tok(k) == "(":
            k += 1
        unit = lexicon().match(self.tokens, k, UNITS)
        return bool(self.place_at(unit[0] if unit else k))

    def _skip_position_remark(self, j: int) -> int:
        """Past "(bìa trái)" after a name in a caption, if there is one there."""
        if self.tok(j) != "(":
            return j
        close = next((k for k in range(j + 1, min(j + 8, len(self.tokens))) if self.tok(k) == ")"), None)
        if close is None or not _listed("position_remarks", *self._key(j + 1, close)):
            return j
        return close + 1

    def parse_chain(self, i: int, after_name: bool) -> Chain:
        """Titles from ``i``, separated by commas (or one dash or parentheses after a name).

        Before a name (``after_name`` False) the chain ends at the title that closes
        with the name. After a name it ends before any title that carries a new name.
        """
        titles: list[Title] = []
        j = self._skip_position_remark(i) if after_name else i
        while j < len(self.tokens):
            k, closing = j, None
            if titles or after_name:
                sep = self.tok(j)
                if sep == "(":
                    closing = ")"
                elif not (sep == "," or (sep in DASHES and after_name and not titles)):
                    break
                k = j + 1
            parsed = self.parse_title(k)
            if parsed:
                title, name, end = parsed
                if name and after_name and (name.weak or self._place_closing_a_list_item(name)):
                    # "X, Chính ủy Bộ đội Biên phòng Ka Lăng", "X, Chủ tịch UBND xã Yên Khoái;": no new person
                    title.last = end = name.end
                    name = None
                if name and after_name:
                    break
                title.in_parentheses = closing is not None
                titles.append(title)
                if closing:
                    if self.tok(end) != closing:
                        titles.pop()
                        break
                    end += 1
                j = end
                if name:
                    return Chain(titles, name, j)
                continue
            if titles and closing is None:
                extended = self.continue_title(titles[-1], k)
                if extended and extended[0] is None:
                    j = extended[1]
                    continue
            qualifier = self.skip_qualifier(j)
            if qualifier and (titles or after_name):
                if titles:
                    titles[-1].countries.extend(qualifier[1])
                j = qualifier[0]
                continue
            break
        return Chain(titles, None, j)
