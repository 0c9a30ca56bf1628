"""Just Logistics Station: a plugin-based desktop warehouse station."""

__version__ = "0.1.0"
