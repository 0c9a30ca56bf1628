"""`station stock show SKU`: on hand, reserved and available per warehouse, and the units per location and lot.

`station stock strategy SKU [fifo|fefo|lifo|default]` and `station stock strategy --category NAME [...]`:
show or set which units leave first (a product's own strategy, else its category's rule, else FEFO for
lots with expiry dates and FIFO for the rest).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.services.removal import (
    RemovalError,
    category_rule,
    explain_strategy,
    set_category_strategy,
    set_product_strategy,
)
from station.services.stock_queries import SkuStock, StockQueryError, find_variant, stock_by_location

STRATEGY_CHOICES = "fifo|fefo|lifo|default"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("stock", help="look up a SKU's stock")
    actions = parser.add_subparsers(dest="stock_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="on hand, reserved and available per warehouse, location and lot")
    show.add_argument("sku")
    show.add_argument("--tenant", default=None, help="tenant code, when several tenants use the same SKU")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show.set_defaults(handler=_show)
    strategy = actions.add_parser(
        "strategy",
        help="show or set which units leave first (FIFO, FEFO, LIFO) for a SKU's product or a category",
        description="With a SKU: its product's removal strategy. With --category: the rule for every product of "
        "that category without a strategy of its own. 'default' removes the setting: FEFO for lots with expiry "
        "dates, FIFO for the rest.",
    )
    strategy.add_argument(
        "words", nargs="*", metavar="SKU [STRATEGY]", help=f"a SKU, then {STRATEGY_CHOICES} to set it"
    )
    strategy.add_argument("--category", default=None, metavar="NAME", help=f"a category, then {STRATEGY_CHOICES}")
    strategy.add_argument("--tenant", default=None, help="tenant code, when there are several")
    strategy.set_defaults(handler=_strategy)


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


def _strategy(args: argparse.Namespace) -> int:
    words = list(args.words)
    most = 1 if args.category else 2
    if len(words) > most or (not args.category and not words):
        usage = f"station stock strategy SKU [{STRATEGY_CHOICES}]  or  --category NAME [{STRATEGY_CHOICES}]"
        print(f"Usage: {usage}", file=sys.stderr)
        return 2
    database = Database(resolve_database_url(args.database_url, load_settings()))
    try:
        with database.unit_of_work() as uow:
            session = uow.session
            if args.category:
                if words:
                    set_category_strategy(session, args.category, words[0], tenant=args.tenant)
                name, rule, products = category_rule(session, args.category, tenant=args.tenant)
                uow.commit()
                shown = rule.value if rule else "no rule (each product's own, else the default)"
                print(f"Category {name}: {shown}; {products} product(s)")
                return 0
            if len(words) == 2:
                set_product_strategy(session, words[0], words[1], tenant=args.tenant)
            variant = find_variant(session, words[0], tenant=args.tenant)
            strategy, source = explain_strategy(session, variant.id)
            product = variant.product
            uow.commit()
            where = {"product": "its own", "category": f"category {product.category}'s rule", "default": "the default"}
            print(f"{variant.sku} (product {product.code}): {strategy.value}, {where[source]}")
            return 0
    except (RemovalError, StockQueryError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()


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
        lines.append(
            f"{'Total':<12} {stock.on_hand:>8} {stock.reserved:>9} {stock.available:>10} {stock.not_sellable:>6}"
        )
    lines.append("")
    if not stock.quants:
        lines.append("No units on any location.")
        return "\n".join(lines)
    lines.append(
        f"{'Warehouse':<12} {'Location':<12} {'Kind':<11} {'Lot':<14} {'Expires':<10} {'On hand':>8}  Sellable"
    )
    for q in stock.quants:
        expires = q.expires_on.isoformat() if q.expires_on else ""
        lines.append(
            f"{q.warehouse:<12} {q.location:<12} {q.location_kind:<11} {q.lot or '-':<14} {expires:<10} "
            f"{q.on_hand:>8}  {'yes' if q.sellable else 'no'}"
        )
    if stock.not_sellable:
        lines += ["", "Held: units in quarantine, returns or in transit, not for sale until inspected or received."]
    return "\n".join(lines)
