"""The Catalogue tab's reading side: tenants, products found by code or name, a product's matrix as stored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, or_, select

from station.db.engine import Database
from station.db.models import Product, Symbology, Tenant, Variant
from station.domain.variant_matrix import Axis
from station.services.variant_matrix import (
    CatalogueError,
    ProductMatrix,
    ProductSpec,
    RowStatus,
    VariantRow,
    find_product,
    find_tenant,
    session_variants,
)


@dataclass(frozen=True)
class ProductRow:
    tenant: str
    code: str
    name: str
    brand: str
    category: str
    skus: int  # active ones


def tenant_codes(database: Database) -> list[str]:
    with database.unit_of_work() as uow:
        return list(uow.session.scalars(select(Tenant.code).order_by(Tenant.code)))


def search_products(database: Database, tenant: str | None, text: str, *, limit: int = 200) -> list[ProductRow]:
    """Products whose code or name contains `text` (any case), by code."""
    active = func.count(Variant.id).filter(Variant.active.is_(True))
    query = (
        select(Tenant.code, Product.code, Product.name, Product.brand, Product.category, active)
        .join(Tenant, Tenant.id == Product.tenant_id)
        .outerjoin(Variant, Variant.product_id == Product.id)
        .group_by(Tenant.code, Product.id, Product.code, Product.name, Product.brand, Product.category)
        .order_by(Product.code, Tenant.code)
        .limit(limit)
    )
    if tenant:
        query = query.where(Tenant.code == tenant)
    if text.strip():
        pattern = f"%{text.strip().lower()}%"
        query = query.where(or_(func.lower(Product.code).like(pattern), func.lower(Product.name).like(pattern)))
    with database.unit_of_work() as uow:
        return [ProductRow(*row[:5], int(row[5])) for row in uow.session.execute(query)]


def image_file(data_dir: Path, image_path: str | None) -> Path | None:
    """Where a stored `Variant.image_path` is on this station (a relative one is under the data dir)."""
    return None if not image_path else data_dir / image_path


def load_product(database: Database, tenant: str, code: str, data_dir: Path) -> ProductMatrix:
    with database.unit_of_work() as uow:
        product = find_product(uow.session, find_tenant(uow.session, tenant).id, code)
        if product is None:
            raise CatalogueError(f"No product {code} for tenant {tenant}")
        spec = ProductSpec(
            tenant,
            product.code,
            product.name,
            product.brand,
            product.category,
            product.tracking.value,
            product.shelf_life_days,
        )
        axes = tuple(
            Axis(str(name), tuple(str(v) for v in values)) for name, values in (product.attribute_axes or {}).items()
        )
        variants = session_variants(uow.session, product.id)
        rows = tuple(_row(variant, data_dir) for variant in variants)
        return ProductMatrix(spec, axes, rows)


def _row(variant: Variant, data_dir: Path) -> VariantRow:
    barcodes = sorted(variant.barcodes, key=lambda b: (b.symbology is not Symbology.EAN13, b.id))
    return VariantRow(
        dict(variant.attributes or {}),
        variant.sku,
        variant.name,
        barcodes[0].code if barcodes else "",
        variant.weight_g,
        variant.length_mm,
        variant.width_mm,
        variant.height_mm,
        variant.price,
        image_file(data_dir, variant.image_path),
        RowStatus.KEPT if variant.active else RowStatus.REMOVED,
    )
