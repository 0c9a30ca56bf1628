"""Label printers: ZPL/EPL label builders, status parsing, the printer device, a spooler and a
simulator. No Qt and no database here; transports come from the plugin host.

Typical use (the packing service)::

    device = PrinterDevice.open(settings.devices.printer_url, transports=host.printer_transports())
    spooler = PrintSpooler(device)
    ticket = spooler.submit(PrintJob(data=render_zpl_label(label_data), content_type=CONTENT_TYPE_ZPL))
"""

from station.hardware.printing.device import PrinterDevice, PrinterError, PrinterNotReady, transport_for_url
from station.hardware.printing.epl import render_epl_label
from station.hardware.printing.layout import ShippingLabelData, format_weight_kg
from station.hardware.printing.spooler import PrintSpooler, PrintTicket, TicketEvent, TicketState
from station.hardware.printing.status import PrinterStatus, parse_host_status
from station.hardware.printing.zpl import render_test_label, render_zpl_label

__all__ = [
    "PrintSpooler",
    "PrintTicket",
    "PrinterDevice",
    "PrinterError",
    "PrinterNotReady",
    "PrinterStatus",
    "ShippingLabelData",
    "TicketEvent",
    "TicketState",
    "format_weight_kg",
    "parse_host_status",
    "render_epl_label",
    "render_test_label",
    "render_zpl_label",
    "transport_for_url",
]
