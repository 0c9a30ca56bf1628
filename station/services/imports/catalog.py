"""Import rules for products and variants (SKUs with their EAN barcode)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import Barcode, Product, Symbology, Tracking, Variant
from station.domain.gs1 import gs1_check_digit
from station.domain.money import InvalidAmount, parse_money
from station.domain.removal import RemovalStrategy
from station.services.imports.checks import FirstSeen, Problem, RowCheck
from station.services.imports.plan import Plan, Scope, in_chunks
from station.services.imports.table import Table

PRODUCT_COLUMNS = ("tenant", "code", "name", "brand", "category", "tracking", "shelf_life_days", "removal_strategy")
# Empty or "default": the category's rule, else FEFO for lots with expiry dates, else FIFO.
REMOVAL_CHOICES = (*(strategy.value for strategy in RemovalStrategy), "default")
PRODUCT_REQUIRED = ("code", "name")

VARIANT_COLUMNS = (
    "tenant",
    "product_code",
    "sku",
    "name",
    "size",
    "colour",
    "attr_",
    "weight_g",
    "length_mm",
    "width_mm",
    "height_mm",
    "price",
    "ean",
)
VARIANT_REQUIRED = ("product_code", "sku", "name")
ATTRIBUTE_COLUMNS = ("size", "colour")


def plan_products(session: Session, table: Table, scope: Scope, problems: list[Problem]) -> Plan:
    tenant = scope.need_tenant()
    codes = [row.get("code") for row in table.rows]
    taken = {
        code
        for (code,) in in_chunks(
            session,
            lambda chunk: select(Product.code).where(Product.tenant_id == tenant.id, Product.code.in_(chunk)),
            codes,
        )
    }
    in_file = FirstSeen()
    products: list[Product] = []
    for row in table.rows:
        check = RowCheck(row, problems)
        scope.check_tenant_cell(check)
        code = check.text("code", required=True, max_length=64)
        name = check.text("name", required=True)
        brand = check.text("brand", max_length=100)
        category = check.text("category", max_length=100)
        tracking = check.choice("tracking", tuple(t.value for t in Tracking), default=Tracking.NONE.value)
        shelf_life = check.whole("shelf_life_days", default=None, minimum=1)
        removal = check.choice("removal_strategy", REMOVAL_CHOICES, default="default")
        if code:
            if (earlier := in_file.seen(code, row.number)) is not None:
                check.problem("code", f"product {code} is already on row {earlier}")
            elif code in taken:
                check.problem("code", f"product {code} already exists for tenant {tenant.code}")
        if None in (code, name, brand, category, tracking, removal) or (
            row.get("shelf_life_days") and shelf_life is None
        ):
            continue
        products.append(
            Product(
                tenant_id=tenant.id,
                code=code,
                name=name,
                brand=brand,
                category=category,
                tracking=Tracking(tracking),
                shelf_life_days=shelf_life,
                removal_strategy=None if removal == "default" else RemovalStrategy(removal),
            )
        )

    def apply(session: Session) -> None:
        session.add_all(products)

    return Plan([f"create {len(products)} product(s) for tenant {tenant.code}"], apply)


def check_ean(check: RowCheck, column: str) -> str | None:
    """An EAN-13 or UPC-A (12 digits) with its check digit right; empty is ''."""
    value = check.row.get(column).replace(" ", "")
    if not value:
        return ""
    if not value.isascii() or not value.isdigit():
        check.problem(column, f"{value!r} is not a barcode number: digits only")
        return None
    lost_zero = len(value) < 13 and gs1_check_digit(value.zfill(13)[:-1]) == int(value[-1])
    hint = "; Excel may have dropped leading zeros: format the column as Text" if lost_zero else ""
    if len(value) not in (12, 13):
        check.problem(column, f"{value!r} has {len(value)} digits; an EAN-13 has 13, a UPC-A 12{hint}")
        return None
    expected = gs1_check_digit(value[:-1])
    if expected != int(value[-1]):
        check.problem(column, f"check digit should be {expected}, got {value[-1]}")
        return None
    return value


def plan_variants(session: Session, table: Table, scope: Scope, problems: list[Problem]) -> Plan:
    tenant = scope.need_tenant()
    skus = [row.get("sku") for row in table.rows]
    eans = [row.get("ean").replace(" ", "") for row in table.rows]
    product_codes = {row.get("product_code") for row in table.rows}
    products: dict[str, int] = {
        code: id_
        for code, id_ in in_chunks(
            session,
            lambda chunk: select(Product.code, Product.id).where(
                Product.tenant_id == tenant.id, Product.code.in_(chunk)
            ),
            product_codes,
        )
    }
    taken_skus = {
        sku
        for (sku,) in in_chunks(
            session,
            lambda chunk: select(Variant.sku).where(Variant.tenant_id == tenant.id, Variant.sku.in_(chunk)),
            skus,
        )
    }
    taken_eans = {
        code
        for (code,) in in_chunks(
            session,
            lambda chunk: select(Barcode.code).where(Barcode.tenant_id == tenant.id, Barcode.code.in_(chunk)),
            eans,
        )
    }
    sku_rows, ean_rows = FirstSeen(), FirstSeen()
    planned: list[tuple[Variant, str]] = []
    for row in table.rows:
        check = RowCheck(row, problems)
        scope.check_tenant_cell(check)
        product_code = check.text("product_code", required=True, max_length=64)
        sku = check.text("sku", required=True, max_length=64)
        name = check.text("name", required=True)
        sizes = {name: check.whole(name) for name in ("weight_g", "length_mm", "width_mm", "height_mm")}
        price = _price(check)
        ean = check_ean(check, "ean")
        attributes = {
            column.removeprefix("attr_"): value
            for column, value in row.values.items()
            if value and (column in ATTRIBUTE_COLUMNS or column.startswith("attr_"))
        }
        if product_code and product_code not in products:
            check.problem("product_code", f"unknown product {product_code} for tenant {tenant.code}")
        if sku:
            if (earlier := sku_rows.seen(sku, row.number)) is not None:
                check.problem("sku", f"SKU {sku} is already on row {earlier}")
            elif sku in taken_skus:
                check.problem("sku", f"SKU {sku} is already taken for tenant {tenant.code}")
        if ean:
            if (earlier := ean_rows.seen(ean, row.number)) is not None:
                check.problem("ean", f"barcode {ean} is already on row {earlier}")
            elif ean in taken_eans:
                check.problem("ean", f"barcode {ean} already belongs to another SKU")
        values = (product_code, sku, name, price, ean, *sizes.values())
        if None in values or product_code not in products:
            continue
        variant = Variant(
            tenant_id=tenant.id,
            product_id=products[product_code],
            sku=sku,
            name=name,
            attributes=attributes,
            price=price,
            currency="CLP",
            **sizes,
        )
        planned.append((variant, ean or ""))

    def apply(session: Session) -> None:
        session.add_all([variant for variant, _ in planned])
        _extend_axes(session, [variant for variant, _ in planned])
        session.flush()
        for variant, ean in planned:
            if ean:
                symbology = Symbology.EAN13 if len(ean) == 13 else Symbology.UPCA
                session.add(Barcode(tenant_id=tenant.id, variant_id=variant.id, code=ean, symbology=symbology))

    barcodes = sum(bool(ean) for _, ean in planned)
    return Plan([f"create {len(planned)} SKU(s) with {barcodes} barcode(s) for tenant {tenant.code}"], apply)


def _extend_axes(session: Session, variants: list[Variant]) -> None:
    """Add the imported attribute values to each product's matrix axes (a new dict, so the JSON is saved)."""
    by_product: dict[int, list[Variant]] = {}
    for variant in variants:
        by_product.setdefault(variant.product_id, []).append(variant)
    for product_id, members in by_product.items():
        product = session.get(Product, product_id)
        assert product is not None
        axes = {name: list(values) for name, values in (product.attribute_axes or {}).items()}
        for variant in members:
            for name, value in variant.attributes.items():
                values = axes.setdefault(name, [])
                if value not in values:
                    values.append(value)
        if axes != product.attribute_axes:
            product.attribute_axes = axes


def _price(check: RowCheck) -> int | None:
    value = check.row.get("price")
    if not value:
        return 0
    try:
        amount = parse_money(value, "CLP")
    except InvalidAmount as exc:
        check.problem("price", str(exc))
        return None
    if amount < 0:
        check.problem("price", f"{value!r} is negative")
        return None
    return amount
