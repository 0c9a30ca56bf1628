"""A scale configured as usb:VID:PID[:SERIAL] is found on whatever port it got this boot."""

from __future__ import annotations

import pytest

from station.hardware.scale import PortInfo, ScalePortError, discover_ports, parse_usb_url, resolve_port

FTDI_A = PortInfo("/dev/ttyUSB1", "FT232R USB UART", 0x0403, 0x6001, "A50285BI", "FTDI")
FTDI_B = PortInfo("/dev/ttyUSB0", "FT232R USB UART", 0x0403, 0x6001, "B7781XQ2", "FTDI")
METTLER = PortInfo("/dev/ttyACM0", "USB scale", 0x0EB8, 0xF000, None, "Mettler Toledo")
ONBOARD = PortInfo("/dev/ttyS0", "ttyS0")


def test_usb_address_finds_the_scale_whatever_tty_it_got() -> None:
    assert resolve_port("usb:0eb8:f000", [ONBOARD, METTLER]) == "/dev/ttyACM0"
    assert resolve_port("USB:0EB8:F000", [METTLER]) == "/dev/ttyACM0"
    assert resolve_port("usb:0403:6001:B7781XQ2", [FTDI_A, FTDI_B]) == "/dev/ttyUSB0"


def test_other_addresses_pass_through_unchanged() -> None:
    for url in ("/dev/ttyUSB0", "COM3", "socket://127.0.0.1:4001", "rfc2217://10.0.0.5:4001", "loop://"):
        assert resolve_port(url, []) == url


def test_ambiguous_missing_and_malformed_addresses_say_what_to_do() -> None:
    with pytest.raises(ScalePortError, match=r"2 USB serial ports match .* add the serial number, e.g. usb:0403:6001:"):
        resolve_port("usb:0403:6001", [FTDI_A, FTDI_B])
    with pytest.raises(ScalePortError, match=r"No USB serial port 0eb8:f000 .*present: usb:0403:6001:A50285BI"):
        resolve_port("usb:0eb8:f000", [FTDI_A, ONBOARD])
    with pytest.raises(ScalePortError, match="no USB serial port is plugged in"):
        resolve_port("usb:0eb8:f000", [])
    with pytest.raises(ScalePortError, match="write usb:VID:PID"):
        parse_usb_url("usb:ftdi")


def test_port_info_gives_the_address_to_configure() -> None:
    assert FTDI_A.usb_url == "usb:0403:6001:A50285BI"
    assert METTLER.usb_url == "usb:0eb8:f000"
    assert ONBOARD.usb_url is None
    assert parse_usb_url(FTDI_A.usb_url) == (0x0403, 0x6001, "A50285BI")
    assert set(FTDI_A.as_dict()) == {"device", "description", "vid", "pid", "serial_number", "manufacturer", "usb_url"}


def test_discover_ports_lists_what_the_system_has() -> None:
    found = discover_ports()
    assert [port.device for port in found] == sorted(port.device for port in found)
    assert all(isinstance(port, PortInfo) for port in found)
