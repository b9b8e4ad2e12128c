package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/deploy.md names every variable, secret and port the manifests use, so that it cannot fall behind. */
class DeployDocsTest {

    @Test
    void docsNameEveryVariableAndSecretOfTheServices() {
        String docs = Project.read("docs/deploy.md");
        Manifests prod = Manifests.render("prod");
        Set<String> missing = new TreeSet<>();
        for (ServiceFacts service : Project.services()) {
            Workloads.environment(prod, service.name()).forEach((name, value) -> {
                if (!docs.contains("`" + name + "`") && !docs.contains(name + "`,") && !docs.contains(", `" + name)) {
                    missing.add(name);
                }
                if (value.startsWith("secret:")) {
                    String secret = value.substring("secret:".length(), value.indexOf('/'));
                    if (!docs.contains(secret)) {
                        missing.add(secret);
                    }
                }
            });
            if (!docs.contains("| " + service.name() + " | " + service.port() + " |")) {
                missing.add(service.name() + " port " + service.port());
            }
        }
        assertThat(missing).isEmpty();
    }
}
