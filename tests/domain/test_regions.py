import pytest

from station.domain.regions import REGIONS, distance_km, find_region, normalise_region


@pytest.mark.parametrize(
    ("written", "capital"),
    [
        ("Región Metropolitana de Santiago", "Santiago"),
        ("RM", "Santiago"),
        ("Región del Biobío", "Concepción"),
        ("Bio Bio", "Concepción"),
        ("Región de Ñuble", "Chillán"),
        ("Región del Libertador General Bernardo O'Higgins", "Rancagua"),
        ("O’Higgins", "Rancagua"),
        ("Araucanía", "Temuco"),
        ("Aysén", "Coyhaique"),
        ("Magallanes", "Punta Arenas"),
        ("XV", "Arica"),
        ("los lagos", "Puerto Montt"),
    ],
)
def test_the_usual_ways_of_writing_a_region_find_it(written: str, capital: str):
    region = find_region(written)
    assert region is not None and region.capital == capital


def test_unknown_or_ambiguous_text_finds_nothing():
    assert find_region("") is None
    assert find_region("Narnia") is None
    assert find_region("los") is None  # Los Ríos or Los Lagos


def test_sixteen_regions_with_distinct_keys():
    assert len(REGIONS) == 16
    assert len({r.key for r in REGIONS}) == 16
    assert all(find_region(r.key) == r for r in REGIONS)


def test_distances_rank_like_a_dispatcher_would():
    santiago, concepcion, puerto_montt = (find_region(n) for n in ("RM", "Biobío", "Los Lagos"))
    assert distance_km(santiago, santiago) == 0
    assert 400 < distance_km(santiago, concepcion) < 460
    assert distance_km(puerto_montt, concepcion) < distance_km(puerto_montt, santiago)


def test_normalise_region():
    assert normalise_region(" región  de Valparaíso ") == "valparaiso"
