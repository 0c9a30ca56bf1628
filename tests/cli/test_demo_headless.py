"""`station demo --headless` packs twenty demo orders against TCP printer and scale simulators; every
label's barcode carries the tracking number the summary line reports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from station.hardware.printing.simulator import ZebraSimulator
from station.hardware.scale.simulator import ScaleSimulator

ORDERS = 20


def test_headless_demo_packs_orders_against_tcp_simulators(tmp_path: Path) -> None:
    printer = ZebraSimulator()
    scale = ScaleSimulator("sics", weight_g=1200)
    scale_url = scale.start_socket()
    try:
        result = subprocess.run(
            [
                sys.executable, "-m", "station", "demo", "--headless", "--orders", str(ORDERS),
                "--printer", printer.url, "--scale", scale_url,
            ],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "STATION_HOME": str(tmp_path / "home")},
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        tracking = re.findall(r"^JLS-\d+ .* tracking (\S+)$", result.stdout, flags=re.MULTILINE)
        assert len(tracking) == ORDERS, result.stdout[-3000:]
        assert printer.wait_for_labels(ORDERS, timeout=30)
        barcodes = [re.search(rb"\^BC[^\^]*\^FD([^\^]+)\^FS", label).group(1).decode() for label in printer.labels]
        assert sorted(barcodes) == sorted(tracking)
        # The scale said 1.2 kg for every parcel: those that should weigh otherwise were acknowledged.
        assert "weight acknowledged" in result.stdout
        slips = list((tmp_path / "home" / "data" / "slips").glob("*.pdf"))
        assert len(slips) == ORDERS and all(path.read_bytes().startswith(b"%PDF") for path in slips)
    finally:
        printer.stop()
        scale.stop()
