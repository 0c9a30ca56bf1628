"""Shared pieces for the printer tests: a simulated Zebra, the built-in transports, a label."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from printing_samples import make_label

from station.api import PrinterTransport
from station.hardware.printing.layout import ShippingLabelData
from station.hardware.printing.simulator import ZebraSimulator
from station.pluginhost import PluginHost


@pytest.fixture
def label_data() -> ShippingLabelData:
    return make_label()


@pytest.fixture
def zebra() -> Iterator[ZebraSimulator]:
    simulator = ZebraSimulator()
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture(scope="module")
def transports() -> Iterator[dict[str, PrinterTransport]]:
    with PluginHost(load_entry_points=False) as host:
        yield host.printer_transports()
