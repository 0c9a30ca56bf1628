"""Demo Courier: a carrier plugin for Just Logistics Station that talks to its own local sandbox.

``plugin`` holds the adapter and the hook, ``client`` the HTTP calls and error mapping,
``sandbox`` the local server speaking the Demo Courier API.
"""

__version__ = "0.1.0"
