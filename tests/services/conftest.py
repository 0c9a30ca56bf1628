from __future__ import annotations

import pytest
from sample_world import World, build_world

from station.db import Database


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


@pytest.fixture
def world_factory():
    """Builds the small warehouse in the database at a URL (for tests that make their own database)."""

    def factory(url: str) -> World:
        database = Database(url)
        try:
            return build_world(database)
        finally:
            database.dispose()

    return factory
