/**
 * The database as the application depends on it: a circuit breaker in front of the connection pool,
 * so that an unreachable database answers every request with 503 and {@code Retry-After} within a
 * second instead of blocking it for the pool's timeout, and the application recovers by itself when
 * the database is back. See docs/operations.md, "Database outage".
 */
package org.invisiblebars.platform.database;
