"""Sandboxes registered through `station_register_sandboxes` start, serve on loopback and stop."""

from __future__ import annotations

from station.api import SandboxSession, hookimpl


class EchoSandbox:
    name = "echo"
    title = "Echo sandbox"
    serves = "carrier"

    def __init__(self) -> None:
        self.stopped = False

    def start(self) -> SandboxSession:
        transport_url = "http://127.0.0.1:9"  # nothing listens; the session is what matters here
        return SandboxSession(url=transport_url, settings={"base_url": transport_url}, secrets={"api_key": "k"}, stop=self.stop)

    def stop(self) -> None:
        self.stopped = True


def test_a_registered_sandbox_is_offered_with_its_session(make_plugin_host) -> None:
    sandbox = EchoSandbox()

    class Plugin:
        @hookimpl
        def station_register_sandboxes(self, register):
            register(sandbox)

    host = make_plugin_host(("echo_plugin", Plugin()))
    assert host.sandboxes() == {"echo": sandbox}
    info = next(p for p in host.plugins() if p.name == "echo_plugin")
    assert (info.kinds, info.status) == (("sandbox",), "enabled")
    session = host.sandboxes()["echo"].start()
    assert session.settings == {"base_url": "http://127.0.0.1:9"}
    session.stop()
    assert sandbox.stopped
    assert "sandbox" not in host.settings_schemas()  # no form: configured by what it serves


def test_a_sandbox_without_start_is_refused(make_plugin_host) -> None:
    class Broken:
        name, title, serves = "broken", "Broken", "carrier"

    class Plugin:
        @hookimpl
        def station_register_sandboxes(self, register):
            register(Broken())

    host = make_plugin_host(("broken_sandbox", Plugin()))
    info = next(p for p in host.plugins() if p.name == "broken_sandbox")
    assert info.status == "failed" and "start" in (info.error or "")
