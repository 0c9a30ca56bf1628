"""Location codes: patterns, parsing, formatting, natural order."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.locations import (
    DEFAULT_PATTERN_WITH_BIN,
    InvalidLocationCode,
    InvalidLocationPattern,
    LocationCode,
    LocationPattern,
    format_location,
    is_valid_location,
    location_sort_key,
    normalize_location,
    parse_location,
)

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A-01-B", "A-01-B"),
        ("a-1-b", "A-01-B"),
        (" ab - 7 - c ", "AB-07-C"),
        ("Z-99-Z", "Z-99-Z"),
        ("A-001-B", "A-01-B"),
    ],
)
def test_parse_normalizes_case_blanks_and_padding(text: str, expected: str) -> None:
    code = parse_location(text)
    assert code.code == expected
    assert str(code) == expected
    assert normalize_location(text) == expected


def test_segments_are_exposed_by_name() -> None:
    code = parse_location("ab-3-c")
    assert (code.aisle, code.rack, code.level) == ("AB", "03", "C")
    assert code.segments == {"aisle": "AB", "rack": "03", "level": "C"}
    assert code.values == ("AB", "03", "C")
    assert code["rack"] == "03"
    with pytest.raises(KeyError, match="no segment 'bin'"):
        code.get("bin")


@pytest.mark.parametrize(
    ("text", "segment", "fragment"),
    [
        ("ABC-01-B", "aisle", "aisle 'ABC' must be 1 to 2 letters"),
        ("1-01-B", "aisle", "aisle '1' must be 1 to 2 letters"),
        ("A-1X-B", "rack", "rack '1X' must be 1 to 2 digits"),
        ("A-123-B", "rack", "rack '123' must be 1 to 2 digits"),
        ("A-01-BC", "level", "level 'BC' must be 1 letter"),
        ("A-01-3", "level", "level '3' must be 1 letter"),
        ("A-01", "level", "the level is missing"),
        ("A-01-", "level", "the level is empty"),
        ("A--01-B", "rack", "the rack is empty"),
        ("A/01/B", "rack", "expected '-' before the rack"),
        ("Ñ-01-B", "aisle", "must be 1 to 2 letters"),
        ("A-١-B", "rack", "must be 1 to 2 digits"),  # Arabic-Indic digit one
        ("A-01-B-03", None, "unexpected '-03' after the level"),
        ("", None, "empty"),
    ],
)
def test_invalid_codes_name_the_code_and_segment(
    text: str, segment: str | None, fragment: str
) -> None:
    with pytest.raises(InvalidLocationCode) as excinfo:
        parse_location(text)
    error = excinfo.value
    assert error.segment == segment
    assert fragment in str(error)
    assert repr(text) in str(error)
    assert not is_valid_location(text)


def test_invalid_code_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_location(101)  # type: ignore[arg-type]


def test_optional_bin_segment() -> None:
    without = parse_location("a-1-b", DEFAULT_PATTERN_WITH_BIN)
    assert without.code == "A-01-B"
    assert without.get("bin") is None
    with_bin = parse_location("a-1-b-3", DEFAULT_PATTERN_WITH_BIN)
    assert with_bin.code == "A-01-B-03"
    assert with_bin["bin"] == "03"
    with pytest.raises(InvalidLocationCode, match="the bin is empty"):
        parse_location("A-01-B-", DEFAULT_PATTERN_WITH_BIN)
    with pytest.raises(InvalidLocationCode, match="after the bin"):
        parse_location("A-01-B-03-1", DEFAULT_PATTERN_WITH_BIN)


def test_custom_pattern_from_spec() -> None:
    pattern = LocationPattern("{zone:X}.{aisle:000}/{slot:XX?}")
    code = parse_location("z.7/b2", pattern)
    assert code.code == "Z.007/B2"
    assert code.aisle == "007"
    assert code.segments == {"zone": "Z", "aisle": "007", "slot": "B2"}
    assert parse_location("9.12", "{zone:X}.{aisle:000}/{slot:XX?}").code == "9.012"
    assert pattern.example == "A.001"
    with pytest.raises(KeyError, match="no segment 'rack'"):
        _ = code.rack


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ("", "expected text"),
        ("{a:AA}{b:00}", "put a separator before {b}"),
        ("x{a:A}", "must start with a segment"),
        ("{a:A}-", "must end with a segment"),
        ("{a:A}-1-{b:0}", "may not contain letters, digits"),
        ("{a:A} {b:0}", "may not contain letters, digits, blanks"),
        ("{a:A}-{a:0}", "unique"),
        ("{Aisle:A}", "lower-case"),
        ("{a:B}", "must be a run of A"),
        ("{a:A0}", "must be a run of A"),
        ("{a:}", "must be a run of A"),
        ("{a:A?}-{b:0}", "follows an optional segment"),
        ("{a:A?}", "first segment cannot be optional"),
        ("{a:A}-{b:0?}-{c:A}", "optional ones go last"),
    ],
)
def test_bad_pattern_specs_are_explained(spec: str, fragment: str) -> None:
    with pytest.raises(InvalidLocationPattern) as excinfo:
        LocationPattern(spec)
    assert fragment in str(excinfo.value)
    assert repr(spec) in str(excinfo.value)


def test_format_location() -> None:
    assert format_location({"aisle": "a", "rack": 1, "level": "b"}) == "A-01-B"
    assert format_location({"aisle": "AB", "rack": "07", "level": "c"}) == "AB-07-C"
    with_bin = DEFAULT_PATTERN_WITH_BIN
    assert format_location({"aisle": "A", "rack": 1, "level": "B", "bin": 3}, with_bin) == "A-01-B-03"
    assert format_location({"aisle": "A", "rack": 1, "level": "B", "bin": None}, with_bin) == "A-01-B"


@pytest.mark.parametrize(
    ("segments", "fragment", "segment"),
    [
        ({"aisle": "A", "rack": 1}, "the level is missing", "level"),
        ({"aisle": "A", "rack": 100, "level": "B"}, "rack '100' must be 1 to 2 digits", "rack"),
        ({"aisle": "A", "rack": 1, "level": "B", "shelf": 2}, "unknown segment shelf", None),
        ({"aisle": "A", "rack": True, "level": "B"}, "must be text or a number", "rack"),
        ({"aisle": "A-B", "rack": 1, "level": "B"}, "aisle 'A-B' must be", "aisle"),
    ],
)
def test_format_location_rejects_bad_segments(
    segments: dict[str, object], fragment: str, segment: str | None
) -> None:
    with pytest.raises(InvalidLocationCode) as excinfo:
        format_location(segments)  # type: ignore[arg-type]
    assert fragment in str(excinfo.value)
    assert excinfo.value.segment == segment


def test_optional_segments_cannot_skip_a_gap() -> None:
    pattern = LocationPattern("{a:A}-{b:0?}-{c:0?}")
    with pytest.raises(InvalidLocationCode, match="c given without b"):
        format_location({"a": "A", "c": 1}, pattern)


def test_location_code_constructor_validates() -> None:
    assert LocationCode(("A", "01", "B")).code == "A-01-B"
    with pytest.raises(InvalidLocationCode, match="not normalized"):
        LocationCode(("a", "1", "b"))
    with pytest.raises(InvalidLocationCode, match="expected segments"):
        LocationCode(("A", "01"))


def test_natural_sort_order() -> None:
    codes = ["B-01-A", "A-10-A", "AA-01-A", "A-02-A", "Z-01-A", "A-02-B", "a-2-a"]
    ordered = sorted(codes, key=location_sort_key)
    assert [normalize_location(c) for c in ordered] == [
        "A-02-A",
        "A-02-A",
        "A-02-B",
        "A-10-A",
        "B-01-A",
        "Z-01-A",
        "AA-01-A",
    ]
    assert location_sort_key("A-02-A") < location_sort_key("A-10-A") < location_sort_key("B-01-A")


def test_missing_optional_segment_sorts_first() -> None:
    p = DEFAULT_PATTERN_WITH_BIN
    codes = [parse_location(c, p) for c in ["A-01-B-02", "A-01-B", "A-01-B-10", "A-01-A-05"]]
    assert [str(c) for c in sorted(codes, key=location_sort_key)] == [
        "A-01-A-05",
        "A-01-B",
        "A-01-B-02",
        "A-01-B-10",
    ]


def test_alphanumeric_segments_sort_naturally() -> None:
    pattern = LocationPattern("{slot:XXX}")
    slots = ["B2", "A10", "A2", "10", "9"]
    assert sorted(slots, key=lambda s: location_sort_key(s, pattern)) == ["9", "10", "A2", "A10", "B2"]


# --- properties ---------------------------------------------------------------

letters = st.text(alphabet=UPPER + UPPER.lower(), min_size=1, max_size=2)
default_segments = st.fixed_dictionaries(
    {"aisle": letters, "rack": st.integers(0, 99), "level": st.sampled_from(UPPER + UPPER.lower())}
)


@given(default_segments)
def test_default_format_parse_round_trip(segments: dict[str, object]) -> None:
    text = format_location(segments)  # type: ignore[arg-type]
    code = parse_location(text)
    assert code.code == text
    assert code.aisle == str(segments["aisle"]).upper()
    assert int(code.rack) == segments["rack"]
    assert parse_location(text.lower()) == code
    assert format_location(code.segments) == text


@given(default_segments, default_segments)
def test_sort_key_matches_natural_tuple_order(a: dict[str, object], b: dict[str, object]) -> None:
    def natural(s: dict[str, object]) -> tuple[object, ...]:
        aisle = str(s["aisle"]).upper()
        return (len(aisle), aisle, s["rack"], str(s["level"]).upper())

    ka = location_sort_key(format_location(a))  # type: ignore[arg-type]
    kb = location_sort_key(format_location(b))  # type: ignore[arg-type]
    assert (ka < kb) == (natural(a) < natural(b))
    assert (ka == kb) == (natural(a) == natural(b))


@st.composite
def pattern_and_values(draw: st.DrawFn) -> tuple[LocationPattern, list[str]]:
    """A random valid spec together with raw values that fit it."""
    count = draw(st.integers(1, 5))
    optional_from = draw(st.integers(1, count))
    parts: list[str] = []
    values: list[str] = []
    present = draw(st.integers(optional_from, count))
    for i in range(count):
        kind = draw(st.sampled_from("A0X"))
        width = draw(st.integers(1, 4))
        mark = "?" if i >= optional_from else ""
        if i:
            parts.append(draw(st.sampled_from(["-", ".", "/", "_", "::"])))
        parts.append(f"{{s{i}:{kind * width}{mark}}}")
        if i < present:
            alphabet = {"A": UPPER.lower(), "0": "0123456789", "X": UPPER + "0123456789"}[kind]
            values.append(draw(st.text(alphabet=alphabet, min_size=1, max_size=width)))
    return LocationPattern("".join(parts)), values


@given(pattern_and_values())
def test_any_pattern_round_trips(case: tuple[LocationPattern, list[str]]) -> None:
    pattern, values = case
    raw = dict(zip(pattern.names, values))
    text = pattern.format(raw)
    code = pattern.parse(text)
    assert code.code == text
    assert len(code.values) == len(values)
    assert pattern.parse(text.lower()) == code
    assert pattern.format(code.segments) == text


def test_sorting_is_stable_against_shuffles() -> None:
    codes = [f"{a}-{r:02d}-{lvl}" for a in ["A", "B", "AA"] for r in (1, 2, 10) for lvl in "AB"]
    shuffled = codes[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=location_sort_key) == codes
