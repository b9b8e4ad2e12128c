package com.firsthand.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics of events/src/main/java/com/firsthand/events/Topics.java: its constants, ALL and COMPACTED. */
record TopicsSource(List<String> all, Set<String> compacted) {

    private static final Pattern CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ALL = Pattern.compile("List<String>\\s+ALL\\s*=\\s*List\\.of\\(([^)]*)\\)");
    private static final Pattern COMPACTED = Pattern.compile("Set<String>\\s+COMPACTED\\s*=\\s*Set\\.of\\(([^)]*)\\)");

    static TopicsSource read() {
        String source = Project.read("events/src/main/java/com/firsthand/events/Topics.java");
        Map<String, String> constants = constants();
        List<String> all = resolve(ALL, source, constants);
        List<String> compacted = resolve(COMPACTED, source, constants);
        if (!all.containsAll(compacted)) {
            throw new AssertionError("Topics.COMPACTED names a topic missing from Topics.ALL");
        }
        return new TopicsSource(all, new TreeSet<>(compacted));
    }

    /** Topics' constants by name: CREDENTIAL_CHANGED is "credential.changed". */
    static Map<String, String> constants() {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(Project.read("events/src/main/java/com/firsthand/events/Topics.java"));
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    private static List<String> resolve(Pattern list, String source, Map<String, String> constants) {
        Matcher matcher = list.matcher(source);
        if (!matcher.find()) {
            throw new AssertionError("Topics.java: cannot find " + list.pattern());
        }
        List<String> topics = new ArrayList<>();
        for (String item : matcher.group(1).split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            String topic = name.startsWith("\"") ? name.substring(1, name.length() - 1) : constants.get(name);
            if (topic == null) {
                throw new AssertionError("Topics.java: " + name + " is not a String constant");
            }
            topics.add(topic);
        }
        return topics;
    }
}
