/**
 * How Leadbridge lives with its database when it misbehaves: a deadlock or serialization failure
 * is retried inside the server ({@link io.leadbridge.database.RetriedOnDeadlock}), an unreachable
 * database is answered 503 instead of a hang or a 500, and every health indicator answers within
 * its time bound. See docs/operations.md, "Failure modes".
 */
package io.leadbridge.database;
