"""The built-in plugins load like any plugin and do their jobs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from station.api import (
    Address,
    CarrierError,
    DeviceError,
    LabelRequest,
    Money,
    NotSupportedError,
    Parcel,
    PaymentError,
    PaymentIntent,
    PaymentStatus,
    PrintJob,
    RateRequest,
    Refund,
    RefundStatus,
    TrackingStatus,
)
from station.pluginhost import PluginHost
from station.testing import FIXED_NOW

WAREHOUSE = Address(
    name="Bodega Central", street="Av. Américo Vespucio", number="1501", comuna="Quilicura", region="RM"
)
CUSTOMER = Address(
    name="Ana Pérez", street="Av. Providencia", number="1234", comuna="Providencia", region="RM"
)


def test_builtins_load_first_and_are_listed_as_enabled(plugin_host: PluginHost) -> None:
    rows = [(p.name, p.version, p.kinds, p.status, p.error) for p in plugin_host.plugins()]
    assert rows[:3] == [
        ("manual_payment", "builtin", ("payment_gateway",), "enabled", None),
        ("pickup", "builtin", ("carrier",), "enabled", None),
        ("file_printer", "builtin", ("printer_transport",), "enabled", None),
    ]
    assert list(plugin_host.payment_gateways()) == ["manual"]
    assert list(plugin_host.carriers()) == ["pickup"]
    assert set(plugin_host.printer_transports()) >= {"file", "tcp", "serial", "cups", "win"}
    assert plugin_host.adapter_plugin("carrier", "pickup") == "pickup"
    schemas = plugin_host.settings_schemas()
    assert schemas["printer_transport"]["file"].field("directory").required
    assert schemas["marketplace"] == {}


# -- manual payment --------------------------------------------------------------------------------


def test_manual_payment_is_paid_at_once_with_a_stable_id(plugin_host: PluginHost) -> None:
    gateway = plugin_host.payment_gateways()["manual"]
    ctx = plugin_host.make_context("manual", {"instructions": "Banco Estado 123-456"}, kind="payment_gateway")
    intent = PaymentIntent(
        gateway="manual", reference="1042", amount=Money(19980, "CLP"), idempotency_key="payment-77"
    )

    paid = gateway.create_payment(ctx, intent)
    again = gateway.create_payment(ctx, intent)

    assert paid.status is PaymentStatus.PAID
    assert paid.amount == Money(19980, "CLP") and paid.reference == "1042"
    assert paid.external_id is not None and paid.external_id.startswith("manual-")
    assert again.external_id == paid.external_id  # a retry records the same payment, not a second one
    assert paid.extra["instructions"] == "Banco Estado 123-456"
    other = gateway.create_payment(
        ctx,
        PaymentIntent(
            gateway="manual", reference="1043", amount=Money(1, "CLP"), idempotency_key="payment-78"
        ),
    )
    assert other.external_id != paid.external_id


def test_manual_payment_can_wait_for_confirmation_and_cannot_be_queried(plugin_host: PluginHost) -> None:
    gateway = plugin_host.payment_gateways()["manual"]
    ctx = plugin_host.make_context("manual", {"initial_status": "authorized"}, kind="payment_gateway")
    intent = PaymentIntent(
        gateway="manual", reference="1042", amount=Money(5000, "CLP"), idempotency_key="p-1"
    )
    authorized = gateway.create_payment(ctx, intent)
    assert authorized.status is PaymentStatus.AUTHORIZED
    with pytest.raises(
        NotSupportedError, match="manual: manual payments exist only in the station's own records"
    ):
        gateway.get_payment(ctx, authorized.external_id or "")


def test_manual_refund_succeeds_once_per_idempotency_key(plugin_host: PluginHost) -> None:
    gateway = plugin_host.payment_gateways()["manual"]
    ctx = plugin_host.make_context("manual", kind="payment_gateway")
    paid = gateway.create_payment(
        ctx,
        PaymentIntent(gateway="manual", reference="1042", amount=Money(19980, "CLP"), idempotency_key="p-9"),
    )
    refund = Refund(
        gateway="manual",
        payment_external_id=paid.external_id or "",
        amount=Money(9990, "CLP"),
        reason="one shirt returned",
        idempotency_key="refund-3",
    )
    done = gateway.refund(ctx, refund)
    assert done.status is RefundStatus.SUCCEEDED and done.amount == Money(9990, "CLP")
    assert done.external_id == gateway.refund(ctx, refund).external_id
    with pytest.raises(PaymentError, match="payment 'tbk-123' was not recorded as a manual payment"):
        gateway.refund(
            ctx,
            Refund(
                gateway="manual",
                payment_external_id="tbk-123",
                amount=Money(1, "CLP"),
                reason="",
                idempotency_key="r",
            ),
        )


# -- pickup ----------------------------------------------------------------------------------------


def test_pickup_quotes_one_free_service(plugin_host: PluginHost) -> None:
    carrier = plugin_host.carriers()["pickup"]
    ctx = plugin_host.make_context("pickup", kind="carrier")
    request = RateRequest(origin=WAREHOUSE, destination=CUSTOMER, parcels=(Parcel(weight_g=1200),))
    (rate,) = carrier.rates(ctx, request)
    assert (rate.carrier, rate.service_code, rate.price, rate.estimated_days) == (
        "pickup",
        "pickup",
        Money(0, "CLP"),
        0,
    )
    express_only = RateRequest(
        origin=WAREHOUSE, destination=CUSTOMER, parcels=(Parcel(weight_g=1200),), service_level="express"
    )
    assert carrier.rates(ctx, express_only) == ()


def test_pickup_issues_a_code_instead_of_a_label_and_tracks_it(plugin_host: PluginHost, fixed_clock) -> None:  # type: ignore[no-untyped-def]
    carrier = plugin_host.carriers()["pickup"]
    ctx = plugin_host.make_context(
        "pickup", {"location": "Mesón 2, Quilicura"}, kind="carrier", clock=fixed_clock
    )
    request = LabelRequest(
        idempotency_key="shipment-501",
        service_code="pickup",
        origin=WAREHOUSE,
        destination=CUSTOMER,
        parcels=(Parcel(weight_g=1200),),
        reference="1042",
    )
    label = carrier.buy_label(ctx, request)
    assert label.data == b""  # nothing to print
    assert label.tracking_number.startswith("PU-") and len(label.tracking_number) == 11
    assert not set(label.tracking_number[3:]) & set("01ILOU")  # readable over the counter
    assert carrier.buy_label(ctx, request).tracking_number == label.tracking_number

    (event,) = carrier.track(ctx, label.tracking_number)
    assert event.status is TrackingStatus.READY_FOR_PICKUP
    assert event.description == "Ready for pickup at Mesón 2, Quilicura" and event.at == FIXED_NOW
    assert carrier.void_label(ctx, label.tracking_number) is None
    with pytest.raises(CarrierError, match="'123456' is not a pickup code"):
        carrier.track(ctx, "123456")


# -- file printer ----------------------------------------------------------------------------------


def test_file_printer_writes_one_file_per_copy_with_the_right_extension(
    plugin_host: PluginHost, tmp_path: Path, fixed_clock
) -> None:  # type: ignore[no-untyped-def]
    printer = plugin_host.printer_transports()["file"]
    ctx = plugin_host.make_context(
        "file", {"directory": str(tmp_path)}, kind="printer_transport", clock=fixed_clock
    )
    zpl = b"^XA^FO50,50^A0N,40,40^FDOrder 1042^FS^XZ"

    where = printer.send(ctx, PrintJob(data=zpl, content_type="application/zpl", title="Order 1042"))
    printer.send(
        ctx,
        PrintJob(data=b"%PDF-1.4 slip", content_type="application/pdf", title="Packing slip 1042", copies=2),
    )
    printer.send(
        ctx, PrintJob(data=zpl, content_type="application/zpl", title="Order 1042")
    )  # same second: no overwrite

    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [
        "20260302-153000-000000-order-1042-2.zpl",
        "20260302-153000-000000-order-1042.zpl",
        "20260302-153000-000000-packing-slip-1042-copy1.pdf",
        "20260302-153000-000000-packing-slip-1042-copy2.pdf",
    ]
    assert where == str(tmp_path / "20260302-153000-000000-order-1042.zpl")
    assert (tmp_path / "20260302-153000-000000-order-1042.zpl").read_bytes() == zpl
    assert (tmp_path / "20260302-153000-000000-packing-slip-1042-copy2.pdf").read_bytes() == b"%PDF-1.4 slip"


def test_file_printer_names_the_folder_that_is_missing(plugin_host: PluginHost, tmp_path: Path) -> None:
    printer = plugin_host.printer_transports()["file"]
    job = PrintJob(data=b"^XA^XZ", content_type="application/zpl", title="Order 1")
    missing = tmp_path / "no-such-folder"
    ctx = plugin_host.make_context("file", {"directory": str(missing)}, kind="printer_transport")
    with pytest.raises(DeviceError, match=f"file: printer folder {missing} does not exist"):
        printer.send(ctx, job)
    with pytest.raises(ValueError, match="'directory' \\(Folder\\) is required"):
        plugin_host.make_context("file", {}, kind="printer_transport")


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to read-only folders"
)
def test_file_printer_reports_an_unwritable_folder_and_leaves_no_temp_file(
    plugin_host: PluginHost, tmp_path: Path
) -> None:
    printer = plugin_host.printer_transports()["file"]
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        ctx = plugin_host.make_context("file", {"directory": str(locked)}, kind="printer_transport")
        with pytest.raises(DeviceError, match=f"cannot write to printer folder {locked}"):
            printer.send(ctx, PrintJob(data=b"^XA^XZ", content_type="application/zpl"))
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_file_printer_rejects_a_file_where_a_folder_should_be(
    plugin_host: PluginHost, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "labels.txt"
    not_a_folder.write_text("")
    ctx = plugin_host.make_context("file", {"directory": str(not_a_folder)}, kind="printer_transport")
    with pytest.raises(DeviceError, match="is not a folder"):
        plugin_host.printer_transports()["file"].send(ctx, PrintJob(data=b"x", content_type="text/plain"))


def test_file_printer_failing_mid_write_leaves_neither_a_label_nor_a_temp_file(
    plugin_host: PluginHost, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root can write anywhere, so simulate the disk failing at the rename instead.
    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("station.builtins.file_printer.os.replace", disk_full)
    ctx = plugin_host.make_context("file", {"directory": str(tmp_path)}, kind="printer_transport")
    with pytest.raises(
        DeviceError, match=f"cannot write to printer folder {tmp_path}: No space left on device"
    ):
        plugin_host.printer_transports()["file"].send(
            ctx, PrintJob(data=b"^XA^XZ", content_type="application/zpl")
        )
    assert list(tmp_path.iterdir()) == []
