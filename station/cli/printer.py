"""`station printer …`: ask a label printer how it is, print a test label, run the simulator.

* ``station printer status [--printer URL] [--json]`` — exit 0 ready, 1 not ready, 2 no answer
  or a wrong URL;
* ``station printer test [--printer URL]`` — prints a test label (after the status check);
* ``station printer simulate [--port N] [--save DIR]`` — a pretend Zebra in the foreground.

Without ``--printer`` the commands use ``[devices] printer_url`` from the settings file.
"""

from __future__ import annotations

import argparse
import json
import signal
import threading
from pathlib import Path

from station.api import CONTENT_TYPE_EPL, CONTENT_TYPE_ZPL, PrintJob
from station.config import load_settings
from station.hardware.printing.device import LANGUAGES, PrinterDevice, PrinterError
from station.hardware.printing.layout import DPIS, LABEL_SIZES_MM, build_test_layout
from station.hardware.printing.simulator import ZebraSimulator
from station.pluginhost import PluginHost

EXIT_READY, EXIT_NOT_READY, EXIT_NO_ANSWER = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("printer", help="label printer: status, test label, simulator")
    commands = parser.add_subparsers(dest="printer_command", metavar="ACTION", required=True)

    def with_printer(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--printer", metavar="URL", help="tcp://HOST:9100, serial:///dev/ttyUSB0, cups://QUEUE, …")
        sub.add_argument("--language", choices=LANGUAGES, help="printer language (default: from settings)")
        sub.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for the printer's answer")

    status = commands.add_parser("status", help="is the printer ready? (exit 0 ready, 1 not ready, 2 no answer)")
    with_printer(status)
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(handler=run_status)

    test = commands.add_parser("test", help="print a test label")
    with_printer(test)
    test.add_argument("--size", choices=tuple(LABEL_SIZES_MM), default="4x6")
    test.add_argument("--dpi", type=int, choices=DPIS, default=203)
    test.set_defaults(handler=run_test)

    simulate = commands.add_parser("simulate", help="run a pretend Zebra printer until Ctrl+C")
    simulate.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    simulate.add_argument("--port", type=int, default=9100, help="TCP port (default 9100; 0 picks a free one)")
    simulate.add_argument("--save", metavar="DIR", type=Path, help="save each label received as DIR/label-0001.zpl …")
    simulate.add_argument("--paper-out", action="store_true", help="start out of labels")
    simulate.set_defaults(handler=run_simulate)


def _open_device(args: argparse.Namespace) -> PrinterDevice | None:
    settings = load_settings()
    url = args.printer or settings.devices.printer_url
    language = args.language or settings.devices.printer_language or "zpl"
    if not url:
        print("No printer given: pass --printer URL or set [devices] printer_url in the settings file.")
        return None
    with PluginHost() as host:
        transports = host.printer_transports()
    try:
        return PrinterDevice.open(url, transports=transports, language=language, status_timeout_s=args.timeout)
    except PrinterError as exc:
        print(f"Cannot use printer: {exc.message}")
        return None


def run_status(args: argparse.Namespace) -> int:
    device = _open_device(args)
    if device is None:
        return EXIT_NO_ANSWER
    status = device.status()
    answered = status.ready or bool(status.detail.get("answered"))
    if args.json:
        print(json.dumps({"printer": device.url, **status.as_dict()}, indent=2, ensure_ascii=False))
    else:
        print(f"{device.url}: {status.summary}")
        for problem in status.problems if len(status.problems) > 1 else ():
            print(f"  - {problem}")
        if note := status.detail.get("note"):
            print(f"  ({note})")
        for warning in status.detail.get("warnings", ()):
            print(f"  ! {warning}")
    if status.ready:
        return EXIT_READY
    return EXIT_NOT_READY if answered else EXIT_NO_ANSWER


def run_test(args: argparse.Namespace) -> int:
    device = _open_device(args)
    if device is None:
        return EXIT_NO_ANSWER
    station_name = load_settings().station_name
    layout = build_test_layout(station_name, size=args.size, dpi=args.dpi)
    if device.language == "epl":
        from station.hardware.printing.epl import layout_to_epl

        job = PrintJob(data=layout_to_epl(layout), content_type=CONTENT_TYPE_EPL, title="Printer test")
    elif device.language == "pdf":
        from station.hardware.documents.pdf_label import layout_to_pdf

        job = PrintJob(data=layout_to_pdf(layout, title="Printer test"), content_type="application/pdf", title="Printer test")
    else:
        from station.hardware.printing.zpl import layout_to_zpl

        job = PrintJob(data=layout_to_zpl(layout), content_type=CONTENT_TYPE_ZPL, title="Printer test")
    try:
        note = device.print(job)
    except PrinterError as exc:
        print(f"Test label not printed: {exc.message}")
        status = getattr(exc, "status", None)
        return EXIT_NOT_READY if status is not None and status.detail.get("answered") else EXIT_NO_ANSWER
    print(f"Test label sent to {device.url}" + (f": {note}" if note else ""))
    return EXIT_READY


def run_simulate(args: argparse.Namespace) -> int:
    folder: Path | None = args.save
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    counter = {"n": 0}
    lock = threading.Lock()

    def on_label(label: bytes) -> None:
        with lock:
            counter["n"] += 1
            number = counter["n"]
        where = ""
        if folder is not None:
            path = folder / f"label-{number:04d}.zpl"
            path.write_bytes(label)
            where = f" → {path}"
        print(f"label {number}: {len(label)} bytes{where}", flush=True)

    stop = threading.Event()
    # Before the "listening" line: whoever reads it may `kill` us at once, as cleanly as Ctrl+C.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        simulator = ZebraSimulator(args.host, args.port, on_label=on_label)
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}; try --port 0")
        return EXIT_NO_ANSWER
    simulator.paper_out = args.paper_out
    print(f"Simulated Zebra printer listening at {simulator.url} (Ctrl+C to stop)", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
        print(f"Stopped after {len(simulator.labels)} label(s).")
    return EXIT_READY

