"""Words and formats shown for domain values: order states, dates."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from station.domain.orders import OrderState


def order_state_label(state: OrderState) -> str:
    translate = QCoreApplication.translate
    labels = {
        OrderState.NEW: translate("OrderState", "New"),
        OrderState.PAID: translate("OrderState", "Paid"),
        OrderState.ALLOCATED: translate("OrderState", "Allocated"),
        OrderState.PICKING: translate("OrderState", "Picking"),
        OrderState.PICKED: translate("OrderState", "Picked"),
        OrderState.PACKED: translate("OrderState", "Packed"),
        OrderState.SHIPPED: translate("OrderState", "Shipped"),
        OrderState.DELIVERED: translate("OrderState", "Delivered"),
        OrderState.ON_HOLD: translate("OrderState", "On hold"),
        OrderState.CANCELLED: translate("OrderState", "Cancelled"),
        OrderState.RETURNED: translate("OrderState", "Returned"),
    }
    return labels.get(state, str(state))


def format_local_time(moment: datetime) -> str:
    """A UTC datetime in the station's local time, day first as read in Chile: 24-11-2026 14:05."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")
