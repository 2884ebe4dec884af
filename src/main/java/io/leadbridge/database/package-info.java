/**
 * Living with the database when it misbehaves: deadlock and serialization retries
 * ({@code @RetriedOnDeadlock}), which failures mean an unreachable database, bounded health checks
 * the engine's lean history and its id check, and what a transaction has read once ({@code TransactionMemo}).
 * Depends on no other module.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package io.leadbridge.database;

import org.springframework.modulith.ApplicationModule;
