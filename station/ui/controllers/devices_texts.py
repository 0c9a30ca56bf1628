"""Every sentence Settings → Devices says, translated. The hardware layer's own messages are
English; the ones a person must act on (printer problems) are translated here, the rest are
shown inside a translated frame ("Scale address: …")."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from station.api import ScaleReading, ScaleState
from station.hardware.printing import PrinterStatus
from station.hardware.printing.status import (
    BUFFER_FULL,
    HEAD_OPEN,
    OUT_OF_LABELS,
    OVER_TEMPERATURE,
    PAUSED,
    RIBBON_OUT,
)

NO_FIGURE = "—"


def kg(grams: int) -> str:
    """Grams as kilograms with three decimals, in the language's number format: "1,250 kg"."""
    return QLocale().toString(grams / 1000, "f", 3) + " kg"


class DevicesTexts(QObject):
    # -- the scale ---------------------------------------------------------------------------------

    def scale_idle(self) -> tuple[str, str, str]:
        """(chip kind, chip text, hint) before a test."""
        return "none", self.tr("Not testing"), self.tr("Choose the port and protocol, then Test to see the live weight.")

    def scale_opening(self, url: str) -> tuple[str, str, str]:
        return "wait", self.tr("Connecting…"), self.tr("Opening %1 (auto-detection can take a few seconds).").replace("%1", url)

    def scale_state(self, reading: ScaleReading) -> tuple[str, str]:
        """(chip kind, chip text) for a reading: ok, moving, bad."""
        chips = {
            ScaleState.STABLE: ("ok", self.tr("Stable")),
            ScaleState.UNSTABLE: ("moving", self.tr("Unstable — still moving")),
            ScaleState.OVERLOAD: ("bad", self.tr("Overload — over capacity")),
            ScaleState.UNDERLOAD: ("bad", self.tr("Underload — below zero")),
            ScaleState.TIMEOUT: ("bad", self.tr("Timeout — no answer")),
            ScaleState.DISCONNECTED: ("bad", self.tr("No scale")),
            ScaleState.ERROR: ("bad", self.tr("Scale error")),
        }
        return chips[reading.state]

    def scale_detail(self, reading: ScaleReading) -> str:
        """The line under the chip: what the scale said, or what to check."""
        if reading.state is ScaleState.OVERLOAD:
            return reading.message or self.tr("Take something off the scale.")
        if reading.state is ScaleState.UNDERLOAD:
            return reading.message or self.tr("Empty the scale and zero it.")
        return reading.message

    def weight(self, reading: ScaleReading | None) -> str:
        if reading is None or reading.weight_g is None:
            return NO_FIGURE
        return kg(reading.weight_g)

    def test_button(self, running: bool) -> str:
        return self.tr("Stop &test") if running else self.tr("&Test scale")

    def ports_found(self, count: int) -> str:
        other = self.tr("Or type socket://HOST:PORT · rfc2217://HOST:PORT · usb:VID:PID")
        if count == 0:
            return self.tr("No serial port found.") + "\n" + other
        return self.tr("%n serial port(s) found: open the list with Alt+↓.", None, count) + "\n" + other

    def ports_failed(self, message: str) -> str:
        return self.tr("Could not list the serial ports: %1").replace("%1", message)

    def auto_protocol(self) -> str:
        return self.tr("Auto-detect")

    # -- the printer -------------------------------------------------------------------------------

    def printer_idle(self) -> tuple[str, str]:
        return "none", self.tr("Not checked")

    def printer_checking(self) -> tuple[str, str]:
        return "wait", self.tr("Asking the printer…")

    def printer_printing(self) -> tuple[str, str]:
        return "wait", self.tr("Printing the test label…")

    def printer_chip(self, status: PrinterStatus) -> tuple[str, str]:
        return ("ok", self.tr("Ready")) if status.ready else ("bad", self.tr("Not ready"))

    def printer_problem(self, problem: str, status: PrinterStatus) -> str:
        known = {
            OUT_OF_LABELS: self.tr("Out of labels"),
            HEAD_OPEN: self.tr("Print head open"),
            PAUSED: self.tr("Paused — press the pause button"),
            RIBBON_OUT: self.tr("Out of ribbon"),
            OVER_TEMPERATURE: self.tr("Print head too hot — let it cool down"),
            BUFFER_FULL: self.tr("Printer memory full — wait a moment"),
        }
        if problem in known:
            return known[problem]
        reason = status.detail.get("reason")
        if problem.startswith("No answer from the printer at ") and isinstance(reason, str):
            url = problem.removeprefix("No answer from the printer at ").removesuffix(f": {reason}")
            return self.tr("No answer from the printer at %1: %2").replace("%1", url).replace("%2", reason)
        return problem

    def printer_details(self, status: PrinterStatus) -> str:
        """One line per problem; for a printer that cannot report, why not."""
        if not status.ready:
            return "\n".join("• " + self.printer_problem(problem, status) for problem in status.problems)
        note = status.detail.get("note")
        if note:
            return self.tr("This printer cannot report its status (%1); a test label shows whether it prints.").replace(
                "%1", str(note)
            )
        return ""

    def printer_unusable_chip(self) -> tuple[str, str]:
        return "bad", self.tr("Cannot be used")

    def printer_unusable(self, message: str) -> str:
        return self.tr("Cannot use the printer: %1").replace("%1", message)

    def test_label_sent_chip(self) -> tuple[str, str]:
        return "ok", self.tr("Test label sent")

    def test_label_sent(self, note: str, size: str, dpi: int) -> str:
        text = self.tr("Made for %1 labels at %2 dpi: if its frame is cut off, the label size or dpi setting is wrong.")
        text = text.replace("%1", size).replace("%2", str(dpi))
        return f"{note}\n{text}" if note else text

    def test_label_not_printed(self, details: str) -> str:
        """The problems, then that nothing was printed."""
        return f"{details}\n" + self.tr("The test label was not printed.")

    def check_address(self) -> tuple[str, str]:
        return "bad", self.tr("Check the address")

    # -- saving ------------------------------------------------------------------------------------

    def no_scale_address(self) -> str:
        return self.tr("Type or choose the scale's address first.")

    def no_printer_address(self) -> str:
        return self.tr("Type the printer's address first.")

    def bad_scale_address(self, reason: str) -> str:
        return self.tr("Scale address: %1").replace("%1", reason)

    def bad_scale_protocol(self, reason: str) -> str:
        return self.tr("Scale protocol: %1").replace("%1", reason)

    def bad_printer_address(self, reason: str) -> str:
        return self.tr("Printer address: %1").replace("%1", reason)

    def bad_printer_language(self, language: str) -> str:
        return self.tr("Printer language: %1 is not ZPL, EPL or PDF.").replace("%1", language)

    def saved(self) -> str:
        return self.tr("Devices saved for this station. The packing page uses them after the station restarts.")

    def not_saved(self, reason: str) -> str:
        return self.tr("Could not save the settings: %1").replace("%1", reason)

    def plugins_failed(self, message: str) -> str:
        return self.tr("Could not load the device plugins: %1").replace("%1", message)
