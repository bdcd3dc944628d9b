"""Catalogue look-ups: providers (request builders and response mappers), one transport
(rate limits, retries, circuit breaker), a per-ISBN SQLite cache, and the service that
asks them in order for a whole run's ISBNs at once."""
