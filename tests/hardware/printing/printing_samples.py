"""Sample label data for the printer tests (imported by name: test directories have no packages)."""

from __future__ import annotations

from station.api import Address
from station.hardware.printing.layout import ShippingLabelData

WAREHOUSE = Address(
    name="Bodega Central Just Logistics",
    street="Av. Américo Vespucio",
    number="1501",
    comuna="Quilicura",
    region="Región Metropolitana",
)
CUSTOMER = Address(
    name="Ana María Pérez Soto",
    street="Av. José Arrieta",
    number="9876 depto 1203",
    comuna="Peñalolén",
    region="Región Metropolitana",
    phone="+56 9 8765 4321",
)


def make_label(**changes: object) -> ShippingLabelData:
    values: dict[str, object] = {
        "carrier": "Chilexpress",
        "service": "Día hábil siguiente",
        "tracking_number": "CX123456789CL",
        "reference": "JL-1042",
        "sender": WAREHOUSE,
        "recipient": CUSTOMER,
        "weight_g": 1250,
        "package_index": 1,
        "package_count": 2,
        "note": "Frágil",
    }
    values.update(changes)
    return ShippingLabelData(**values)  # type: ignore[arg-type]
