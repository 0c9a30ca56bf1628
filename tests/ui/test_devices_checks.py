"""The address checks behind Settings → Devices (plain functions, no Qt)."""

from __future__ import annotations

import pytest

from station.api import CONTENT_TYPE_EPL, CONTENT_TYPE_PDF, CONTENT_TYPE_ZPL
from station.pluginhost import PluginHost
from station.ui.controllers.devices_jobs import (
    build_test_label_job,
    printer_address_problem,
    scale_address_problem,
    scale_protocol_problem,
)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "/dev/ttyUSB0",
        "/dev/serial/by-id/usb-FTDI_FT232R-if00-port0",
        "COM3",
        "com12",
        r"\\.\COM10",
        "usb:0403:6001",
        "USB:0403:6001:A50285BI",
        "socket://10.0.0.20:4001",
        "rfc2217://scale-7.local:4001",
        "loop://",
        "sim://sics",
        "  socket://127.0.0.1:9000  ",
    ],
)
def test_scale_addresses_that_can_be_used(url: str):
    assert scale_address_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ttyUSB0", "'ttyUSB0' is not a port"),
        ("usb:0403", "is not a USB port address"),
        ("socket://10.0.0.20", "no port"),
        ("socket://:4001", "no host"),
        ("rfc2217://10.0.0.20:http", "the port must be a number"),
        ("tcp://10.0.0.20:4001", "tcp:// is not a kind of scale address"),
        ("sim://", "write sim://sics"),
    ],
)
def test_scale_addresses_refused_with_the_reason(url: str, problem: str):
    found = scale_address_problem(url)
    assert found is not None and problem in found


def test_scale_protocols_are_checked_once_the_plugins_are_known():
    with PluginHost() as host:
        protocols = host.scale_protocols()
    assert scale_protocol_problem("auto", protocols) is None
    assert scale_protocol_problem("sics", protocols) is None
    assert scale_protocol_problem("sartorius", None) is None  # plugins not loaded: cannot tell yet
    problem = scale_protocol_problem("sartorius", protocols)
    assert problem is not None and "auto, cas, sics" in problem


@pytest.mark.parametrize(
    "url",
    ["", "tcp://10.0.0.5:9100", "tcp://10.0.0.5", "serial:///dev/ttyUSB0?baudrate=9600", "cups://Zebra_ZD421",
     "win://ZDesigner ZD421-203dpi ZPL", "file:///srv/labels"],
)
def test_printer_addresses_that_can_be_used(url: str):
    with PluginHost() as host:
        assert printer_address_problem(url, host.printer_transports()) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("10.0.0.5:9100", "needs a scheme"),
        ("tcp://:9100", "has no host"),
        ("tcp://10.0.0.5:port", "the port must be a number"),
        ("cups://", "names no printer"),
        ("file://", "names no folder"),
        ("lpt://PRN", "no printer transport 'lpt' is installed (installed: cups://, file://, serial://, tcp://, win://)"),
    ],
)
def test_printer_addresses_refused_with_the_reason(url: str, problem: str):
    with PluginHost() as host:
        found = printer_address_problem(url, host.printer_transports())
    assert found is not None and problem in found


@pytest.mark.parametrize(
    ("language", "content_type", "start"),
    [("zpl", CONTENT_TYPE_ZPL, b"^XA"), ("epl", CONTENT_TYPE_EPL, b"\nN\n"), ("pdf", CONTENT_TYPE_PDF, b"%PDF")],
)
def test_the_test_label_speaks_the_printer_language(language: str, content_type: str, start: bytes):
    job = build_test_label_job("bench-7", language, size="100x150", dpi=300)
    assert job.content_type == content_type
    assert job.data.startswith(start)
