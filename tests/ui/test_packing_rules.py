"""The packing view's plain rules (no Qt, no database): what a scan means, packages and weights."""

from __future__ import annotations

import pytest

from station.api import ScaleReading, ScaleState
from station.domain.gs1 import GS, gs1_check_digit
from station.domain.packing import BoxSize, ItemSize
from station.domain.weights import WeightTolerance
from station.ui.controllers.packing_packages import PackagePlanner, WeightState
from station.ui.controllers.packing_scans import UnreadableScan, read_scan

GTIN = "0780123450001" + str(gs1_check_digit("0780123450001"))
SMALL = BoxSize("S", "Caja S", 250, 200, 100, 150, 5_000)
LARGE = BoxSize("M", "Caja M", 400, 300, 200, 300, 15_000)


def test_a_short_number_is_a_count_unless_it_is_a_code_of_the_order():
    assert read_scan("3").count == 3
    assert read_scan(" 12 ").count == 12
    assert read_scan("3", {"3"}).count is None  # an item whose barcode is "3"
    assert read_scan("0").count is None and read_scan("12345").count is None


def test_a_gs1_scan_gives_the_gtin_in_every_length_and_the_serial():
    scan = read_scan(f"]C101{GTIN}21SN-7{GS}10LOT")
    assert scan.gs1 and scan.serial == "SN-7"
    assert scan.codes[:2] == (GTIN, GTIN[1:])  # GTIN-14, then the EAN-13 a catalogue holds
    assert read_scan(f"(01){GTIN}(21)SN-8").serial == "SN-8"  # the human-readable form, typed


def test_an_upc_is_also_looked_up_as_ean_13_and_a_bad_check_digit_is_unreadable():
    assert read_scan("036000291452").codes == ("036000291452", "0036000291452", "00036000291452")
    assert read_scan("pol-m-roj").codes == ("pol-m-roj",)
    with pytest.raises(UnreadableScan):
        read_scan(f"]C101{GTIN[:-1]}0")


def planner(scale: bool = True) -> PackagePlanner:
    items = [ItemSize(200, 150, 50, 400, 2)]  # 800 g
    return PackagePlanner(800, items, (SMALL, LARGE), WeightTolerance(500, 20), scale)


def stable(grams: int) -> ScaleReading:
    return ScaleReading(state=ScaleState.STABLE, weight_g=grams)


def test_the_smallest_box_is_suggested_and_the_weight_checked_against_items_plus_tare():
    plan = planner()
    assert plan.current.box == SMALL and plan.expected_g() == 950
    plan.reading = stable(0)
    assert plan.status().state == WeightState.EMPTY  # nothing on the scale yet: no warning
    plan.reading = stable(960)
    assert plan.status().state == WeightState.OK and plan.status().confirmable
    plan.reading = stable(1100)
    status = plan.status()
    assert status.state == WeightState.OUT_OF_TOLERANCE and not status.confirmable and status.needs_acknowledgement
    assert plan.acknowledge() and plan.status().confirmable
    plan.change_box(1)  # another box: the acknowledgement no longer holds
    assert plan.current.box == LARGE and not plan.status().acknowledged


def test_unstable_weights_cannot_be_acknowledged_and_a_missing_scale_can():
    plan = planner()
    plan.reading = ScaleReading(state=ScaleState.UNSTABLE, weight_g=900)
    assert plan.status().state == WeightState.UNSTABLE and not plan.acknowledge()
    plan.reading = ScaleReading(state=ScaleState.TIMEOUT, message="no answer")
    assert plan.status().state == WeightState.PROBLEM and plan.acknowledge() and plan.status().confirmable
    without = planner(scale=False)
    assert without.status().state == WeightState.NO_SCALE and without.acknowledge()
    assert [p.weight_g for p in without.plans()] == [950]  # the expected weight is used


def test_packages_are_weighed_one_by_one_and_their_plans_carry_each_weight():
    plan = planner()
    assert plan.add_package() == "weigh_first"
    plan.reading = stable(500)
    assert plan.add_package() is None and plan.count == 2
    assert plan.expected_g() == 800 + 150 + 150
    plan.reading = stable(590)
    assert plan.status().state == WeightState.OK  # 500 kept + 590 live vs 1,100 expected
    assert [(p.weight_g, p.expected_weight_g) for p in plan.plans()] == [(500, 550), (590, 550)]
    assert [p.weight_g for p in plan.parcels_for_quote()] == [550, 550]
    assert plan.remove_package() and plan.count == 1 and plan.current.weight_g is None
    assert not plan.remove_package()
