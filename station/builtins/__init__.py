"""Plugins that ship with the station. They use the same hooks as third-party plugins and are
listed in ``station.pluginhost.BUILTIN_PLUGINS``; operators can disable each by its module name
(``STATION_DISABLE_PLUGINS=pickup``)."""
