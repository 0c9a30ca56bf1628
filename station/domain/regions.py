"""Chile's sixteen regiones, how people write their names, and how far apart they are.

Distances are great-circle kilometres between the regional capitals: coarse, but it ranks warehouses
the way a dispatcher would (Concepción before Santiago for a customer in Los Lagos) without a table
of 346 comunas. Names compare after `normalise_region`.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    number: str  # the official roman numeral (RM for the Metropolitana)
    key: str  # normalised name
    capital: str
    latitude: float
    longitude: float


REGIONS: tuple[Region, ...] = (
    Region("XV", "arica y parinacota", "Arica", -18.4783, -70.3126),
    Region("I", "tarapaca", "Iquique", -20.2133, -70.1503),
    Region("II", "antofagasta", "Antofagasta", -23.6509, -70.3975),
    Region("III", "atacama", "Copiapó", -27.3668, -70.3323),
    Region("IV", "coquimbo", "La Serena", -29.9027, -71.2519),
    Region("V", "valparaiso", "Valparaíso", -33.0472, -71.6127),
    Region("RM", "metropolitana", "Santiago", -33.4489, -70.6693),
    Region("VI", "libertador general bernardo o'higgins", "Rancagua", -34.1708, -70.7444),
    Region("VII", "maule", "Talca", -35.4264, -71.6554),
    Region("XVI", "nuble", "Chillán", -36.6066, -72.1034),
    Region("VIII", "biobio", "Concepción", -36.8201, -73.0444),
    Region("IX", "la araucania", "Temuco", -38.7359, -72.5904),
    Region("XIV", "los rios", "Valdivia", -39.8142, -73.2459),
    Region("X", "los lagos", "Puerto Montt", -41.4689, -72.9411),
    Region("XI", "aysen del general carlos ibanez del campo", "Coyhaique", -45.5712, -72.0685),
    Region("XII", "magallanes y de la antartica chilena", "Punta Arenas", -53.1638, -70.9171),
)

_ALIASES = {
    "rm": "metropolitana",
    "santiago": "metropolitana",
    "metropolitana de santiago": "metropolitana",
    "o'higgins": "libertador general bernardo o'higgins",
    "ohiggins": "libertador general bernardo o'higgins",
    "libertador bernardo o'higgins": "libertador general bernardo o'higgins",
    "bio bio": "biobio",
    "bio-bio": "biobio",
    "araucania": "la araucania",
    "aysen": "aysen del general carlos ibanez del campo",
    "aisen": "aysen del general carlos ibanez del campo",
    "magallanes": "magallanes y de la antartica chilena",
    "magallanes y antartica chilena": "magallanes y de la antartica chilena",
}
_BY_KEY = {region.key: region for region in REGIONS}
_BY_NUMBER = {region.number.lower(): region for region in REGIONS}


def normalise_region(region: str) -> str:
    """A región as a comparable key: lower case, no accents, no "región (de/del)" prefix, single spaces.

    "Región Metropolitana de Santiago", "Metropolitana", "RM" and "Santiago" all give "metropolitana".
    """
    text = unicodedata.normalize("NFKD", region).encode("ascii", "ignore").decode().lower()
    text = " ".join(text.replace("’", "'").split())
    for prefix in ("region del ", "region de ", "region "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    return _ALIASES.get(text, text)


def find_region(text: str) -> Region | None:
    """The región `text` names (by name, a usual short form or its numeral), or None."""
    key = normalise_region(text)
    if not key:
        return None
    if key in _BY_KEY:
        return _BY_KEY[key]
    if key in _BY_NUMBER:
        return _BY_NUMBER[key]
    matches = [region for region in REGIONS if region.key.startswith(key) or key.startswith(region.key)]
    return matches[0] if len(matches) == 1 else None


def distance_km(a: Region, b: Region) -> float:
    """Great-circle distance between the two regional capitals (0 for the same región)."""
    if a == b:
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
