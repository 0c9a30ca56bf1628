"""For the alert tests: a warehouse with one of each alert, and a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sample_world import World, build_world

from station.db import Database
from station.db.base import utcnow
from station.db.models import Lot, Variant
from station.services.replenishment import set_threshold
from station.services.stock import Actor, StockLedger

# AUTH without TLS is deliberate here: the server is on loopback. Test modules add this mark.
QUIET_AUTH_WARNING = "ignore:Requiring AUTH while not requiring TLS:UserWarning"


def build_alerting_world(database: Database, today: date | None = None) -> World:
    """TAZ-01 at its threshold (9 free, threshold 9); POL-M-ROJ sold 30 in 30 days with 10 left (reorder);
    mug lots: L-SOON expires in 10 days, L-OLD expired 4 days ago on a shelf, L-HELD sits in quarantine."""
    today = today or date.today()
    world = build_world(database)
    two_days_ago = utcnow() - timedelta(days=2)
    with database.unit_of_work() as uow:
        session = uow.session
        lots = {
            code: Lot(
                tenant_id=world.tenant_id, variant_id=world.mug, code=code, expires_on=today + timedelta(days=days)
            )
            for code, days in (("L-SOON", 10), ("L-OLD", -4), ("L-HELD", -20))
        }
        session.add_all(lots.values())
        session.flush()
        ledger = StockLedger(session, Actor("test"), clock=lambda: two_days_ago)
        ledger.receive(world.shirt, world.bin_a, 40)
        reservation = ledger.reserve(world.shirt, world.warehouse_id, 30)
        ledger.ship(reservation, world.bin_a, 30)
        ledger.receive(world.mug, world.bin_b, 6, lot_id=lots["L-SOON"].id)
        ledger.receive(world.mug, world.bin_b, 3, lot_id=lots["L-OLD"].id)
        ledger.receive(world.mug, world.quarantine, 2, lot_id=lots["L-HELD"].id)
        set_threshold(session, session.get_one(Variant, world.mug), 9)
        uow.commit()
    return world


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class _Handler:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802 - aiosmtpd's name
        content = envelope.original_content or envelope.content  # type: ignore[attr-defined]
        parsed = message_from_bytes(content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))  # type: ignore[attr-defined]
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    host: str
    port: int
    received: list[Received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server(*, login: tuple[str, str] | None = None) -> Iterator[SmtpSink]:
    """An SMTP server on 127.0.0.1 that keeps what it receives; with `login`, AUTH is required."""
    handler = _Handler()
    port = free_port()
    options: dict[str, object] = {}
    if login is not None:

        def authenticate(server: object, session: object, envelope: object, mechanism: str, data: object) -> AuthResult:
            ok = isinstance(data, LoginPassword) and (data.login.decode(), data.password.decode()) == login
            return AuthResult(success=ok, handled=False)

        options = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False}
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield SmtpSink("127.0.0.1", port, handler.received)
    finally:
        controller.stop()
