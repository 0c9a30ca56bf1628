"""The variant matrix: every combination once, unique ASCII SKU codes, valid internal EAN-13s."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.gs1 import classify_scan, is_valid_check_digit
from station.domain.variant_matrix import (
    Axis,
    MatrixError,
    ascii_code,
    image_kind,
    internal_ean13,
    next_internal_ean13,
    parse_values,
    plan_matrix,
    value_codes,
)

value_text = st.text(alphabet="aábcdeéfgilmnñoóprstuúxyzAÑÉ0123456789 -,.", min_size=1, max_size=12).filter(
    lambda text: ascii_code(text) != ""
)


@st.composite
def axes_strategy(draw: st.DrawFn) -> list[Axis]:
    names = draw(
        st.lists(st.sampled_from(["size", "colour", "material", "capacity"]), min_size=0, max_size=3, unique=True)
    )
    axes = []
    for name in names:
        values = draw(st.lists(value_text, min_size=1, max_size=5, unique_by=str.casefold))
        axes.append(Axis(name, tuple(values)))
    return axes


@given(axes_strategy())
def test_every_combination_exactly_once_with_unique_ascii_skus(axes: list[Axis]) -> None:
    planned = plan_matrix("Pol-01", "Polera", axes)
    expected = {tuple(values) for values in itertools.product(*(axis.values for axis in axes))}
    got = [tuple(plan.attributes[axis.name] for axis in axes) for plan in planned]
    assert len(got) == len(expected) and set(got) == expected
    skus = [plan.sku for plan in planned]
    assert len(set(skus)) == len(skus)
    for sku in skus:
        assert sku.startswith("POL-01") and sku.isascii() and sku == sku.upper()
        assert all(part and part.isalnum() for part in sku.split("-"))


@given(st.integers(min_value=0, max_value=10**9 - 31), st.integers(min_value=1, max_value=30))
def test_internal_ean13s_are_valid_new_and_scan_as_gtins(highest: int, count: int) -> None:
    taken = [internal_ean13(highest)] if highest else []
    taken.append("7804512000014")  # a maker's EAN: not ours, does not move the counter
    codes = next_internal_ean13(taken, count)
    assert len(set(codes)) == count and not set(codes) & set(taken)
    for code in codes:
        assert len(code) == 13 and code.startswith("200") and is_valid_check_digit(code)
        assert classify_scan(code).code == code


def test_skus_and_names_read_like_the_shop_writes_them() -> None:
    axes = [Axis("size", ("S", "M", "L")), Axis("colour", ("Rojo", "Azul"))]
    planned = plan_matrix("POL-100", "Polera Básica", axes)
    assert [plan.sku for plan in planned[:2]] == ["POL-100-S-ROJ", "POL-100-S-AZU"]
    assert planned[1].name == "Polera Básica S Azul"
    assert planned[1].attributes == {"size": "S", "colour": "Azul"}


def test_accents_and_enie_fold_to_ascii_and_clashing_values_stay_apart() -> None:
    assert ascii_code("Piña Colada 1,5 L") == "PINACOLADA15L"
    assert value_codes(Axis("colour", ("Azul", "Azul marino", "Azulado", "Ñandú"))) == {
        "Azul": "AZU",
        "Azul marino": "AZULMARINO",
        "Azulado": "AZULADO",
        "Ñandú": "NAN",
    }
    # A value added at the end never changes the codes of the ones before it.
    assert value_codes(Axis("colour", ("Azul", "Azul marino")))["Azul"] == "AZU"


def test_the_product_code_keeps_its_dashes_like_the_demo_catalogue() -> None:
    assert plan_matrix("pol 001", "Polera", [Axis("size", ("M",))])[0].sku == "POL-001-M"
    assert plan_matrix("Añil-02", "Polera", [Axis("size", ("M",))])[0].sku == "ANIL-02-M"


def test_a_product_without_axes_is_one_sku() -> None:
    [only] = plan_matrix("taza-01", "Taza", [])
    assert (only.sku, only.name, only.attributes) == ("TAZA-01", "Taza", {})


@pytest.mark.parametrize(
    ("axes", "message"),
    [
        ([Axis("size", ())], "Axis 'size' has no values"),
        ([Axis("size", ("S",)), Axis("Size", ("M",))], "Axis 'Size' appears twice"),
        ([Axis("size", ("S", "s"))], "value 's' appears twice"),
        ([Axis(" ", ("S",))], "An axis needs a name"),
        ([Axis("size", ("¿?",))], "value '¿?' has no letter or digit"),
    ],
)
def test_bad_axes_are_named(axes: list[Axis], message: str) -> None:
    with pytest.raises(MatrixError, match=message.replace("?", r"\?")):
        plan_matrix("P1", "Polera", axes)


def test_values_typed_with_commas() -> None:
    assert parse_values(" S, M ,L,,m, XL ") == ("S", "M", "L", "XL")


def test_image_files_are_told_by_their_first_bytes() -> None:
    assert image_kind(b"\x89PNG\r\n\x1a\n....") == "png"
    assert image_kind(b"\xff\xd8\xff\xe0") == "jpg"
    assert image_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert image_kind(b"name,sku\n") is None
