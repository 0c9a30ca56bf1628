"""GS1 barcodes as scanners deliver them, and telling EAN/UPC, GS1 and our own codes apart.

Vectors: the check-digit examples of the GS1 General Specifications §7.9.1 (GTIN-13 629104150021 → 3,
SSCC 37610425002123456 → 9); GS1's example GTINs with the 950 prefix (09506000134352, 95012345678903);
the EAN-13, UPC-A and EAN-8 examples 4006381333931, 036000291452 and 96385074.
"""

from __future__ import annotations

import doctest
import re
from datetime import date
from itertools import cycle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import station.domain.gs1 as gs1_module
from station.domain import DomainError
from station.domain.gs1 import (
    AI_TABLE,
    GS,
    InvalidGs1,
    InvalidScan,
    ScanKind,
    build_element_string,
    classify_scan,
    format_hri,
    gs1_check_digit,
    gtin_keys,
    is_valid_check_digit,
    parse_gs1,
)

TODAY = date(2025, 6, 1)


def reference_check_digit(digits: str) -> int:
    """Textbook GS1 mod 10, written apart from the module: weights 3, 1, 3 … from the right."""
    total = sum(int(d) * w for d, w in zip(reversed(digits), cycle((3, 1))))
    return -total % 10


# -- check digits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "check"),
    [
        ("629104150021", 3),  # GS1 General Specifications §7.9.1, GTIN-13 example
        ("37610425002123456", 9),  # GS1 General Specifications §7.9.1, SSCC example
        ("0950600013435", 2),  # GS1 example GTIN-14 09506000134352
        ("400638133393", 1),  # EAN-13 4006381333931
        ("03600029145", 2),  # UPC-A 036000291452
        ("9638507", 4),  # EAN-8 96385074
    ],
)
def test_check_digits_of_published_examples(digits: str, check: int) -> None:
    assert gs1_check_digit(digits) == check
    assert is_valid_check_digit(digits + str(check))
    assert not is_valid_check_digit(digits + str((check + 1) % 10))


@given(st.text("0123456789", min_size=1, max_size=17))
def test_check_digit_matches_the_reference(digits: str) -> None:
    assert gs1_check_digit(digits) == reference_check_digit(digits)


