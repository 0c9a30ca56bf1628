"""Reading Zebra's ~HS answer the way the ZPL II guide documents it."""

from __future__ import annotations

import pytest

from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.printing.status import StatusParseError, parse_host_status

# The example reply from shared/reference/hardware-and-wms.md §A3 (three STX…ETX CR LF frames).
DOCUMENTED = (
    b"\x02030,0,0,0959,000,0,0,0,000,0,0,0\x03\r\n"
    b"\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n"
    b"\x021234,0\x03\r\n"
)


def hs(first: str = "030,0,0,1218,000,0,0,0,000,0,0,0", second: str = "001,0,0,0,0,2,6,0,00000000,1,000") -> bytes:
    return f"\x02{first}\x03\r\n\x02{second}\x03\r\n\x021234,0\x03\r\n".encode()


def test_the_documented_reply_is_a_ready_thermal_transfer_printer() -> None:
    status = parse_host_status(DOCUMENTED)
    assert status.ready and status.problems == ()
    assert status.detail["label_length_dots"] == 959
    assert status.detail["thermal_transfer"] is True
    assert status.detail["print_mode"] == "tear-off"
    assert status.detail["labels_remaining"] == 0
    assert status.summary == "Ready"


OK1 = "030,0,0,1218,000,0,0,0,000,0,0,0"
OK2 = "001,0,0,0,0,2,6,0,00000000,1,000"


@pytest.mark.parametrize(("first", "second", "problem"), [
    ("030,1,0,1218,000,0,0,0,000,0,0,0", OK2, "Out of labels"),
    ("030,0,1,1218,000,0,0,0,000,0,0,0", OK2, "Paused — press the pause button"),
    (OK1, "001,0,1,0,0,2,6,0,00000000,1,000", "Print head open"),
    (OK1, "001,0,0,1,1,2,6,0,00000000,1,000", "Out of ribbon"),
    ("030,0,0,1218,000,0,0,0,000,0,0,1", OK2, "Print head too hot — let it cool down"),
    ("030,0,0,1218,000,1,0,0,000,0,0,0", OK2, "Printer memory full — wait a moment"),
])
def test_each_flag_becomes_a_problem_a_packer_can_fix(first: str, second: str, problem: str) -> None:
    status = parse_host_status(hs(first, second))
    assert not status.ready
    assert status.problems == (problem,)


def test_ribbon_out_on_a_direct_thermal_printer_is_not_a_problem() -> None:
    status = parse_host_status(hs(second="001,0,0,1,0,2,6,0,00000000,1,000"))
    assert status.ready and status.detail["ribbon_out"] is True


def test_several_problems_come_most_urgent_first_and_warnings_do_not_stop_printing() -> None:
    status = parse_host_status(hs("030,1,1,1218,000,0,0,0,000,1,1,0", "001,0,1,0,0,2,6,0,00000000,1,000"))
    assert status.problems == ("Out of labels", "Print head open", "Paused — press the pause button")
    assert status.summary == "Out of labels; Print head open; Paused — press the pause button"
    assert len(status.detail["warnings"]) == 2
    cold_only = parse_host_status(hs("030,0,0,1218,000,0,0,0,000,0,1,0"))
    assert cold_only.ready and cold_only.detail["warnings"] == ["Print head cold — first labels may print light"]


@pytest.mark.parametrize("reply", [b"", b"\x02030,0,0,0959,000,0,0,0,000,0,0,0\x03\r\n", b"OK\r\n", b"\x02a,b\x03\x02c\x03\x02d\x03"])
def test_a_partial_or_foreign_reply_is_refused(reply: bytes) -> None:
    with pytest.raises(StatusParseError):
        parse_host_status(reply)


def test_the_simulator_answers_what_the_parser_reads() -> None:
    with ZebraSimulator() as zebra:
        zebra.paper_out = True
        zebra.head_open = True
        status = parse_host_status(zebra.host_status())
    assert status.problems == ("Out of labels", "Print head open")
    assert status.detail["label_length_dots"] == 1218
