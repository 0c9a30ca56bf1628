"""Buying and voiding labels with the real adapter against the sandbox."""

from __future__ import annotations

import re

import pytest

from station.api import CarrierError, Money, Parcel, TrackingStatus


def zpl_labels(data: bytes) -> list[str]:
    """The ^XA…^XZ labels in a ZPL document, checking each is well formed."""
    text = data.decode("utf-8")
    labels = re.findall(r"\^XA.*?\^XZ", text, flags=re.S)
    assert "".join(labels).count("^XA") == text.count("^XA") and text.strip().endswith("^XZ")
    for label in labels:
        assert "^CI28" in label  # UTF-8 text: Ñuñoa prints as Ñuñoa
        assert "^PW812" in label and "^LL1218" in label  # 4×6 in at 203 dpi
        assert label.count("^FD") == label.count("^FS") - label.count("^GB")  # every field closed
    return labels


def test_buys_a_zpl_label_with_the_tracking_number_in_the_barcode(carrier, demo_ctx, samples, sandbox):
    label = carrier.buy_label(demo_ctx(), samples.label_request())
    assert re.fullmatch(r"DC\d{10}", label.tracking_number)
    assert (label.carrier, label.format, label.idempotency_key) == ("demo", "zpl", "shipment-1001")
    assert label.price == Money(4180, "CLP")
    (zpl,) = zpl_labels(label.data)
    barcode = re.search(r"\^BC[^\^]*\^FD(?P<data>[^\^]+)\^FS", zpl)
    assert barcode and barcode["data"] == label.tracking_number
    assert "ÑUÑOA" in zpl and "Región Metropolitana de Santiago" in zpl and "Ref. JL-1001" in zpl
    assert sandbox.labels_created == 1


def test_one_label_per_parcel_under_one_tracking_number(carrier, demo_ctx, samples):
    heavy = Parcel(weight_g=7250, length_mm=400, width_mm=300, height_mm=300)
    label = carrier.buy_label(demo_ctx(), samples.label_request(parcels=(samples.box, heavy)))
    labels = zpl_labels(label.data)
    assert [("Bulto 1/2" in zpl, "Bulto 2/2" in zpl) for zpl in labels] == [(True, False), (False, True)]
    assert all(f"^FD{label.tracking_number}^FS" in zpl for zpl in labels)


def test_buys_a_pdf_label(carrier, demo_ctx, samples):
    label = carrier.buy_label(demo_ctx(), samples.label_request(label_format="pdf"))
    assert label.format == "pdf"
    assert label.data.startswith(b"%PDF-1.4") and label.data.endswith(b"%%EOF\n")
    assert b"/Count 1" in label.data and label.tracking_number.encode() in label.data


def test_the_setting_picks_the_format_when_the_station_asks_for_epl(carrier, demo_ctx, samples):
    label = carrier.buy_label(demo_ctx(label_format="pdf"), samples.label_request(label_format="epl"))
    assert label.format == "pdf"


def test_the_same_idempotency_key_returns_the_same_label(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    first = carrier.buy_label(ctx, samples.label_request("shipment-1001"))
    again = carrier.buy_label(ctx, samples.label_request("shipment-1001"))
    assert (again.tracking_number, again.data, again.price) == (first.tracking_number, first.data, first.price)
    assert sandbox.labels_created == 1

    other = carrier.buy_label(ctx, samples.label_request("shipment-1002"))
    assert other.tracking_number != first.tracking_number
    assert sandbox.labels_created == 2


def test_a_key_reused_for_another_shipment_is_refused(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    carrier.buy_label(ctx, samples.label_request("shipment-1001"))
    with pytest.raises(CarrierError, match="Idempotency-Key 'shipment-1001' was used for DC\\d{10} with other details"):
        carrier.buy_label(ctx, samples.label_request("shipment-1001", service_code="express"))
    assert sandbox.labels_created == 1


def test_an_unknown_service_is_named(carrier, demo_ctx, samples, sandbox):
    with pytest.raises(CarrierError, match="unknown service 'overnight'.*field service"):
        carrier.buy_label(demo_ctx(), samples.label_request(service_code="overnight"))
    assert sandbox.labels_created == 0


def test_void_cancels_a_label_and_a_second_void_is_harmless(carrier, demo_ctx, samples):
    ctx = demo_ctx()
    label = carrier.buy_label(ctx, samples.label_request())
    carrier.void_label(ctx, label.tracking_number)
    carrier.void_label(ctx, label.tracking_number)  # e.g. a retry after a lost answer
    events = carrier.track(ctx, label.tracking_number)
    assert [e.status for e in events] == [TrackingStatus.LABEL_CREATED, TrackingStatus.CANCELLED]


def test_a_picked_up_parcel_cannot_be_voided(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    label = carrier.buy_label(ctx, samples.label_request())
    sandbox.advance(hours=3)
    with pytest.raises(CarrierError, match=f"could not void {label.tracking_number}: .* was picked up"):
        carrier.void_label(ctx, label.tracking_number)


def test_tracking_numbers_are_checked_before_asking(carrier, demo_ctx):
    with pytest.raises(CarrierError, match="'PU-7KQ2M9XD' is not a Demo Courier tracking number"):
        carrier.void_label(demo_ctx(), "PU-7KQ2M9XD")
    with pytest.raises(CarrierError, match="could not void DC9999999999: no shipment DC9999999999"):
        carrier.void_label(demo_ctx(), "DC9999999999")