@given(st.text("0123456789", min_size=7, max_size=17), st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_error_is_caught(digits: str, index: int, bump: int) -> None:
    number = digits + str(gs1_check_digit(digits))
    index %= len(number)
    wrong = number[:index] + str((int(number[index]) + bump) % 10) + number[index + 1 :]
    assert not is_valid_check_digit(wrong)


# -- the forms a scanner delivers -------------------------------------------------------------------


def test_gs1_128_with_aim_prefix_and_group_separators() -> None:
    scan = "]C1" + "0109506000134352" + "10ABC123" + GS + "17261231" + "21SN-0042" + GS + "3102000400"
    data = parse_gs1(scan, today=TODAY)
    assert data.symbology == "]C1"
    assert data.gtin == "09506000134352"
    assert data.lot == "ABC123"
    assert data.expiry == date(2026, 12, 31)
    assert data.serial == "SN-0042"
    assert data.net_weight_g == 4000  # 3102: kilograms with two decimals, 4.00 kg
    assert dict(data.ais) == {"01": "09506000134352", "10": "ABC123", "17": "261231", "21": "SN-0042", "3102": "000400"}
    assert [e.ai for e in data.elements] == ["01", "10", "17", "21", "3102"]
    assert data.elements[1].position == 19 and data.elements[1].title == "BATCH/LOT"


def test_human_readable_form_gives_the_same_data() -> None:
    raw = parse_gs1("0107801234567894" + "10LOT42" + GS + "17261231", today=TODAY)
    hri = parse_gs1("(01)07801234567894(10)LOT42(17)261231", today=TODAY)
    spaced = parse_gs1(" (01) 07801234567894 (10) LOT42 (17) 261231\r\n", today=TODAY)
    assert raw == hri == spaced
    assert hri.gtin == "07801234567894" and hri.lot == "LOT42" and hri.expiry == date(2026, 12, 31)
    assert hri.element_string == "0107801234567894" + "10LOT42" + GS + "17261231"
    assert raw.hri == "(01)07801234567894(10)LOT42(17)261231"


def test_variable_field_at_the_end_needs_no_separator() -> None:
    data = parse_gs1("]d2" + "0109506000134352" + "17270500" + "10BATCH/7", today=TODAY)
    assert data.lot == "BATCH/7"
    assert data.expiry == date(2027, 5, 31)  # DD = 00: the last day of the month


def test_leading_trailing_and_doubled_separators_are_harmless() -> None:
    data = parse_gs1(GS + "10A1" + GS + GS + "21XYZ" + GS, today=TODAY)
    assert (data.lot, data.serial) == ("A1", "XYZ")


def test_sscc_pallet_label_with_contents_and_count() -> None:
    scan = "]C1" + "00376104250021234569" + "0209506000134352" + "3712" + GS + "400PO-2024/77"
    data = parse_gs1(scan, today=TODAY)
    assert data.sscc == "376104250021234569"
    assert data.content_gtin == "09506000134352" and data.gtin is None
    assert data.count == 12
    assert data.ais["400"] == "PO-2024/77"


def test_ship_to_gln_and_postal_code() -> None:
    data = parse_gs1("(410)6291041500213(420)8320000", today=TODAY)
    assert data.ais == {"410": "6291041500213", "420": "8320000"}


def test_fixed_length_ais_outside_the_predefined_table_need_a_separator() -> None:
    # 422 is N3 and 8008 N8+N..4, but only 00-04, 11-20, 31-36 and 41 go without FNC1 (GenSpecs §7.8).
    data = parse_gs1("422152" + GS + "800825061512" + GS + "10L1", today=TODAY)
    assert data.ais == {"422": "152", "8008": "25061512", "10": "L1"}
    assert build_element_string([("422", "152"), ("10", "L1")]) == "422152" + GS + "10L1"


@pytest.mark.parametrize(
    ("ai", "value", "grams"),
    [
        ("3100", "000005", 5000),
        ("3103", "001250", 1250),
        ("3105", "001234", 12),
        ("3105", "001250", 13),
        ("3203", "001000", 454),
    ],
)
def test_net_weight_in_whole_grams(ai: str, value: str, grams: int) -> None:
    assert parse_gs1(f"({ai}){value}", today=TODAY).net_weight_g == grams


def test_count_of_a_variable_measure_item() -> None:
    assert parse_gs1("3024" + GS + "10L", today=TODAY).count == 24


# -- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "yymmdd", "expected"),
    [
        (date(2025, 6, 1), "751231", date(2075, 12, 31)),  # 50 years ahead: this century
        (date(2025, 6, 1), "761231", date(1976, 12, 31)),  # 51 ahead: the previous century
        (date(2060, 1, 1), "100101", date(2110, 1, 1)),  # 50 behind: the next century
        (date(2060, 1, 1), "110101", date(2011, 1, 1)),  # 49 behind: this century
        (date(2025, 6, 1), "240200", date(2024, 2, 29)),  # DD = 00 in a leap February
        (date(2025, 6, 1), "250200", date(2025, 2, 28)),
    ],
)
def test_century_rule_and_end_of_month(today: date, yymmdd: str, expected: date) -> None:
    assert parse_gs1(f"17{yymmdd}", today=today).expiry == expected
    assert parse_gs1(f"15{yymmdd}", today=today).best_before == expected


@pytest.mark.parametrize(("yymmdd", "what"), [("261301", "month 13"), ("260230", "day 30"), ("260000", "month 00")])
def test_impossible_dates_are_refused(yymmdd: str, what: str) -> None:
    with pytest.raises(InvalidGs1, match=f"AI 17 has {what}"):
        parse_gs1(f"0109506000134352 17{yymmdd}".replace(" ", ""), today=TODAY)


# -- what is wrong, and where -----------------------------------------------------------------------


def test_bad_check_digit_names_the_ai_and_the_expected_digit() -> None:
    with pytest.raises(InvalidGs1) as caught:
        parse_gs1("]C1" + "0109506000134353" + "10X", today=TODAY)
    assert str(caught.value) == "AI 01 09506000134353 has check digit 3, expected 2 (character 4)"
    assert (caught.value.ai, caught.value.position) == ("01", 3)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, DomainError)


def test_truncated_fixed_field() -> None:
    with pytest.raises(InvalidGs1) as caught:
        parse_gs1("0107801234567894" + "172612", today=TODAY)
    assert str(caught.value) == "AI 17 expects 6 digits, got '2612' (character 17)"


def test_fixed_field_cut_short_by_a_separator() -> None:
    with pytest.raises(InvalidGs1, match="AI 17 expects 6 digits, got '2612'"):
        parse_gs1("]C1" + "172612" + GS + "10ABC", today=TODAY)


def test_missing_separator_after_a_variable_field_is_suggested() -> None:
    with pytest.raises(InvalidGs1, match=r"AI 10 expects 1 to 20 characters, .*is a GS separator missing\?"):
        parse_gs1("10LOT42" + "17261231" + "21SERIAL0000000001", today=TODAY)


