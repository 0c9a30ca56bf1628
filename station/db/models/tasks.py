"""Work for the floor that is not an order: moves to make (slotting, replenishment), short picks to
sort out, and the slotting suggestions a lead accepts or rejects."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from station.db.base import Base, BigId, CreatedAtMixin, IdMixin, enum_column


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class MoveTask(IdMixin, CreatedAtMixin, Base):
    """Units to move from one bin to another (a slotting change, a replenishment); done by scanning."""

    __tablename__ = "move_tasks"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"), index=True)
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    lot_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("lots.id"))
    from_location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    to_location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    quantity: Mapped[int]
    reason: Mapped[str] = mapped_column(String(32))  # "slotting", "replenishment" …
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus, "task_status"), default=TaskStatus.OPEN, index=True
    )
    created_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    done_at: Mapped[datetime | None]
    done_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))


class PickException(IdMixin, CreatedAtMixin, Base):
    """A short pick: the bin had fewer units than the pick list said. It asks for a recount of the bin
    and for the rest to be allocated from another bin."""

    __tablename__ = "pick_exceptions"

    picklist_line_id: Mapped[int] = mapped_column(BigId, ForeignKey("picklist_lines.id"), index=True)
    location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    missing: Mapped[int]
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus, "task_status"), default=TaskStatus.OPEN, index=True
    )
    reported_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    recount_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("cycle_counts.id"))
    reallocated_location_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("locations.id"))
    note: Mapped[str] = mapped_column(String(500), default="")


class SuggestionStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class SlottingSuggestion(IdMixin, CreatedAtMixin, Base):
    """Move a fast mover closer to dispatch (or a slow one away), with the walk it saves."""

    __tablename__ = "slotting_suggestions"

    warehouse_id: Mapped[int] = mapped_column(BigId, ForeignKey("warehouses.id"), index=True)
    variant_id: Mapped[int] = mapped_column(BigId, ForeignKey("variants.id"))
    from_location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    to_location_id: Mapped[int] = mapped_column(BigId, ForeignKey("locations.id"))
    abc_class: Mapped[str] = mapped_column(String(1))
    picks_per_day: Mapped[float]
    saved_cm_per_day: Mapped[int]  # estimated from the actual pick history
    status: Mapped[SuggestionStatus] = mapped_column(
        enum_column(SuggestionStatus, "suggestion_status"), default=SuggestionStatus.PROPOSED, index=True
    )
    decided_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"))
    move_task_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("move_tasks.id"))
