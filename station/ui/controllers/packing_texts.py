"""Every sentence the packing view says, translated (the services' own messages are English).

Messages name what was scanned and what was expected, and say what to do next.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from station.api import Rate, ScaleState
from station.domain.packing import BoxSize
from station.domain.weights import WeightCheck
from station.hardware.printing.status import (
    BUFFER_FULL,
    HEAD_OPEN,
    OUT_OF_LABELS,
    OVER_TEMPERATURE,
    PAUSED,
    RIBBON_OUT,
)
from station.services.packing import PackLine
from station.ui.controllers.packing_packages import WeightState, WeightStatus


def kg(grams: int) -> str:
    """Grams as kilograms with three decimals, in the language's number format: "1,250 kg"."""
    return QLocale().toString(grams / 1000, "f", 3) + " kg"


class PackingTexts(QObject):
    # -- steps and keys ------------------------------------------------------------------------

    def steps(self) -> list[str]:
        return [self.tr("Order"), self.tr("Items"), self.tr("Weigh and box"), self.tr("Carrier"), self.tr("Label")]

    def idle(self) -> tuple[str, str]:
        return (
            self.tr("Scan an order"),
            self.tr("Our order number, the channel's order id or the tote label — or Ctrl+N for the next order in the queue."),
        )

    def keys_idle(self, done: bool) -> list[tuple[str, str]]:
        keys = [(self.tr("Scan"), self.tr("open an order")), ("Ctrl+N", self.tr("next order"))]
        if done:
            keys += [("Ctrl+L", self.tr("reprint label")), ("Ctrl+Shift+L", self.tr("void label"))]
        return keys

    def keys_items(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Scan"), self.tr("item")), (self.tr("number + Enter"), self.tr("count for the next scan")),
            ("Ctrl+Q", self.tr("count for the line")), ("↑ ↓", self.tr("line")), ("Ctrl+B", self.tr("box")),
            ("Ctrl+H", self.tr("hold")), ("Esc", self.tr("leave order")),
        ]

    def keys_packing(self) -> list[tuple[str, str]]:
        return [
            ("Enter", self.tr("confirm: label and ship")), ("↑ ↓", self.tr("carrier")), ("Ctrl+B", self.tr("box")),
            ("Ctrl+P", self.tr("add package")), ("Ctrl+Shift+P", self.tr("remove package")),
            ("Ctrl+W", self.tr("accept weight")), ("Ctrl+R", self.tr("rates again")), ("Ctrl+H", self.tr("hold")),
            ("Esc", self.tr("leave order")),
        ]

    def keys_prompt(self) -> list[tuple[str, str]]:
        return [("Enter", self.tr("answer")), ("Esc", self.tr("cancel"))]

    # -- the order -------------------------------------------------------------------------------

    def order_opened(self, number: str) -> str:
        return self.tr("Order %1: scan each item.").replace("%1", number)

    def customer(self, name: str, comuna: str, region: str, level: str, channel: str, external: str) -> str:
        place = ", ".join(part for part in (comuna, region) if part)
        level_text = {"express": self.tr("Express"), "pickup": self.tr("Pickup")}.get(level, self.tr("Standard"))
        origin = f"{channel} {external}".strip() or self.tr("Direct")
        return f"{name} · {place}\n{level_text} · {origin}"

    def queue_empty(self) -> str:
        return self.tr("No order is waiting to be packed.")

    def order_busy(self, number: str) -> str:
        return self.tr("Order %1 is open: finish it, or Esc to leave it first.").replace("%1", number)

    def unknown_order(self, code: str) -> str:
        return self.tr("No order, channel order id or tote label “%1”. Nothing changed.").replace("%1", code)

    def order_refused(self, reason: str) -> str:
        return self.tr("This order cannot be packed: %1").replace("%1", reason)

    def leave_question(self, number: str) -> tuple[str, str]:
        return (
            self.tr("Leave order %1? The items scanned so far are forgotten; nothing was saved.").replace("%1", number),
            self.tr("Enter: leave · Esc: stay"),
        )

    def left(self, number: str) -> str:
        return self.tr("Order %1 left as it was. Scan the next order.").replace("%1", number)

    def wait(self) -> str:
        return self.tr("One moment: the station is still working on the last step.")

    # -- items -------------------------------------------------------------------------------------

    def counted(self, line: PackLine) -> str:
        return self.tr("%1: %2 of %3").replace("%1", line.sku).replace("%2", str(line.verified)).replace("%3", str(line.expected))

    def serial_counted(self, line: PackLine, serial: str) -> str:
        return self.tr("%1 serial %2: %3 of %4").replace("%1", line.sku).replace("%2", serial).replace(
            "%3", str(line.verified)).replace("%4", str(line.expected))

    def wrong_item(self, scanned: str, sku: str | None, expected: list[str]) -> str:
        what = f"{sku} ({scanned})" if sku else scanned
        left = ", ".join(expected) if expected else self.tr("nothing left")
        return self.tr("Wrong item: %1 is not in this order. Expected: %2").replace("%1", what).replace("%2", left)

    def over_scan(self, sku: str, expected: int) -> str:
        return self.tr("%1: all %2 already scanned. Put the extra one back.").replace("%1", sku).replace("%2", str(expected))

    def too_many(self, sku: str, count: int, remaining: int) -> str:
        return self.tr("%1: you counted %2, but only %3 more are expected. Nothing counted.").replace(
            "%1", sku).replace("%2", str(count)).replace("%3", str(remaining))

    def unreadable(self, scanned: str, reason: str) -> str:
        return self.tr("Cannot read the barcode “%1”: %2. Scan it again.").replace("%1", scanned).replace("%2", reason)

    def count_set(self, count: int) -> str:
        return self.tr("× %1: now scan the item (Esc cancels the count).").replace("%1", str(count))

    def count_question(self, line: PackLine) -> tuple[str, str]:
        return (
            self.tr("How many %1 (%2)? %3 still expected.").replace("%1", line.sku).replace("%2", line.name).replace(
                "%3", str(line.remaining)),
            self.tr("Type the number, Enter to count · Esc: cancel"),
        )

    def count_invalid(self, remaining: int) -> str:
        return self.tr("Type a number from 1 to %1.").replace("%1", str(remaining))

    def count_serial(self, sku: str) -> str:
        return self.tr("%1 has serial numbers: scan each unit and its serial, one by one.").replace("%1", sku)

    def needs_serial(self, line: PackLine) -> str:
        return self.tr("%1: now scan its serial number (Esc cancels).").replace("%1", line.sku)

    def serial_is_barcode(self, sku: str) -> str:
        return self.tr("%1: that is the product barcode. Scan the serial number label.").replace("%1", sku)

    def serial_twice(self, serial: str, sku: str) -> str:
        return self.tr("Serial %1 is already scanned for %2.").replace("%1", serial).replace("%2", sku)

    def serial_not_in_stock(self, serial: str, sku: str) -> str:
        return self.tr("Serial %1 is not a %2 in stock here. Check the unit.").replace("%1", serial).replace("%2", sku)

    def serial_cancelled(self) -> str:
        return self.tr("Serial scan cancelled; that unit is not counted.")

    def all_scanned(self) -> str:
        return self.tr("All items scanned. Close the box, put it on the scale, check the carrier, then Enter.")

    def nothing_to_count(self) -> str:
        return self.tr("Every item of this order is already scanned.")

    def items_missing(self, lines: list[PackLine]) -> str:
        missing = ", ".join(f"{line.sku} ×{line.remaining}" for line in lines if not line.done)
        return self.tr("Not every item is scanned yet: %1").replace("%1", missing)

    # -- weight and box ----------------------------------------------------------------------------

    def scale_chip(self, status: WeightStatus) -> tuple[str, str]:
        """(colour kind, text) for the scale's state."""
        if status.state == WeightState.NO_SCALE:
            return "none", self.tr("No scale")
        if status.state == WeightState.WAITING:
            return "none", self.tr("Connecting…")
        state = status.scale_state
        chips = {
            ScaleState.STABLE: ("ok", self.tr("Stable")),
            ScaleState.UNSTABLE: ("moving", self.tr("Moving")),
            ScaleState.OVERLOAD: ("bad", self.tr("Overload")),
            ScaleState.UNDERLOAD: ("bad", self.tr("Below zero")),
            ScaleState.TIMEOUT: ("bad", self.tr("Not answering")),
            ScaleState.DISCONNECTED: ("bad", self.tr("No scale")),
            ScaleState.ERROR: ("bad", self.tr("Scale error")),
        }
        return chips.get(state, ("none", "—")) if state is not None else ("none", "—")

    def expected(self, status: WeightStatus, complete: bool, allowed_g: int | None) -> str:
        if not complete:
            return self.tr("Scan every item; then the weight is checked.")
        text = self.tr("Expected %1").replace("%1", kg(status.expected_g))
        if allowed_g is not None:
            text += " ± " + kg(allowed_g)
        return text

    def verdict(self, check: WeightCheck) -> str:
        if check.ok:
            return self.tr("Weight OK")
        difference = kg(abs(check.difference_g))
        if check.too_heavy:
            return self.tr("%1 too heavy").replace("%1", difference)
        return self.tr("%1 too light").replace("%1", difference)

    def weight_warning(self, check: WeightCheck) -> str:
        return self.tr("Weight out of tolerance: the parcel weighs %1, expected %2 ± %3 (%4). Check the items, or press Ctrl+W to accept this weight.").replace("%1", kg(check.measured_g)).replace("%2", kg(check.expected_g)).replace(
            "%3", kg(check.allowed_g)).replace("%4", self.verdict(check))

    def weight_accepted(self) -> str:
        return self.tr("Weight accepted as it is.")

    def weight_ready(self) -> str:
        return self.tr("Weight OK. Enter buys the label and ships the order.")

    def no_weight(self, status: WeightStatus) -> str:
        if status.state == WeightState.NO_SCALE:
            return self.tr("No scale at this bench: press Ctrl+W to use the expected weight (%1).").replace(
                "%1", kg(status.expected_g))
        if status.state == WeightState.UNSTABLE:
            return self.tr("The scale is still moving: wait until it shows Stable.")
        if status.state == WeightState.EMPTY:
            return self.tr("Put the parcel on the scale (or press Ctrl+W to use the expected weight).")
        detail = f" ({status.scale_message})" if status.scale_message else ""
        return self.tr("No weight from the scale%1. Fix the scale, or press Ctrl+W to use the expected weight.").replace(
            "%1", detail)

    def nothing_to_accept(self) -> str:
        return self.tr("There is no weight warning to accept.")

    def box(self, box: BoxSize | None) -> str:
        if box is None:
            return self.tr("No boxes are set up")
        size = f"{box.length_mm // 10}×{box.width_mm // 10}×{box.height_mm // 10} cm"
        return f"{box.name} · {size}"

    def package_of(self, number: int, count: int) -> str:
        return self.tr("Package %1 of %2").replace("%1", str(number)).replace("%2", str(count))

    def box_reason(self, suggested: BoxSize | None, chosen: BoxSize | None) -> str:
        if suggested is None:
            return self.tr("No single box holds every item: add packages (Ctrl+P).")
        if chosen is not None and chosen.code != suggested.code:
            return self.tr("Chosen by you; the smallest box that fits is %1.").replace("%1", suggested.name)
        return self.tr("The smallest box that holds every item (Ctrl+B changes it).")

    def weigh_first(self) -> str:
        return self.tr("Weigh this package first: the scale must show Stable before the next package.")

    def package_added(self, number: int) -> str:
        return self.tr("Package %1: pack it and put it on the scale.").replace("%1", str(number))

    def package_removed(self, count: int) -> str:
        return self.tr("Back to %n package(s).", None, count)

    def single_package(self) -> str:
        return self.tr("There is only one package.")

    # -- carriers ------------------------------------------------------------------------------------

    def rates_later(self) -> str:
        return self.tr("The carriers are asked for rates once every item is scanned.")

    def shopping(self) -> str:
        return self.tr("Asking the carriers for rates…")

    def rate_reason(self, level: str, chosen: Rate | None) -> str:
        if chosen is None:
            return self.tr("No carrier quoted this parcel. Ctrl+R asks again.")
        if level == "express":
            return self.tr("Express order: the fastest service, the cheapest among the fastest.")
        if level == "pickup":
            return self.tr("The customer collects the order at the warehouse.")
        return self.tr("Standard order: the cheapest service.")

    def rate_changed(self, chosen: Rate, title: str) -> str:
        return self.tr("Chosen by you: %1 · %2.").replace("%1", title).replace("%2", chosen.service_name)

    def rate_problems(self, problems: dict[str, str]) -> str:
        lines = [f"{carrier}: {problem}" for carrier, problem in sorted(problems.items())]
        return self.tr("Could not quote:") + "\n" + "\n".join(lines)

    def rates_failed(self, message: str) -> str:
        return self.tr("Rate shopping failed: %1. Ctrl+R asks again.").replace("%1", message)

    def no_rate(self, shopping: bool) -> str:
        if shopping:
            return self.tr("Waiting for the carriers' rates…")
        return self.tr("No carrier rate to buy a label with. Ctrl+R asks the carriers again.")

    def scanner_settings_ignored(self, reason: str) -> str:
        return self.tr("The [scanner] settings were ignored (%1); the scanner works with its defaults.").replace("%1", reason)

    def plugins_loading(self) -> str:
        return self.tr("The carrier and printer plugins are still loading; try again in a moment.")

    # -- confirming ----------------------------------------------------------------------------------

    def buying(self, title: str) -> str:
        return self.tr("Buying the label from %1…").replace("%1", title)

    def bought(self, tracking: str) -> str:
        return self.tr("Label %1 bought: printing it and marking the order shipped…").replace("%1", tracking)

    def label_failed(self, message: str) -> str:
        return self.tr("The label was not bought: %1. Press Enter to try again.").replace("%1", message)

    def ship_failed(self, tracking: str, message: str) -> str:
        return self.tr("Label %1 is bought, but the order is not marked shipped: %2. Press Enter to try again.").replace(
            "%1", tracking).replace("%2", message)

    def shipped(self, number: str) -> str:
        return self.tr("Order %1 shipped").replace("%1", number)

    def shipped_with(self, title: str, service: str, packages: int) -> str:
        return self.tr("%1 · %2 · %n package(s)", None, packages).replace("%1", title).replace("%2", service)

    def next_hint(self) -> str:
        return self.tr("Scan the next order, or Ctrl+N for the next in the queue.")

    def print_state(self, kind: str, state: str, problems: tuple[str, ...], error: str | None) -> tuple[str, str]:
        """(colour kind, sentence) for the label's or the packing slip's print job."""
        label = kind == "label"
        if state == "printed":
            return "ok", self.tr("Label printed") if label else self.tr("Packing slip printed")
        if state == "held":
            reasons = "; ".join(self.printer_problem(problem) for problem in problems)
            if label:
                text = self.tr("Label waiting: %1. It prints as soon as the printer is ready.")
            else:
                text = self.tr("Packing slip waiting: %1. It prints as soon as the printer is ready.")
            return "bad", text.replace("%1", reasons)
        if state in ("failed", "cancelled"):
            if label:
                text = self.tr("Label not printed: %1. Ctrl+L prints it again.")
            else:
                text = self.tr("Packing slip not printed: %1.")
            return "bad", text.replace("%1", error or state)
        return "wait", self.tr("Printing the label…") if label else self.tr("Printing the packing slip…")

    def pickup_code(self, code: str) -> str:
        return self.tr("No label to print: the customer collects the order with code %1.").replace("%1", code)

    def printer_problem(self, problem: str) -> str:
        known = {
            OUT_OF_LABELS: self.tr("Out of labels"),
            HEAD_OPEN: self.tr("Print head open"),
            PAUSED: self.tr("Paused — press the pause button"),
            RIBBON_OUT: self.tr("Out of ribbon"),
            OVER_TEMPERATURE: self.tr("Print head too hot — let it cool down"),
            BUFFER_FULL: self.tr("Printer memory full — wait a moment"),
        }
        return known.get(problem, problem)

    # -- reprint, void, hold ---------------------------------------------------------------------------

    def no_order_for_label(self) -> str:
        return self.tr("Open or ship an order first: there is no label to work with.")

    def no_label(self, number: str) -> str:
        return self.tr("Order %1 has no label yet.").replace("%1", number)

    def reprinting(self, tracking: str) -> str:
        return self.tr("Printing label %1 again.").replace("%1", tracking)

    def void_question(self, tracking: str, number: str) -> tuple[str, str]:
        return (
            self.tr("Void label %1 of order %2? The carrier cancels it; the order comes back to the bench.").replace(
                "%1", tracking).replace("%2", number),
            self.tr("Enter: void it · Esc: keep it"),
        )

    def voiding(self, tracking: str) -> str:
        return self.tr("Voiding label %1…").replace("%1", tracking)

    def voided(self, tracking: str, number: str) -> str:
        return self.tr("Label %1 voided. Order %2 is back at the bench: scan it to pack it again.").replace(
            "%1", tracking).replace("%2", number)

    def action_failed(self, message: str) -> str:
        return self.tr("That did not work: %1").replace("%1", message)

    def hold_question(self, number: str) -> tuple[str, str]:
        return (
            self.tr("Why is order %1 put on hold?").replace("%1", number),
            self.tr("Type the reason, Enter to hold it · Esc: go back to the order"),
        )

    def hold_placeholder(self) -> str:
        return self.tr("e.g. damaged item, waiting for stock")

    def hold_needs_reason(self) -> str:
        return self.tr("Type why the order is put on hold.")

    def held(self, number: str, reason: str) -> str:
        return self.tr("Order %1 is on hold: %2").replace("%1", number).replace("%2", reason)

    def nothing_open(self) -> str:
        return self.tr("Open an order first.")
