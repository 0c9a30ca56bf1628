"""Tables of the "Trace" tab: the timeline of a lot, serial or order, the orders it shipped in, and
what left in an order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject

from station.services.movement_queries import OrderShipping, TraceAnswer
from station.services.traceability import TraceMove
from station.ui.labels import format_local_time
from station.ui.models.moves_model import kind_title, reason_title
from station.ui.models.rows_model import (
    Column,
    RowsTableModel,
    expiry_column,
    optional_column,
    text_column,
    units_column,
)


@dataclass(frozen=True)
class TimelineRow:
    at: datetime
    kind: str
    quantity: int
    from_location: str | None
    to_location: str | None
    lot: str | None
    by: str
    details: str  # the purchase order and supplier, the order and customer, the reason …
    inferred: bool


@dataclass(frozen=True)
class ShippedRow:
    order: str
    customer: str
    quantity: int
    shipped_at: datetime | None
    carrier: str
    tracking_number: str


@dataclass(frozen=True)
class LeftRow:
    """What left in an order: units of a SKU and lot, with their serial numbers."""

    sku: str
    lot: str | None
    expires_on: date | None
    quantity: int
    serials: str


def _details(move: TraceMove, answer: TraceAnswer) -> str:
    purchase = answer.purchase_orders.get(move.reference)
    if purchase is not None:
        return (
            QCoreApplication.translate("TraceTables", "PO %1 · %2")
            .replace("%1", purchase.number)
            .replace("%2", purchase.supplier)
        )
    if move.order:
        return (
            QCoreApplication.translate("TraceTables", "Order %1 · %2")
            .replace("%1", move.order)
            .replace("%2", move.customer or "")
        )
    if move.reason:
        return reason_title(move.reason)
    return move.reference


def timeline_rows(answer: TraceAnswer) -> list[TimelineRow]:
    return [
        TimelineRow(
            at=move.at,
            kind=move.kind,
            quantity=move.quantity,
            from_location=move.from_location,
            to_location=move.to_location,
            lot=move.lot,
            by=f"{move.user}@{move.station}" if move.user else move.station,
            details=_details(move, answer),
            inferred=move.inferred,
        )
        for move in answer.moves
    ]


def shipped_rows(answer: TraceAnswer) -> list[ShippedRow]:
    """The orders a lot or serial left in, with the shipment's carrier and tracking number."""
    quantities: dict[str, int] = {}
    if answer.lot is not None:
        quantities = {shipped.order: shipped.quantity for shipped in answer.lot.orders}
    elif answer.serial is not None and answer.serial.order:
        quantities = {answer.serial.order: 1}
    rows = []
    for number, quantity in quantities.items():
        shipping = answer.shipping.get(number) or OrderShipping(number, "", None, None, None)
        rows.append(
            ShippedRow(
                number,
                shipping.customer,
                quantity,
                shipping.shipped_at,
                shipping.carrier or "",
                shipping.tracking_number or "",
            )
        )
    return sorted(rows, key=lambda r: (r.shipped_at is None, r.shipped_at or datetime.min, r.order))


def left_rows(answer: TraceAnswer) -> list[LeftRow]:
    if answer.order is None:
        return []
    serials: dict[str, list[str]] = {}
    for unit in answer.order.serials:
        serials.setdefault(unit["sku"], []).append(unit["serial"])
    return [
        LeftRow(line.sku, line.lot, line.expires_on, line.quantity, ", ".join(serials.get(line.sku, [])))
        for line in answer.order.lots
    ]


def timeline_columns() -> list[Column[TimelineRow]]:
    return [
        Column(
            lambda: QCoreApplication.translate("TraceTables", "When"), lambda r: format_local_time(r.at), lambda r: r.at
        ),
        Column(
            lambda: QCoreApplication.translate("TraceTables", "Step"), lambda r: kind_title(r.kind), lambda r: r.kind
        ),
        units_column(lambda: QCoreApplication.translate("TraceTables", "Qty"), lambda r: r.quantity),
        optional_column(lambda: QCoreApplication.translate("TraceTables", "From"), lambda r: r.from_location),
        optional_column(lambda: QCoreApplication.translate("TraceTables", "To"), lambda r: r.to_location),
        optional_column(lambda: QCoreApplication.translate("TraceTables", "Lot"), lambda r: r.lot),
        text_column(lambda: QCoreApplication.translate("TraceTables", "By"), lambda r: r.by),
        Column(
            lambda: QCoreApplication.translate("TraceTables", "Note"),
            lambda r: QCoreApplication.translate("TraceTables", "inferred") if r.inferred else "",
            lambda r: r.inferred,
        ),
        text_column(lambda: QCoreApplication.translate("TraceTables", "Details"), lambda r: r.details),
    ]


def shipped_columns() -> list[Column[ShippedRow]]:
    return [
        text_column(lambda: QCoreApplication.translate("TraceTables", "Order"), lambda r: r.order),
        text_column(lambda: QCoreApplication.translate("TraceTables", "Customer"), lambda r: r.customer),
        Column(
            lambda: QCoreApplication.translate("TraceTables", "Shipped"),
            lambda r: format_local_time(r.shipped_at) if r.shipped_at else "",
            lambda r: r.shipped_at or datetime.min,
        ),
        units_column(lambda: QCoreApplication.translate("TraceTables", "Units"), lambda r: r.quantity),
        text_column(lambda: QCoreApplication.translate("TraceTables", "Carrier"), lambda r: r.carrier),
        text_column(lambda: QCoreApplication.translate("TraceTables", "Tracking number"), lambda r: r.tracking_number),
    ]


def left_columns() -> list[Column[LeftRow]]:
    return [
        text_column(lambda: QCoreApplication.translate("TraceTables", "SKU"), lambda r: r.sku),
        optional_column(lambda: QCoreApplication.translate("TraceTables", "Lot"), lambda r: r.lot),
        expiry_column(lambda: QCoreApplication.translate("TraceTables", "Expires"), lambda r: r.expires_on),
        units_column(lambda: QCoreApplication.translate("TraceTables", "Units"), lambda r: r.quantity),
        text_column(lambda: QCoreApplication.translate("TraceTables", "Serial numbers"), lambda r: r.serials),
    ]


class TimelineModel(RowsTableModel[TimelineRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(timeline_columns(), parent)


class ShippedModel(RowsTableModel[ShippedRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(shipped_columns(), parent)


class LeftModel(RowsTableModel[LeftRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(left_columns(), parent)
