package com.firsthand.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing of docker/gateway/nginx.conf, read from the file: the {@code map $request_uri $firsthand_backend}
 * block (regular expressions tried in order, first match wins, as nginx does for a map) and the upstream blocks
 * naming each backend's server.
 */
final class NginxRoutes {

    /** An upstream's single server, host and port. */
    record Server(String host, int port) {
    }

    private record Entry(Pattern regex, String upstream) {
    }

    private record BodyLimit(Pattern location, long bytes) {
    }

    private static final Pattern MAP = Pattern.compile(
            "map\\s+\\$request_uri\\s+\\$firsthand_backend\\s*\\{(.*?)\\n\\s*}", Pattern.DOTALL);
    private static final Pattern MAP_ENTRY = Pattern.compile("(?m)^\\s*\"~([^\"]+)\"\\s+(\"\"|\\w+)\\s*;");
    private static final Pattern DEFAULT = Pattern.compile("(?m)^\\s*default\\s+\"\"\\s*;");
    private static final Pattern UPSTREAM = Pattern.compile(
            "upstream\\s+(\\w+)\\s*\\{[^}]*?server\\s+([\\w.-]+):(\\d+)[^}]*}");
    private static final Pattern SERVER_BODY_LIMIT = Pattern.compile(
            "listen 8080;.*?\\n {8}client_max_body_size\\s+(\\d+)([km]?)\\s*;", Pattern.DOTALL);
    private static final Pattern LOCATION_BODY_LIMIT = Pattern.compile(
            "location\\s+~\\s+(\\S+)\\s*\\{[^}]*?client_max_body_size\\s+(\\d+)([km]?)\\s*;");

    private final List<Entry> entries;
    private final Map<String, Server> upstreams;
    private final long defaultBodyLimit;
    private final List<BodyLimit> bodyLimits;

    private NginxRoutes(List<Entry> entries, Map<String, Server> upstreams, long defaultBodyLimit,
            List<BodyLimit> bodyLimits) {
        this.entries = entries;
        this.upstreams = upstreams;
        this.defaultBodyLimit = defaultBodyLimit;
        this.bodyLimits = bodyLimits;
    }

    static NginxRoutes parse(String conf) {
        Matcher map = MAP.matcher(conf);
        if (!map.find()) {
            throw new AssertionError("nginx.conf has no map $request_uri $firsthand_backend block");
        }
        if (!DEFAULT.matcher(map.group(1)).find()) {
            throw new AssertionError("the routing map must default to \"\" (the JSON 404)");
        }
        List<Entry> entries = new ArrayList<>();
        Matcher entry = MAP_ENTRY.matcher(map.group(1));
        while (entry.find()) {
            String upstream = entry.group(2).equals("\"\"") ? "" : entry.group(2);
            entries.add(new Entry(Pattern.compile(entry.group(1)), upstream));
        }
        Map<String, Server> upstreams = new LinkedHashMap<>();
        Matcher upstream = UPSTREAM.matcher(conf);
        while (upstream.find()) {
            upstreams.put(upstream.group(1), new Server(upstream.group(2), Integer.parseInt(upstream.group(3))));
        }
        Matcher serverLimit = SERVER_BODY_LIMIT.matcher(conf);
        if (!serverLimit.find()) {
            throw new AssertionError("the API server block sets no client_max_body_size");
        }
        List<BodyLimit> bodyLimits = new ArrayList<>();
        Matcher locationLimit = LOCATION_BODY_LIMIT.matcher(conf);
        while (locationLimit.find()) {
            bodyLimits.add(new BodyLimit(Pattern.compile(locationLimit.group(1)),
                    bytes(locationLimit.group(2), locationLimit.group(3))));
        }
        return new NginxRoutes(entries, upstreams, bytes(serverLimit.group(1), serverLimit.group(2)), bodyLimits);
    }

    /**
     * The largest body nginx lets through on a path: the first regular-expression location matching it (the only
     * prefix location is "/", which never takes precedence over them), else the server's limit.
     */
    long maxBodyBytes(String path) {
        return bodyLimits.stream().filter(limit -> limit.location().matcher(path).find()).findFirst()
                .map(BodyLimit::bytes).orElse(defaultBodyLimit);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "k" -> value * 1024;
            case "m" -> value * 1024 * 1024;
            default -> value;
        };
    }

    Map<String, Server> upstreams() {
        return upstreams;
    }

    /** The server a raw request URI (path and query) goes to, empty for the gateway's own 404. */
    Optional<Server> route(String requestUri) {
        for (Entry entry : entries) {
            if (entry.regex().matcher(requestUri).find()) {
                if (entry.upstream().isEmpty()) {
                    return Optional.empty();
                }
                Server server = upstreams.get(entry.upstream());
                if (server == null) {
                    throw new AssertionError("map names upstream " + entry.upstream() + ", which is not defined");
                }
                return Optional.of(server);
            }
        }
        return Optional.empty();
    }
}
