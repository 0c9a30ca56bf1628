"""The variant-matrix editor's use cases: preview a product's SKUs and save its matrix (reading: `variant_matrix_queries`).

`save_matrix` creates the product if it is new and one SKU per combination of its axes; combinations
already stored keep their SKU and barcodes, removed ones are deactivated (never deleted: stock moves
and orders point at them). Each new SKU gets an internal EAN-13 (see `station.domain.variant_matrix`)
unless one is given. Images are copied into the station's data directory as
``images/<tenant>/<sku>.<ext>``; ``Variant.image_path`` keeps the copy's absolute path, so the packing
bench shows it as is (another station sharing the database sees the image once the file is there too).
Everything is checked before anything is written; the database work is one transaction.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.db.engine import Database
from station.db.models import AuditEntry, Barcode, Product, Symbology, Tenant, Tracking, Variant
from station.domain.gs1 import is_valid_check_digit
from station.domain.variant_matrix import (
    INTERNAL_EAN_PREFIX,
    Axis,
    MatrixError,
    PlannedVariant,
    combination_key,
    image_kind,
    next_internal_ean13,
    plan_matrix,
)
from station.services.stock import Actor

IMAGES_DIR = "images"
_UNSAFE_FILE_CHARS = re.compile(r"[^A-Za-z0-9._-]")


class CatalogueError(ValueError):
    """A product or matrix that cannot be saved as asked; the message names what and where."""


class RowStatus(enum.StrEnum):
    NEW = "new"  # created on save
    KEPT = "kept"  # stored and stays active
    REACTIVATED = "reactivated"  # stored, inactive, comes back
    REMOVED = "removed"  # stored, deactivated on save (or already inactive)


@dataclass(frozen=True)
class ProductSpec:
    tenant: str  # the tenant's code
    code: str
    name: str
    brand: str = ""
    category: str = ""
    tracking: str = Tracking.NONE.value
    shelf_life_days: int | None = None


@dataclass(frozen=True)
class VariantInput:
    """What the editor says about one combination; None keeps what is stored (0 for a new SKU)."""

    attributes: dict[str, str]
    weight_g: int | None = None
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None
    price: int | None = None  # CLP
    image: Path | None = None  # a file to copy in
    barcode: str | None = None  # an EAN-13/UPC-A of the maker's instead of an internal one (new SKUs)


@dataclass(frozen=True)
class VariantRow:
    """One SKU as the editor shows it."""

    attributes: dict[str, str]
    sku: str
    name: str
    barcode: str  # "" until saved
    weight_g: int = 0
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    price: int = 0
    image: Path | None = None  # the stored copy, absolute
    status: RowStatus = RowStatus.NEW


@dataclass(frozen=True)
class ProductMatrix:
    spec: ProductSpec
    axes: tuple[Axis, ...]
    variants: tuple[VariantRow, ...]  # every stored SKU, active or not


@dataclass(frozen=True)
class MatrixSaved:
    product: str
    created: tuple[str, ...]
    deactivated: tuple[str, ...]
    reactivated: tuple[str, ...]
    barcodes: dict[str, str] = field(default_factory=dict)  # new SKU → its barcode


def preview_matrix(
    spec: ProductSpec, axes: Sequence[Axis], stored: Sequence[VariantRow] = (), stored_name: str | None = None
) -> list[VariantRow]:
    """The rows the editor shows before saving: planned combinations, then stored SKUs that go away.

    A stored SKU keeps its name unless the product's name (`stored_name` as loaded) or its values changed."""
    planned = plan_matrix(spec.code, spec.name, axes)
    matches, removed = _match(planned, stored, key=lambda row: row.attributes, sku=lambda row: row.sku)
    rows: list[VariantRow] = []
    for plan, row in matches:
        if row is None:
            rows.append(VariantRow(plan.attributes, plan.sku, plan.name, ""))
        else:
            status = RowStatus.REACTIVATED if row.status is RowStatus.REMOVED else RowStatus.KEPT
            name = row.name if _keeps_name(row.attributes, plan, stored_name == spec.name) else plan.name
            rows.append(replace(row, attributes=plan.attributes, name=name, status=status))
    rows.extend(replace(row, status=RowStatus.REMOVED) for row in removed)
    return rows


def save_product_matrix(
    database: Database,
    spec: ProductSpec,
    axes: Sequence[Axis],
    inputs: Sequence[VariantInput],
    actor: Actor,
    data_dir: Path,
    *,
    new_product: bool = False,
) -> MatrixSaved:
    """`save_matrix` in its own transaction (one user action)."""
    with database.unit_of_work() as uow:
        saved = save_matrix(uow.session, spec, axes, inputs, actor, data_dir, new_product=new_product)
        uow.commit()
        return saved


