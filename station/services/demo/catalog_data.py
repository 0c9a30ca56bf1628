# ruff: noqa: E501  (a data table: one family per line reads best)
"""Product families of the demo catalogue: what they are called, their variant axes, prices in CLP,
weights (g) and package dimensions (mm). Spanish names, as the shoppers see them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """A kind of product; each demo product is one family in one style and brand."""

    code: str  # three letters, the start of product codes and SKUs
    name: str
    category: str
    axes: tuple[tuple[str, tuple[str, ...]], ...]  # fixed axes; "colour" is drawn per product
    prices: tuple[int, ...]  # list prices to draw from
    weight_g: int
    dims_mm: tuple[int, int, int]
    colours: int = 0  # how many colours a product of this family comes in (0: no colour axis)
    serial: bool = False  # electronics worth tracking unit by unit
    shelf_life_days: int | None = None  # food: tracked by lot, with an expiry date


# fmt: off
ADULT = ("S", "M", "L", "XL", "XXL")
WOMEN = ("XS", "S", "M", "L")
JEANS = ("38", "40", "42", "44", "46", "48")
SHOES = ("36", "37", "38", "39", "40", "41", "42", "43", "44")

COLOURS = (
    ("Negro", "NEG"), ("Blanco", "BLA"), ("Gris melange", "GRI"), ("Azul marino", "AZM"), ("Rojo", "ROJ"),
    ("Verde oliva", "VOL"), ("Beige", "BEI"), ("Burdeo", "BUR"), ("Celeste", "CEL"), ("Mostaza", "MOS"),
    ("Rosado", "ROS"), ("Café", "CAF"),
)
TECH_COLOURS = (("Negro", "NEG"), ("Blanco", "BLA"), ("Azul", "AZU"), ("Gris grafito", "GRA"), ("Rosado", "ROS"))

APPAREL = (
    Family("POL", "Polera manga corta", "Vestuario/Poleras", (("size", ADULT),), (7990, 9990, 12990, 14990), 180, (300, 250, 20), 3),
    Family("PML", "Polera manga larga", "Vestuario/Poleras", (("size", ADULT),), (11990, 14990, 16990), 240, (300, 250, 25), 2),
    Family("PLR", "Polerón con capucha", "Vestuario/Polerones", (("size", ADULT),), (19990, 24990, 29990, 34990), 550, (350, 300, 60), 3),
    Family("JEA", "Jeans", "Vestuario/Pantalones", (("size", JEANS),), (19990, 24990, 29990, 39990), 600, (350, 280, 40), 2),
    Family("BUZ", "Pantalón de buzo", "Vestuario/Pantalones", (("size", ADULT),), (14990, 17990, 19990), 400, (350, 280, 40), 2),
    Family("CHQ", "Chaqueta cortaviento", "Vestuario/Chaquetas", (("size", ADULT),), (29990, 39990, 49990), 450, (380, 300, 50), 2),
    Family("PRK", "Parka acolchada", "Vestuario/Chaquetas", (("size", ADULT),), (49990, 59990, 79990), 900, (450, 350, 120), 2),
    Family("CAM", "Camisa oxford", "Vestuario/Camisas", (("size", ADULT),), (19990, 24990, 29990), 300, (350, 250, 30), 3),
    Family("VES", "Vestido", "Vestuario/Vestidos", (("size", WOMEN),), (19990, 24990, 34990), 280, (350, 250, 30), 3),
    Family("FAL", "Falda", "Vestuario/Faldas", (("size", WOMEN),), (14990, 17990, 21990), 220, (300, 250, 25), 2),
    Family("ZAP", "Zapatillas urbanas", "Calzado", (("size", SHOES),), (29990, 39990, 49990, 59990), 900, (330, 210, 120), 2),
    Family("BOT", "Botines de cuero", "Calzado", (("size", SHOES),), (49990, 59990, 69990), 1100, (330, 230, 130), 2),
    Family("CAL", "Calcetines pack 3 pares", "Vestuario/Accesorios", (("size", ("35-38", "39-42", "43-46")),), (4990, 5990, 6990), 120, (200, 100, 30), 3),
    Family("SHO", "Short deportivo", "Vestuario/Deporte", (("size", ADULT),), (9990, 12990, 14990), 150, (300, 250, 20), 3),
    Family("CAZ", "Calzas deportivas", "Vestuario/Deporte", (("size", WOMEN),), (14990, 17990, 19990), 200, (300, 250, 20), 3),
    Family("POR", "Polar", "Vestuario/Polerones", (("size", ADULT),), (17990, 19990, 24990), 420, (350, 300, 50), 2),
    Family("TBA", "Traje de baño", "Vestuario/Baño", (("size", WOMEN),), (14990, 19990, 24990), 150, (250, 200, 20), 3),
    Family("GOR", "Gorro de lana", "Vestuario/Accesorios", (("size", ("Única",)),), (6990, 8990, 9990), 90, (250, 200, 30), 4),
    Family("BUF", "Bufanda tejida", "Vestuario/Accesorios", (("size", ("Única",)),), (9990, 12990), 180, (300, 200, 40), 4),
)
# Product lines, written after the brand ("Polera manga corta Andes Wear Essential"), as Chilean
# labels often name them in English; this also spares Spanish gender agreement with the noun.
APPAREL_STYLES = (
    "Essential", "Classic", "Urban", "Sport", "Premium", "Eco", "Oversize", "Slim Fit", "Vintage", "Trail",
    "Soft", "Basic",
)
APPAREL_BRANDS = (
    ("Andes Wear", "Textiles Cordillera Ltda."),
    ("Pacífico Sur", "Confecciones Pacífico SpA"),
    ("Norte Grande", "Importadora Norte Grande Ltda."),
    ("Patagonia Urbana", "Textiles Austral SpA"),
)

ELECTRONICS = (
    Family("AUD", "Audífonos Bluetooth over-ear", "Electrónica/Audio", (), (24990, 39990, 59990), 280, (220, 190, 90), 3, serial=True),
    Family("TWS", "Audífonos inalámbricos in-ear", "Electrónica/Audio", (), (14990, 19990, 34990), 120, (120, 100, 50), 3, serial=True),
    Family("PLT", "Parlante portátil", "Electrónica/Audio", (), (19990, 29990, 49990), 600, (220, 120, 120), 3, serial=True),
    Family("SMW", "Smartwatch", "Electrónica/Wearables", (), (49990, 79990, 129990), 180, (130, 100, 90), 2, serial=True),
    Family("CEL", "Smartphone", "Electrónica/Telefonía", (("capacity", ("128 GB", "256 GB")),), (199990, 279990, 399990), 420, (190, 100, 60), 2, serial=True),
    Family("TAB", "Tablet 10 pulgadas", "Electrónica/Tablets", (("capacity", ("64 GB", "128 GB")),), (129990, 169990, 249990), 650, (280, 200, 50), 1, serial=True),
    Family("SSD", "Disco SSD externo", "Electrónica/Almacenamiento", (("capacity", ("500 GB", "1 TB", "2 TB")),), (49990, 69990, 99990), 150, (140, 100, 40), 0, serial=True),
    Family("CAMW", "Cámara de seguridad WiFi", "Electrónica/Hogar inteligente", (), (24990, 34990), 350, (150, 110, 110), 1, serial=True),
    Family("ROU", "Router WiFi 6", "Electrónica/Redes", (), (39990, 59990, 89990), 700, (280, 210, 80), 0, serial=True),
    Family("FRE", "Freidora de aire 4 L", "Electrohogar", (), (49990, 69990), 4200, (350, 330, 350), 2, serial=True),
    Family("HER", "Hervidor eléctrico 1,7 L", "Electrohogar", (), (14990, 19990, 24990), 1100, (240, 170, 250), 3, serial=True),
    Family("PWB", "Batería externa 10.000 mAh", "Electrónica/Accesorios", (), (12990, 17990, 24990), 230, (160, 90, 30), 3),
    Family("CRG", "Cargador USB-C 20 W", "Electrónica/Accesorios", (), (9990, 12990, 14990), 80, (100, 70, 40), 2),
    Family("CAB", "Cable USB-C", "Electrónica/Accesorios", (("length", ("1 m", "2 m")),), (5990, 7990, 9990), 60, (150, 100, 20), 0),
    Family("MOU", "Mouse inalámbrico", "Electrónica/Computación", (), (9990, 14990, 24990), 110, (180, 110, 50), 2),
    Family("TEC", "Teclado mecánico", "Electrónica/Computación", (("layout", ("Español", "Inglés")),), (39990, 54990, 69990), 900, (450, 150, 50), 0, serial=True),
)
ELECTRONICS_STYLES = ("Pro", "Lite", "Max", "Plus", "Go", "Neo", "Air", "Mini")
ELECTRONICS_BRANDS = (
    ("Voltek", "Voltek Chile SpA"),
    ("Sonik", "Importadora Sonik Ltda."),
    ("Nexo", "Nexo Tecnología SpA"),
)

FOOD = (
    Family("MIE", "Miel de ulmo", "Alimentos/Dulces", (("size", ("250 g", "500 g", "1 kg")),), (5990, 8990, 14990), 520, (80, 80, 110), shelf_life_days=730),
    Family("MER", "Mermelada", "Alimentos/Dulces", (("flavour", ("Murta", "Frambuesa", "Mora", "Damasco")),), (3990, 4490), 330, (75, 75, 90), shelf_life_days=365),
    Family("MRK", "Merkén ahumado 100 g", "Alimentos/Condimentos", (), (2990, 3490), 110, (70, 70, 100), shelf_life_days=540),
    Family("ACE", "Aceite de oliva extra virgen", "Alimentos/Aceites", (("size", ("500 ml", "1 L")),), (7990, 11990, 13990), 950, (80, 80, 300), shelf_life_days=540),
    Family("CAF", "Café de grano tostado", "Alimentos/Bebidas", (("size", ("250 g", "1 kg")),), (6990, 8990, 21990), 270, (120, 70, 200), shelf_life_days=270),
    Family("TEH", "Té en hojas 100 g", "Alimentos/Bebidas", (), (3990, 5990), 120, (90, 60, 140), shelf_life_days=720),
    Family("MAN", "Manjar", "Alimentos/Dulces", (("size", ("400 g", "1 kg")),), (2990, 3990, 5990), 430, (90, 90, 90), shelf_life_days=180),
    Family("GAL", "Galletas de avena 300 g", "Alimentos/Snacks", (), (2490, 2990, 3490), 320, (200, 70, 60), shelf_life_days=180),
    Family("QUI", "Quínoa orgánica 500 g", "Alimentos/Despensa", (), (3990, 4990), 510, (150, 100, 50), shelf_life_days=365),
    Family("HAT", "Harina tostada 1 kg", "Alimentos/Despensa", (), (2490, 2990), 1010, (200, 120, 60), shelf_life_days=270),
    Family("CHO", "Chocolate amargo 70% 100 g", "Alimentos/Dulces", (), (2490, 3290, 3990), 110, (160, 80, 10), shelf_life_days=365),
    Family("FSE", "Mix de frutos secos 250 g", "Alimentos/Snacks", (), (4490, 5490), 260, (150, 60, 200), shelf_life_days=240),
    Family("NUE", "Nueces mariposa 500 g", "Alimentos/Snacks", (), (6990, 7990), 510, (170, 60, 220), shelf_life_days=240),
    Family("SAL", "Sal de mar de Cáhuil 500 g", "Alimentos/Condimentos", (), (2990, 3490), 520, (90, 90, 120), shelf_life_days=1800),
    Family("AJI", "Salsa de ají cacho de cabra 250 ml", "Alimentos/Condimentos", (), (2990, 3990), 300, (60, 60, 180), shelf_life_days=365),
    Family("ALF", "Alfajores caja 6 unidades", "Alimentos/Dulces", (), (4990, 5990), 330, (200, 130, 40), shelf_life_days=120),
    Family("GRA", "Granola", "Alimentos/Desayuno", (("size", ("400 g", "1 kg")),), (3990, 4990, 8990), 420, (160, 60, 240), shelf_life_days=180),
    Family("HUE", "Huesillos 500 g", "Alimentos/Despensa", (), (3490, 3990), 510, (170, 60, 220), shelf_life_days=365),
    Family("AVE", "Pasta de avellana 350 g", "Alimentos/Untables", (), (5990, 6990), 400, (80, 80, 100), shelf_life_days=270),
    Family("MOT", "Mote de trigo 500 g", "Alimentos/Despensa", (), (1990, 2490), 510, (150, 100, 50), shelf_life_days=365),
)
FOOD_STYLES = ("Tradición", "Orgánica", "Campo", "Reserva", "Origen", "Familiar")  # lines: "Miel de ulmo Del Campo Reserva"
FOOD_BRANDS = (
    ("Sabores del Sur", "Sabores del Sur Ltda."),
    ("Valle Central", "Agrícola Valle Central SpA"),
    ("Del Campo", "Cooperativa Del Campo"),
    ("Patagonia Natural", "Alimentos Patagonia Natural SpA"),
)
# fmt: on
