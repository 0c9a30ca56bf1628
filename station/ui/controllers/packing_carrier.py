"""The carrier panel: rate shopping on the network lane, the chosen rate, why, and who failed.

A newer shop supersedes an older one still running (its result is dropped), so a box changed
twice in a row never shows the rates of the first box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from station.api import Rate, RateRequest
from station.services.carriers import PICKUP_CARRIERS, RateShop
from station.services.packing_queries import BenchOrder
from station.ui.controllers.packing_dispatch import PackingDispatch
from station.ui.controllers.packing_texts import PackingTexts
from station.ui.models.packing_rates_model import PackingRatesModel
from station.ui.tasks import Task
from station.ui.views.packing_panels import RatesPanel

SHOP_DELAY_MS = 250  # box changes come in bursts (Ctrl+B, Ctrl+B …): ask once they stop


class CarrierController(QObject):
    sig_rates_shown = Signal(int)  # how many rates are listed
    sig_shop_failed = Signal(str)  # the message shown

    def __init__(self, panel: RatesPanel, texts: PackingTexts, dispatch: PackingDispatch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.texts = texts
        self.dispatch = dispatch
        self.model = PackingRatesModel(self)
        panel.table.setModel(self.model)
        panel.fit_columns()
        self.shop: RateShop | None = None
        self.shopping = False
        self.service_level = "standard"
        self._task: Task | None = None
        self._request: RateRequest | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOP_DELAY_MS)
        self._timer.timeout.connect(self._shop_now)
        self.clear()

    @property
    def chosen(self) -> Rate | None:
        return self.model.chosen

    def clear(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
        self._task, self.shop, self.shopping, self._request = None, None, False, None
        self.model.clear()
        self.panel.reason.setText(self.texts.rates_later())
        self.panel.problems.hide()

    def request(self, bench: BenchOrder, parcels, *, at_once: bool = False) -> None:
        """Ask the carriers to quote `parcels` for `bench`'s order (after a short pause)."""
        self.service_level = bench.order.service_level
        self._request = RateRequest(
            origin=bench.sender, destination=bench.recipient, parcels=tuple(parcels),
            service_level=None,  # every service; the choice rule picks by the order's level
        )
        self.shopping = True
        self.panel.reason.setText(self.texts.shopping())
        if at_once:
            self._shop_now()
        else:
            self._timer.start()

    def _shop_now(self) -> None:
        if self._request is None:
            return
        if self._task is not None:
            self._task.cancel()
        task = self.dispatch.shop(self._request, self.service_level)
        if task is None:  # plugins not loaded yet
            self.shopping = False
            self.panel.reason.setText(self.texts.plugins_loading())
            return
        self._task = task
        task.sig_finished.connect(lambda shop, task=task: self._shown(task, shop))
        task.sig_failed.connect(lambda message, task=task: self._failed(task, message))

    def _shown(self, task: Task, shop: RateShop) -> None:
        if task is not self._task:
            return
        self._task, self.shop, self.shopping = None, shop, False
        rates = shop.rates
        if self.service_level != "pickup":  # collecting at the warehouse is only for orders that chose it
            rates = tuple(rate for rate in rates if rate.carrier not in PICKUP_CARRIERS)
        self.model.set_rates(rates, shop.chosen, self.dispatch.carrier_titles())
        self.panel.reason.setText(self.texts.rate_reason(self.service_level, shop.chosen))
        if shop.problems:
            self.panel.problems.setText(self.texts.rate_problems(dict(shop.problems)))
            self.panel.problems.show()
        else:
            self.panel.problems.hide()
        self.sig_rates_shown.emit(len(shop.rates))

    def _failed(self, task: Task, message: str) -> None:
        if task is not self._task:
            return
        self._task, self.shopping = None, False
        text = self.texts.rates_failed(message)
        self.panel.reason.setText(text)
        self.sig_shop_failed.emit(text)

    def move(self, step: int) -> bool:
        if not self.model.move_choice(step):
            return False
        chosen = self.model.chosen
        assert chosen is not None
        title = self.dispatch.carrier_titles().get(chosen.carrier, chosen.carrier)
        self.panel.reason.setText(self.texts.rate_changed(chosen, title))
        return True

    def title_of(self, rate: Rate) -> str:
        return self.dispatch.carrier_titles().get(rate.carrier, rate.carrier)
