"""The Demo Courier sandbox: a small local HTTP server speaking the Demo Courier API.

The Demo Courier API is our own documented demo API (see the README), shaped like the Chilean
carriers' REST APIs: JSON over HTTPS, a bearer API key, routing by comuna, prices in CLP,
an ``Idempotency-Key`` on label purchases. Standard library only.

    POST /v1/quotes                        {origin, destination, packages, service?} -> 200 {quotes}
    POST /v1/shipments                     Idempotency-Key header; -> 201 shipment with label (200 on replay)
    GET  /v1/shipments/{tracking}          -> 200 shipment (without the label)
    GET  /v1/shipments/{tracking}/events   -> 200 {tracking_number, events}, oldest first
    POST /v1/shipments/{tracking}/void     -> 200 shipment; 409 if already voided or picked up

Every call needs ``Authorization: Bearer <api key>`` (the public test key is ``demo-test-key-000``).
Errors are ``{"error": {"code": ..., "field": ..., "message": ...}}`` with 400, 401, 404, 409,
422 (validation, ``field`` names the culprit), 429 (with ``Retry-After``) or 5xx.

Tests use it in-process::

    with SandboxServer() as sandbox:
        sandbox.fail_next(1, status=503)     # the next request fails
        sandbox.rate_limit_next(1, retry_after=2)
        sandbox.latency_s = 0.5              # every request waits first
        sandbox.advance(hours=26)            # move the courier's clock: tracking advances
        sandbox.labels_created               # labels actually issued

and people run it in the foreground: ``python -m station_carrier_demo.sandbox --port 8765``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import logging
import math
import re
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

log = logging.getLogger(__name__)

TEST_API_KEY = "demo-test-key-000"  # published test key: not a secret

# -- the courier's rules --------------------------------------------------------------------------

#: Región code → (name, price zone, the comunas served there). Zones: A Santiago … E the far south.
#: A real courier serves all 346 comunas; the demo serves a few in every región.
REGIONS: Mapping[str, tuple[str, str, tuple[str, ...]]] = {
    "XV": ("Arica y Parinacota", "D", ("Arica", "Putre", "Camarones")),
    "I": ("Tarapacá", "D", ("Iquique", "Alto Hospicio", "Pozo Almonte")),
    "II": ("Antofagasta", "D", ("Antofagasta", "Calama", "Tocopilla", "Mejillones")),
    "III": ("Atacama", "D", ("Copiapó", "Vallenar", "Caldera", "Chañaral")),
    "IV": ("Coquimbo", "C", ("La Serena", "Coquimbo", "Ovalle", "Illapel", "Vicuña")),
    "V": ("Valparaíso", "B", (
        "Valparaíso", "Viña del Mar", "Quilpué", "Villa Alemana", "San Antonio", "Los Andes", "Quillota",
    )),
    "RM": ("Metropolitana de Santiago", "A", (
        "Santiago", "Providencia", "Las Condes", "Ñuñoa", "Maipú", "Puente Alto", "La Florida", "Vitacura",
        "Lo Barnechea", "Pudahuel", "San Bernardo", "Quilicura", "Peñalolén", "Estación Central", "Recoleta",
        "Independencia", "La Reina", "Macul", "San Miguel", "Colina",
    )),
    "VI": ("O'Higgins", "B", ("Rancagua", "San Fernando", "Rengo", "Machalí", "Santa Cruz", "Pichilemu")),
    "VII": ("Maule", "C", ("Talca", "Curicó", "Linares", "Constitución", "Cauquenes")),
    "XVI": ("Ñuble", "C", ("Chillán", "Chillán Viejo", "San Carlos", "Bulnes")),
    "VIII": ("Biobío", "C", (
        "Concepción", "Talcahuano", "Los Ángeles", "Chiguayante", "San Pedro de la Paz", "Coronel",
    )),
    "IX": ("La Araucanía", "C", ("Temuco", "Padre Las Casas", "Villarrica", "Pucón", "Angol")),
    "XIV": ("Los Ríos", "D", ("Valdivia", "La Unión", "Río Bueno", "Panguipulli")),
    "X": ("Los Lagos", "D", ("Puerto Montt", "Osorno", "Castro", "Puerto Varas", "Ancud")),
    "XI": ("Aysén", "E", ("Coyhaique", "Puerto Aysén", "Chile Chico")),
    "XII": ("Magallanes y de la Antártica Chilena", "E", ("Punta Arenas", "Puerto Natales", "Porvenir")),
}

#: Zone → (first kilo CLP, each further kilo CLP, standard business days).
ZONES: Mapping[str, tuple[int, int, int]] = {
    "A": (3490, 690, 2),
    "B": (4290, 890, 3),
    "C": (4990, 1090, 3),
    "D": (5990, 1390, 4),
    "E": (7990, 1990, 4),
}

SERVICES: Mapping[str, str] = {"standard": "Estándar", "express": "Express"}
VOLUMETRIC_DIVISOR = 4000  # mm³ per gram, i.e. 4000 cm³ per kilo
MAX_PACKAGE_G = 30_000
LABEL_FORMATS = ("zpl", "pdf")

#: Tracking steps: (code, hours after the label was issued, description, where).
TIMELINE = (
    ("CREATED", 0, "Envío creado, etiqueta emitida", "origin"),
    ("PICKED_UP", 2, "Retirado en bodega del remitente", "origin"),
    ("IN_TRANSIT", 6, "En tránsito hacia la comuna de destino", "hub"),
    ("OUT_FOR_DELIVERY", 20, "En reparto", "destination"),
    ("DELIVERED", 26, "Entregado a destinatario", "destination"),
)
HUB = "Centro de distribución Pudahuel"


def fold(text: str) -> str:
    """Comparable form of a place name: no accents, no case, single spaces ("ÑUÑOA " → "nunoa")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.casefold().split())


