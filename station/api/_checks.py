"""Small validation helpers shared by the value types (private: not part of the API).

Every check raises ``TypeError``/``ValueError`` whose message names the class and field,
so a plugin author sees ``Parcel.weight_g must be ...`` rather than a bare traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

# Scalars allowed in `extra` mappings: JSON-friendly and hashable, so frozen values stay hashable
# and the core can store them in a JSON column as they are.
_EXTRA_SCALARS = (str, int, float, bool, type(None))


class FrozenMap(dict[str, Any]):
    """A read-only, hashable ``dict`` for the ``extra`` fields of frozen dataclasses.

    A ``dict`` subclass (not ``MappingProxyType``) so values still pickle and JSON-encode.
    """

    __slots__ = ()

    def _readonly(self, *args: object, **kwargs: object) -> None:
        raise TypeError("extra is read-only; build a new value with dataclasses.replace()")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]
    __ior__ = _readonly  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # dict's default pickling re-inserts items with __setitem__, which is blocked here.
        return (type(self), (dict(self),))

    def __repr__(self) -> str:
        return f"FrozenMap({dict.__repr__(self)})"


def frozen_extra(owner: str, value: Mapping[str, Any] | None) -> FrozenMap:
    """Copy ``value`` into a FrozenMap, checking keys are str and values JSON scalars."""
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise TypeError(f"{owner}.extra must be a mapping, got {type(value).__name__}")
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"{owner}.extra keys must be str, got {key!r}")
        if not isinstance(item, _EXTRA_SCALARS):
            raise TypeError(
                f"{owner}.extra[{key!r}] must be str, int, float, bool or None, got {type(item).__name__}"
            )
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def set_field(obj: object, name: str, value: object) -> None:
    """Normalise a field of a frozen dataclass inside ``__post_init__``."""
    object.__setattr__(obj, name, value)


def require_str(owner: str, name: str, value: object, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{owner}.{name} must be a str, got {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise ValueError(f"{owner}.{name} must not be empty")
    return value


def optional_str(owner: str, name: str, value: object) -> str | None:
    return None if value is None else require_str(owner, name, value, allow_empty=True)


def require_int(owner: str, name: str, value: object, *, minimum: int | None = None) -> int:
    # bool is an int subclass; True grams or True copies is always a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{owner}.{name} must be an int, got {type(value).__name__} {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{owner}.{name} must be at least {minimum}, got {value}")
    return value


def require_utc(owner: str, name: str, value: object) -> datetime:
    """Accept an aware datetime and return it converted to UTC; naive ones are ambiguous."""
    if not isinstance(value, datetime):
        raise TypeError(f"{owner}.{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{owner}.{name} must be timezone-aware (got naive {value.isoformat()})")
    return value.astimezone(UTC)


def require_tuple(
    owner: str, name: str, value: object, item_type: type, *, non_empty: bool = False
) -> tuple[Any, ...]:
    """Turn any iterable (not a str/bytes) into a tuple of ``item_type`` items."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"{owner}.{name} must be a sequence of {item_type.__name__}")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, item_type):
            raise TypeError(
                f"{owner}.{name}[{index}] must be a {item_type.__name__}, got {type(item).__name__}"
            )
    if non_empty and not items:
        raise ValueError(f"{owner}.{name} must hold at least one {item_type.__name__}")
    return items


def require_choice(owner: str, name: str, value: object, choices: Iterable[str]) -> str:
    allowed = tuple(choices)
    if value not in allowed:
        raise ValueError(f"{owner}.{name} must be one of {', '.join(allowed)}; got {value!r}")
    return str(value)
