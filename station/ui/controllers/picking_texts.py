"""The Picking page's words, translated in context "PickingTexts"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from station.services.picking_queries import PickLineView
from station.services.picking_scans import ScanOutcome
from station.services.picklist_pdf import PicklistTexts


class PickingTexts(QObject):
    def shortcuts(self) -> list[tuple[str, str]]:
        return [
            ("Space", self.tr("choose order")),
            ("Ctrl+A", self.tr("all orders")),
            ("Ctrl+B", self.tr("build batch")),
            ("Ctrl+P", self.tr("print")),
            ("Ctrl+M", self.tr("show on map")),
            ("Ctrl+S", self.tr("short pick")),
            ("Esc", self.tr("cancel")),
        ]

    def orders_heading(self, warehouse: str, count: int) -> str:
        return self.tr("Allocated orders in %1 (%n)", None, count).replace("%1", warehouse)

    def selected(self, count: int) -> str:
        return self.tr("%n order(s) chosen", None, count)

    def choose_orders(self) -> str:
        return self.tr("Choose allocated orders first (Space on a row, or Ctrl+A for all)")

    def built(self, code: str, totes: int) -> str:
        return self.tr("Pick list %1 built: %n tote(s). Scan the first bin.", None, totes).replace("%1", code)

    def picklist_heading(self, code: str | None) -> str:
        return self.tr("Pick list %1").replace("%1", code) if code else self.tr("Pick list")

    def no_picklist(self) -> str:
        return self.tr("No pick list yet: build a batch, or scan a pick list's code (PL-…)")

    def totes(self, totes: list[tuple[str, str]]) -> str:
        pairs = ", ".join(f"{tote} = {number}" for tote, number in totes)
        return self.tr("Totes: %1").replace("%1", pairs)

    def progress(self, picked: int, total: int) -> str:
        return (
            self.tr("%1 of %2 units").replace("%1", QLocale().toString(picked)).replace("%2", QLocale().toString(total))
        )

    def next_step(self, at: PickLineView | None, following: PickLineView | None) -> str:
        if at is not None:
            return (
                self.tr("At %1: scan %2 × %3 into tote %4")
                .replace("%1", at.location)
                .replace("%2", QLocale().toString(at.open_units))
                .replace("%3", at.sku)
                .replace("%4", at.tote)
            )
        if following is not None:
            return self.tr("Go to %1 and scan the bin").replace("%1", following.location)
        return self.tr("All picked: take the totes to the pack station")

    def finished(self, code: str) -> str:
        return self.tr("Pick list %1 is done: every order is picked").replace("%1", code)

    def build_first(self) -> str:
        return self.tr("Build a batch first, or scan a pick list's code (PL-…)")

    def no_line_for_short(self) -> str:
        return self.tr("Nothing left to pick on this list")

    def ask_found(self, line: PickLineView) -> str:
        return (
            self.tr("Short pick at %1: how many %2 did you find? Type the number and press Enter (Esc cancels)")
            .replace("%1", line.location)
            .replace("%2", line.sku)
        )

    def short_cancelled(self) -> str:
        return self.tr("Short pick cancelled")

    def found_not_a_number(self, text: str) -> str:
        return self.tr("Type the number of units found, not %1").replace("%1", text)

    def bad_cutoff(self, text: str) -> str:
        return self.tr("Write the cut-off as HH:MM, not %1").replace("%1", text)

    def printed(self, path: str) -> str:
        return self.tr("Pick list saved as %1").replace("%1", path)

    def outcome(self, outcome: ScanOutcome) -> str:
        """What a scan or short pick did, in the station's language (the service's English as fallback)."""
        v = outcome.values
        if outcome.key == "nothing_left":
            text = self.tr("Pick list %1 has nothing left to pick").replace("%1", v["code"])
        elif outcome.key == "at_bin":
            text = self.tr("%1: take %2 × %3 into tote %4")
            text = (
                text.replace("%1", v["bin"]).replace("%2", v["units"]).replace("%3", v["sku"]).replace("%4", v["tote"])
            )
        elif outcome.key == "wrong_bin":
            text = self.tr("Wrong bin: %1 is not on this pick list now; go to %2 for %3")
            text = text.replace("%1", v["scanned"]).replace("%2", v["bin"]).replace("%3", v["sku"])
        elif outcome.key == "wrong_item":
            text = self.tr("Wrong item: %1 is not what bin %2 should give; scan %3 %4")
            text = (
                text.replace("%1", v["scanned"])
                .replace("%2", v["bin"])
                .replace("%3", v["sku"])
                .replace("%4", v["name"])
            )
        elif outcome.key == "too_many":
            text = self.tr("%1: this line has %n unit(s) left to pick", None, int(v["left"])).replace("%1", v["sku"])
        elif outcome.key == "picked":
            left = int(v["left"])
            text = (
                self.tr("%1 into tote %2; %n more here", None, left) if left else self.tr("%1 into tote %2; line done")
            )
            text = text.replace("%1", v["sku"]).replace("%2", v["tote"])
        elif outcome.key == "short":
            if v["where"]:
                text = self.tr("Short pick at %1: %2 × %3 missing; recount opened; take them from %4")
            else:
                text = self.tr("Short pick at %1: %2 × %3 missing and no other bin has them; recount opened")
            text = (
                text.replace("%1", v["bin"])
                .replace("%2", v["missing"])
                .replace("%3", v["sku"])
                .replace("%4", v["where"])
            )
            if int(v["nowhere"]):
                text += self.tr("; %n unit(s) are on no other shelf", None, int(v["nowhere"]))
        else:
            text = outcome.message
        return text

    def pdf(self) -> PicklistTexts:
        return PicklistTexts(
            title=self.tr("Pick list"),
            route=self.tr("This route %1 m; S-shape %2 m (%3 %); largest gap %4 m"),
            totes=self.tr("Totes"),
            columns=(self.tr("#"), self.tr("Bin"), self.tr("Item"), self.tr("Qty"), self.tr("Tote")),
            lot=self.tr("Lot"),
            order=self.tr("order"),
        )
