package org.sealmail.app.ui.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service-port method that does no I/O and may be called on the JavaFX application
 * thread (for example registering a listener). {@link FxThreadCheck#guard} lets such calls through.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyThread {
}
