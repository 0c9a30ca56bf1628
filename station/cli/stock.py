"""`station stock show SKU`: on hand, reserved and available per warehouse, and the units per location and lot."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.services.stock_queries import SkuStock, StockQueryError, stock_by_location


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stock", help="look up a SKU's stock")
    actions = parser.add_subparsers(dest="stock_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="on hand, reserved and available per warehouse, location and lot")
    show.add_argument("sku")
    show.add_argument("--tenant", default=None, help="tenant code, when several tenants use the same SKU")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show.set_defaults(handler=_show)


def _show(args: argparse.Namespace) -> int:
    database = Database(resolve_database_url(args.database_url, load_settings()))
    try:
        with database.unit_of_work() as uow:
            stock = stock_by_location(uow.session, args.sku, tenant=args.tenant)
    except StockQueryError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(json.dumps(as_json(stock), indent=2, default=str) if args.json else render(stock))
    return 0


def as_json(stock: SkuStock) -> dict[str, object]:
    return {
        **asdict(stock),
        "totals": {
            "on_hand": stock.on_hand,
            "reserved": stock.reserved,
            "available": stock.available,
            "not_sellable": stock.not_sellable,
        },
    }


def render(stock: SkuStock) -> str:
    lines = [f"{stock.sku}  {stock.name}  (tenant {stock.tenant})", ""]
    lines.append(f"{'Warehouse':<12} {'On hand':>8} {'Reserved':>9} {'Available':>10} {'Held':>6}")
    for w in stock.warehouses:
        lines.append(f"{w.warehouse:<12} {w.on_hand:>8} {w.reserved:>9} {w.available:>10} {w.not_sellable:>6}")
    if len(stock.warehouses) != 1:
        lines.append(f"{'Total':<12} {stock.on_hand:>8} {stock.reserved:>9} {stock.available:>10} {stock.not_sellable:>6}")
    lines.append("")
    if not stock.quants:
        lines.append("No units on any location.")
        return "\n".join(lines)
    lines.append(f"{'Warehouse':<12} {'Location':<12} {'Kind':<11} {'Lot':<14} {'Expires':<10} {'On hand':>8}  Sellable")
    for q in stock.quants:
        expires = q.expires_on.isoformat() if q.expires_on else ""
        lines.append(
            f"{q.warehouse:<12} {q.location:<12} {q.location_kind:<11} {q.lot or '-':<14} {expires:<10} "
            f"{q.on_hand:>8}  {'yes' if q.sellable else 'no'}"
        )
    if stock.not_sellable:
        lines += ["", "Held: units in quarantine or returns, not on hand for sale until inspected."]
    return "\n".join(lines)
