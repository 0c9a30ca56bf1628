"""Saving a variant matrix: SKUs with internal EAN-13s that scans find, later edits, images, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_world import World, add_order
from sqlalchemy import func, select

from station.db import Database
from station.db.models import AuditEntry, Barcode, Product, Variant
from station.domain.gs1 import is_valid_check_digit
from station.domain.packing import ItemSize
from station.domain.variant_matrix import Axis
from station.services.location_queries import stock_at
from station.services.packing import PackingSession, load_order
from station.services.stock import Actor
from station.services.variant_matrix import (
    CatalogueError,
    ProductSpec,
    RowStatus,
    VariantInput,
    preview_matrix,
    save_product_matrix,
)
from station.services.variant_matrix_queries import load_product, search_products

ACTOR = Actor("bench-7")
SPEC = ProductSpec("ACME", "POL-200", "Polera Piqué", brand="Andes", category="Poleras")
SIZES_COLOURS = (Axis("size", ("S", "M", "L")), Axis("colour", ("Rojo", "Azul")))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40  # the signature is what the service checks


def active_skus(database: Database, code: str = "POL-200") -> dict[str, bool]:
    with database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(Variant.sku, Variant.active)
            .join(Product, Product.id == Variant.product_id)
            .where(Product.code == code)
            .order_by(Variant.id)
        )
        return {sku: active for sku, active in rows}


def test_three_sizes_by_two_colours_make_six_skus_with_barcodes_that_scans_find(
    database: Database, world: World, tmp_path: Path
) -> None:
    sizes = VariantInput({"size": "L", "colour": "Rojo"}, weight_g=240, length_mm=320, width_mm=240, height_mm=35)
    saved = save_product_matrix(database, SPEC, SIZES_COLOURS, [sizes], ACTOR, tmp_path, new_product=True)

    assert len(saved.created) == 6
    assert sorted(active_skus(database)) == sorted(
        f"POL-200-{size}-{colour}" for size in "SML" for colour in ("ROJ", "AZU")
    )
    codes = list(saved.barcodes.values())
    assert len(set(codes)) == 6
    assert all(len(code) == 13 and code.startswith("200") and is_valid_check_digit(code) for code in codes)
    with database.unit_of_work() as uow:
        # the "where is it" lookup (Inventory › By location) and the packing bench resolve the barcode
        assert stock_at(uow.session, saved.barcodes["POL-200-M-AZU"]).code == "POL-200-M-AZU"
        variant_id = uow.session.scalars(select(Variant.id).where(Variant.sku == "POL-200-L-ROJ")).one()
        name = uow.session.scalars(select(Variant.name).where(Variant.id == variant_id)).one()
        audit = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "save_matrix")).one()
    assert name == "Polera Piqué L Rojo"
    assert audit.entity_id == "POL-200" and audit.station == "bench-7"
    order_id = add_order(database, world, [(variant_id, 1)])
    with database.unit_of_work() as uow:
        packing = PackingSession(load_order(uow.session, order_id))
    assert packing.scan(saved.barcodes["POL-200-L-ROJ"]).line.sku == "POL-200-L-ROJ"
    # the bench weighs and picks a box with what the matrix gave the SKU
    assert packing.items_weight_g() == 240
    assert packing.item_sizes() == [ItemSize(320, 240, 35, 240, 1)]
    assert [row.code for row in search_products(database, "ACME", "piqué")] == ["POL-200"]


def test_a_value_added_later_adds_only_its_combinations_and_a_removed_one_is_deactivated(
    database: Database, world: World, tmp_path: Path
) -> None:
    first = save_product_matrix(database, SPEC, SIZES_COLOURS, [], ACTOR, tmp_path, new_product=True)
    wider = (Axis("size", ("S", "M", "L", "XL")), Axis("colour", ("Rojo", "Azul")))

    loaded = load_product(database, "ACME", "POL-200", tmp_path)
    preview = preview_matrix(loaded.spec, wider, loaded.variants)
    assert [row.sku for row in preview if row.status is RowStatus.NEW] == ["POL-200-XL-ROJ", "POL-200-XL-AZU"]
    added = save_product_matrix(database, SPEC, wider, [], ACTOR, tmp_path)
    assert added.created == ("POL-200-XL-ROJ", "POL-200-XL-AZU")
    reloaded = load_product(database, "ACME", "POL-200", tmp_path)
    kept = {row.sku: row.barcode for row in reloaded.variants}
    assert all(kept[sku] == code for sku, code in first.barcodes.items())  # old barcodes untouched

    narrower = (Axis("size", ("M", "L", "XL")), Axis("colour", ("Rojo", "Azul")))
    removed = save_product_matrix(database, SPEC, narrower, [], ACTOR, tmp_path)
    assert sorted(removed.deactivated) == ["POL-200-S-AZU", "POL-200-S-ROJ"]
    skus = active_skus(database)
    assert len(skus) == 8 and [sku for sku, active in skus.items() if not active] == ["POL-200-S-ROJ", "POL-200-S-AZU"]

    back = save_product_matrix(database, SPEC, wider, [], ACTOR, tmp_path)
    assert sorted(back.reactivated) == ["POL-200-S-AZU", "POL-200-S-ROJ"] and back.created == ()
    assert all(active_skus(database).values())


def test_weights_dimensions_prices_and_an_image_per_variant_are_stored(
    database: Database, world: World, tmp_path: Path
) -> None:
    picture = tmp_path / "camera" / "roja-s.png"
    picture.parent.mkdir()
    picture.write_bytes(PNG)
    data_dir = tmp_path / "data"
    inputs = [
        VariantInput({"size": "S", "colour": "Rojo"}, 180, 300, 220, 20, 12990, picture),
        VariantInput({"colour": "Azul", "size": "L"}, weight_g=230, price=14990),
    ]
    save_product_matrix(database, SPEC, SIZES_COLOURS, inputs, ACTOR, data_dir, new_product=True)

    rows = {row.sku: row for row in load_product(database, "ACME", "POL-200", data_dir).variants}
    red = rows["POL-200-S-ROJ"]
    assert (red.weight_g, red.length_mm, red.width_mm, red.height_mm, red.price) == (180, 300, 220, 20, 12990)
    assert red.image == data_dir / "images" / "ACME" / "POL-200-S-ROJ.png"
    assert red.image.read_bytes() == PNG
    assert (rows["POL-200-L-AZU"].weight_g, rows["POL-200-L-AZU"].price, rows["POL-200-L-AZU"].image) == (
        230,
        14990,
        None,
    )
    with database.unit_of_work() as uow:  # the packing bench gets a path it can open as is
        stored = uow.session.scalars(select(Variant.image_path).where(Variant.sku == "POL-200-S-ROJ")).one()
    assert Path(stored).is_file()

    # Editing one row later keeps what the others have.
    save_product_matrix(
        database, SPEC, SIZES_COLOURS, [VariantInput({"size": "S", "colour": "Rojo"}, price=9990)], ACTOR, data_dir
    )
    red = {row.sku: row for row in load_product(database, "ACME", "POL-200", data_dir).variants}["POL-200-S-ROJ"]
    assert (red.weight_g, red.price, red.image) == (180, 9990, data_dir / "images" / "ACME" / "POL-200-S-ROJ.png")


@pytest.mark.parametrize("problem", ["missing", "not an image"])
def test_a_bad_image_is_named_and_nothing_is_written(
    database: Database, world: World, tmp_path: Path, problem: str
) -> None:
    picture = tmp_path / "polera.png"
    if problem == "not an image":
        picture.write_text("sku,name\n")
    inputs = [VariantInput({"size": "M", "colour": "Azul"}, image=picture)]
    with pytest.raises(CatalogueError, match=str(picture).replace("\\", "\\\\")):
        save_product_matrix(database, SPEC, SIZES_COLOURS, inputs, ACTOR, tmp_path / "data", new_product=True)
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Product).where(Product.code == "POL-200")) == 0
        assert uow.session.scalar(select(func.count()).select_from(Barcode)) == 0
    assert not (tmp_path / "data").exists()


def test_a_sku_of_another_product_is_refused_by_name(database: Database, world: World, tmp_path: Path) -> None:
    # The sample world's shirt is POL-M-ROJ, of product P1.
    clash = ProductSpec("ACME", "POL", "Polera nueva")
    with pytest.raises(CatalogueError, match=r"SKU POL-M-ROJ already belongs to product P1 \(Polera\)"):
        save_product_matrix(database, clash, (Axis("size", ("M",)), Axis("colour", ("Rojo",))), [], ACTOR, tmp_path)
    assert active_skus(database, "POL") == {}


def test_a_new_product_with_a_taken_code_or_a_bad_barcode_is_refused(
    database: Database, world: World, tmp_path: Path
) -> None:
    save_product_matrix(database, SPEC, SIZES_COLOURS, [], ACTOR, tmp_path, new_product=True)
    with pytest.raises(CatalogueError, match="Product POL-200 already exists for tenant ACME"):
        save_product_matrix(database, SPEC, SIZES_COLOURS, [], ACTOR, tmp_path, new_product=True)
    other = ProductSpec("ACME", "GOR-1", "Gorro")
    with pytest.raises(CatalogueError, match="GOR-1: barcode 7804512000015 is not an EAN-13"):
        save_product_matrix(database, other, (), [VariantInput({}, barcode="7804512000015")], ACTOR, tmp_path)
    saved = save_product_matrix(database, other, (), [VariantInput({}, barcode="7804512000014")], ACTOR, tmp_path)
    assert saved.barcodes == {"GOR-1": "7804512000014"}


def test_stored_names_stay_until_the_product_name_changes(database: Database, world: World, tmp_path: Path) -> None:
    save_product_matrix(database, SPEC, SIZES_COLOURS, [], ACTOR, tmp_path, new_product=True)
    with database.unit_of_work() as uow:  # as an import may have written it
        uow.session.scalars(select(Variant).where(Variant.sku == "POL-200-S-ROJ")).one().name = "Polera Piqué, S, Rojo"
        uow.commit()

    save_product_matrix(database, SPEC, SIZES_COLOURS, [], ACTOR, tmp_path)
    names = {row.sku: row.name for row in load_product(database, "ACME", "POL-200", tmp_path).variants}
    assert names["POL-200-S-ROJ"] == "Polera Piqué, S, Rojo"

    renamed = ProductSpec("ACME", "POL-200", "Polera Piqué Andes")
    loaded = load_product(database, "ACME", "POL-200", tmp_path)
    preview = preview_matrix(renamed, SIZES_COLOURS, loaded.variants, loaded.spec.name)
    assert preview[0].name == "Polera Piqué Andes S Rojo"
    save_product_matrix(database, renamed, SIZES_COLOURS, [], ACTOR, tmp_path)
    names = {row.sku: row.name for row in load_product(database, "ACME", "POL-200", tmp_path).variants}
    assert names["POL-200-S-ROJ"] == "Polera Piqué Andes S Rojo"
