"""Work the window hands to the task runner: plain functions, no Qt, plain data in and out.

Each job opens its own unit of work on the thread it runs on, so ORM objects never cross threads.
"""
