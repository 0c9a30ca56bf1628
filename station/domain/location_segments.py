"""Building blocks of location patterns: segments, spec compiler, errors.

See :mod:`station.domain.locations` for the spec syntax; this module holds
the parts that do not need :class:`~station.domain.locations.LocationCode`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from station.domain.errors import DomainError

__all__ = [
    "InvalidLocationCode",
    "InvalidLocationPattern",
    "Segment",
    "SegmentKind",
    "compile_spec",
]


SegmentKind = Literal["letters", "digits", "alnum"]
_KINDS: dict[str, SegmentKind] = {"A": "letters", "0": "digits", "X": "alnum"}
_CHARSETS: dict[SegmentKind, str] = {"letters": "A-Z", "digits": "0-9", "alnum": "A-Z0-9"}
_SEGMENT_RE = re.compile(r"\{(?P<name>[^{}:]*):(?P<kind>[^{}]*)\}")
_NAME_RE = re.compile(r"[a-z_][a-z0-9_]*")


class InvalidLocationPattern(DomainError, ValueError):
    """A location pattern spec that cannot be used."""

    def __init__(self, spec: object, reason: str) -> None:
        self.spec = spec
        self.reason = reason
        super().__init__(f"Location pattern {spec!r} is not valid: {reason}")


class InvalidLocationCode(DomainError, ValueError):
    """A location code that does not fit its pattern.

    ``code`` is the input, ``segment`` the name of the segment at fault (or
    ``None`` when the problem is the code as a whole), ``reason`` the detail.
    """

    def __init__(self, code: object, reason: str, segment: str | None = None) -> None:
        self.code = code
        self.segment = segment
        self.reason = reason
        super().__init__(f"Location code {code!r} is not valid: {reason}")


@dataclass(frozen=True)
class Segment:
    """One segment of a pattern: its name, kind, maximum width, optionality."""

    name: str
    kind: SegmentKind
    width: int
    optional: bool = False

    def describe(self) -> str:
        """``'1 to 2 letters'``, ``'1 digit'`` …, for error messages."""
        if self.width == 1:
            noun = {"letters": "letter", "digits": "digit", "alnum": "letter or digit"}
            return f"1 {noun[self.kind]}"
        nouns = {"letters": "letters", "digits": "digits", "alnum": "letters or digits"}
        return f"1 to {self.width} {nouns[self.kind]}"

    def normalize(self, raw: str, code: object) -> str:
        """Check one segment's text and return its canonical form."""
        text = raw.upper()
        if not text:
            raise InvalidLocationCode(code, f"the {self.name} is empty", self.name)
        if self.kind == "digits":
            if not text.isascii() or not text.isdigit() or int(text) >= 10**self.width:
                raise InvalidLocationCode(
                    code, f"{self.name} {raw!r} must be {self.describe()}", self.name
                )
            return str(int(text)).zfill(self.width)
        if not re.fullmatch(f"[{_CHARSETS[self.kind]}]{{1,{self.width}}}", text):
            raise InvalidLocationCode(
                code, f"{self.name} {raw!r} must be {self.describe()}", self.name
            )
        return text

    def sort_key(self, value: str) -> tuple[object, ...]:
        """Natural order: numbers by value, letter runs by length then alphabet."""
        if self.kind == "digits":
            return (int(value),)
        if self.kind == "letters":
            return (len(value), value)
        return tuple(
            (0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk)
            for chunk in re.findall(r"\d+|\D+", value)
        )

    def example(self) -> str:
        """A valid value for help texts: ``'A'``, ``'01'``, ``'A1'``."""
        if self.kind == "digits":
            return "1".zfill(self.width)
        return "A" if self.kind == "letters" else "A1"[: self.width]


def compile_spec(spec: object) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """Turn a pattern spec into its segments and the separators between them.

    Raises :class:`InvalidLocationPattern` explaining what is wrong.
    """
    if not isinstance(spec, str) or not spec:
        raise InvalidLocationPattern(spec, "expected text like '{aisle:AA}-{rack:00}-{level:A}'")
    segments: list[Segment] = []
    separators: list[str] = []
    position = 0
    for match in _SEGMENT_RE.finditer(spec):
        literal = spec[position : match.start()]
        if not segments and literal:
            raise InvalidLocationPattern(spec, f"it must start with a segment, not {literal!r}")
        if segments:
            if not literal:
                raise InvalidLocationPattern(spec, f"put a separator before {{{match['name']}}}")
            if any(c.isalnum() or c.isspace() or c in "{}" for c in literal):
                raise InvalidLocationPattern(
                    spec, f"separator {literal!r} may not contain letters, digits, blanks or braces"
                )
            separators.append(literal)
        segments.append(_segment(spec, match["name"], match["kind"]))
        position = match.end()
    if not segments or position != len(spec):
        stray = spec[position:]
        raise InvalidLocationPattern(spec, f"unexpected {stray!r}; it must end with a segment")
    names = [s.name for s in segments]
    if len(set(names)) != len(names):
        raise InvalidLocationPattern(spec, "segment names must be unique")
    seen_optional = False
    for segment in segments:
        if seen_optional and not segment.optional:
            reason = f"{segment.name} follows an optional segment; optional ones go last"
            raise InvalidLocationPattern(spec, reason)
        seen_optional = seen_optional or segment.optional
    if segments[0].optional:
        raise InvalidLocationPattern(spec, "the first segment cannot be optional")
    return tuple(segments), tuple(separators)


def _segment(spec: str, name: str, kind: str) -> Segment:
    if not _NAME_RE.fullmatch(name):
        reason = f"segment name {name!r} must be lower-case letters, digits or _"
        raise InvalidLocationPattern(spec, reason)
    optional = kind.endswith("?")
    body = kind[:-1] if optional else kind
    if not body or len(set(body)) != 1 or body[0] not in _KINDS or len(body) > 9:
        reason = f"kind {kind!r} of {name} must be a run of A (letters), 0 (digits) or X"
        raise InvalidLocationPattern(spec, reason + ", up to 9 long")
    return Segment(name, _KINDS[body[0]], len(body), optional)
