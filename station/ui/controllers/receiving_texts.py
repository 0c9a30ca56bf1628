"""What the receiving tab says (every user-visible sentence of its controller, translated) and reads."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale, QObject

from station.services.receiving import ReceiptLine, ReceiptResult
from station.services.receiving_queries import OpenPurchaseOrder, StationWarehouse

DIFFERENCES_SHOWN = 4  # the rest as "2 more lines": the message stays short


def units(value: int) -> str:
    return QLocale().toString(value)


class ReceivingTexts(QObject):
    def heading(self, warehouse: StationWarehouse) -> str:
        if not warehouse.dock_code:
            return self.tr("Receiving in %1 — this warehouse has no dock location").replace("%1", warehouse.code)
        return self.tr("Receiving onto %1 in %2").replace("%1", warehouse.dock_code).replace("%2", warehouse.code)

    def no_open_orders(self) -> str:
        return self.tr("No purchase order of this warehouse is waiting to be received.")

    def choose_order(self, count: int) -> str:
        return self.tr(
            "%n purchase order(s) to receive: scan its number, or choose it with ↑/↓ and press Enter.", None, count
        )

    def order_heading(self, number: str, order: OpenPurchaseOrder | None) -> str:
        if order is None:
            return number
        return (
            self.tr("%1 · %2 · supplier %3")
            .replace("%1", number)
            .replace("%2", order.client)
            .replace("%3", order.supplier)
        )

    def opened(self, number: str) -> str:
        return self.tr("%1 is open: scan the items.").replace("%1", number)

    def received(
        self, line: ReceiptLine, quantity: int, lot: str | None, expiry: date | None, serial: str | None
    ) -> str:
        text = (
            self.tr("%1: +%2 — %3 of %4 expected")
            .replace("%1", line.sku)
            .replace("%2", units(quantity))
            .replace("%3", units(line.total))
            .replace("%4", units(line.ordered))
        )
        if lot:
            text += self.tr(" · lot %1").replace("%1", lot)
        if expiry:
            text += self.tr(" · expires %1").replace("%1", QLocale().toString(expiry, QLocale.FormatType.ShortFormat))
        if serial:
            text += self.tr(" · serial %1").replace("%1", serial)
        return text

    def over(self, line: ReceiptLine) -> str:
        if line.line_id is None:
            return self.tr("%1 is not on this order: received as an extra line, flagged.").replace("%1", line.sku)
        return (
            self.tr("Over-receipt on %1: %2 more than ordered (within the tolerance), flagged.")
            .replace("%1", line.sku)
            .replace("%2", units(line.over))
        )

    def count_set(self, count: int) -> str:
        return self.tr("The next item scanned counts %n unit(s).", None, count)

    def ask_lot(self, sku: str) -> tuple[str, str]:
        return (
            self.tr("%1 is tracked by lot: type or scan its lot.").replace("%1", sku),
            self.tr("Enter: count it · Esc: skip this scan · a GS1-128 with the lot works too"),
        )

    def lot_labels(self) -> tuple[str, str, tuple[str, str]]:
        return self.tr("Lot"), self.tr("Expiry"), (self.tr("e.g. L-2411"), self.tr("YYYY-MM-DD (optional)"))

    def bad_expiry(self, text: str) -> str:
        return self.tr("Expiry %1 is not a date: type it as YYYY-MM-DD, e.g. 2026-06-30.").replace("%1", text)

    def lot_missing(self) -> str:
        return self.tr("Type the lot first (the expiry may stay empty).")

    def ask_serial(self, sku: str) -> str:
        return self.tr("%1 is tracked by serial number: now scan the unit's serial.").replace("%1", sku)

    def unknown(self, code: str) -> str:
        return self.tr("%1 is on no SKU of the catalogue: say which SKU it is, nothing is counted yet.").replace(
            "%1", code
        )

    def ask_map(self, code: str) -> tuple[str, str]:
        return (
            self.tr("Unknown code %1: which SKU is it?").replace("%1", code),
            self.tr("Enter: map the code to this SKU · Ctrl+N: create a new SKU instead · Esc: skip, nothing counted"),
        )

    def map_labels(self) -> tuple[str, tuple[str, str]]:
        return self.tr("SKU"), (self.tr("scan or type the SKU"), "")

    def ask_create(self, code: str) -> tuple[str, str]:
        return (
            self.tr("Create a new SKU with the barcode %1").replace("%1", code),
            self.tr("Enter: create it and count the unit · Esc: skip, nothing counted"),
        )

    def create_labels(self) -> tuple[str, str, tuple[str, str]]:
        return self.tr("New SKU"), self.tr("Name"), (self.tr("e.g. POL-M-ROJ"), self.tr("e.g. Polera M roja"))

    def sku_missing(self) -> str:
        return self.tr("Type or scan a SKU first.")

    def mapped(self, code: str, sku: str) -> str:
        return self.tr("%1 now means %2.").replace("%1", code).replace("%2", sku)

    def skipped(self, code: str) -> str:
        return self.tr("%1 skipped: nothing counted.").replace("%1", code)

    def busy(self) -> str:
        return self.tr("One moment: the last action is still being saved.")

    def nothing_scanned(self) -> str:
        return self.tr("Nothing scanned yet: scan the items first.")

    def answer_first(self) -> str:
        return self.tr("Answer the question above first (Esc skips that scan).")

    def no_order(self) -> str:
        return self.tr("Open a purchase order first.")

    def serial_pending(self, sku: str) -> str:
        return self.tr("%1 still waits for its serial number: scan it first.").replace("%1", sku)

    def no_dock(self) -> str:
        return self.tr("This warehouse has no dock location to receive onto; add one first.")

    def confirm_discard(self, count: int) -> str:
        return self.tr("Esc again drops the %n unit(s) scanned on this order (nothing is booked).", None, count)

    def discarded(self, number: str) -> str:
        return self.tr("%1 closed without booking anything.").replace("%1", number)

    def booked(self, result: ReceiptResult, dock: str) -> str:
        status = self.tr("received in full") if result.status.value == "received" else self.tr("partially received")
        return (
            self.tr("%1 booked: %2 onto %3; the order is %4.")
            .replace("%1", result.number)
            .replace("%2", self.tr("%n unit(s)", None, result.units))
            .replace("%3", dock)
            .replace("%4", status)
        )

    def differences(self, result: ReceiptResult) -> str:
        if not result.discrepancies:
            return ""
        parts = [f"{d.sku} {d.difference:+d}" for d in result.discrepancies[:DIFFERENCES_SHOWN]]
        if len(result.discrepancies) > DIFFERENCES_SHOWN:
            parts.append(self.tr("%n more line(s)", None, len(result.discrepancies) - DIFFERENCES_SHOWN))
        return self.tr("Differences to the order: %1").replace("%1", ", ".join(parts))

    def putaway_hint(self) -> str:
        return self.tr("Ctrl+P: put the units away now.")

    def summary(self, lines: list[ReceiptLine]) -> str:
        scanned = sum(line.received for line in lines)
        over = sum(1 for line in lines if line.total > line.ordered)
        short = sum(1 for line in lines if line.total < line.ordered)
        return (
            self.tr("Scanned now: %1 · lines over: %2 · lines short: %3")
            .replace("%1", units(scanned))
            .replace("%2", units(over))
            .replace("%3", units(short))
        )

    def shortcuts_orders(self) -> list[tuple[str, str]]:
        return [
            ("Enter", self.tr("open")),
            ("↑/↓", self.tr("choose")),
            ("Ctrl+R", self.tr("refresh")),
            ("Ctrl+P", self.tr("putaway")),
        ]

    def shortcuts_lines(self) -> list[tuple[str, str]]:
        return [
            (self.tr("number + Enter"), self.tr("count for the next scan")),
            ("Ctrl+Enter", self.tr("receive")),
            ("Esc", self.tr("close the order")),
        ]


def parse_expiry(text: str) -> date | None:
    """2026-06-30, 30-06-2026 or 30/06/2026; None when empty or not a date."""
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None
