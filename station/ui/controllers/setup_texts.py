"""The first-run dialog's messages, translated (the service's English stays in logs and the CLI)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from station.services.setup import ConnectionReport, SetupError


class SetupTexts(QObject):
    def field_problem(self, problem: SetupError) -> str:
        messages = {
            "database_url": self.tr(
                "This is not a PostgreSQL address. It looks like postgresql://user:password@server/station."
            ),
            "station_name": self.tr("Give the station a name (at most 100 characters)."),
            "admin_login": self.tr("The login is one word of at most 64 characters."),
            "admin_pin": self.tr("The PIN is 4 to 12 digits."),
        }
        return messages.get(problem.field, str(problem))

    def pins_differ(self) -> str:
        return self.tr("The two PINs are not the same. Type the PIN again.")

    def url_missing(self) -> str:
        return self.tr("Type the PostgreSQL server's address, or choose This computer.")

    def testing(self, shown_url: str) -> str:
        return self.tr("Connecting to %1…").replace("%1", shown_url)

    def connection(self, report: ConnectionReport) -> str:
        if report.problem is not None:
            return (
                self.tr("Cannot connect to %1.\nThe server said: %2")
                .replace("%1", report.shown_url)
                .replace("%2", report.problem)
            )
        text = self.tr("Connected: %1.").replace("%1", report.server)
        if report.pending_migrations:
            text += " " + self.tr("%n migration(s) will run when you finish.", None, report.pending_migrations)
        else:
            text += " " + self.tr("The database is up to date.")
        return text

    def no_ports(self) -> str:
        return self.tr("No serial port found. Type the scale's address, or leave it empty.")

    def ports_found(self, count: int) -> str:
        return self.tr("%n port(s) found.", None, count)

    def plugins_loading(self) -> str:
        return self.tr("Looking for plugins…")

    def plugins_failed(self, detail: str) -> str:
        return self.tr("The plugins could not be listed: %1").replace("%1", detail)

    def migrating(self, done: int, steps: int) -> str:
        return self.tr("Running migration %1 of %2…").replace("%1", str(done + 1)).replace("%2", str(steps))

    def saving(self) -> str:
        return self.tr("Creating the administrator and saving the settings…")

    def done(self, label: str, settings_file: str) -> str:
        return (
            self.tr("This station is ready on %1.").replace("%1", label)
            + "\n"
            + self.tr("Settings saved in %1. Press Finish to sign in.").replace("%1", settings_file)
        )

    def failed(self, detail: str) -> str:
        return self.tr("Setup did not finish; nothing was saved. Go Back to change the values.\n%1").replace(
            "%1", detail
        )

    def admin_exists(self, login: str) -> str:
        return self.tr("The login %1 already exists in this database. Type that administrator's PIN.").replace(
            "%1", login
        )
