package com.firsthand.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used by each part of the local stack, read from /proc: two snapshots around a run give the
 * CPU-milliseconds each part spends per operation, and so the rate at which the machine's cores run out.
 */
final class CpuAccounting {

    private static final long TICKS_PER_SECOND = 100;
    private static final List<String> SERVICES = List.of("jobs-service", "submissions-service", "scoring-service",
            "webhook-service");

    private CpuAccounting() {
    }

    /** CPU milliseconds used so far per part (services, Kafka, PostgreSQL, S3Proxy, launcher + gateway, load). */
    static Map<String, Long> snapshot() {
        Map<String, Long> millis = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(process -> {
            String part = process.pid() == self ? "load generator" : part(process.pid());
            if (part != null) {
                millis.merge(part, cpuMillis(process.pid()), Long::sum);
            }
        });
        return millis;
    }

    /** A Markdown table: CPU ms per operation for each part, its total, and the rate at which the cores run out. */
    static String perOperation(Map<String, Long> before, Map<String, Long> after, long operations, String unit) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((part, used) -> per.put(part, (used - before.getOrDefault(part, 0L)) / (double) operations));
        double total = per.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder table = new StringBuilder("| part | CPU ms per " + unit + " |\n|---|---|\n");
        per.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e ->
                table.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(), e.getValue())));
        int cores = Runtime.getRuntime().availableProcessors();
        table.append(String.format(Locale.ROOT, "| **all** | **%.1f** (%d cores run out at %.1f %ss) |%n", total,
                cores, cores * 1000 / total, unit));
        return table.toString();
    }

    private static String part(long pid) {
        String command = commandLine(pid);
        for (String service : SERVICES) {
            if (command.contains(service + "/target/quarkus-app")) {
                return service;
            }
        }
        if (command.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (command.contains("s3proxy")) {
            return "S3Proxy";
        }
        if (command.contains("fh-launcher.jar")) {
            return "launcher + gateway";
        }
        if (command.startsWith("postgres") || command.contains("/bin/postgres ")) {
            return "PostgreSQL";
        }
        return null;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime from /proc/PID/stat (fields 14 and 15, after the parenthesised command name). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