@pytest.mark.parametrize(
    ("scan", "message"),
    [
        ("]C1", "the scan holds no GS1 data"),
        ("0109506000134352" + "99" + "", "AI 99 expects 1 to 90 characters, got ''"),
        ("2612345", "unknown application identifier at '2612'"),
        ("01ABCDEFGHIJKLMN", "AI 01 expects 14 digits, got 'ABCDEFGHIJKLMN'"),
        ("(01)09506000134352(17)2612", "AI 17 expects 6 digits, got '2612' (character 19)"),
        ("(98)X(77)Y", "unknown application identifier (77)"),
        ("01x", "AI 01 expects 14 digits"),
        ("10A" + GS + "10B", "AI 10 appears twice with different data: 'A' and 'B'"),
        ("10A\x07B", "AI 10 expects 1 to 20 characters, got 'A\\x07B'"),
    ],
)
def test_broken_scans_say_what_is_wrong(scan: str, message: str) -> None:
    with pytest.raises(InvalidGs1, match=re.escape(message)):
        parse_gs1(scan, today=TODAY)


# -- round trips ------------------------------------------------------------------------------------

_DIGIT = "0123456789"
_CHAR82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
# The predefined-length table of GS1 GenSpecs §7.8, kept apart from the module so a slip there shows.
_NO_SEPARATOR = ("00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "31", "32", "33", "34", "35", "36", "41")  # fmt: skip


@st.composite
def ai_values(draw: st.DrawFn) -> tuple[str, str]:
    """A known AI with data that fits its format: valid check digits and dates included."""
    ai = draw(st.sampled_from(sorted(AI_TABLE)))
    spec = AI_TABLE[ai]
    value = ""
    for part in spec.format.split("+"):
        kind, size = part[0], int(part.lstrip("NX."))
        low = 1 if ".." in part and spec.min_length == 1 else (0 if ".." in part else size)
        value += draw(st.text(_DIGIT if kind == "N" else _CHAR82, min_size=low, max_size=size))
    if ai in ("11", "12", "13", "15", "16", "17"):
        day = draw(st.dates(date(2000, 1, 1), date(2049, 12, 31)))
        value = day.strftime("%y%m%d")
    checked = {"00": 18, "01": 14, "02": 14, "03": 14, "253": 13, "402": 17, "8003": 14, "8006": 14, "8018": 18}
    length = checked.get(ai, 13 if ai.startswith("41") and len(ai) == 3 and ai[2] in "0123456" else 0)
    if length:
        value = value[: length - 1] + str(reference_check_digit(value[: length - 1])) + value[length:]
    return ai, value


def distinct_ais(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list({ai: (ai, value) for ai, value in pairs}.values())


def element_string(pairs: list[tuple[str, str]]) -> str:
    """What a barcode carries, built by hand: FNC1 (GS) after every variable field but the last."""
    out = ""
    for index, (ai, value) in enumerate(pairs):
        out += ai + value
        if ai[:2] not in _NO_SEPARATOR and index < len(pairs) - 1:
            out += GS
    return out


@given(
    st.lists(ai_values(), min_size=1, max_size=8).map(distinct_ais), st.sampled_from(["", "]C1", "]d2", "]Q3", "]e0"])
)
def test_any_element_string_parses_back_to_its_elements(pairs: list[tuple[str, str]], prefix: str) -> None:
    text = prefix + element_string(pairs)
    data = parse_gs1(text, today=TODAY)
    assert [(e.ai, e.value) for e in data.elements] == pairs
    assert data.symbology == prefix
    assert data.element_string == element_string(pairs) == build_element_string(pairs)
    for element in data.elements:
        assert text[element.position :].startswith(element.ai + element.value)


@given(st.lists(ai_values(), min_size=1, max_size=8).map(distinct_ais))
def test_human_readable_form_round_trips(pairs: list[tuple[str, str]]) -> None:
    hri = format_hri(pairs)
    assert [(e.ai, e.value) for e in parse_gs1(hri, today=TODAY).elements] == pairs
    assert parse_gs1(hri, today=TODAY) == parse_gs1(element_string(pairs), today=TODAY)


@given(ai_values(), st.integers(1, 5))
def test_a_truncated_predefined_field_is_never_accepted(pair: tuple[str, str], cut: int) -> None:
    ai, value = pair
    if ai[:2] not in _NO_SEPARATOR:
        return
    with pytest.raises(InvalidGs1, match=f"AI {ai} expects"):
        parse_gs1(ai + value[: max(0, len(value) - cut)], today=TODAY)


# -- classifying a scan -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scan", "kind", "code", "keys"),
    [
        ("4006381333931", ScanKind.EAN13, "4006381333931", ("4006381333931", "04006381333931")),
        ("036000291452", ScanKind.UPC_A, "036000291452", ("036000291452", "0036000291452", "00036000291452")),
        ("0036000291452", ScanKind.EAN13, "0036000291452", ("0036000291452", "036000291452", "00036000291452")),
        ("96385074", ScanKind.EAN8, "96385074", ("96385074", "0000096385074", "000096385074", "00000096385074")),
        ("]E00036000291452\r\n", ScanKind.EAN13, "0036000291452", ("0036000291452", "036000291452", "00036000291452")),
        ("]E496385074", ScanKind.EAN8, "96385074", ("96385074", "0000096385074", "000096385074", "00000096385074")),
        ("]I109506000134352", ScanKind.GTIN14, "09506000134352", ("09506000134352", "9506000134352")),
        ("4006381333932", ScanKind.PLAIN, "4006381333932", ("4006381333932",)),  # wrong check: not an EAN
        ("]C04006381333931", ScanKind.PLAIN, "4006381333931", ("4006381333931",)),  # Code 128 says so
        ("SO-10042", ScanKind.PLAIN, "SO-10042", ("SO-10042",)),
        ("]Q1https://example.cl/o/77", ScanKind.PLAIN, "https://example.cl/o/77", ("https://example.cl/o/77",)),
        ("A-01-B", ScanKind.PLAIN, "A-01-B", ("A-01-B",)),
        ("12345", ScanKind.PLAIN, "12345", ("12345",)),
        ("[)>\x1e06\x1dP12345\x1d1JUN123\x1e\x04", ScanKind.PLAIN, None, None),  # ISO/IEC 15434, carrier labels
        ("]C0AB" + GS + "CD", ScanKind.PLAIN, "AB" + GS + "CD", ("AB" + GS + "CD",)),  # plain Code 128 with FNC1
    ],
)
def test_classify_barcodes(scan: str, kind: ScanKind, code: str | None, keys: tuple[str, ...] | None) -> None:
    result = classify_scan(scan, today=TODAY)
    code = scan.strip(" \r\n") if code is None else code
    assert (result.kind, result.code, result.keys, result.gs1) == (kind, code, keys or (code,), None)


@pytest.mark.parametrize(
    "scan",
    [
        "]d2" + "0109506000134352" + "10ABC" + GS + "17261231",  # GS1 DataMatrix with its AIM prefix
        "0109506000134352" + "10ABC" + GS + "17261231",  # no prefix, but a GS
        "(01)09506000134352(10)ABC(17)261231",  # human-readable
        "0109506000134352" + "17261231" + "10ABC",  # no prefix, no GS: a GTIN with a valid check digit
    ],
)
def test_classify_gs1(scan: str) -> None:
    result = classify_scan(scan, today=TODAY)
    assert result.kind is ScanKind.GS1
    assert result.gs1 is not None and result.gs1.lot == "ABC" and result.gs1.expiry == date(2026, 12, 31)
    assert result.keys == ("09506000134352", "9506000134352")
    assert parse_gs1(result.code, today=TODAY).elements == parse_gs1(scan, today=TODAY).elements


def test_classify_sscc_label_is_looked_up_by_its_sscc() -> None:
    result = classify_scan("]C100376104250021234569", today=TODAY)
    assert (result.kind, result.keys) == (ScanKind.GS1, ("376104250021234569",))


def test_digits_that_only_look_like_gs1_are_plain() -> None:
    assert classify_scan("0109506000134352999", today=TODAY).kind is ScanKind.GS1  # 99: company internal
    assert classify_scan("01095060001343521", today=TODAY).kind is ScanKind.PLAIN  # "1" is no AI


def test_classify_refuses_declared_barcodes_that_are_broken() -> None:
    with pytest.raises(InvalidGs1, match="EAN-13 4006381333932 has check digit 2, expected 1"):
        classify_scan("]E04006381333932")
    with pytest.raises(InvalidGs1, match="AI 17 expects 6 digits"):
        classify_scan("]C1" + "172612")
    with pytest.raises(InvalidScan, match="the scan is empty"):
        classify_scan(" \r\n")


def test_gtin_keys_cover_every_length() -> None:
    assert gtin_keys("00000096385074") == ("00000096385074", "0000096385074", "000096385074", "96385074")
    assert gtin_keys("19506000134359") == ("19506000134359",)


def test_docstring_examples_hold() -> None:
    result = doctest.testmod(gs1_module)
    assert result.failed == 0 and result.attempted > 0
