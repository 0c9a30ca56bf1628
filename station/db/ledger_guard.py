"""The stock ledger and the audit trail are append-only: the ORM refuses to change or delete a row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from station.db.models import AuditEntry, StockMove


class AppendOnlyError(RuntimeError):
    pass


def _refuse(action: str):
    def listener(_mapper: Any, _connection: Any, target: Any) -> None:
        raise AppendOnlyError(
            f"{type(target).__name__} #{target.id} cannot be {action}: the ledger is append-only; "
            "record a correcting entry instead"
        )

    return listener


for _model in (StockMove, AuditEntry):
    event.listen(_model, "before_update", _refuse("changed"))
    event.listen(_model, "before_delete", _refuse("deleted"))
