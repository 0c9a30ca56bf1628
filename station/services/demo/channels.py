"""Sales channels of the demo (Mercado Libre, Falabella, Paris, Shopify) and their listings.

Which SKUs each channel lists is decided up front (orders are drawn from them); the Listing rows
are written last, with the stock and price as if just pushed, so the outbox starts empty and the
sync worker has nothing stale to send.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from station.db.models import Channel, Listing, ListingStatus, Tenant
from station.domain.stock import available
from station.services.demo.catalog import Sku
from station.services.demo.context import DemoContext
from station.services.demo.inventory import StockBook
from station.services.demo.tenancy import FOOD, RETAIL


@dataclass(frozen=True)
class ChannelSpec:
    tenant_code: str
    code: str
    name: str
    plugin: str
    share: float  # of the client's products listed there
    stock_buffer: int
    order_weight: int  # share of the demo's orders
    free_shipping_from: int  # CLP subtotal from which the shopper pays no shipping


SPECS = (
    ChannelSpec(RETAIL, "MELI", "Mercado Libre", "mercadolibre", 0.7, 1, 34, 19990),
    ChannelSpec(RETAIL, "FALABELLA", "Falabella Marketplace", "falabella", 0.45, 2, 12, 29990),
    ChannelSpec(RETAIL, "PARIS", "Paris Marketplace", "paris", 0.4, 2, 10, 29990),
    ChannelSpec(RETAIL, "SHOPIFY", "Tienda online Moda Andina", "shopify", 0.9, 0, 18, 39990),
    ChannelSpec(FOOD, "MELI", "Mercado Libre", "mercadolibre", 0.6, 1, 10, 19990),
    ChannelSpec(FOOD, "SHOPIFY", "Tienda online Sabores del Sur", "shopify", 0.95, 0, 16, 24990),
)


@dataclass
class ChannelPlan:
    spec: ChannelSpec
    channel: Channel
    listed: list[Sku] = field(default_factory=list)
    paused: set[str] = field(default_factory=set)  # SKUs whose listing is paused

    @property
    def sellable(self) -> list[Sku]:
        return [s for s in self.listed if s.variant.sku not in self.paused]


def _settings(spec: ChannelSpec, rng: random.Random) -> dict[str, object]:
    slug = "moda-andina" if spec.tenant_code == RETAIL else "sabores-del-sur"
    if spec.plugin == "mercadolibre":
        return {"site_id": "MLC", "seller_id": str(rng.randint(100_000_000, 999_999_999)), "sandbox": True}
    if spec.plugin == "shopify":
        return {"shop_domain": f"{slug}.myshopify.com", "api_version": "2024-10", "sandbox": True}
    return {"seller_id": f"{slug.upper()}-{rng.randint(1000, 9999)}", "country": "CL", "sandbox": True}


def plan_channels(ctx: DemoContext, tenants: dict[str, Tenant], skus: list[Sku]) -> list[ChannelPlan]:
    plans: list[ChannelPlan] = []
    for spec in SPECS:
        channel = Channel(
            tenant_id=tenants[spec.tenant_code].id,
            code=spec.code,
            name=spec.name,
            plugin=spec.plugin,
            settings=_settings(spec, ctx.rng),
            stock_buffer=spec.stock_buffer,
            created_at=ctx.ago(days=200),
        )
        plan = ChannelPlan(spec, channel)
        products: dict[int, list[Sku]] = {}
        for sku in skus:
            if sku.tenant_code == spec.tenant_code:
                products.setdefault(sku.variant.product_id, []).append(sku)
        for product_skus in products.values():  # a product is listed with all its variants, or not at all
            if ctx.rng.random() < spec.share:
                plan.listed.extend(product_skus)
                if ctx.rng.random() < 0.06:
                    plan.paused.update(s.variant.sku for s in product_skus)
        plans.append(plan)
    ctx.session.add_all(plan.channel for plan in plans)
    ctx.session.flush()
    ctx.progress(f"Channels: {len(plans)} ({', '.join(sorted({s.name for s in SPECS}))})")
    return plans


def create_listings(ctx: DemoContext, plans: list[ChannelPlan], book: StockBook) -> int:
    """One listing per listed SKU; marketplace ids in each vendor's style."""
    rng = ctx.rng
    listings: list[Listing] = []
    pushed_at = ctx.ago(minutes=7)
    for plan in plans:
        seen: set[str] = set()
        product_ids: dict[int, str] = {}
        plugin = plan.spec.plugin
        for sku in plan.listed:
            variant = sku.variant
            if plugin == "falabella":  # Falabella identifies items by the seller's SKU
                external_id, variant_id = variant.sku, ""
            else:
                if variant.product_id not in product_ids:
                    product_ids[variant.product_id] = _unique(seen, partial(_product_id, plugin, rng))
                external_id = product_ids[variant.product_id]
                variant_id = _unique(seen, lambda: str(rng.randint(10**10, 10**11 - 1)))
            free = available(book.on_hand(variant.id), book.reserved.get(variant.id, 0))
            listings.append(
                Listing(
                    tenant_id=variant.tenant_id,
                    channel_id=plan.channel.id,
                    variant_id=variant.id,
                    external_id=external_id,
                    external_variant_id=variant_id,
                    status=ListingStatus.PAUSED if variant.sku in plan.paused else ListingStatus.ACTIVE,
                    last_pushed_qty=max(0, free - plan.channel.stock_buffer),
                    last_pushed_price=variant.price,
                    last_pushed_at=pushed_at,
                    created_at=plan.channel.created_at,
                )
            )
    ctx.session.add_all(listings)
    ctx.session.flush()
    ctx.progress(f"Listings: {len(listings):,} across {len(plans)} channels")
    return len(listings)


def _product_id(plugin: str, rng: random.Random) -> str:
    if plugin == "mercadolibre":
        return f"MLC{rng.randint(10**9, 10**10 - 1)}"
    if plugin == "shopify":
        return str(rng.randint(7 * 10**12, 8 * 10**12))
    return str(rng.randint(10**7, 10**8 - 1))


def _unique(seen: set[str], make: Callable[[], str]) -> str:
    while True:
        value = make()
        if value not in seen:
            seen.add(value)
            return value
