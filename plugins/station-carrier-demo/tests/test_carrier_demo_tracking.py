"""Tracking follows the courier's clock: created → picked up → in transit → out for delivery → delivered."""

from __future__ import annotations

from datetime import timedelta

from station.api import TrackingStatus
from station.testing import FIXED_NOW


def test_events_advance_with_the_sandbox_clock(carrier, demo_ctx, samples, sandbox):
    ctx = demo_ctx()
    tracking = carrier.buy_label(ctx, samples.label_request()).tracking_number
    seen = []
    for hours in (0, 2, 4, 14, 6):  # 0, 2, 6, 20 and 26 hours after the label
        sandbox.advance(hours=hours)
        seen.append([event.status for event in carrier.track(ctx, tracking)])
    assert seen[-1] == [
        TrackingStatus.LABEL_CREATED,
        TrackingStatus.IN_TRANSIT,  # picked up
        TrackingStatus.IN_TRANSIT,
        TrackingStatus.OUT_FOR_DELIVERY,
        TrackingStatus.DELIVERED,
    ]
    assert seen == [seen[-1][: n + 1] for n in range(5)]  # one more step each time

    events = carrier.track(ctx, tracking)
    assert [event.at for event in events] == [FIXED_NOW + timedelta(hours=h) for h in (0, 2, 6, 20, 26)]
    assert all(event.tracking_number == tracking for event in events)
    assert (events[1].description, events[1].location) == ("Retirado en bodega del remitente", "Pudahuel")
    assert (events[-1].description, events[-1].location) == ("Entregado a destinatario", "Ñuñoa")
