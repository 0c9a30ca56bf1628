"""Warehouse location codes such as ``A-01-B`` (aisle-rack-level).

A :class:`LocationPattern` is written as a small spec: named segments in
braces joined by literal separators::

    {aisle:AA}-{rack:00}-{level:A}            the default: A-01-B, AB-12-C
    {aisle:AA}-{rack:00}-{level:A}-{bin:00?}  with an optional bin: A-01-B, A-01-B-03

Inside the braces, ``name:KIND``. ``KIND`` is a run of one character; its
length is the segment's maximum width:

* ``A`` letters: ``AA`` takes 1 or 2 letters (written as given, upper case);
* ``0`` digits: ``00`` takes 1 or 2 digits, written zero-padded (``1`` -> ``01``);
* ``X`` letters or digits: ``XXX`` takes 1 to 3 of them.

A trailing ``?`` makes the segment optional; optional segments must come
last. Separators are one or more characters that are not letters, digits,
blanks or braces, and two segments are never written side by side.

Parsing ignores case and blanks and pads digits, so ``'a-1-b'`` reads as
``'A-01-B'``. Codes sort naturally with :meth:`LocationCode.sort_key`:
numbers by value, letter runs like spreadsheet columns (``Z`` < ``AA``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from station.domain.location_segments import (
    InvalidLocationCode,
    InvalidLocationPattern,
    Segment,
    compile_spec,
)

__all__ = [
    "DEFAULT_PATTERN",
    "DEFAULT_PATTERN_WITH_BIN",
    "InvalidLocationCode",
    "InvalidLocationPattern",
    "LocationCode",
    "LocationPattern",
    "Segment",
    "format_location",
    "is_valid_location",
    "location_sort_key",
    "normalize_location",
    "parse_location",
]


@dataclass(frozen=True)
class LocationPattern:
    """A configurable layout of location codes, built from a spec string.

    >>> LocationPattern("{aisle:AA}-{rack:00}-{level:A}").parse("a-1-b").code
    'A-01-B'
    """

    spec: str
    segments: tuple[Segment, ...] = field(init=False, repr=False, compare=False)
    separators: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        segments, separators = compile_spec(self.spec)
        object.__setattr__(self, "segments", segments)
        object.__setattr__(self, "separators", separators)

    @property
    def names(self) -> tuple[str, ...]:
        """Segment names in order, e.g. ``('aisle', 'rack', 'level')``."""
        return tuple(s.name for s in self.segments)

    @property
    def example(self) -> str:
        """A code that fits the required segments, for help texts: ``'A-01-A'``."""
        parts = [s.example() for s in self.segments if not s.optional]
        return self._join(parts)

    def _join(self, values: list[str] | tuple[str, ...]) -> str:
        out = values[0] if values else ""
        for sep, value in zip(self.separators, values[1:]):
            out += sep + value
        return out

    def parse(self, code: str) -> LocationCode:
        """Read ``code`` into a :class:`LocationCode`; see :func:`parse_location`."""
        if not isinstance(code, str):
            raise InvalidLocationCode(code, f"expected text like {self.example!r}")
        rest = "".join(code.split()).upper()
        if not rest:
            raise InvalidLocationCode(code, f"it is empty; expected e.g. {self.example!r}")
        values: list[str] = []
        for index, segment in enumerate(self.segments):
            if index:
                if not rest and segment.optional:
                    break
                if not rest:
                    reason = f"the {segment.name} is missing (expected e.g. {self.example!r})"
                    raise InvalidLocationCode(code, reason, segment.name)
                sep = self.separators[index - 1]
                if not rest.startswith(sep):
                    reason = f"expected {sep!r} before the {segment.name}, found {rest!r}"
                    raise InvalidLocationCode(code, reason, segment.name)
                rest = rest[len(sep) :]
            end = rest.find(self.separators[index]) if index < len(self.separators) else -1
            if end < 0:  # last segment, or its separator is absent: stop at punctuation
                end = next((i for i, c in enumerate(rest) if not c.isalnum()), len(rest))
            values.append(segment.normalize(rest[:end], code))
            rest = rest[end:]
        if rest:
            last = self.segments[len(values) - 1].name
            raise InvalidLocationCode(code, f"unexpected {rest!r} after the {last}")
        return LocationCode(tuple(values), self)

    def format(self, segments: Mapping[str, str | int | None]) -> str:
        """Write a code from segment values; see :func:`format_location`."""
        shown = self._join([str(segments.get(n, "?")) for n in self.names if n in segments])
        unknown = sorted(set(segments) - set(self.names))
        if unknown:
            names = ", ".join(self.names)
            reason = f"unknown segment {', '.join(unknown)}; this pattern has {names}"
            raise InvalidLocationCode(shown, reason)
        values: list[str] = []
        missing: Segment | None = None
        for segment in self.segments:
            value = segments.get(segment.name)
            if value is None:
                missing = missing or segment
                if not segment.optional:
                    raise InvalidLocationCode(shown, f"the {segment.name} is missing", segment.name)
                continue
            if missing is not None:
                reason = f"{segment.name} given without {missing.name}"
                raise InvalidLocationCode(shown, reason, missing.name)
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                reason = f"{segment.name} {value!r} must be text or a number"
                raise InvalidLocationCode(shown, reason, segment.name)
            values.append(segment.normalize(str(value).strip(), shown))
        return self._join(values)


DEFAULT_PATTERN = LocationPattern("{aisle:AA}-{rack:00}-{level:A}")
"""Aisle of 1-2 letters, two-digit rack, one-letter level: ``A-01-B``."""

DEFAULT_PATTERN_WITH_BIN = LocationPattern("{aisle:AA}-{rack:00}-{level:A}-{bin:00?}")
"""The default plus an optional two-digit bin position: ``A-01-B`` or ``A-01-B-03``."""


@dataclass(frozen=True)
class LocationCode:
    """A parsed, normalized location code. ``str(code)`` is its canonical text.

    ``values`` holds the segments present, in pattern order (a missing
    optional segment is simply absent).
    """

    values: tuple[str, ...]
    pattern: LocationPattern = DEFAULT_PATTERN

    def __post_init__(self) -> None:
        required = sum(not s.optional for s in self.pattern.segments)
        if not required <= len(self.values) <= len(self.pattern.segments):
            expected = ", ".join(self.pattern.names)
            raise InvalidLocationCode(self.values, f"expected segments {expected}")
        for segment, value in zip(self.pattern.segments, self.values):
            if segment.normalize(value, self.values) != value:
                reason = f"{segment.name} {value!r} is not normalized"
                raise InvalidLocationCode(self.values, reason, segment.name)

    @property
    def code(self) -> str:
        return self.pattern._join(self.values)

    @property
    def segments(self) -> dict[str, str]:
        """Present segments by name: ``{'aisle': 'A', 'rack': '01', 'level': 'B'}``."""
        return dict(zip(self.pattern.names, self.values))

    def get(self, name: str) -> str | None:
        """A segment's value, or ``None`` if the optional segment is absent."""
        if name not in self.pattern.names:
            raise KeyError(f"Location pattern {self.pattern.spec!r} has no segment {name!r}")
        return self.segments.get(name)

    def __getitem__(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise KeyError(f"Location {self.code!r} has no {name}")
        return value

    @property
    def aisle(self) -> str:
        return self["aisle"]

    @property
    def rack(self) -> str:
        return self["rack"]

    @property
    def level(self) -> str:
        return self["level"]

    def sort_key(self) -> tuple[object, ...]:
        """Key for natural order within one pattern: A-02-A < A-10-A < B-01-A."""
        key: list[object] = []
        for index, segment in enumerate(self.pattern.segments):
            if index < len(self.values):
                key.append((1, segment.sort_key(self.values[index])))
            else:
                key.append((0,))
        return tuple(key)

    def __str__(self) -> str:
        return self.code


def _pattern(pattern: LocationPattern | str) -> LocationPattern:
    return pattern if isinstance(pattern, LocationPattern) else LocationPattern(pattern)


def parse_location(code: str, pattern: LocationPattern | str = DEFAULT_PATTERN) -> LocationCode:
    """Read a location code, normalizing case and padding: ``'a-1-b'`` -> ``A-01-B``.

    Raises :class:`InvalidLocationCode` naming the code and the segment at fault.
    """
    return _pattern(pattern).parse(code)


def normalize_location(code: str, pattern: LocationPattern | str = DEFAULT_PATTERN) -> str:
    """The canonical text of ``code``: ``'a-1-b'`` -> ``'A-01-B'``."""
    return parse_location(code, pattern).code


def is_valid_location(code: str, pattern: LocationPattern | str = DEFAULT_PATTERN) -> bool:
    """True if ``code`` fits ``pattern``."""
    try:
        parse_location(code, pattern)
    except InvalidLocationCode:
        return False
    return True


def format_location(
    segments: Mapping[str, str | int | None], pattern: LocationPattern | str = DEFAULT_PATTERN
) -> str:
    """Write a code from its segments, normalizing each one.

    ``format_location({'aisle': 'a', 'rack': 1, 'level': 'b'}) == 'A-01-B'``.
    An optional segment may be left out or ``None``. Raises
    :class:`InvalidLocationCode` naming the segment at fault.
    """
    return _pattern(pattern).format(segments)


def location_sort_key(
    code: str | LocationCode, pattern: LocationPattern | str = DEFAULT_PATTERN
) -> tuple[object, ...]:
    """Natural sort key for a code (text is parsed with ``pattern`` first).

    ``sorted(codes, key=location_sort_key)`` puts A-02-A before A-10-A before B-01-A.
    """
    parsed = code if isinstance(code, LocationCode) else parse_location(code, pattern)
    return parsed.sort_key()
