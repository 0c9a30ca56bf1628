"""The headless `station worker` process: queues and schedules (reservation expiry, sync, imports)."""
