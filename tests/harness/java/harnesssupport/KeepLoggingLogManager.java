package harnesssupport;

import java.util.logging.LogManager;

/**
 * java.util.logging resets (closes) its handlers from a JVM shutdown hook that runs
 * beside Hazelcast's own hook, so a member's graceful shutdown often leaves no trace
 * in its log. This manager ignores resets once the JVM is shutting down; the handlers
 * write to stderr, which stays open until the process exits.
 */
public class KeepLoggingLogManager extends LogManager {

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
