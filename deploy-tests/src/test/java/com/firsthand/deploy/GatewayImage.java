package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway image of docker compose and Kubernetes: docker/Dockerfile's gateway stage. */
final class GatewayImage {

    static final String NAME = "firsthand/gateway";
    static final String DOCKERFILE = "docker/Dockerfile";
    static final String TARGET = "gateway";
    private static final Pattern ROOT = Pattern.compile("(?m)^\\s*root\\s+(\\S+);");

    private GatewayImage() {
    }

    /** The stage's lines, from its FROM to the next stage. */
    static String stage() {
        String dockerfile = Project.read(DOCKERFILE);
        Matcher from = Pattern.compile("(?m)^FROM \\S+ AS " + TARGET + "$").matcher(dockerfile);
        assertThat(from.find()).as("%s has a stage named %s", DOCKERFILE, TARGET).isTrue();
        int next = dockerfile.indexOf("\nFROM ", from.end());
        return dockerfile.substring(from.start(), next < 0 ? dockerfile.length() : next);
    }

    /** Where nginx.conf serves the API description from: one root for every location that has one. */
    static String siteRoot() {
        Set<String> roots = new TreeSet<>();
        Matcher root = ROOT.matcher(Project.read("docker/gateway/nginx.conf"));
        while (root.find()) {
            roots.add(root.group(1));
        }
        assertThat(roots).as("the roots in nginx.conf").hasSize(1);
        return roots.iterator().next();
    }
}
