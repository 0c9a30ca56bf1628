"""Bench devices: scales, label printers, scanners — protocols, drivers, transports and simulators."""
