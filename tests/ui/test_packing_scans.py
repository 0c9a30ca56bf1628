"""Scanning at the packing bench: orders, wrong items, over-scans, counts, serial numbers, GS1."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_packing_support import PHONE_GTIN, SHIRT_EAN, Bench, PackingWorld

from station.db import Database
from station.db.models import Order
from station.domain.gs1 import GS

pytest_plugins = ["test_packing_support"]
WAIT = 10_000


def open_order(qtbot: QtBot, bench: Bench, number: str = "JLS-000001") -> None:
    with qtbot.waitSignal(bench.controller.sig_order_opened, timeout=WAIT):
        bench.scan(qtbot, number)


def counts(bench: Bench) -> dict[str, int]:
    return {line.sku: line.verified for line in bench.controller.lines_model.lines}


def wedge(qtbot: QtBot, bench: Bench, code: str) -> None:
    """A keyboard-wedge scanner typing `code` (GS as Ctrl+]) then Enter, a key every 4 ms."""
    field = bench.view.scan_field
    field.setFocus()
    stamp = 50_000
    with qtbot.waitSignal(bench.controller.sig_scan_handled, timeout=5_000):
        for char in [*code, "\r"]:
            stamp += 4
            if char == GS:
                key, mods, text = Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, GS
            elif char == "\r":
                key, mods, text = Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
            else:
                key, mods, text = ord(char.upper()), Qt.KeyboardModifier.NoModifier, char
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, mods, text)
                event.setTimestamp(stamp)
                QApplication.sendEvent(field, event)


def test_an_unknown_code_is_refused_in_red_with_a_sound_and_nothing_changes(qtbot: QtBot, bench: Bench, beeps: list[str]):
    with qtbot.waitSignal(bench.controller.sig_refused, timeout=WAIT) as refused:
        bench.scan(qtbot, "NO-SUCH-ORDER")
    assert refused.args == ["No order, channel order id or tote label “NO-SUCH-ORDER”. Nothing changed."]
    assert bench.view.message_kind == "error" and beeps == ["beep"]
    assert bench.controller.session is None and bench.view.page == 0


def test_the_channels_order_id_opens_the_order_and_an_order_on_hold_says_why(
    qtbot: QtBot, bench: Bench, database: Database, packing_world: PackingWorld, beeps: list[str]
):
    open_order(qtbot, bench, "MLC-JLS-000001")  # the channel's order id
    assert bench.view.order_label.text() == "JLS-000001"
    assert "Mercado Libre MLC-JLS-000001" in bench.view.customer_label.text()

    with database.unit_of_work() as uow:
        order = uow.session.get(Order, packing_world.phone_order_id)
        order.state, order.hold_reason = "on_hold", "Cliente pidió cambio de dirección"
        uow.commit()
    bench.key(qtbot, Qt.Key.Key_Escape)  # leave JLS-000001 …
    bench.key(qtbot, Qt.Key.Key_Return)  # … yes
    with qtbot.waitSignal(bench.controller.sig_refused, timeout=WAIT) as refused:
        bench.scan(qtbot, "JLS-000002")
    assert refused.args[0] == (
        "This order cannot be packed: Order JLS-000002 is on hold: Cliente pidió cambio de dirección"
    )


def test_a_wrong_item_is_red_with_a_sound_naming_what_was_scanned_and_what_was_expected(
    qtbot: QtBot, bench: Bench, beeps: list[str]
):
    open_order(qtbot, bench)
    bench.scan(qtbot, "TAZ-01")
    with qtbot.waitSignal(bench.controller.sig_refused) as refused:
        bench.scan(qtbot, "TEL-01")  # in stock, but not in this order
    assert refused.args == ["Wrong item: TEL-01 is not in this order. Expected: POL-M-ROJ"]
    assert bench.view.message_kind == "error"
    assert bench.view.message.text() == refused.args[0]
    assert beeps == ["beep"]
    assert counts(bench) == {"POL-M-ROJ": 0, "TAZ-01": 1}  # nothing changed


def test_an_over_scan_is_refused(qtbot: QtBot, bench: Bench, beeps: list[str]):
    open_order(qtbot, bench)
    bench.scan(qtbot, "TAZ-01")
    bench.scan(qtbot, "TAZ-01")
    assert bench.view.message.text() == "TAZ-01: all 1 already scanned. Put the extra one back."
    assert counts(bench) == {"POL-M-ROJ": 0, "TAZ-01": 1} and beeps == ["beep"]


def test_a_count_typed_before_the_scan_counts_that_many(qtbot: QtBot, bench: Bench, beeps: list[str]):
    open_order(qtbot, bench)
    bench.scan(qtbot, "3")  # one too many …
    assert bench.view.count_chip.text() == "× 3"
    bench.scan(qtbot, SHIRT_EAN)
    assert bench.view.message.text() == "POL-M-ROJ: you counted 3, but only 2 more are expected. Nothing counted."
    assert counts(bench)["POL-M-ROJ"] == 0 and beeps == ["beep"]
    assert bench.view.count_chip.isHidden()

    bench.scan(qtbot, "2")  # … then right
    bench.scan(qtbot, SHIRT_EAN)
    assert counts(bench)["POL-M-ROJ"] == 2
    assert bench.view.message.text() == "POL-M-ROJ: 2 of 2"


def test_ctrl_q_asks_how_many_of_the_highlighted_line(qtbot: QtBot, bench: Bench, beeps: list[str]):
    open_order(qtbot, bench)
    bench.key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert bench.view.prompt.question.text() == "How many POL-M-ROJ (Polera M roja)? 2 still expected."
    assert bench.window.focusWidget() is bench.view.prompt.answer
    qtbot.keyClicks(bench.view.prompt.answer, "5")
    bench.key(qtbot, Qt.Key.Key_Return)
    assert bench.view.message.text() == "Type a number from 1 to 2." and beeps == ["beep"]
    bench.view.prompt.answer.clear()
    qtbot.keyClicks(bench.view.prompt.answer, "2")
    bench.key(qtbot, Qt.Key.Key_Return)
    assert counts(bench)["POL-M-ROJ"] == 2 and bench.view.prompt.isHidden()
    assert bench.window.focusWidget() is bench.view.scan_field

    bench.key(qtbot, Qt.Key.Key_Down)  # the next line
    bench.key(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert bench.view.prompt.question.text().startswith("How many TAZ-01")
    bench.key(qtbot, Qt.Key.Key_Escape)
    assert bench.view.prompt.isHidden() and counts(bench)["TAZ-01"] == 0


def test_serial_tracked_items_ask_for_each_serial(qtbot: QtBot, bench: Bench, beeps: list[str]):
    open_order(qtbot, bench, "JLS-000002")
    bench.scan(qtbot, PHONE_GTIN[1:])  # the phone's EAN-13
    assert bench.view.message.text() == "TEL-01: now scan its serial number (Esc cancels)."
    assert counts(bench) == {"TEL-01": 0}
    bench.scan(qtbot, PHONE_GTIN[1:])  # the product barcode again, instead of the serial
    assert bench.view.message.text() == "TEL-01: that is the product barcode. Scan the serial number label."
    bench.scan(qtbot, "SN-9999")
    assert bench.view.message.text() == "Serial SN-9999 is not a TEL-01 in stock here. Check the unit."
    bench.scan(qtbot, "SN-1001")
    assert bench.view.message.text() == "TEL-01 serial SN-1001: 1 of 2"
    assert beeps == ["beep", "beep"]
    bench.scan(qtbot, "2")
    bench.scan(qtbot, "TEL-01")
    assert bench.view.message.text() == "TEL-01 has serial numbers: scan each unit and its serial, one by one."
    assert counts(bench) == {"TEL-01": 1}


def test_a_gs1_128_scan_with_gs_separators_finds_the_item_by_gtin_and_takes_its_serial(qtbot: QtBot, bench: Bench):
    open_order(qtbot, bench, "JLS-000002")
    wedge(qtbot, bench, f"]C101{PHONE_GTIN}21SN-1002{GS}10LOT7")
    assert bench.view.message.text() == "TEL-01 serial SN-1002: 1 of 2"
    wedge(qtbot, bench, f"01{PHONE_GTIN}21SN-1002{GS}10LOT7")  # the same unit again
    assert bench.view.message.text() == "Serial SN-1002 is already scanned for TEL-01."
    wedge(qtbot, bench, f"01{PHONE_GTIN}21SN-1003")
    assert bench.controller.complete
    assert bench.controller.lines_model.lines[0].serials == ["SN-1002", "SN-1003"]


def test_ctrl_n_opens_the_order_that_waited_longest_and_esc_leaves_it(qtbot: QtBot, bench: Bench, beeps: list[str]):
    with qtbot.waitSignal(bench.controller.sig_order_opened, timeout=WAIT) as opened:
        bench.key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == ["JLS-000001"]
    bench.scan(qtbot, "TAZ-01")
    bench.key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # not while one is open
    assert bench.view.message.text() == "Order JLS-000001 is open: finish it, or Esc to leave it first."

    bench.key(qtbot, Qt.Key.Key_Escape)
    assert bench.view.prompt.question.text().startswith("Leave order JLS-000001?")
    bench.key(qtbot, Qt.Key.Key_Escape)  # stay
    assert bench.controller.session is not None and counts(bench)["TAZ-01"] == 1
    bench.key(qtbot, Qt.Key.Key_Escape)
    with qtbot.waitSignal(bench.controller.sig_order_left):
        bench.key(qtbot, Qt.Key.Key_Return)  # leave
    assert bench.view.page == 0 and bench.controller.session is None
