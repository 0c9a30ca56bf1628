"""Settings → Plugins: lists what the plugin host loaded (status and error per plugin) next to
the wheels installed into the user plugins directory, and installs or removes wheels there.

File work runs on the runner's network lane (it never touches the database). A change applies
the next time the station starts, so the list marks installed and removed plugins until then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from station.plugin_store import user_plugins_dir
from station.pluginhost import PluginHost, PluginInfo
from station.services.plugin_install import InstalledPlugin, PluginInstallError, install_wheel, installed, remove
from station.services.wheel_files import normalise_name
from station.ui.tasks import Task, TaskRunner
from station.ui.views.plugins_view import PluginsView


@dataclass(frozen=True)
class _Outcome:
    changed: list[str]  # distribution names installed or removed
    error: str | None = None


def _plugins_of(
    host: PluginHost | None, known: list[PluginInfo] | None
) -> tuple[list[PluginInfo], list[InstalledPlugin]]:
    if host is not None:
        return host.plugins(), installed()
    if known is not None:  # what this station loaded at first look; a new host would load new wheels
        return known, installed()
    with PluginHost() as own:
        return own.plugins(), installed()


def _install(path: str) -> _Outcome:
    try:
        added = install_wheel(path)
    except (PluginInstallError, ValueError, OSError) as exc:
        return _Outcome([], str(exc))
    return _Outcome([f"{item.name} {item.version}" for item in added])


def _remove(name: str) -> _Outcome:
    try:
        return _Outcome(remove(name))
    except (PluginInstallError, OSError) as exc:
        return _Outcome([], str(exc))


class PluginsController(QObject):
    sig_listed = Signal()  # the table shows the current state
    sig_changed = Signal(object)  # _Outcome of an install or removal that succeeded

    def __init__(
        self,
        view: PluginsView,
        runner: TaskRunner,
        plugin_host: PluginHost | None = None,
        parent: QObject | None = None,
        *,
        choose_file: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.runner = runner
        self.host = plugin_host
        self._choose_file = choose_file or self._ask_for_wheel
        self.infos: list[PluginInfo] | None = None
        self.from_wheels: list[InstalledPlugin] = []
        self._removed_now: set[str] = set()
        self._listed = False
        self._busy = False
        view.folder.setText(self.tr("Installed into %1").replace("%1", str(user_plugins_dir())))
        view.sig_shown.connect(self._page_shown)
        view.install_button.clicked.connect(self.install)
        view.wheel_path.returnPressed.connect(self.install)
        view.browse_button.clicked.connect(self.browse)
        view.remove_button.clicked.connect(self.remove_selected)
        view.remove_shortcut.activated.connect(self.remove_selected)
        view.table.itemSelectionChanged.connect(self._selection_changed)

    def set_plugin_host(self, host: PluginHost) -> None:
        self.host = host
        if self._listed:
            self.refresh()

    def _page_shown(self) -> None:
        if not self._listed:
            self.refresh()
        self.view.wheel_path.setFocus()

    def refresh(self) -> Task:
        self._listed = True
        task = self.runner.submit(_plugins_of, self.host, self.infos, lane="net")
        task.sig_finished.connect(self._show)
        task.sig_failed.connect(lambda message: self.view.show_message(message, ok=False))
        return task

    def _show(self, found: tuple[list[PluginInfo], list[InstalledPlugin]]) -> None:
        self.infos, self.from_wheels = found
        rows = []
        for info in self.infos:
            key = normalise_name(info.name)
            if key in self._removed_now:
                status, text = "removed", self.tr("Removed; restart to unload")
            else:
                status, text = info.status, self._status_text(info.status)
            version = self.tr("built-in") if info.version == "builtin" else info.version
            rows.append((info.name, version, ", ".join(info.kinds), status, text, info.error or ""))
        loaded = {normalise_name(info.name) for info in self.infos}
        for item in self.from_wheels:
            for plugin in item.plugins:
                if normalise_name(plugin) not in loaded:
                    rows.append((plugin, item.version, "", "installed", self.tr("Installed; restart to load"), ""))
        self.view.show_rows(rows)
        self._selection_changed()
        self.sig_listed.emit()

    def _status_text(self, status: str) -> str:
        return {"enabled": self.tr("Loaded"), "failed": self.tr("Failed"), "disabled": self.tr("Disabled")}.get(
            status, status
        )

    def _removable(self, name: str | None) -> bool:
        if name is None or normalise_name(name) in self._removed_now:
            return False
        return any(normalise_name(name) in map(normalise_name, item.plugins) for item in self.from_wheels)

    def _selection_changed(self) -> None:
        self.view.remove_button.setEnabled(not self._busy and self._removable(self.view.selected_name()))

    # -- install and remove ------------------------------------------------------------------------

    def _ask_for_wheel(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self.view, self.tr("Choose a plugin wheel"), "", self.tr("Python wheels (*.whl)")
        )
        return path

    def browse(self) -> None:
        path = self._choose_file()
        if path:
            self.view.wheel_path.setText(path)
            self.view.install_button.setFocus()

    def install(self) -> Task | None:
        text = self.view.wheel_path.text().strip()
        if not text:
            self.view.show_message(self.tr("Choose a plugin wheel (.whl) first."), ok=False)
            self.view.wheel_path.setFocus()
            return None
        if not Path(text).is_file():
            self.view.show_message(self.tr("No file at %1.").replace("%1", text), ok=False)
            self.view.wheel_path.setFocus()
            return None
        return self._run(_install, text, self._installed)

    def remove_selected(self) -> Task | None:
        name = self.view.selected_name()
        if not self._removable(name):
            self.view.show_message(
                self.tr("Select a plugin installed from a wheel; built-in plugins cannot be removed here."), ok=False
            )
            return None
        assert name is not None
        return self._run(_remove, name, lambda outcome: self._removed(name, outcome))

    def _run(self, job: Callable[[str], _Outcome], argument: str, done: Callable[[_Outcome], None]) -> Task:
        self._set_busy(True)
        task = self.runner.submit(job, argument, lane="net")
        task.sig_finished.connect(done)
        task.sig_failed.connect(lambda message: self._finish(_Outcome([], message)))
        return task

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.view.install_button, self.view.browse_button):
            button.setEnabled(not busy)
        self._selection_changed()

    def _finish(self, outcome: _Outcome) -> bool:
        self._set_busy(False)
        if outcome.error is not None:
            self.view.show_message(self.tr("Nothing changed: %1").replace("%1", outcome.error), ok=False)
            return False
        return True

    def _installed(self, outcome: _Outcome) -> None:
        if not self._finish(outcome):
            self.view.wheel_path.setFocus()
            return
        self.view.wheel_path.clear()
        self.view.show_message(
            self.tr("Installed %1. Restart the station to load it.").replace("%1", ", ".join(outcome.changed)),
            ok=True,
        )
        self.sig_changed.emit(outcome)
        self.refresh()

    def _removed(self, name: str, outcome: _Outcome) -> None:
        if not self._finish(outcome):
            return
        self._removed_now.add(normalise_name(name))
        self.view.show_message(
            self.tr("Removed %1. Restart the station to unload it.").replace("%1", ", ".join(outcome.changed)),
            ok=True,
        )
        self.sig_changed.emit(outcome)
        self.refresh()
