"""Chilean people and places for the demo: names, streets, the 16 regiones with their comunas, and
generators for customers (valid RUT, e-mail, mobile number, address)."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from station.domain.rut import Rut

# fmt: off
FEMALE_NAMES = (
    "Sofía", "Isidora", "Florencia", "Antonella", "Catalina", "Valentina", "Javiera", "Constanza",
    "Francisca", "Camila", "Fernanda", "María José", "Daniela", "Carolina", "Paula", "Josefa",
    "Trinidad", "Martina", "Agustina", "Emilia", "Macarena", "Bárbara", "Pía", "Ignacia", "Rocío",
)
MALE_NAMES = (
    "Benjamín", "Vicente", "Martín", "Matías", "Joaquín", "Agustín", "Tomás", "Cristóbal",
    "Sebastián", "Felipe", "Diego", "Nicolás", "José", "Juan Pablo", "Gonzalo", "Rodrigo",
    "Francisco", "Ignacio", "Maximiliano", "Alonso", "Claudio", "Patricio", "Luis", "Andrés", "Pablo",
)
SURNAMES = (
    "González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez",
    "Sepúlveda", "Morales", "Rodríguez", "López", "Fuentes", "Hernández", "Torres", "Araya", "Flores",
    "Espinoza", "Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro", "Pizarro",
    "Álvarez", "Vásquez", "Sánchez", "Fernández", "Ramírez", "Carrasco", "Gómez", "Cortés", "Herrera",
    "Núñez", "Jara", "Vergara", "Rivera", "Figueroa", "Riquelme", "García", "Miranda", "Bravo", "Vera",
    "Molina", "Vega", "Campos", "Sandoval", "Orellana", "Cárdenas", "Olivares", "Alarcón", "Gallardo",
)
STREETS = (
    "Avenida Libertador Bernardo O'Higgins", "Arturo Prat", "Manuel Rodríguez", "José Miguel Carrera",
    "Los Carrera", "Freire", "Baquedano", "Colón", "Maipú", "Chacabuco", "Pedro de Valdivia",
    "Gabriela Mistral", "Pablo Neruda", "Los Aromos", "Las Acacias", "Los Boldos", "El Roble",
    "Los Copihues", "San Martín", "Esmeralda", "Yungay", "Independencia", "Balmaceda", "Condell",
    "Serrano", "Lautaro", "Caupolicán", "Avenida Alemania", "Bulnes", "Sargento Aldea", "Los Pinos",
    "Las Rosas", "Los Alerces", "Avenida España", "Vicuña Mackenna", "Portales", "Almirante Latorre",
)
EXTRAS = ("Depto. {n}", "Depto. {n}, Torre B", "Casa {n}", "Oficina {n}", "Block {b}, Depto. {n}")
EMAIL_DOMAINS = (
    ("gmail.com", 50), ("hotmail.com", 15), ("outlook.com", 10), ("yahoo.es", 5), ("live.cl", 5),
    ("icloud.com", 8), ("vtr.net", 3), ("uc.cl", 2), ("uchile.cl", 2),
)

# The 16 regiones (in their official north-to-south order) with some of their comunas, and a weight
# close to their share of the population, so most orders go to Santiago, as in real life.
REGIONES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("Arica y Parinacota", 1, ("Arica", "Putre", "Camarones")),
    ("Tarapacá", 2, ("Iquique", "Alto Hospicio", "Pozo Almonte")),
    ("Antofagasta", 3, ("Antofagasta", "Calama", "Tocopilla", "Mejillones")),
    ("Atacama", 2, ("Copiapó", "Vallenar", "Caldera", "Chañaral")),
    ("Coquimbo", 4, ("La Serena", "Coquimbo", "Ovalle", "Illapel", "Vicuña")),
    ("Valparaíso", 10, ("Valparaíso", "Viña del Mar", "Quilpué", "Villa Alemana", "San Antonio", "Los Andes",
                        "Quillota")),
    (
        "Metropolitana de Santiago",
        40,
        (
            "Santiago", "Providencia", "Las Condes", "Ñuñoa", "Maipú", "Puente Alto", "La Florida", "Vitacura",
            "Lo Barnechea", "Pudahuel", "San Bernardo", "Quilicura", "Peñalolén", "Estación Central",
            "Recoleta", "Independencia", "La Reina", "Macul", "San Miguel", "Colina",
        ),
    ),
    ("Libertador General Bernardo O'Higgins", 5, ("Rancagua", "San Fernando", "Rengo", "Machalí", "Santa Cruz",
                                                   "Pichilemu")),
    ("Maule", 6, ("Talca", "Curicó", "Linares", "Constitución", "Cauquenes")),
    ("Ñuble", 3, ("Chillán", "Chillán Viejo", "San Carlos", "Bulnes")),
    ("Biobío", 8, ("Concepción", "Talcahuano", "Los Ángeles", "Chiguayante", "San Pedro de la Paz", "Coronel")),
    ("La Araucanía", 5, ("Temuco", "Padre Las Casas", "Villarrica", "Pucón", "Angol")),
    ("Los Ríos", 2, ("Valdivia", "La Unión", "Río Bueno", "Panguipulli")),
    ("Los Lagos", 4, ("Puerto Montt", "Osorno", "Castro", "Puerto Varas", "Ancud")),
    ("Aysén del General Carlos Ibáñez del Campo", 1, ("Coyhaique", "Puerto Aysén", "Chile Chico")),
    ("Magallanes y de la Antártica Chilena", 1, ("Punta Arenas", "Puerto Natales", "Porvenir")),
)
# fmt: on
SANTIAGO = "Metropolitana de Santiago"


@dataclass(frozen=True)
class Customer:
    name: str
    rut: str  # compact form, 12345678-5
    email: str
    phone: str  # +56 9 1234 5678


@dataclass(frozen=True)
class Address:
    street: str
    number: str
    extra: str
    comuna: str
    region: str


def ascii_fold(text: str) -> str:
    """'Núñez Peña' -> 'nunez pena', for e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def person_rut(rng: random.Random) -> Rut:
    """A natural person's RUT: bodies from about 5 to 26 million, as for adults living today."""
    return Rut.from_body(rng.randint(5_000_000, 26_500_000))


