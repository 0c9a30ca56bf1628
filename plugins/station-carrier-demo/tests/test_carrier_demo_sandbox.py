"""The sandbox's own contract (what a vendor's API would answer), and running it from the command line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx
import pytest
from station_carrier_demo.sandbox import TEST_API_KEY

AUTH = {"Authorization": f"Bearer {TEST_API_KEY}"}
SHIPMENT = {
    "service": "express", "reference": "JL-7", "account": "DEMO-001", "label_format": "zpl",
    "sender": {"name": "Bodega", "street": "Av. Américo Vespucio", "number": "1501", "comuna": "Pudahuel"},
    "recipient": {"name": "Camila Rojas", "street": "Av. Irarrázaval", "number": "3450", "comuna": "ñuñoa"},
    "packages": [{"weight_g": 900}],
}


@pytest.fixture
def api(sandbox):
    with httpx.Client(base_url=sandbox.url) as client:
        yield client


def test_every_call_needs_the_api_key(api):
    answer = api.post("/v1/quotes", json={})
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert answer.json() == {"error": {"code": "unauthorized", "message": "missing or unknown API key"}}


def test_a_shipment_needs_an_idempotency_key(api, sandbox):
    answer = api.post("/v1/shipments", json=SHIPMENT, headers=AUTH)
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == "Idempotency-Key"
    assert sandbox.labels_created == 0


def test_a_shipment_is_created_once_and_replayed(api, sandbox):
    headers = {**AUTH, "Idempotency-Key": "order-7"}
    first = api.post("/v1/shipments", json=SHIPMENT, headers=headers)
    again = api.post("/v1/shipments", json=SHIPMENT, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    shipment = api.get(f"/v1/shipments/{first.json()['tracking_number']}", headers=AUTH).json()
    assert shipment["status"] == "CREATED" and shipment["recipient"]["comuna"] == "Ñuñoa"
    assert shipment["recipient"]["region"] == "Metropolitana de Santiago" and "label" not in shipment
    assert sandbox.labels_created == 1


def test_validation_errors_name_the_field(api):
    bad = {**SHIPMENT, "packages": [{"weight_g": 31_000}]}
    answer = api.post("/v1/shipments", json=bad, headers={**AUTH, "Idempotency-Key": "order-8"})
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "packages[0].weight_g"


def test_void_twice_is_a_conflict(api):
    tracking = api.post("/v1/shipments", json=SHIPMENT, headers={**AUTH, "Idempotency-Key": "order-9"}).json()[
        "tracking_number"
    ]
    assert api.post(f"/v1/shipments/{tracking}/void", headers=AUTH).json()["status"] == "VOIDED"
    second = api.post(f"/v1/shipments/{tracking}/void", headers=AUTH)
    assert (second.status_code, second.json()["error"]["code"]) == (409, "already_voided")


def test_unknown_paths_are_404(api):
    assert api.get("/v1/shipments/DC0000000000/label", headers=AUTH).status_code == 404


def test_runs_in_the_foreground_from_the_command_line():
    command = [sys.executable, "-m", "station_carrier_demo.sandbox", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        try:
            banner = process.stdout.readline()
            assert "Demo Courier sandbox on http://127.0.0.1:" in banner and TEST_API_KEY in banner
            url = banner.split(" on ", 1)[1].split()[0]
            quote = httpx.post(f"{url}/v1/quotes", headers=AUTH, json={
                "origin": {"comuna": "Pudahuel"}, "destination": {"comuna": "Temuco"}, "packages": [{"weight_g": 2500}],
            })
            assert [q["price_clp"] for q in quote.json()["quotes"]] == [4990 + 2 * 1090, 10760]
        finally:
            process.send_signal(signal.SIGINT if os.name == "posix" else signal.SIGTERM)  # Ctrl+C
            process.wait(timeout=10)
    if os.name == "posix":
        assert process.returncode == 0
