"""The demo catalogue: ~300 products, ~1,500 SKUs with attribute matrices, weights, dimensions,
CLP prices and barcodes (EAN-13 under the Chilean GS1 prefix 780, Code 128 for internal labels)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from station.db.models import Barcode, Product, Symbology, Tenant, Tracking, Variant
from station.services.demo.catalog_data import (
    APPAREL,
    APPAREL_BRANDS,
    APPAREL_STYLES,
    COLOURS,
    ELECTRONICS,
    ELECTRONICS_BRANDS,
    ELECTRONICS_STYLES,
    FOOD,
    FOOD_BRANDS,
    FOOD_STYLES,
    TECH_COLOURS,
    Family,
)
from station.services.demo.context import DemoContext
from station.services.demo.people import ascii_fold
from station.services.demo.tenancy import FOOD as FOOD_TENANT
from station.services.demo.tenancy import RETAIL

# GS1 company prefixes of the two clients: 780 is Chile, then the company number; 5 digits remain
# for the item reference before the check digit.
GS1_COMPANY_PREFIX = {RETAIL: "7804512", FOOD_TENANT: "7806307"}
SEGMENTS = (  # tenant, families, styles, brands, how many products
    (RETAIL, "apparel", APPAREL, APPAREL_STYLES, APPAREL_BRANDS, 100),
    (RETAIL, "electronics", ELECTRONICS, ELECTRONICS_STYLES, ELECTRONICS_BRANDS, 80),
    (FOOD_TENANT, "food", FOOD, FOOD_STYLES, FOOD_BRANDS, 120),
)
SIZE_POPULARITY = {"XS": 0.5, "S": 0.9, "M": 1.4, "L": 1.3, "XL": 0.8, "XXL": 0.4}
_AMOUNT = re.compile(r"^(\d+)\s*(g|kg|ml|L)$")


@dataclass(frozen=True)
class Sku:
    """A SKU with what the later steps need to know about it."""

    variant: Variant
    tenant_code: str
    segment: str  # apparel, electronics, food
    family: Family
    supplier: str
    popularity: float
    internal_label: bool  # also carries our own Code 128 label with the SKU

    @property
    def tracking(self) -> Tracking:
        return tracking_of(self.family)


def tracking_of(family: Family) -> Tracking:
    if family.shelf_life_days is not None:
        return Tracking.LOT
    return Tracking.SERIAL if family.serial else Tracking.NONE


def ean13_check_digit(first12: str) -> str:
    """The EAN-13 check digit: weights 1 and 3 alternating from the left, then up to a multiple of 10."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"an EAN-13 needs 12 digits before its check digit, got {first12!r}")
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(first12))
    return str((10 - total % 10) % 10)


def is_valid_ean13(code: str) -> bool:
    return len(code) == 13 and code.isdigit() and ean13_check_digit(code[:12]) == code[12]


def clp_price(value: float) -> int:
    """A shelf price as shops write them: 9.990, 14.990, never below 990."""
    return max(990, round(value / 1000) * 1000 - 10)


def value_code(value: str) -> str:
    """The short form of an attribute value inside a SKU: 'Española' -> 'ESP', '128 GB' -> '128GB'."""
    folded = ascii_fold(value).upper().replace(" ", "").replace("-", "").replace(",", "")
    return folded[:3] if folded.isalpha() and len(folded) > 3 else folded


def net_grams(value: str) -> int | None:
    match = _AMOUNT.match(value)
    if match is None:
        return None
    amount, unit = int(match[1]), match[2]
    return amount * 1000 if unit in ("kg", "L") else amount


def build_catalog(ctx: DemoContext, tenants: dict[str, Tenant]) -> list[Sku]:
    skus: list[Sku] = []
    item_refs = dict.fromkeys(GS1_COMPANY_PREFIX, 0)
    for tenant_code, segment, families, styles, brands, count in SEGMENTS:
        combos = list(itertools.product(families, styles, brands))
        chosen = sorted(ctx.rng.sample(range(len(combos)), count))
        numbers: dict[str, int] = {}
        for index in chosen:
            family, style, (brand, supplier) = combos[index]
            numbers[family.code] = numbers.get(family.code, 0) + 1
            code = f"{family.code}-{numbers[family.code]:03d}"
            product_skus = _product(ctx, tenants[tenant_code], segment, family, style, brand, supplier, code)
            skus.extend(product_skus)
        ctx.session.flush()
    for sku in skus:  # barcodes once the variants have ids
        item_refs[sku.tenant_code] += 1
        _barcodes(ctx, sku, item_refs[sku.tenant_code])
    ctx.session.flush()
    products = len({sku.variant.product_id for sku in skus})
    ctx.progress(f"Catalogue: {products} products, {len(skus):,} SKUs with barcodes")
    return skus