def company_rut(rng: random.Random) -> Rut:
    """A company's RUT: recent companies have bodies in the 76-77 million range."""
    return Rut.from_body(rng.randint(76_000_000, 77_999_999))


def mobile_phone(rng: random.Random) -> str:
    return f"+56 9 {rng.randint(2000, 9999)} {rng.randint(0, 9999):04d}"


def random_customer(rng: random.Random) -> Customer:
    first = rng.choice(FEMALE_NAMES if rng.random() < 0.5 else MALE_NAMES)
    surname, second = rng.sample(SURNAMES, 2)
    name = f"{first} {surname} {second}"
    local = ascii_fold(f"{first.split()[0]}.{surname}").replace(" ", "")
    if rng.random() < 0.6:
        local += str(rng.randint(1, 99))
    domain = rng.choices([d for d, _ in EMAIL_DOMAINS], weights=[w for _, w in EMAIL_DOMAINS])[0]
    return Customer(name, person_rut(rng).compact(), f"{local}@{domain}", mobile_phone(rng))


def random_address(rng: random.Random) -> Address:
    region, _, comunas = rng.choices(REGIONES, weights=[weight for _, weight, _ in REGIONES])[0]
    extra = ""
    if rng.random() < 0.4:
        extra = rng.choice(EXTRAS).format(n=rng.randint(1, 24) * 100 + rng.randint(1, 12), b=rng.randint(1, 9))
    return Address(rng.choice(STREETS), str(rng.randint(10, 9999)), extra, rng.choice(comunas), region)
