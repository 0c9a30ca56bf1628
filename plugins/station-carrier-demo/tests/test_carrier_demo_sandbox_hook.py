"""`station demo` starts the sandbox through the `station_register_sandboxes` hook and the carrier works
against it with the settings and published test key the session hands over."""

from __future__ import annotations

import httpx

from station.api import Address, Parcel, RateRequest
from station.pluginhost import PluginHost


def test_the_registered_sandbox_serves_the_carrier() -> None:
    with PluginHost() as host:
        sandbox = host.sandboxes()["demo"]
        assert (sandbox.serves, host.adapter_plugin("sandbox", "demo")) == ("carrier", "demo_carrier")
        session = sandbox.start()
        try:
            assert httpx.get(f"{session.url}/v1/shipments/DC0000000000", headers={"Authorization": "Bearer x"}).status_code == 401
            context = host.make_context("demo", session.settings, session.secrets, kind="carrier")
            request = RateRequest(
                origin=Address(name="Bodega", street="Av. Lo Boza 1500", comuna="Pudahuel", region="Región Metropolitana"),
                destination=Address(name="Ana", street="Av. Providencia 1234", comuna="Providencia", region="Región Metropolitana"),
                parcels=(Parcel(weight_g=900),),
            )
            rates = host.carriers()["demo"].rates(context, request)
            assert {rate.service_code for rate in rates} == {"standard", "express"}
        finally:
            session.stop()
