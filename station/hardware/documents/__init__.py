"""Printable documents as PDF (reportlab; barcodes from python-barcode): the shipping label for
office printers and previews, and the packing slip that goes in the box."""

from station.hardware.documents.packing_slip import PackingSlipData, PackingSlipLine, render_packing_slip
from station.hardware.documents.pdf_label import render_pdf_label

__all__ = ["PackingSlipData", "PackingSlipLine", "render_packing_slip", "render_pdf_label"]
