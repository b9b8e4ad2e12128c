package com.firsthand.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names a {@code @ConfigMapping} interface declares, read from its source: the prefix, then each
 * abstract method in kebab case (or its {@code @WithName}), recursing into the nested interfaces it returns.
 * Default and static methods are not properties.
 */
final class ConfigMappingSource {

    private static final Pattern MAPPING = Pattern.compile(
            "@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)[^{]*?interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern NESTED = Pattern.compile("(?:public\\s+|static\\s+)*interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern BLOCK_MEMBER = Pattern.compile("\\b(?:default|static)\\b[^;{]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*)"
                    + "([\\w.]+(?:\\s*<[^;(){}]*>)?(?:\\[\\])?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern OPTIONAL = Pattern.compile("(?:java\\.util\\.)?Optional\\s*<\\s*([\\w.]+)\\s*>");

    private ConfigMappingSource() {
    }

    /** Every property name of every @ConfigMapping interface in the source; empty when it declares none. */
    static Set<String> propertyNames(String javaSource) {
        String source = stripComments(javaSource);
        Set<String> names = new TreeSet<>();
        Matcher mapping = MAPPING.matcher(source);
        while (mapping.find()) {
            int open = mapping.end() - 1;
            String body = source.substring(open + 1, closingBrace(source, open));
            collect(mapping.group(1), body, names);
        }
        return names;
    }

    private static void collect(String prefix, String body, Set<String> names) {
        Map<String, String> nested = new LinkedHashMap<>();
        String members = removeBlocks(body, NESTED, nested);
        members = removeBlocks(members, BLOCK_MEMBER, new LinkedHashMap<>());
        Matcher method = METHOD.matcher(members);
        while (method.find()) {
            Matcher withName = WITH_NAME.matcher(method.group(1));
            String name = withName.find() ? withName.group(1) : kebab(method.group(3));
            String type = method.group(2).replaceAll("\\s+", "");
            Matcher optional = OPTIONAL.matcher(type);
            if (optional.matches()) {
                type = optional.group(1);
            }
            String simpleType = type.substring(type.lastIndexOf('.') + 1);
            if (nested.containsKey(simpleType)) {
                collect(prefix + "." + name, nested.get(simpleType), names);
            } else {
                names.add(prefix + "." + name);
            }
        }
    }

    /** The text without the blocks the pattern opens; the bodies of named ones (group 1) go to {@code bodies}. */
    private static String removeBlocks(String text, Pattern opening, Map<String, String> bodies) {
        StringBuilder rest = new StringBuilder();
        int from = 0;
        Matcher matcher = opening.matcher(text);
        while (matcher.find(from)) {
            int open = matcher.end() - 1;
            int close = closingBrace(text, open);
            if (matcher.groupCount() >= 1 && matcher.group(1) != null) {
                bodies.put(matcher.group(1), text.substring(open + 1, close));
            }
            rest.append(text, from, matcher.start()).append(' ');
            from = close + 1;
        }
        return rest.append(text.substring(from)).toString();
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after offset " + open);
    }

    static String kebab(String camel) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c) && !word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            word.append(Character.toLowerCase(c));
        }
        words.add(word.toString());
        return String.join("-", words);
    }

    /**
     * The source without comments, and with the characters that would confuse the patterns above (braces,
     * parentheses, semicolons) masked inside string and char literals, e.g. in {@code @WithDefault("{}")}.
     */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(c).append(mask(source.substring(i + 1, Math.min(end, source.length())))).append(c);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String mask(String literal) {
        return literal.replaceAll("[{}();]", "_");
    }
}
