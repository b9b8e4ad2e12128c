package com.firsthand.launcher;

import java.io.PrintStream;

/** What a newcomer needs once everything runs. */
final class Banner {

    private Banner() {
    }

    /** {@code demo} is null when the demo accounts could not be provisioned. */
    static void print(PrintStream out, StackConfig config, DemoAccounts.Credentials demo) {
        String rule = "=".repeat(78);
        out.println();
        out.println(rule);
        out.println("  FirstHand is running.");
        out.println();
        row(out, "Gateway", config.gatewayUrl());
        if (demo != null) {
            row(out, "Demo buyer API key", demo.apiKey() + "  (organization " + demo.organizationId() + ")");
            row(out, "Demo worker token", demo.workerToken() + "  (worker " + demo.workerId() + ")");
        } else {
            row(out, "Demo accounts", "not available (see the error above)");
        }
        row(out, "Admin token", config.adminToken());
        row(out, "Data directory", config.dataDir() + "  (./run.sh --reset starts from scratch)");
        row(out, "Logs", config.logDir().toString());
        out.println();
        out.println("  Send the API key as 'Authorization: Bearer <key>'.");
        out.println("  Press Ctrl-C to stop.");
        out.println(rule);
        out.flush();
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-20s %s%n", label, value);
    }
}
