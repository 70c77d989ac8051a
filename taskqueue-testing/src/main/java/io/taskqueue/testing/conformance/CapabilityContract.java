package io.taskqueue.testing.conformance;

import io.taskqueue.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a contract interface as the tests of one {@link Capability}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CapabilityContract {
    /** The capability the annotated contract tests. */
    Capability value();
}
