"""Every hook a station plugin can implement. This module is the reference.

Implement a hook with a function of the same name decorated with :func:`station.api.hookimpl`.
An implementation may accept fewer arguments than the spec lists (pluggy passes only what it
asks for), so new arguments can be added in a minor API version without breaking anyone.

Two families:

* ``station_register_*(register)``: called once while the host loads plugins. Call
  ``register(adapter)`` for each adapter the plugin provides. The host checks the adapter's
  shape (see :mod:`station.api.adapters`), rejects a second adapter with a name already taken,
  and reports problems in ``station plugins list``. An adapter's configuration form is its
  ``settings_schema`` attribute (there is no separate settings hook).
* ``station_*_did_*``: notifications after something happened and was committed. Return
  values are ignored. An exception is logged with the plugin's name and does not affect the
  station or other plugins. Keep them quick: they run on the thread that did the work.

No hook is ``firstresult``: every implementation is called.
"""

from __future__ import annotations

from collections.abc import Callable

from station.api.adapters import Carrier, Marketplace, PaymentGateway, PrinterTransport, Sandbox, ScaleProtocol
from station.api.events import CreatedShipment, PackedOrder, StockChange
from station.api.markers import hookspec

# -- registration ------------------------------------------------------------------------------


@hookspec
def station_register_payment_gateways(register: Callable[[PaymentGateway], None]) -> None:
    """Register payment gateways.

    :param register: call ``register(gateway)`` once per :class:`~station.api.adapters.PaymentGateway`
        instance. The gateway's ``name`` (lowercase, e.g. ``"webpay"``) is how orders, settings and
        the keyring refer to it.

    Returns nothing; the return value is ignored.

    .. versionadded:: 1.0
    """


@hookspec
def station_register_carriers(register: Callable[[Carrier], None]) -> None:
    """Register carriers.

    :param register: call ``register(carrier)`` once per :class:`~station.api.adapters.Carrier`
        instance (e.g. ``"chilexpress"``, ``"starken"``).

    .. versionadded:: 1.0
    """


@hookspec
def station_register_marketplaces(register: Callable[[Marketplace], None]) -> None:
    """Register marketplaces and web stores (sales channels).

    :param register: call ``register(marketplace)`` once per
        :class:`~station.api.adapters.Marketplace` instance (e.g. ``"mercadolibre"``).

    .. versionadded:: 1.0
    """


@hookspec
def station_register_scale_protocols(register: Callable[[ScaleProtocol], None]) -> None:
    """Register serial scale protocols.

    :param register: call ``register(protocol)`` once per
        :class:`~station.api.adapters.ScaleProtocol` instance (e.g. ``"mt-sics"``).

    .. versionadded:: 1.0
    """


@hookspec
def station_register_printer_transports(register: Callable[[PrinterTransport], None]) -> None:
    """Register printer transports.

    :param register: call ``register(transport)`` once per
        :class:`~station.api.adapters.PrinterTransport` instance (e.g. ``"tcp9100"``, ``"file"``).

    .. versionadded:: 1.0
    """


@hookspec
def station_register_sandboxes(register: Callable[[Sandbox], None]) -> None:
    """Register local sandboxes: stand-ins for a vendor's API that ``station demo`` starts.

    :param register: call ``register(sandbox)`` once per :class:`~station.api.adapters.Sandbox`;
        its ``name`` is the adapter it serves, ``serves`` that adapter's kind.

    The demo starts each one and hands its :class:`~station.api.adapters.SandboxSession`
    settings and (published test) secrets to the adapter, so the core never imports the plugin.

    .. versionadded:: 1.0
    """


# -- notifications -----------------------------------------------------------------------------


@hookspec
def station_order_did_pack(order: PackedOrder) -> None:
    """An order was packed at a bench and the packing was committed.

    :param order: :class:`~station.api.events.PackedOrder` - reference, channel ids, lines,
        weighed parcels, packer and station.

    Return value ignored; exceptions are logged and swallowed.

    .. versionadded:: 1.0
    """


@hookspec
def station_shipment_did_create(shipment: CreatedShipment) -> None:
    """A shipment's label was bought (or its pickup code issued) and recorded.

    :param shipment: :class:`~station.api.events.CreatedShipment` - carrier, service, tracking
        number, price and the order it belongs to.

    Return value ignored; exceptions are logged and swallowed.

    .. versionadded:: 1.0
    """


@hookspec
def station_stock_did_change(changes: tuple[StockChange, ...]) -> None:
    """Stock moved and the transaction committed.

    :param changes: one :class:`~station.api.events.StockChange` per SKU and location touched
        by the transaction, in the order the moves were made.

    Return value ignored; exceptions are logged and swallowed.

    .. versionadded:: 1.0
    """


#: Hook names by family, for the host and the docs test.
REGISTER_HOOKS: tuple[str, ...] = (
    "station_register_payment_gateways",
    "station_register_carriers",
    "station_register_marketplaces",
    "station_register_scale_protocols",
    "station_register_printer_transports",
    "station_register_sandboxes",
)
NOTIFICATION_HOOKS: tuple[str, ...] = (
    "station_order_did_pack",
    "station_shipment_did_create",
    "station_stock_did_change",
)
