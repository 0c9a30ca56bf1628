"""The station window: the only package that imports Qt (PySide6).

- `views/` build layout only; `controllers/` wire signals between views, item models and the
  task runner; `models/` are Qt item models over plain rows.
- `jobs/` are plain functions that run on the task runner's lanes (no Qt): they open a unit of
  work, read or change the database and return plain data, never ORM objects.
- `tasks.py` is the task runner (a serial database lane, a parallel network lane); `app.py` starts
  the application.
"""
