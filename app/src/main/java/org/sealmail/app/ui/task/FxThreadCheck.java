package org.sealmail.app.ui.task;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import javafx.application.Platform;

/**
 * Enforces the rule "no network, crypto or database work on the JavaFX application thread". The
 * application hands the view-models only {@linkplain #guard guarded} service ports, so a call from
 * the UI thread fails at once, in every build and therefore in every UI test, instead of
 * freezing the window.
 */
public final class FxThreadCheck {

    private FxThreadCheck() {
    }

    /**
     * @param operation what was about to run, for the message (e.g. {@code "MailboxService.page"})
     * @throws IllegalStateException when called on the JavaFX application thread
     */
    public static void requireBackgroundThread(String operation) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException(operation
                    + " does I/O or crypto and must not run on the JavaFX application thread");
        }
    }

    /**
     * Wraps a service port: every method not annotated {@link AnyThread} first calls
     * {@link #requireBackgroundThread}. Exceptions of the implementation pass through unchanged.
     *
     * @param port the port interface
     * @param implementation the implementation to guard
     * @param <T> the port type
     * @return the guarded port
     */
    public static <T> T guard(Class<T> port, T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port.getName() + " is not an interface");
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "guarded " + implementation;
                };
            }
            if (!method.isAnnotationPresent(AnyThread.class)) {
                requireBackgroundThread(port.getSimpleName() + "." + method.getName());
            }
            try {
                return method.invoke(implementation, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