#: Folded comuna name → (comuna as the courier spells it, región code).
COMUNAS: Mapping[str, tuple[str, str]] = {
    fold(comuna): (comuna, code) for code, (_, _, comunas) in REGIONS.items() for comuna in comunas
}


class ApiError(Exception):
    """An error answer: HTTP status plus the JSON error body."""

    def __init__(
        self, status: int, code: str, message: str, *, field: str | None = None, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        error = {"code": self.code, "message": self.message}
        if self.field:
            error["field"] = self.field
        return {"error": error}


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_field", message, field=field)


# -- the server -----------------------------------------------------------------------------------

ROUTES = (
    ("POST", re.compile(r"/v1/quotes"), "quote"),
    ("POST", re.compile(r"/v1/shipments"), "create_shipment"),
    ("GET", re.compile(r"/v1/shipments/(DC\d{10})"), "get_shipment"),
    ("GET", re.compile(r"/v1/shipments/(DC\d{10})/events"), "events"),
    ("POST", re.compile(r"/v1/shipments/(DC\d{10})/void"), "void"),
)


class SandboxServer:
    """The Demo Courier API on 127.0.0.1, in a background thread (``start``/``stop`` or ``with``)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        api_keys: tuple[str, ...] = (TEST_API_KEY,),
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.host, self.port = host, port
        self.api_keys = api_keys
        self.latency_s = 0.0  #: every request sleeps this long before it is handled
        self.labels_created = 0  #: labels actually issued (replays do not count)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._offset = timedelta()
        self._lock = threading.Lock()
        self._failures: list[tuple[int, bool]] = []  # (status, after the work is done)
        self._rate_limits: list[int] = []  # Retry-After seconds
        self._shipments: dict[str, dict[str, Any]] = {}
        self._keys: dict[str, tuple[str, str]] = {}  # Idempotency-Key → (request fingerprint, tracking)
        self._next_number = 7_000_000_001
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the sandbox is not started; call start() first")
        return f"http://{self.host}:{self._httpd.server_port}"

    def start(self) -> SandboxServer:
        """Listen and serve in a background thread; ``url`` says where."""
        self._httpd = _HTTPServer((self.host, self.port), self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="demo-courier-sandbox", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            if self._thread is not None:
                self._httpd.shutdown()
                self._thread.join()
            self._httpd.server_close()
            self._httpd, self._thread = None, None

    def serve_forever(self, ready: Callable[[str], object] = print) -> None:
        """Serve in the calling thread until interrupted; ``ready(url)`` is called once listening."""
        self._httpd = _HTTPServer((self.host, self.port), self)
        ready(self.url)
        self._httpd.serve_forever()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- knobs for tests

    def fail_next(self, n: int = 1, status: int = 500, *, after: bool = False) -> None:
        """The next ``n`` requests answer ``status``. With ``after=True`` the request is carried
        out first and only the answer is lost (a label is bought, the caller never hears of it)."""
        with self._lock:
            self._failures.extend([(status, after)] * n)

    def rate_limit_next(self, n: int = 1, retry_after: int = 1) -> None:
        """The next ``n`` requests answer 429 with ``Retry-After: retry_after``."""
        with self._lock:
            self._rate_limits.extend([retry_after] * n)

    def now(self) -> datetime:
        return self._clock() + self._offset

    def advance(self, **delta: float) -> None:
        """Move the courier's clock forward, e.g. ``advance(hours=6)``: parcels travel."""
        with self._lock:
            self._offset += timedelta(**delta)

    # -- one request

    def handle(self, method: str, path: str, headers: Message, raw: bytes) -> tuple[int, dict[str, Any]]:
        """Answer one request: (status, JSON body), or raise :class:`ApiError`."""
        if self.latency_s:
            time.sleep(self.latency_s)
        with self._lock:
            retry_after = self._rate_limits.pop(0) if self._rate_limits else None
            failure = self._failures.pop(0) if self._failures and retry_after is None else None
        if retry_after is not None:
            raise ApiError(429, "rate_limited", "too many requests", headers={"Retry-After": str(retry_after)})
        if failure and not failure[1]:
            raise ApiError(failure[0], "unavailable", "the courier's system is unavailable, try again")
        if headers.get("Authorization", "") not in [f"Bearer {key}" for key in self.api_keys]:
            raise ApiError(401, "unauthorized", "missing or unknown API key", headers={"WWW-Authenticate": "Bearer"})
        endpoint, arguments = route(method, path)
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            raise ApiError(400, "bad_json", "the request body is not JSON") from None
        if not isinstance(body, dict):
            raise ApiError(400, "bad_json", "the request body must be a JSON object")
        with self._lock:
            answer = endpoint(self, body, headers, *arguments)
        if failure:
            raise ApiError(failure[0], "unavailable", "the courier's system failed while answering")
        return answer

    # -- endpoints (called under the lock)

    def _quote(self, body: dict[str, Any], headers: Message) -> tuple[int, dict[str, Any]]:
        place(body, "origin")
        _, region = place(body, "destination")
        grams = billable_grams(body)
        service = body.get("service")
        if service is not None and service not in SERVICES:
            raise invalid("service", f"unknown service {service!r}; use standard or express")
        quotes = [price(code, region, grams) for code in SERVICES if service in (None, code)]
        return 200, {"quotes": quotes}

    def _create_shipment(self, body: dict[str, Any], headers: Message) -> tuple[int, dict[str, Any]]:
        key = headers.get("Idempotency-Key", "").strip()
        if not key:
            raise ApiError(400, "idempotency_key_required", "send an Idempotency-Key header", field="Idempotency-Key")
        fingerprint = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        if key in self._keys:  # a retry: the same shipment, never a second label
            seen, tracking = self._keys[key]
            if seen != fingerprint:
                raise ApiError(
                    409, "idempotency_key_reused", f"Idempotency-Key {key!r} was used for {tracking} with other details"
                )
            return 200, self._public(self._shipments[tracking], label=True)

        sender, recipient = (address(body, side) for side in ("sender", "recipient"))
        grams = billable_grams(body)
        service = body.get("service")
        if not isinstance(service, str) or service not in SERVICES:
            raise invalid("service", f"unknown service {service!r}; use standard or express")
        label_format = body.get("label_format", "zpl")
        if label_format not in LABEL_FORMATS:
            raise invalid("label_format", f"unknown label format {label_format!r}; use zpl or pdf")
        if not str(body.get("account") or "").strip():
            raise invalid("account", "the account number is missing")

        tracking = f"DC{self._next_number:010d}"
        self._next_number += 1
        shipment = {
            "tracking_number": tracking,
            "service": service,
            "reference": str(body.get("reference") or ""),
            "account": body["account"],
            "price_clp": price(service, recipient["region_code"], grams)["price_clp"],
            "sender": sender,
            "recipient": recipient,
            "packages": body["packages"],
            "created": self.now(),
            "voided": None,
        }
        render = render_zpl if label_format == "zpl" else render_pdf
        shipment["label"] = {"format": label_format, "data_base64": base64.b64encode(render(shipment)).decode()}
        self._shipments[tracking] = shipment
        self._keys[key] = (fingerprint, tracking)
        self.labels_created += 1
        return 201, self._public(shipment, label=True)

    def _get_shipment(self, body: dict[str, Any], headers: Message, tracking: str) -> tuple[int, dict[str, Any]]:
        return 200, self._public(self._find(tracking))

    def _events(self, body: dict[str, Any], headers: Message, tracking: str) -> tuple[int, dict[str, Any]]:
        return 200, {"tracking_number": tracking, "events": self._timeline(self._find(tracking))}

    def _void(self, body: dict[str, Any], headers: Message, tracking: str) -> tuple[int, dict[str, Any]]:
        shipment = self._find(tracking)
        last = self._timeline(shipment)[-1]
        if last["code"] == "VOIDED":
            raise ApiError(409, "already_voided", f"shipment {tracking} is already voided")
        if last["code"] != "CREATED":
            raise ApiError(409, "in_transit", f"shipment {tracking} was picked up at {last['at']}; it cannot be voided")
        shipment["voided"] = self.now()
        return 200, self._public(shipment)

    # -- helpers

    def _find(self, tracking: str) -> dict[str, Any]:
        if tracking not in self._shipments:
            raise ApiError(404, "not_found", f"no shipment {tracking}")
        return self._shipments[tracking]

    def _timeline(self, shipment: dict[str, Any]) -> list[dict[str, str]]:
        """The events that have happened by now (the courier's clock), oldest first."""
        where = {"origin": shipment["sender"]["comuna"], "hub": HUB, "destination": shipment["recipient"]["comuna"]}
        end = min(self.now(), shipment["voided"] or self.now())
        events = []
        for code, hours, description, place_ in TIMELINE:
            at = shipment["created"] + timedelta(hours=hours)
            if at <= end:
                events.append({"code": code, "at": at.isoformat(), "description": description, "location": where[place_]})
        if shipment["voided"]:
            events.append({"code": "VOIDED", "at": shipment["voided"].isoformat(), "description": "Envío anulado",
                           "location": where["origin"]})
        return events

    def _public(self, shipment: dict[str, Any], *, label: bool = False) -> dict[str, Any]:
        answer = {key: value for key, value in shipment.items() if key not in ("created", "voided", "label")}
        answer["status"] = self._timeline(shipment)[-1]["code"]
        answer["created_at"] = shipment["created"].isoformat()
        if label:
            answer["label"] = shipment["label"]
        return answer


def route(method: str, path: str) -> tuple[Callable[..., tuple[int, dict[str, Any]]], tuple[str, ...]]:
    """The endpoint method for ``method path`` and the arguments taken from the path, or 404."""
    for route_method, pattern, name in ROUTES:
        match = pattern.fullmatch(path.split("?", 1)[0])
        if match and route_method == method:
            return getattr(SandboxServer, "_" + name), match.groups()
    raise ApiError(404, "not_found", f"no such endpoint: {method} {path}")


def place(body: Mapping[str, Any], side: str) -> tuple[str, str]:
    """(comuna as the courier spells it, región code) of ``body[side]``, or 422 naming the field."""
    given = body.get(side)
    if not isinstance(given, dict):
        raise invalid(side, f"the {side} address is missing")
    comuna = str(given.get("comuna") or "")
    if not comuna.strip():
        raise invalid(f"{side}.comuna", "the comuna is missing")
    if fold(comuna) not in COMUNAS:
        raise invalid(f"{side}.comuna", f"unknown comuna {comuna!r}")
    return COMUNAS[fold(comuna)]


def address(body: Mapping[str, Any], side: str) -> dict[str, str]:
    comuna, region = place(body, side)
    given = body[side]
    for key in ("name", "street"):
        if not str(given.get(key) or "").strip():
            raise invalid(f"{side}.{key}", f"the {side}'s {key} is missing")
    result = {key: str(given.get(key) or "") for key in ("name", "street", "number", "phone")}
    return {**result, "comuna": comuna, "region": REGIONS[region][0], "region_code": region}


def billable_grams(body: Mapping[str, Any]) -> list[int]:
    """Per package: the larger of the real and the volumetric weight, in grams; 422 on bad packages."""
    packages = body.get("packages")
    if not isinstance(packages, list) or not packages:
        raise invalid("packages", "at least one package is needed")
    grams = []
    for index, package in enumerate(packages):
        where = f"packages[{index}]"
        if not isinstance(package, dict):
            raise invalid(where, "a package must be an object")
        size = []
        for key in ("weight_g", "length_mm", "width_mm", "height_mm"):
            value = package.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise invalid(f"{where}.{key}", f"{key} must be a whole number ≥ 0, got {value!r}")
            size.append(value)
        weight, length, width, height = size
        if not 0 < weight <= MAX_PACKAGE_G:
            raise invalid(f"{where}.weight_g", f"a package weighs 1 g to {MAX_PACKAGE_G // 1000} kg, got {weight} g")
        grams.append(max(weight, length * width * height // VOLUMETRIC_DIVISOR))
    return grams


def price(service: str, region: str, grams: list[int]) -> dict[str, Any]:
    """A quote: each package pays the zone's first kilo plus each further started kilo."""
    first, further, days = ZONES[REGIONS[region][1]]
    amount = sum(first + further * (math.ceil(g / 1000) - 1) for g in grams)
    if service == "express":
        amount, days = math.ceil(amount * 1.5 / 10) * 10, 1
    return {"service": service, "name": SERVICES[service], "price_clp": amount, "days": days,
            "billable_weight_g": sum(grams)}


# -- labels ---------------------------------------------------------------------------------------


def zpl_text(text: str) -> str:
    """Text safe inside a ZPL ^FD field (^ and ~ are commands)."""
    return " ".join(text.replace("^", " ").replace("~", " ").split())


def render_zpl(shipment: Mapping[str, Any]) -> bytes:
    """One 4×6 in label (203 dpi: 812×1218 dots) per package, UTF-8 (^CI28), Code 128 tracking number."""
    to, sender, count = shipment["recipient"], shipment["sender"], len(shipment["packages"])
    labels = []
    for number, package in enumerate(shipment["packages"], 1):
        lines = [
            "^XA", "^CI28", "^PW812", "^LL1218", "^LH0,0",
            "^FO40,40^A0N,50,50^FDDemo Courier^FS",
            f"^FO560,50^A0N,36,36^FD{SERVICES[shipment['service']].upper()}^FS",
            "^FO40,110^GB732,3,3^FS",
            f"^FO40,130^A0N,26,26^FDRemitente: {zpl_text(sender['name'])}^FS",
            f"^FO40,165^A0N,26,26^FD{zpl_text(sender['street'] + ' ' + sender['number'])}, {zpl_text(sender['comuna'])}^FS",
            "^FO40,210^GB732,3,3^FS",
            "^FO40,230^A0N,28,28^FDDestinatario^FS",
            f"^FO40,270^A0N,44,44^FD{zpl_text(to['name'])}^FS",
            f"^FO40,330^A0N,36,36^FD{zpl_text(to['street'] + ' ' + to['number'])}^FS",
            f"^FO40,385^A0N,64,64^FD{zpl_text(to['comuna'].upper())}^FS",
            f"^FO40,460^A0N,36,36^FDRegión {zpl_text(to['region'])}^FS",
            f"^FO40,510^A0N,28,28^FDTel. {zpl_text(to['phone'])}^FS",
            "^FO40,560^GB732,3,3^FS",
            f"^FO40,585^A0N,30,30^FDRef. {zpl_text(shipment['reference'])}^FS",
            f"^FO560,585^A0N,30,30^FDBulto {number}/{count}^FS",
            f"^FO40,630^A0N,30,30^FDPeso {package['weight_g'] / 1000:.1f} kg^FS",
            f"^FO60,720^BY3^BCN,200,Y,N,N^FD{shipment['tracking_number']}^FS",
            "^XZ",
        ]
        labels.append("\n".join(lines))
    return ("\n".join(labels) + "\n").encode("utf-8")


def render_pdf(shipment: Mapping[str, Any]) -> bytes:
    """A minimal PDF, one 4×6 in page per package, in the standard Helvetica font."""
    to, count = shipment["recipient"], len(shipment["packages"])
    pages = [
        [
            f"Demo Courier - {SERVICES[shipment['service']]}",
            f"Destinatario: {to['name']}",
            f"{to['street']} {to['number']}",
            f"{to['comuna'].upper()}, Región {to['region']}",
            f"Ref. {shipment['reference']}   Bulto {number}/{count}",
            f"Seguimiento: {shipment['tracking_number']}",
        ]
        for number in range(1, count + 1)
    ]
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        shown = " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines)
        stream = f"BT /F1 14 Tf 18 TL 24 410 Td {shown} ET".encode("cp1252", "replace")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, content in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# -- HTTP plumbing --------------------------------------------------------------------------------


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer) -> None:
        self.sandbox = sandbox
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the client gave up (e.g. timed out during latency_s): nothing to report
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "DemoCourierSandbox/1.0"

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers: dict[str, str] = {}
        try:
            status, body = self.server.sandbox.handle(self.command, self.path, self.headers, raw)
        except ApiError as exc:
            status, body, headers = exc.status, exc.body(), exc.headers
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s " + format, self.address_string(), *args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the Demo Courier sandbox API in the foreground.")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free port)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sandbox = SandboxServer(port=args.port)

    def ready(url: str) -> None:
        print(f"Demo Courier sandbox on {url} (test API key {TEST_API_KEY}); Ctrl+C stops it", flush=True)

    try:
        sandbox.serve_forever(ready)
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
