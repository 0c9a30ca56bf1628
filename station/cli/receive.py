"""`station receive PO --scan CODE …` (scripted receiving) and `station labels locations SELECTION --out FILE`.

Exit codes of `receive`: 0 booked (or checked, with ``--dry-run``); 1 refused (unknown order,
over-receipt beyond tolerance, a lot already on file with another expiry …); 2 a scan that needs
an answer a script cannot give (an unknown barcode without ``--map``, a lot-tracked SKU without a
lot, a serial-tracked SKU whose serial never came). Nothing is written unless every scan worked.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.config import load_settings, resolve_database_url
from station.db.engine import Database
from station.db.models import Location, LocationKind, Warehouse
from station.services.location_labels import (
    LocationLabelError,
    location_labels_pdf,
    location_labels_zpl,
    select_location_codes,
)
from station.services.receiving import (
    ReceivingError,
    ScanStatus,
    commit_receipt,
    load_receipt,
    map_barcode,
)
from station.services.stock import Actor, StockError


class NeedsAnswer(Exception):
    pass


def register(subparsers: argparse._SubParsersAction) -> None:
    receive = subparsers.add_parser("receive", help="receive a purchase order from a list of scans (scripts, IT)")
    receive.add_argument("po_number", metavar="PO_NUMBER")
    receive.add_argument("--scan", action="append", default=[], metavar="CODE", help="a scan: EAN/UPC, SKU or GS1-128 (repeat)")
    receive.add_argument("--map", action="append", default=[], metavar="CODE=SKU", help="teach an unknown barcode first")
    receive.add_argument("--dock", default="", help="location code to receive onto (default: the warehouse's first dock)")
    receive.add_argument("--over-tolerance", type=int, default=10, metavar="PERCENT", help="over-receipt accepted (default 10)")
    receive.add_argument("--dry-run", action="store_true", help="check and report, book nothing")
    receive.add_argument("--json", action="store_true")
    receive.set_defaults(handler=_receive)
    labels = subparsers.add_parser("labels", help="print labels to a file")
    kinds = labels.add_subparsers(dest="labels_kind", metavar="KIND", required=True)
    locations = kinds.add_parser("locations", help="bin labels for a bin, a prefix (aisle) or a range A-01-A..A-03-C")
    locations.add_argument("selection", metavar="SELECTION")
    locations.add_argument("--out", required=True, type=Path, help="FILE.zpl or FILE.pdf")
    locations.add_argument("--warehouse", default="", help="warehouse code (default: the first)")
    locations.add_argument("--dpi", type=int, default=203, choices=(203, 300, 600))
    locations.set_defaults(handler=_location_labels)


def _dock(session: Session, warehouse_id: int, code: str) -> Location:
    query = select(Location).where(Location.warehouse_id == warehouse_id).order_by(Location.id)
    query = query.where(Location.code == code) if code else query.where(Location.kind == LocationKind.DOCK)
    dock = session.scalars(query).first()
    if dock is None:
        raise ReceivingError(f"No location {code!r} in this warehouse" if code else "No dock location; pass --dock CODE")
    return dock


def _receive_in(session: Session, args: argparse.Namespace, actor: Actor) -> dict[str, object]:
    receiving = load_receipt(session, args.po_number, over_tolerance_percent=args.over_tolerance)
    for mapping in args.map:
        code, separator, sku = mapping.partition("=")
        if not separator:
            raise ReceivingError(f"--map {mapping!r}: expected CODE=SKU")
        map_barcode(session, receiving, code, sku)
    flags: list[str] = []
    for code in args.scan:
        outcome = receiving.scan(code)
        if outcome.status is ScanStatus.UNKNOWN:
            raise NeedsAnswer(f"{outcome.message}; map it with --map {outcome.code}=SKU")
        if outcome.status is ScanStatus.NEEDS_LOT:
            raise NeedsAnswer(f"{outcome.message}: scan the GS1-128 with AI 10 instead of {outcome.code}")
        if outcome.over_receipt:
            flags.append(outcome.message)
    if receiving.pending_serial is not None:
        raise NeedsAnswer(f"{receiving.pending_serial.sku}: the last scan needs a serial number after it")
    dock = _dock(session, receiving.warehouse_id, args.dock)
    lines = [
        {"sku": line.sku, "ordered": line.ordered, "before": line.previously_received, "received": line.received}
        for line in receiving.lines
    ]
    status = "dry-run"
    if not args.dry_run:
        status = commit_receipt(session, receiving, dock.id, actor).status.value
    return {
        "purchase_order": receiving.number,
        "dock": dock.code,
        "status": status,
        "lines": lines,
        "over_receipt": flags,
        "discrepancies": [{"sku": d.sku, "ordered": d.ordered, "received": d.received} for d in receiving.discrepancies()],
    }


def _receive(args: argparse.Namespace) -> int:
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            report = _receive_in(uow.session, args, Actor(station=settings.station_name))
            if not args.dry_run:
                uow.commit()
    except NeedsAnswer as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (ReceivingError, StockError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['purchase_order']} → {report['dock']}: {report['status']}")
    for line in report["lines"]:  # type: ignore[union-attr]
        total = line["before"] + line["received"]
        difference = f" ({total - line['ordered']:+d})" if total != line["ordered"] else ""
        print(f"  {line['sku']:<16} {total:>5}/{line['ordered']:<5}{difference}")
    return 0


def _location_labels(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".zpl", ".pdf"):
        print(f"--out {args.out}: the file must end in .zpl or .pdf", file=sys.stderr)
        return 1
    settings = load_settings()
    database = Database(resolve_database_url(args.database_url, settings))
    try:
        with database.unit_of_work() as uow:
            query = select(Warehouse.id).order_by(Warehouse.id)
            if args.warehouse:
                query = query.where(Warehouse.code == args.warehouse)
            warehouse_id = uow.session.scalar(query.limit(1))
            if warehouse_id is None:
                raise LocationLabelError(f"No warehouse {args.warehouse!r}" if args.warehouse else "No warehouse yet")
            codes = select_location_codes(uow.session, warehouse_id, args.selection)
    except LocationLabelError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        database.dispose()
    data = location_labels_zpl(codes, dpi=args.dpi) if suffix == ".zpl" else location_labels_pdf(codes)
    args.out.write_bytes(data)
    print(f"{len(codes)} label(s) → {args.out}: {', '.join(codes)}")
    return 0

