"""Box suggestion: the smallest box that takes the items by size and by weight."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from station.domain.packing import BoxSize, ItemSize, suggest_box

ENVELOPE = BoxSize("SOBRE", "Sobre", 350, 250, 30, 20, 1_000)
SMALL = BoxSize("CAJA-S", "Caja S", 250, 200, 100, 150, 5_000)
MEDIUM = BoxSize("CAJA-M", "Caja M", 400, 300, 200, 300, 15_000)
LARGE = BoxSize("CAJA-L", "Caja L", 600, 400, 400, 600, 30_000)
BOXES = [LARGE, ENVELOPE, MEDIUM, SMALL]  # any order


def test_a_tshirt_goes_in_the_envelope() -> None:
    suggestion = suggest_box([ItemSize(300, 200, 20, 200)], BOXES)
    assert suggestion.box == ENVELOPE
    assert "Sobre" in suggestion.reason


def test_a_long_item_needs_a_box_whose_longest_edge_is_long_enough() -> None:
    umbrella = ItemSize(20, 550, 20, 400)  # any orientation: longest edge 550 mm
    assert suggest_box([umbrella], BOXES).box == LARGE


def test_weight_pushes_to_a_stronger_box() -> None:
    bricks = ItemSize(100, 100, 50, 1_200, quantity=5)  # small, but 6 kg
    assert suggest_box([bricks], BOXES).box == MEDIUM


def test_too_much_asks_to_split() -> None:
    suggestion = suggest_box([ItemSize(500, 400, 300, 10_000, quantity=3)], BOXES)
    assert suggestion.box is None
    assert "split" in suggestion.reason


def test_no_boxes_configured_is_said_plainly() -> None:
    assert suggest_box([ItemSize(1, 1, 1, 1)], []).reason == "No package types are set up"


sizes = st.integers(min_value=10, max_value=700)


@given(st.lists(st.builds(ItemSize, sizes, sizes, sizes, st.integers(1, 5_000), st.integers(1, 3)), min_size=1, max_size=5))
def test_the_suggested_box_is_the_smallest_that_fits(items) -> None:
    suggestion = suggest_box(items, BOXES)
    fitting = []
    for box in BOXES:
        fits = suggest_box(items, [box]).box is not None
        if fits:
            fitting.append(box)
    if not fitting:
        assert suggestion.box is None
    else:
        assert suggestion.box == min(fitting, key=lambda box: box.volume_mm3)
