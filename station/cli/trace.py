"""`station trace lot|serial|order`: follow a lot or serial from receipt to the customer, or list what left in an order."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict

from sqlalchemy.orm import Session

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.services.traceability import (
    LotTrace,
    OrderTrace,
    SerialTrace,
    TraceError,
    TraceMove,
    trace_lot,
    trace_order,
    trace_serial,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("trace", help="traceability: a lot or serial from receipt to order, or an order's lots")
    actions = parser.add_subparsers(dest="trace_action", metavar="WHAT", required=True)
    lot = actions.add_parser("lot", help="every move of a lot, and the orders it shipped in")
    lot.add_argument("sku")
    lot.add_argument("lot")
    lot.add_argument("--tenant", default=None, help="tenant code, when several tenants use the same SKU")
    lot.set_defaults(handler=lambda a: _run(a, lambda s: trace_lot(s, a.sku, a.lot, tenant=a.tenant)))
    serial = actions.add_parser("serial", help="every move of a serial-numbered unit, up to its order")
    serial.add_argument("serial")
    serial.add_argument("--sku", default=None, help="the SKU, when several SKUs share the serial")
    serial.add_argument("--tenant", default=None)
    serial.set_defaults(handler=lambda a: _run(a, lambda s: trace_serial(s, a.serial, sku=a.sku, tenant=a.tenant)))
    order = actions.add_parser("order", help="which lots and serials left in an order")
    order.add_argument("number", help="our order number (JLS-…) or the channel's order id")
    order.set_defaults(handler=lambda a: _run(a, lambda s: trace_order(s, a.number)))
    for action in (lot, serial, order):
        action.add_argument("--json", action="store_true", help="print JSON instead of text")


Trace = LotTrace | SerialTrace | OrderTrace


def _run(args: argparse.Namespace, work: Callable[[Session], Trace]) -> int:
    database = Database(resolve_database_url(args.database_url, load_settings()))
    try:
        with database.unit_of_work() as uow:
            trace = work(uow.session)
    except TraceError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(json.dumps(asdict(trace), indent=2, default=str) if args.json else render(trace))
    return 0


def render(trace: Trace) -> str:
    if isinstance(trace, LotTrace):
        expiry = f", expires {trace.expires_on.isoformat()}" if trace.expires_on else ""
        head = [
            f"Lot {trace.lot} of {trace.sku}{expiry}",
            f"received {trace.received}, shipped {trace.shipped}, on hand {trace.on_hand}",
        ]
        shipped = [
            f"  {o.order}  {o.customer}  {o.quantity} unit(s)  {o.carrier or ''} {o.tracking_number or ''}".rstrip()
            for o in trace.orders
        ]
        return "\n".join([*head, "", *_moves(trace.moves), *(["", "Shipped in:", *shipped] if shipped else [])])
    if isinstance(trace, SerialTrace):
        where = (
            f"left in order {trace.order} to {trace.customer}" if trace.order
            else f"at {trace.location}" if trace.location else "not in stock"
        )
        note = ["", "* the move names the SKU, not the serial: the unit's receipt or its order's move"]
        inferred = any(m.inferred for m in trace.moves)
        return "\n".join([f"Serial {trace.serial} of {trace.sku}: {where}", "", *_moves(trace.moves), *(note if inferred else [])])
    head = [f"Order {trace.order} ({trace.state}) for {trace.customer}{f' {trace.customer_rut}' if trace.customer_rut else ''}, {trace.comuna}"]
    head += [f"  {s['carrier']} {s['tracking_number'] or ''} {s['status']}" for s in trace.shipments]
    lots = [f"  {lot.sku:<16} {lot.lot or '-':<14} {lot.quantity:>5}" for lot in trace.lots]
    serials = [f"  {s['sku']:<16} {s['serial']}" for s in trace.serials]
    body = ["", "Left in it:", *(lots or ["  nothing shipped yet"])]
    if serials:
        body += ["", "Serial numbers:", *serials]
    return "\n".join([*head, *body, "", *_moves(trace.moves)])


def _moves(moves: list[TraceMove]) -> list[str]:
    if not moves:
        return ["No moves."]
    lines = [f"{'When (UTC)':<19} {'Kind':<10} {'Qty':>5}  {'From':<10} {'To':<10} {'Lot':<12} {'By':<16} Reference"]
    for m in moves:
        by = f"{m.user}@{m.station}" if m.user else m.station
        reference = m.reference + (f" ({m.customer})" if m.customer else "") + (" *" if m.inferred else "")
        lines.append(
            f"{m.at:%Y-%m-%d %H:%M:%S} {m.kind:<10} {m.quantity:>5}  {m.from_location or '-':<10} {m.to_location or '-':<10} "
            f"{m.lot or '-':<12} {by:<16} {reference}"
        )
    return lines