def _product(
    ctx: DemoContext, tenant: Tenant, segment: str, family: Family, style: str, brand: str, supplier: str, code: str
) -> list[Sku]:
    rng = ctx.rng
    axes: dict[str, list[str]] = {name: list(values) for name, values in family.axes}
    colour_codes: dict[str, str] = {}
    if family.colours:
        palette = TECH_COLOURS if segment == "electronics" else COLOURS
        picked = rng.sample(palette, min(family.colours, len(palette)))
        axes["colour"] = [name for name, _ in picked]
        colour_codes = dict(picked)
    name = f"{family.name} {brand} {style}"
    product = Product(
        tenant_id=tenant.id,
        code=code,
        name=name,
        brand=brand,
        category=family.category,
        tracking=tracking_of(family),
        shelf_life_days=family.shelf_life_days,
        attribute_axes=axes,
        created_at=ctx.ago(days=rng.randint(30, 360)),
    )
    ctx.session.add(product)
    base_price = rng.choice(family.prices)
    jitter = [1 + rng.uniform(-0.1, 0.1) for _ in range(3)]
    popularity = rng.lognormvariate(0, 0.8)
    # Our own Code 128 label carries the SKU: on every electronics item and on a share of apparel.
    internal_label = segment == "electronics" or (segment == "apparel" and rng.random() < 0.25)
    names = list(axes)
    skus: list[Sku] = []
    for values in itertools.product(*(axes[n] for n in names)):
        attributes = dict(zip(names, values, strict=True))
        codes = [colour_codes.get(v) if n == "colour" else value_code(v) for n, v in attributes.items()]
        step = _scale_step(attributes, family)
        weight, dims = _physical(family, attributes, step, jitter)
        variant = Variant(
            tenant_id=tenant.id,
            product=product,
            sku="-".join([code, *(c for c in codes if c)]),
            name=", ".join([name, *values]),
            attributes=attributes,
            weight_g=weight,
            length_mm=dims[0],
            width_mm=dims[1],
            height_mm=dims[2],
            price=clp_price(base_price * (1 + 0.6 * step)) if step else base_price,
            currency="CLP",
            created_at=product.created_at,
        )
        ctx.session.add(variant)
        size_weight = SIZE_POPULARITY.get(attributes.get("size", ""), 1.0)
        skus.append(Sku(variant, tenant.code, segment, family, supplier, popularity * size_weight, internal_label))
    return skus


def _scale_step(attributes: dict[str, str], family: Family) -> int:
    """How many steps up the size or capacity ladder a variant is (prices and weights grow with it)."""
    for axis in ("capacity", "size"):
        if axis in attributes and (axis == "capacity" or family.shelf_life_days is not None):
            ladder = dict(family.axes)[axis]
            return ladder.index(attributes[axis])
    return 0


def _physical(
    family: Family, attributes: dict[str, str], step: int, jitter: list[float]
) -> tuple[int, tuple[int, ...]]:
    grams = net_grams(attributes.get("size", ""))
    if grams is not None:  # food sold by weight or volume: contents plus packaging
        weight = round(grams * 1.08 + 40)
        scale = (grams / net_grams(dict(family.axes)["size"][0])) ** (1 / 3)  # type: ignore[operator]
    else:
        ladder = dict(family.axes).get("size", ())
        size_step = ladder.index(attributes["size"]) if attributes.get("size") in ladder else 0
        weight = round(family.weight_g * jitter[0] * (1 + 0.06 * (size_step + step)))
        scale = 1.0
    dims = tuple(max(10, round(d * scale * j)) for d, j in zip(family.dims_mm, jitter, strict=True))
    return weight, dims


def _barcodes(ctx: DemoContext, sku: Sku, item_ref: int) -> None:
    variant = sku.variant
    first12 = f"{GS1_COMPANY_PREFIX[sku.tenant_code]}{item_ref:05d}"
    ctx.session.add(
        Barcode(
            tenant_id=variant.tenant_id,
            variant_id=variant.id,
            code=first12 + ean13_check_digit(first12),
            symbology=Symbology.EAN13,
        )
    )
    if sku.internal_label:
        ctx.session.add(
            Barcode(tenant_id=variant.tenant_id, variant_id=variant.id, code=variant.sku, symbology=Symbology.CODE128)
        )
