package com.firsthand.infra;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: runs the real main class and halts this JVM as soon as the parent process
 * is gone, so a killed test run or launcher never leaves a broker or an object store behind.
 * Uses only JDK classes: it is put on the child's classpath next to the child's own jars.
 *
 * <p>Arguments: parent pid, main class, then the main class's own arguments.
 */
public final class ChildWatchdog {

    private ChildWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> watch(parentPid), "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private static void watch(long parentPid) {
        while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
