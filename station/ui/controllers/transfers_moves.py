"""Move between bins, by scanning: the bin to take from, the items (each scan one unit, or type a
count first), then the bin they go to — every scanned unit moves there in one transaction.

Esc forgets what was scanned. A scan the station cannot use (an unknown code, more units than the
bin holds, the source bin again as destination) is refused in red, naming it, and nothing moves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from station.services.bin_moves import BinInfo, MoveResult
from station.services.transfer_desk import ScannedItem, identify, move_items
from station.ui import packing_sound
from station.ui.controllers.inventory_tab import InventoryContext, ScanTabController, listen_for_scans
from station.ui.controllers.packing_scans import UnreadableScan, read_scan
from station.ui.controllers.transfers_scans import Basket
from station.ui.views.transfers_view import TransfersView


class BinMoveController(ScanTabController[TransfersView]):
    sig_moved = Signal(str)  # the message shown
    sig_refused = Signal(str)
    sig_scanned = Signal(str)  # a scan was understood: the message shown

    def __init__(self, view: TransfersView, context: InventoryContext, parent: QObject | None = None) -> None:
        super().__init__(view, context, parent)
        self.warehouse = context.settings.warehouse_code
        self.from_bin: BinInfo | None = None
        self.basket = Basket()
        self.scanner = listen_for_scans(view.move_field, self.handle_scan, self)
        self._show_state()

    def handle_scan(self, text: str) -> None:
        self.view.move_field.clear()
        raw = text.strip(" \r\n\t")
        if not raw:
            return
        if self.busy:
            self.refuse(self.tr("One moment: the last scan is still being checked."))
            return
        try:
            scan = read_scan(raw, [sku.upper() for sku in self.basket.units])
        except UnreadableScan as exc:
            self.refuse(self.tr("Cannot read %1: %2").replace("%1", raw).replace("%2", str(exc)))
            return
        if scan.count is not None:
            if self.from_bin is None:
                self.refuse(self.tr("Scan the bin to take from first."))
                return
            self.basket.count = scan.count
            self._say(self.tr("× %1: now scan the item.").replace("%1", str(scan.count)))
            return
        self.busy = True
        source = self.from_bin.code if self.from_bin else ""
        task = self.runner.submit(identify, self.database, self.warehouse, scan.code, source, lane="db")
        task.sig_finished.connect(self._identified)
        task.sig_failed.connect(self._failed)

    def _identified(self, found: BinInfo | ScannedItem) -> None:
        self.busy = False
        if isinstance(found, BinInfo):
            self._bin(found)
        else:
            self._item(found)

    def _bin(self, scanned: BinInfo) -> None:
        if self.from_bin is None or not self.basket.units:
            self.from_bin = scanned
            self.basket.clear()
            self._say(self.tr("From %1: scan the items (type a count first for several).").replace("%1", scanned.code))
            return
        if scanned.code == self.from_bin.code:
            self.refuse(
                self.tr("%1 is where the items come from: scan the bin they go to.").replace("%1", scanned.code)
            )
            return
        self.busy = True
        items = self.basket.items()
        task = self.runner.submit(
            move_items, self.database, self.warehouse, self.from_bin.code, scanned.code, items, self.actor, lane="db"
        )
        task.sig_finished.connect(self._moved)
        task.sig_failed.connect(self._failed)

    def _item(self, scanned: ScannedItem) -> None:
        sku = scanned.item.sku
        if self.from_bin is None:
            self.refuse(self.tr("Scan the bin to take from first (%1 is an item).").replace("%1", sku))
            return
        wanted = self.basket.would_hold(sku)
        if wanted > scanned.in_bin:
            self.basket.count = None
            self.refuse(
                self.tr("%1 holds only %2 of %3; %4 scanned.")
                .replace("%1", self.from_bin.code)
                .replace("%2", str(scanned.in_bin))
                .replace("%3", sku)
                .replace("%4", str(wanted))
            )
            return
        self.basket.add(sku)
        self._say(
            self.tr("%1 from %2: scan more items, or the bin they go to.")
            .replace("%1", self.basket.text())
            .replace("%2", self.from_bin.code)
        )

    def _moved(self, results: list[MoveResult]) -> None:
        self.busy = False
        moved = ", ".join(f"{result.quantity} × {result.sku}" for result in results)
        text = (
            self.tr("Moved %1 from %2 to %3.")
            .replace("%1", moved)
            .replace("%2", results[0].from_bin)
            .replace("%3", results[0].to_bin)
        )
        self.from_bin = None
        self.basket.clear()
        self.view.set_move_message("success", text)
        self._show_state()
        self.sig_moved.emit(text)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.basket.count = None
        self.refuse(message)

    def reset(self) -> None:
        """Esc: forget the bin and the items scanned."""
        self.from_bin = None
        self.basket.clear()
        self.view.set_move_message("", "")
        self._show_state()

    def refuse(self, message: str) -> None:
        self.view.set_move_message("error", message)
        self._show_state()
        packing_sound.error_sound()
        self.sig_refused.emit(message)

    def _say(self, message: str) -> None:
        self.view.set_move_message("info", message)
        self._show_state()
        self.sig_scanned.emit(message)

    def _show_state(self) -> None:
        if self.from_bin is None:
            text = self.tr("Next: scan the bin to take from.")
        elif not self.basket.units:
            text = self.tr("From %1 · next: scan an item.").replace("%1", self.from_bin.code)
        else:
            text = (
                self.tr("From %1 · %2 · next: scan the bin they go to (Esc: start again).")
                .replace("%1", self.from_bin.code)
                .replace("%2", self.basket.text())
            )
        self.view.move_state.setText(text)
