"""The output contract (SCHEMA.md) as pydantic models, and nothing else.

Field names are fixed by the contract; extra fields (``error``, ``Source.outlet``
...) are additions the contract allows. Every ``Evidence`` points into the
normalized article text; ``check_evidence`` proves it.
"""

from __future__ import annotations

from typing import Final, Iterable, Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

SCHEMA_VERSION: Final = "1"

MeetingKind = Literal[
    "talks", "conference", "liaison_meeting", "working_session", "meeting", "signing", "ceremony", "other"
]
PartOfDay = Literal["morning", "noon", "afternoon", "evening"]
YearSource = Literal["explicit", "published", "context"]
GateLevel = Literal["international", "main", "secondary", "crossing"]
Honorific = Literal["đồng chí", "ông", "bà"]
Topic = Literal[
    "covid19", "trade", "border_management", "security", "transport", "tourism",
    "labour", "agriculture", "health", "education", "culture", "environment",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Evidence(_Model):
    """A span of the normalized article text: ``text == article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _slices_back(self, info: ValidationInfo) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        article = (info.context or {}).get("text") if info is not None else None
        if article is not None and article[self.start:self.end] != self.text:
            raise ValueError(f"evidence [{self.start}:{self.end}] does not slice back to {self.text!r}")
        return self

    @classmethod
    def of(cls, article: str, start: int, end: int) -> "Evidence":
        """The evidence for ``article[start:end]``, correct by construction once the offsets lie
        inside the article (a slice past its end would silently come back shorter)."""
        if not 0 <= start <= end <= len(article):
            raise ValueError(f"evidence [{start}:{end}] is outside the article (0-{len(article)})")
        return cls(start=start, end=end, text=article[start:end])


class Source(_Model):
    path: Optional[str] = None
    sha256: Optional[str] = None  # of the raw bytes; null only on an error line for an unreadable input
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    byline: Optional[str] = None


class MeetingDate(_Model):
    text: str
    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    year: Optional[int] = None
    iso: Optional[str] = None
    part_of_day: Optional[PartOfDay] = None
    year_source: Optional[YearSource] = None
    evidence: Evidence


class Location(_Model):
    text: str
    evidence: Evidence


class Side(_Model):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    localities: list[str] = []
    organizations: list[str] = []
    venue: Optional[str] = None


class Official(_Model):
    name: str
    titles: list[str] = []
    country: Optional[str] = None
    honorific: Optional[Honorific] = None
    head_of_delegation: bool = False
    evidence: list[Evidence] = []


class BorderGate(_Model):
    name: str
    text: str
    level: Optional[GateLevel] = None
    evidence: list[Evidence] = []


class Proposal(_Model):
    by: Optional[str] = None
    country: Optional[str] = None
    items: list[str] = []
    evidence: list[Evidence] = []


class Statement(_Model):
    text: str
    evidence: list[Evidence] = []


class Meeting(_Model):
    kind: MeetingKind
    kind_text: str
    online: bool = False
    session_number: Optional[int] = None
    date: Optional[MeetingDate] = None
    location: Optional[Location] = None
    sides: list[Side] = []
    officials: list[Official] = []
    border_gates: list[BorderGate] = []
    border_markets: list[BorderGate] = []
    proposals: list[Proposal] = []
    agreements: list[Statement] = []
    topics: list[Topic] = []
    topic_evidence: dict[Topic, list[Evidence]] = {}  # where each topic's words occur
    evidence: list[Evidence] = []  # where the meeting is named (kind_text, online, session number)


class ArticleResult(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    meeting: Optional[Meeting] = None
    warnings: list[str] = []
    error: Optional[str] = None  # set when the input could not be read or processed


def json_schema() -> dict:
    """The JSON Schema of a record as written: every field the output always carries is required."""
    schema = ArticleResult.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def iter_evidence(model: BaseModel) -> Iterator[Evidence]:
    """Every Evidence inside ``model``, depth first."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            items: Iterable[object] = (value,)
        elif isinstance(value, list):
            items = value
        elif isinstance(value, dict):
            items = [ev for evs in value.values() for ev in evs]
        else:
            continue
        for item in items:
            if isinstance(item, Evidence):
                yield item
            elif isinstance(item, BaseModel):
                yield from iter_evidence(item)


def check_evidence(result: ArticleResult, article: str) -> None:
    """Raise ValueError unless every evidence slices back to its text."""
    for ev in iter_evidence(result):
        if article[ev.start:ev.end] != ev.text:
            raise ValueError(f"evidence [{ev.start}:{ev.end}] does not slice back to {ev.text!r}")