def save_matrix(
    session: Session,
    spec: ProductSpec,
    axes: Sequence[Axis],
    inputs: Sequence[VariantInput],
    actor: Actor,
    data_dir: Path,
    *,
    new_product: bool = False,
) -> MatrixSaved:
    """Create or update the product and its SKUs; `new_product` refuses a code that already exists."""
    spec = _checked_spec(spec)
    try:
        planned = plan_matrix(spec.code, spec.name, axes)
    except MatrixError as exc:
        raise CatalogueError(f"{spec.code}: {exc}") from exc
    by_key = {plan.key: plan for plan in planned}
    given: dict[frozenset[tuple[str, str]], VariantInput] = {}
    for item in inputs:
        key = combination_key(item.attributes)
        if key not in by_key:
            shown = ", ".join(f"{name} {value}" for name, value in item.attributes.items())
            raise CatalogueError(f"{spec.code}: {shown} is not a combination of the axes")
        given[key] = item
    images = {key: _read_image(item.image) for key, item in given.items() if item.image is not None}

    tenant = find_tenant(session, spec.tenant)
    product = find_product(session, tenant.id, spec.code)
    if product is not None and new_product:
        raise CatalogueError(f"Product {product.code} already exists for tenant {tenant.code}: open it to change it")
    if product is None:
        product = Product(tenant_id=tenant.id, code=spec.code)
        session.add(product)
    same_name = product.name == spec.name
    product.name, product.brand, product.category = spec.name, spec.brand, spec.category
    product.tracking, product.shelf_life_days = Tracking(spec.tracking), spec.shelf_life_days
    product.attribute_axes = {axis.name: list(axis.values) for axis in axes}  # a new dict: the JSON is saved
    session.flush()

    stored = session_variants(session, product.id)
    matches, removed = _match(planned, stored, key=lambda v: v.attributes or {}, sku=lambda v: v.sku)
    new = [plan for plan, variant in matches if variant is None]
    _check_free_skus(session, tenant.id, [plan.sku for plan in new])
    created: list[tuple[Variant, str | None]] = []
    reactivated: list[str] = []
    variants: dict[frozenset[tuple[str, str]], Variant] = {}
    for plan, variant in matches:
        item = given.get(plan.key, VariantInput(plan.attributes))
        if variant is None:
            barcode = _checked_barcode(session, tenant.id, plan.sku, item.barcode)
            variant = Variant(
                tenant_id=tenant.id,
                product_id=product.id,
                sku=plan.sku,
                name=plan.name,
                attributes=dict(plan.attributes),
                currency="CLP",
            )
            session.add(variant)
            created.append((variant, barcode))
        elif not variant.active:
            reactivated.append(variant.sku)
        if not _keeps_name(variant.attributes or {}, plan, same_name):
            variant.name = plan.name
        variant.attributes, variant.active = dict(plan.attributes), True
        for name in ("weight_g", "length_mm", "width_mm", "height_mm", "price"):
            value = getattr(item, name)
            if value is not None:
                if value < 0:
                    raise CatalogueError(f"{plan.sku}: {name.replace('_', ' ')} cannot be negative ({value})")
                setattr(variant, name, value)
            elif getattr(variant, name) is None:
                setattr(variant, name, 0)
        variants[plan.key] = variant
    deactivated = [variant.sku for variant in removed if variant.active]
    for variant in removed:
        variant.active = False
    barcodes = _add_barcodes(session, tenant.id, created)
    for key, (_content, ext) in images.items():
        variant = variants[key]
        variant.image_path = str(data_dir / IMAGES_DIR / _file_part(tenant.code) / f"{_file_part(variant.sku)}.{ext}")
    try:
        session.flush()
    except IntegrityError as exc:
        raise CatalogueError(
            f"{spec.code}: a SKU or barcode was taken by another station meanwhile; nothing was saved, save again"
        ) from exc
    for key, (content, _ext) in images.items():  # the last step: the database work has passed its checks
        target = Path(variants[key].image_path or "")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as exc:
            raise CatalogueError(f"Cannot store the image of {variants[key].sku} in {target.parent}: {exc}") from exc
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            station=actor.station,
            action="save_matrix",
            entity="product",
            entity_id=product.code,
            detail={
                "tenant": tenant.code,
                "created": sorted(barcodes),
                "deactivated": deactivated,
                "reactivated": reactivated,
            },
        )
    )
    return MatrixSaved(product.code, tuple(barcodes), tuple(deactivated), tuple(reactivated), barcodes)


def _keeps_name(attributes: dict, plan: PlannedVariant, same_product_name: bool) -> bool:
    """A stored SKU keeps the name it has (an imported one may read differently) while nothing it is
    made of changed."""
    return same_product_name and combination_key(attributes) == plan.key


def session_variants(session: Session, product_id: int) -> list[Variant]:
    return list(session.scalars(select(Variant).where(Variant.product_id == product_id).order_by(Variant.id)))


