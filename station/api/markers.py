"""``hookimpl`` and ``hookspec`` markers without importing pluggy.

``station.api`` is standard library only, so plugins can import it anywhere. pluggy recognises
its markers purely by an attribute: ``pluggy.HookimplMarker("station")`` sets
``func.station_impl = {wrapper, hookwrapper, optionalhook, tryfirst, trylast, specname}`` and
``pluggy.HookspecMarker("station")`` sets ``func.station_spec = {firstresult, historic,
warn_on_impl, warn_on_impl_args}``; ``PluginManager("station")`` reads exactly those
(``getattr(func, project_name + "_impl")``). These decorators set the same attributes, so the
real ``PluginManager`` treats them as its own (tests check both against pluggy).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

#: pluggy project name: the ``PluginManager`` name and the entry-point group.
PROJECT_NAME = "station"
IMPL_ATTRIBUTE = PROJECT_NAME + "_impl"
SPEC_ATTRIBUTE = PROJECT_NAME + "_spec"

_F = TypeVar("_F", bound=Callable[..., Any])


@overload
def hookimpl(function: _F, /) -> _F: ...
@overload
def hookimpl(
    function: None = None,
    /,
    *,
    optionalhook: bool = False,
    tryfirst: bool = False,
    trylast: bool = False,
    specname: str | None = None,
) -> Callable[[_F], _F]: ...


def hookimpl(
    function: _F | None = None,
    /,
    *,
    optionalhook: bool = False,
    tryfirst: bool = False,
    trylast: bool = False,
    specname: str | None = None,
) -> _F | Callable[[_F], _F]:
    """Mark a function as a station hook implementation: ``@hookimpl`` or ``@hookimpl(tryfirst=True)``.

    ``optionalhook=True`` lets a plugin implement a hook that a newer API version added and
    still load on an older station (the hook is then simply never called). Wrappers are not
    offered: station hooks are plain calls.
    """

    def mark(func: _F) -> _F:
        setattr(
            func,
            IMPL_ATTRIBUTE,
            {
                "wrapper": False,
                "hookwrapper": False,
                "optionalhook": optionalhook,
                "tryfirst": tryfirst,
                "trylast": trylast,
                "specname": specname,
            },
        )
        return func

    return mark(function) if function is not None else mark


def hookspec(function: _F | None = None, /, *, firstresult: bool = False, historic: bool = False) -> Any:
    """Mark a function in :mod:`station.api.hookspecs` as a hook specification (host side)."""
    if firstresult and historic:
        raise ValueError("a hook cannot be both historic and firstresult")

    def mark(func: _F) -> _F:
        setattr(
            func,
            SPEC_ATTRIBUTE,
            {
                "firstresult": firstresult,
                "historic": historic,
                "warn_on_impl": None,
                "warn_on_impl_args": None,
            },
        )
        return func

    return mark(function) if function is not None else mark
