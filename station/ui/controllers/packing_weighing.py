"""The weight and box panel: live scale readings, the box per package, the tolerance check.

Readings arrive from the scale bridge already on the UI thread. A weight that leaves the
tolerance raises `sig_out_of_tolerance` once (the packing controller warns and beeps); it stays
a warning until the weight is fixed or the packer accepts it (Ctrl+W).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from station.api import ScaleReading
from station.domain.weights import WeightTolerance
from station.services.packing import PackingSession
from station.services.packing_queries import BenchOrder
from station.ui.controllers.packing_packages import PackagePlanner, WeightState, WeightStatus
from station.ui.controllers.packing_texts import PackingTexts, kg
from station.ui.views.packing_panels import WeighPanel, set_kind


class WeighingController(QObject):
    sig_weight_changed = Signal(object)  # WeightStatus
    sig_out_of_tolerance = Signal(object)  # WeightCheck, when the weight leaves the tolerance
    sig_back_in_tolerance = Signal()  # a warned weight is fine again (fixed, or accepted)
    sig_parcels_changed = Signal()  # box or packages changed: quotes may change

    def __init__(self, panel: WeighPanel, texts: PackingTexts, tolerance: WeightTolerance, scale_configured: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.texts = texts
        self.tolerance = tolerance
        self.scale_configured = scale_configured
        self.planner: PackagePlanner | None = None
        self.session: PackingSession | None = None
        self.reading: ScaleReading | None = None
        self._warned = False
        self.render()

    # -- the order ---------------------------------------------------------------------------------

    def start(self, bench: BenchOrder, session: PackingSession) -> None:
        self.session = session
        self.planner = PackagePlanner(
            items_weight_g=session.items_weight_g(),
            items=session.item_sizes(),
            boxes=bench.boxes,
            tolerance=self.tolerance,
            scale_configured=self.scale_configured,
            reading=self.reading,
        )
        self._warned = False
        self.render()

    def stop(self) -> None:
        self.planner, self.session = None, None
        self._warned = False
        self.render()

    @property
    def complete(self) -> bool:
        return self.session is not None and self.session.complete

    def status(self) -> WeightStatus | None:
        return self.planner.status() if self.planner is not None else None

    def items_complete(self) -> None:
        """Every item is scanned: the weight now counts."""
        self._check()
        self.render()

    # -- the scale ---------------------------------------------------------------------------------

    def set_reading(self, reading: ScaleReading) -> None:
        self.reading = reading
        if self.planner is not None:
            self.planner.reading = reading
        self._check()
        self.render()

    def _check(self) -> None:
        status = self.status()
        if status is None or not self.complete:
            return
        out = status.state == WeightState.OUT_OF_TOLERANCE and not status.acknowledged
        if out and not self._warned and status.check is not None:
            self._warned = True
            self.sig_out_of_tolerance.emit(status.check)
        elif not out and self._warned and status.state != WeightState.UNSTABLE:
            self._warned = False
            self.sig_back_in_tolerance.emit()
        self.sig_weight_changed.emit(status)

    # -- keys --------------------------------------------------------------------------------------

    def change_box(self, step: int) -> bool:
        if self.planner is None or self.planner.change_box(step) is None:
            return False
        self._parcels_changed()
        return True

    def add_package(self) -> str | None:
        """None when added, else the reason for the packer."""
        if self.planner is None:
            return self.texts.nothing_open()
        if self.planner.add_package() is not None:
            return self.texts.weigh_first()
        self._parcels_changed()
        return None

    def remove_package(self) -> bool:
        if self.planner is None or not self.planner.remove_package():
            return False
        self._parcels_changed()
        return True

    def acknowledge(self) -> bool:
        if self.planner is None or not self.complete or not self.planner.acknowledge():
            return False
        self._check()
        self.render()
        return True

    def _parcels_changed(self) -> None:
        self._warned = False
        self._check()
        self.render()
        self.sig_parcels_changed.emit()

    # -- showing -----------------------------------------------------------------------------------

    def render(self) -> None:
        panel = self.panel
        reading = self.reading
        live = reading.weight_g if reading is not None else None
        panel.figure.setText(kg(live) if live is not None else "—")
        planner = self.planner
        if planner is None:
            status = PackagePlanner(0, [], (), self.tolerance, self.scale_configured, reading=reading).status()
            kind, text = self.texts.scale_chip(status)
            set_kind(panel.state, kind)
            panel.state.setText(text)
            for label in (panel.expected, panel.verdict, panel.box, panel.box_reason, panel.package):
                label.clear()
            panel.verdict.hide()
            return
        status = planner.status()
        kind, text = self.texts.scale_chip(status)
        set_kind(panel.state, kind)
        panel.state.setText(text)
        allowed = status.check.allowed_g if status.check is not None else self.tolerance.allowed_g(status.expected_g)
        panel.expected.setText(self.texts.expected(status, self.complete, allowed))
        verdict, kind = "", "ok"
        if self.complete and status.acknowledged and (status.check is None or not status.check.ok):
            verdict, kind = self.texts.weight_accepted(), "accepted"
        elif self.complete and status.check is not None:
            verdict, kind = self.texts.verdict(status.check), "ok" if status.check.ok else "bad"
        panel.verdict.setText(verdict)
        set_kind(panel.verdict, kind)
        panel.verdict.setVisible(bool(verdict))
        panel.box.setText(self.texts.box(planner.current.box))
        panel.package.setText(self.texts.package_of(planner.count, planner.count))
        suggested = planner.suggestion.box if planner.suggestion is not None else None
        panel.box_reason.setText(self.texts.box_reason(suggested, planner.current.box))