def _match(planned: Sequence[PlannedVariant], stored: Sequence, *, key, sku) -> tuple[list, list]:
    """Pair each planned combination with the stored SKU of the same attributes, else of the same code
    (a renamed axis or value keeps its SKU); stored SKUs left over are the removed ones."""
    left = list(stored)
    by_key: dict = {}
    for item in left:  # the oldest SKU of a combination stored twice (imports) is the one kept
        by_key.setdefault(combination_key(key(item)), item)
    pairs = []
    for plan in planned:
        item = by_key.get(plan.key)
        if item is not None and item in left:
            left.remove(item)
        else:
            item = None
        pairs.append([plan, item])
    for pair in pairs:
        if pair[1] is None:
            same_code = next((item for item in left if sku(item) == pair[0].sku), None)
            if same_code is not None:
                left.remove(same_code)
                pair[1] = same_code
    return [tuple(pair) for pair in pairs], left


def _checked_spec(spec: ProductSpec) -> ProductSpec:
    code, name = spec.code.strip(), " ".join(spec.name.split())
    if not code:
        raise CatalogueError("The product needs a code")
    if not name:
        raise CatalogueError(f"Product {code} needs a name")
    for label, value, limit in (
        ("code", code, 64),
        ("name", name, 300),
        ("brand", spec.brand, 100),
        ("category", spec.category, 100),
    ):
        if len(value) > limit:
            raise CatalogueError(f"Product {code}: the {label} is longer than {limit} characters")
    if spec.tracking not in {t.value for t in Tracking}:
        raise CatalogueError(f"Product {code}: tracking must be none, lot or serial, not {spec.tracking!r}")
    if spec.shelf_life_days is not None and spec.shelf_life_days <= 0:
        raise CatalogueError(f"Product {code}: shelf life must be at least 1 day, not {spec.shelf_life_days}")
    return replace(spec, code=code, name=name, brand=spec.brand.strip(), category=spec.category.strip())


def _read_image(path: Path) -> tuple[bytes, str]:
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise CatalogueError(f"Image {path} does not exist") from None
    except OSError as exc:
        raise CatalogueError(f"Image {path} cannot be read: {exc.strerror or exc}") from None
    ext = image_kind(content[:16])
    if ext is None:
        raise CatalogueError(f"{path} is not a PNG, JPEG, GIF, BMP or WebP image")
    return content, ext


def find_tenant(session: Session, code: str) -> Tenant:
    tenant = session.scalars(select(Tenant).where(Tenant.code == code)).first()
    if tenant is None:
        raise CatalogueError(f"No tenant {code!r}")
    return tenant


def find_product(session: Session, tenant_id: int, code: str) -> Product | None:
    return session.scalars(select(Product).where(Product.tenant_id == tenant_id, Product.code == code.strip())).first()


def _check_free_skus(session: Session, tenant_id: int, skus: list[str]) -> None:
    if not skus:
        return
    taken = session.execute(
        select(Variant.sku, Product.code, Product.name)
        .join(Product, Product.id == Variant.product_id)
        .where(Variant.tenant_id == tenant_id, Variant.sku.in_(skus))
    ).first()
    if taken is not None:
        sku, code, name = taken
        raise CatalogueError(
            f"SKU {sku} already belongs to product {code} ({name}): change the product code or the value"
        )


def _checked_barcode(session: Session, tenant_id: int, sku: str, code: str | None) -> str | None:
    if not code or not code.strip():
        return None
    code = code.strip()
    if len(code) not in (12, 13) or not is_valid_check_digit(code):
        raise CatalogueError(f"{sku}: barcode {code} is not an EAN-13 or UPC-A with a valid check digit")
    owner = session.scalars(
        select(Variant.sku)
        .join(Barcode, Barcode.variant_id == Variant.id)
        .where(Barcode.tenant_id == tenant_id, Barcode.code == code)
    ).first()
    if owner is not None:
        raise CatalogueError(f"{sku}: barcode {code} already belongs to SKU {owner}")
    return code


def _add_barcodes(session: Session, tenant_id: int, created: list[tuple[Variant, str | None]]) -> dict[str, str]:
    """The given barcodes, and new internal EAN-13s for the SKUs without one; SKU → barcode."""
    session.flush()  # ids for the new SKUs
    given = [code for _, code in created if code]
    if len(set(given)) != len(given):
        raise CatalogueError(
            f"The same barcode is given to two SKUs: {sorted({c for c in given if given.count(c) > 1})}"
        )
    ours = session.scalars(
        select(Barcode.code).where(Barcode.tenant_id == tenant_id, Barcode.code.like(f"{INTERNAL_EAN_PREFIX}%"))
    )
    fresh = iter(next_internal_ean13(ours, sum(code is None for _, code in created)))
    barcodes: dict[str, str] = {}
    for variant, code in created:
        code = code or next(fresh)
        symbology = Symbology.UPCA if len(code) == 12 else Symbology.EAN13
        session.add(Barcode(tenant_id=tenant_id, variant_id=variant.id, code=code, symbology=symbology))
        barcodes[variant.sku] = code
    return barcodes


def _file_part(text: str) -> str:
    return _UNSAFE_FILE_CHARS.sub("_", text)
