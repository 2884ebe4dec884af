package io.leadbridge.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transactional entry point (on a method, or on every public method of a class) that is run
 * again from the start when its transaction loses a deadlock or a serialization conflict, as
 * {@link ConflictRetry} says. Only where the call starts the transaction: inside a transaction
 * that is already open, the outermost entry point retries the whole of it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnDeadlock {
}
