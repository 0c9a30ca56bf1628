"""``station scale``: read the bench scale, list serial ports, run a simulated scale.

station scale read --port /dev/ttyUSB0 [--protocol auto|sics|toledo8217|cas] [--json]
station scale ports [--json]
station scale simulate --protocol sics [--port 4001 | --pty] [--weight-g 1250]
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any

EXIT_STABLE = 0
EXIT_USAGE = 2
EXIT_UNSTABLE = 3
EXIT_OUT_OF_RANGE = 4
EXIT_NO_SCALE = 5
EXIT_SCALE_ERROR = 6

EXIT_CODES_HELP = """\
exit codes:
  0  stable weight
  2  usage or port error (bad option, unknown protocol, port missing or busy)
  3  unstable weight (still moving)
  4  overload or underload (above capacity / below zero)
  5  no scale: no answer in time, port gone, or auto-detection found nothing
  6  the scale answered with an error (e.g. MT-SICS ES, unreadable reply)
"""

SIMULATE_HELP = """\
While it runs, type a line and Enter to change what the scale shows:
  1250        stable 1250 g          u 980   unstable 980 g
  over        overload               under   underload
  silent      stop answering         talk    answer again
Stop it with Ctrl-C.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scale",
        help="read the scale, list serial ports, run a simulated scale",
        description="Serial scales (Mettler Toledo MT-SICS, Toledo 8217, CAS). See docs/hardware-scales.md.",
    )
    actions = parser.add_subparsers(dest="scale_action", metavar="ACTION", required=True)

    read = actions.add_parser(
        "read",
        help="read one weight and print it",
        description="Read one weight from the scale and print grams and whether it is stable.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    read.add_argument(
        "--port",
        required=True,
        metavar="URL",
        help="/dev/ttyUSB0, COM3, usb:VID:PID[:SERIAL], socket://HOST:PORT, rfc2217://HOST:PORT or sim://PROTOCOL",
    )
    read.add_argument(
        "--protocol", default="auto", help="auto (default), or a protocol name: sics, toledo8217, toledo8217-lb, cas"
    )
    read.add_argument("--timeout", type=float, metavar="SECONDS", help="answer timeout (default: the protocol's, 1 s)")
    read.add_argument("--baudrate", type=int, help="override the protocol's baud rate (default 9600)")
    read.add_argument("--json", action="store_true", help="print one JSON object")
    read.set_defaults(handler=read_scale)

    ports = actions.add_parser("ports", help="list serial ports and their usb:VID:PID addresses")
    ports.add_argument("--json", action="store_true", help="print a JSON list")
    ports.set_defaults(handler=list_ports)

    simulate = actions.add_parser(
        "simulate",
        help="run a simulated scale in the foreground (for trying the CLI and demo mode)",
        description="Serve a simulated scale over TCP (default) or a pseudo-terminal; prints its URL first.",
        epilog=SIMULATE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    simulate.add_argument("--protocol", choices=("sics", "toledo8217", "cas"), default="sics")
    simulate.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    simulate.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    simulate.add_argument("--pty", action="store_true", help="serve on a pseudo-terminal instead of TCP (Linux)")
    simulate.add_argument("--weight-g", type=int, default=0, help="initial weight in grams")
    simulate.add_argument("--unstable", action="store_true", help="start with an unstable weight")
    simulate.add_argument("--unit", choices=("g", "kg", "lb", "oz"), help="unit the scale reports in")
    simulate.add_argument("--continuous", action="store_true", help="CAS: stream frames without being asked")
    simulate.set_defaults(handler=simulate_scale)


def _fail(message: str) -> int:
    print(f"station scale: {message}", file=sys.stderr)
    return EXIT_USAGE


def read_scale(args: argparse.Namespace) -> int:
    # Imported here: building the CLI parser must stay cheap and must not load plugins.
    from station.api import ScaleReading, ScaleState
    from station.hardware.scale import ScaleDevice, ScaleNotDetected, ScalePortError
    from station.pluginhost import PluginHost

    if args.timeout is not None and args.timeout <= 0:
        return _fail("--timeout must be a positive number of seconds")
    overrides: dict[str, object] = {}
    if args.timeout is not None:
        overrides["timeout_s"] = args.timeout
    if args.baudrate is not None:
        overrides["baudrate"] = args.baudrate
    with PluginHost() as host:
        protocols = host.scale_protocols()
    protocol_name: str | None = None
    try:
        with ScaleDevice.open(args.port, args.protocol, protocols=protocols, serial_overrides=overrides) as device:
            protocol_name = device.protocol.name
            reading = device.read()
    except ScaleNotDetected as exc:
        reading = ScaleReading(state=ScaleState.DISCONNECTED, message=exc.message)
    except (ScalePortError, LookupError, ValueError) as exc:
        return _fail(getattr(exc, "message", None) or str(exc).strip("'\""))
    _print_reading(reading, protocol_name, args.port, as_json=args.json)
    return exit_code(reading.state)


def exit_code(state: str) -> int:
    """The documented exit code for a reading in ``state``."""
    return {
        "stable": EXIT_STABLE,
        "unstable": EXIT_UNSTABLE,
        "overload": EXIT_OUT_OF_RANGE,
        "underload": EXIT_OUT_OF_RANGE,
        "timeout": EXIT_NO_SCALE,
        "disconnected": EXIT_NO_SCALE,
    }.get(state, EXIT_SCALE_ERROR)


def _print_reading(reading: Any, protocol: str | None, port: str, *, as_json: bool) -> None:
    if as_json:
        row = {
            "weight_g": reading.weight_g,
            "stable": reading.stable,
            "state": reading.state.value,
            "protocol": protocol,
            "port": port,
            "message": reading.message,
        }
        print(json.dumps(row))
        return
    if reading.weight_g is not None:
        note = f"  ({reading.message})" if reading.message else ""
        print(f"{reading.weight_g} g  {reading.state.value}{note}")
    else:
        print(f"{reading.state.value}: {reading.message}" if reading.message else reading.state.value)


def list_ports(args: argparse.Namespace) -> int:
    from station.hardware.scale import discover_ports

    found = discover_ports()
    if args.json:
        print(json.dumps([port.as_dict() for port in found], indent=2))
        return 0
    if not found:
        print("No serial ports found.")
        return 0
    width = max(len(port.device) for port in found)
    for port in found:
        print(f"{port.device:<{width}}  {port.usb_url or '-':<28}  {port.description}")
    return 0


def simulate_scale(args: argparse.Namespace) -> int:
    from station.hardware.scale import ScaleSimulator

    simulator = ScaleSimulator(
        args.protocol,
        weight_g=args.weight_g,
        stable=not args.unstable,
        unit=args.unit,
        continuous=args.continuous,
    )
    try:
        url = simulator.start_pty() if args.pty else simulator.start_socket(args.port, args.host)
    except OSError as exc:
        return _fail(f"cannot start the simulator: {exc.strerror or exc}")
    print(url, flush=True)  # first line: the URL, so scripts can read it
    print(f"Simulated {args.protocol} scale at {url}. Type a weight and Enter; Ctrl-C stops.", file=sys.stderr)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=_follow_stdin, args=(simulator,), name="scale-sim-stdin", daemon=True).start()
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
    return 0


def _follow_stdin(simulator: Any) -> None:
    """Apply the commands typed on stdin (see SIMULATE_HELP); stops quietly at end of input."""
    for line in sys.stdin:
        words = line.split()
        try:
            if not words:
                continue
            if words[0] == "over":
                simulator.set_overload()
            elif words[0] == "under":
                simulator.set_underload()
            elif words[0] in ("silent", "talk"):
                simulator.set_silent(words[0] == "silent")
            elif words[0] == "u" and len(words) == 2:
                simulator.set_weight(int(words[1]), stable=False)
            else:
                simulator.set_weight(int(words[0]))
        except ValueError:
            print(f"not understood: {line.strip()!r}", file=sys.stderr)
