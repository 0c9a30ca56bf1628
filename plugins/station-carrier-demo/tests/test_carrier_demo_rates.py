"""Rates from the real adapter against the sandbox: services, regions, volumetric weight."""

from __future__ import annotations

import pytest

from station.api import CarrierError, Money, Parcel


def by_service(rates):
    assert all(rate.carrier == "demo" for rate in rates)
    return {rate.service_code: rate for rate in rates}


def test_quotes_standard_and_express_in_whole_pesos(carrier, demo_ctx, samples):
    rates = by_service(carrier.rates(demo_ctx(), samples.rate_request("Ñuñoa")))
    # The 1.2 kg box is 30×20×10 cm: 1.5 kg volumetric, so 2 started kilos in Santiago.
    assert rates["standard"].price == Money(3490 + 690, "CLP")
    assert rates["standard"].estimated_days == 2
    assert rates["express"].price == Money(6270, "CLP")
    assert rates["express"].estimated_days == 1
    assert rates["standard"].extra["billable_weight_g"] == 1500


def test_magallanes_costs_more_and_takes_longer_than_santiago(carrier, demo_ctx, samples):
    ctx = demo_ctx()
    santiago = by_service(carrier.rates(ctx, samples.rate_request("Providencia")))
    magallanes = by_service(carrier.rates(ctx, samples.rate_request("Punta Arenas", "Magallanes")))
    for service in ("standard", "express"):
        assert santiago[service].price < magallanes[service].price
    assert magallanes["standard"].price == Money(7990 + 1990, "CLP")
    assert magallanes["standard"].estimated_days == 4


def test_a_big_light_box_pays_its_volumetric_weight(carrier, demo_ctx, samples):
    ctx = demo_ctx()
    pillow = Parcel(weight_g=500, length_mm=600, width_mm=400, height_mm=400)  # 96 litres: 24 kg volumetric
    small = Parcel(weight_g=500, length_mm=100, width_mm=100, height_mm=100)
    big = by_service(carrier.rates(ctx, samples.rate_request(parcels=(pillow,))))["standard"]
    little = by_service(carrier.rates(ctx, samples.rate_request(parcels=(small,))))["standard"]
    assert big.extra["billable_weight_g"] == 24_000
    assert big.price == Money(3490 + 690 * 23, "CLP")
    assert little.price == Money(3490, "CLP")


def test_several_parcels_are_priced_one_by_one(carrier, demo_ctx, samples):
    two = carrier.rates(demo_ctx(), samples.rate_request(parcels=(samples.box, samples.box), service_level="standard"))
    assert [rate.price for rate in two] == [Money(2 * (3490 + 690), "CLP")]


def test_comuna_names_match_without_accents_or_case(carrier, demo_ctx, samples):
    ctx = demo_ctx()
    assert carrier.rates(ctx, samples.rate_request("NUNOA")) == carrier.rates(ctx, samples.rate_request("Ñuñoa"))


def test_service_level_narrows_the_answer(carrier, demo_ctx, samples):
    (rate,) = carrier.rates(demo_ctx(), samples.rate_request(service_level="express"))
    assert rate.service_code == "express"


def test_another_carriers_service_gets_no_rate_and_no_call(carrier, demo_ctx, samples):
    # A wrong key would fail any call: the empty answer comes without asking the courier.
    assert carrier.rates(demo_ctx(api_key="not-the-key"), samples.rate_request(service_level="pickup")) == ()


def test_an_unknown_comuna_is_named_in_the_error(carrier, demo_ctx, samples):
    with pytest.raises(CarrierError) as caught:
        carrier.rates(demo_ctx(), samples.rate_request("Springfield"))
    assert str(caught.value) == "demo: Demo Courier could not quote: unknown comuna 'Springfield' (field destination.comuna)"
    assert not caught.value.retryable
