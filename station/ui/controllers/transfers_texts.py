"""Every sentence the Transfers section says, translated (context TransferTexts)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from station.services.transfers import TransferView
from station.ui.controllers.transfers_scans import Basket, Draft
from station.ui.models.transfers_model import status_text


class TransferTexts(QObject):
    def shortcuts(self) -> list[tuple[str, str]]:
        return [
            ("Ctrl+N", self.tr("new transfer")),
            ("Ctrl+Enter", self.tr("create it / receive onto the dock")),
            ("Ctrl+D", self.tr("dispatch")),
            (self.tr("Ctrl+Del"), self.tr("cancel a draft")),
            ("↑/↓", self.tr("choose")),
            ("Tab", self.tr("other scan field")),
            ("Esc", self.tr("drop the scans")),
            ("Ctrl+R", self.tr("refresh")),
        ]

    def station_warehouse(self, code: str, name: str) -> str:
        return self.tr("This station: %1 — %2").replace("%1", code).replace("%2", name)

    def new_button(self, composing: bool) -> str:
        return self.tr("Create (Ctrl+Enter)") if composing else self.tr("New transfer (Ctrl+N)")

    def state(self, draft: Draft | None, selected: TransferView | None, receipt: Basket, receivable: bool) -> str:
        if draft is not None:
            if not draft.lines:
                return self.tr("New transfer · next: scan the bin to take from.")
            return self.tr("New transfer · %1 · Ctrl+Enter creates it, Esc drops it.").replace("%1", draft.text())
        if selected is None:
            return self.tr("Ctrl+N starts a new transfer; scan a transfer number to choose it.")
        text = (
            self.tr("%1 · %2 → %3 · %4 · %5 of %n unit(s) arrived", None, selected.units)
            .replace("%1", selected.number)
            .replace("%2", selected.from_warehouse)
            .replace("%3", selected.to_warehouse)
            .replace("%4", status_text(selected.status))
            .replace("%5", str(selected.received))
        )
        lines = ", ".join(
            f"{line.sku}{' ' + line.lot if line.lot else ''} {line.received}/{line.quantity}" for line in selected.lines
        )
        text += "\n" + lines
        if receivable and receipt.units:
            text += " · " + self.tr("scanned: %1 · next: scan the bin they go onto").replace("%1", receipt.text())
        return text

    def one_moment(self) -> str:
        return self.tr("One moment: the last scan is still being checked.")

    def unreadable(self, code: str, why: str) -> str:
        return self.tr("Cannot read %1: %2").replace("%1", code).replace("%2", why)

    def nothing_to_scan_for(self) -> str:
        return self.tr(
            "Press Ctrl+N to start a new transfer, or scan the number of a transfer on its way here to receive it."
        )

    def count_next(self, count: int) -> str:
        return self.tr("× %1: now scan the item.").replace("%1", str(count))

    def no_such_transfer(self, number: str, warehouse: str) -> str:
        return self.tr("No transfer %1 from or to %2.").replace("%1", number).replace("%2", warehouse)

    def chosen(self, transfer: TransferView, receivable: bool) -> str:
        if transfer.status == "draft":
            return self.tr("%1 is a draft: Ctrl+D dispatches it, Ctrl+Del cancels it.").replace("%1", transfer.number)
        if receivable:
            return self.tr(
                "%1 is on its way here: scan its items, then the bin they go onto (Ctrl+Enter: all onto the dock)."
            ).replace("%1", transfer.number)
        return self.tr("%1 is %2.").replace("%1", transfer.number).replace("%2", status_text(transfer.status).lower())

    def not_on_its_way(self, sku: str, number: str) -> str:
        return self.tr("%1 is not on its way in %2.").replace("%1", sku).replace("%2", number)

    def too_many(self, sku: str, outstanding: int, number: str) -> str:
        return (
            self.tr("Only %1 of %2 still on its way in %3.")
            .replace("%1", str(outstanding))
            .replace("%2", sku)
            .replace("%3", number)
        )

    def receipt_scanned(self, scanned: str, number: str) -> str:
        return (
            self.tr("%1 of %2: scan more items, or the bin they go onto.").replace("%1", scanned).replace("%2", number)
        )

    def draft_bin(self, code: str) -> str:
        return self.tr("From %1: scan its items (type a count first for several).").replace("%1", code)

    def bin_first(self, sku: str) -> str:
        return self.tr("Scan the bin to take from first (%1 is an item).").replace("%1", sku)

    def bin_holds(self, code: str, held: int, sku: str, wanted: int) -> str:
        return (
            self.tr("%1 holds only %2 of %3; %4 scanned.")
            .replace("%1", code)
            .replace("%2", str(held))
            .replace("%3", sku)
            .replace("%4", str(wanted))
        )

    def draft_scanned(self, text: str) -> str:
        return self.tr("%1 · scan more, another bin, or Ctrl+Enter to create the transfer.").replace("%1", text)

    def no_destination(self, warehouse: str) -> str:
        return self.tr("There is no other warehouse to send to from %1.").replace("%1", warehouse)

    def draft_started(self, destination: str) -> str:
        return self.tr(
            "New transfer to %1: scan the bin to take from, then its items. Ctrl+Enter creates it, Esc drops it."
        ).replace("%1", destination)

    def draft_empty(self) -> str:
        return self.tr("Scan a bin and its items first.")

    def created(self, transfer: TransferView) -> str:
        return (
            self.tr("%1 created: %n unit(s) to %2. Ctrl+D dispatches it.", None, transfer.units)
            .replace("%1", transfer.number)
            .replace("%2", transfer.to_warehouse)
        )

    def dispatch_needs_draft(self) -> str:
        return self.tr("Choose a draft transfer to dispatch (scan its number or use ↑/↓).")

    def dispatched(self, transfer: TransferView) -> str:
        return (
            self.tr("%1 is on its way to %2: %n unit(s) in transit.", None, transfer.units)
            .replace("%1", transfer.number)
            .replace("%2", transfer.to_warehouse)
        )

    def cancel_needs_draft(self) -> str:
        return self.tr("Only a draft can be cancelled; a transfer in transit is received where it arrives.")

    def cancelled(self, number: str) -> str:
        return self.tr("%1 cancelled; nothing had moved.").replace("%1", number)

    def receive_needs_transit(self, warehouse: str) -> str:
        return self.tr("Choose a transfer on its way to %1 to receive it.").replace("%1", warehouse)

    def received(self, transfer: TransferView, units: int | None, to_bin: str | None) -> str:
        where = to_bin or self.tr("the dock")
        count = units if units is not None else transfer.received
        if transfer.status == "received":
            return (
                self.tr("%1 received in full: %n unit(s) arrived; the last onto %2.", None, transfer.received)
                .replace("%1", transfer.number)
                .replace("%2", where)
            )
        return (
            self.tr("%n unit(s) of %1 received onto %2; %3 still on the way.", None, count)
            .replace("%1", transfer.number)
            .replace("%2", where)
            .replace("%3", str(transfer.units - transfer.received))
        )
