package com.firsthand.launcher;

import com.firsthand.infra.LocalInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration handed to a service as system properties, which override its application.properties. */
final class ServiceProperties {

    private ServiceProperties() {
    }

    /** Also creates the service's own database when it does not exist yet. */
    static Map<String, String> of(ServiceSpec spec, StackConfig config, LocalInfrastructure infra) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(spec.port()));
        // Only the gateway is meant to be called; it sets X-Forwarded-*, which the services may then trust.
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        properties.put("quarkus.http.proxy.allow-x-forwarded", "true");
        properties.putAll(infra.serviceConfig(spec.database()));
        properties.put("firsthand.admin.token", config.adminToken());
        properties.put("firsthand.cursor.secret", config.cursorSecret());
        properties.putAll(spec.ownProperties());
        return properties;
    }
}
