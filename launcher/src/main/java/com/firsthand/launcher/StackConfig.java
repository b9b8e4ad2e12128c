package com.firsthand.launcher;

import com.firsthand.infra.LocalInfrastructure.PortPlan;
import java.nio.file.Path;
import java.util.List;

/** Everything the running stack needs to know: directories, ports and the shared secrets. */
public record StackConfig(
        Path projectDir,
        Path dataDir,
        String gatewayHost,
        int gatewayPort,
        PortPlan infraPorts,
        List<ServiceSpec> services,
        String adminToken,
        String cursorSecret,
        int unauthenticatedRate) {

    /** Fixed so that a restarted stack (and its saved state) is reachable at the same addresses. */
    public static final PortPlan INFRA_PORTS = new PortPlan(15432, 19092, 19093, 19000);

    /** Locks and creates the data directory (after a reset when asked) and reads or generates the secrets. */
    public static StackConfig prepare(LauncherOptions options, Path projectDir) {
        DataDir dataDir = new DataDir(options.dataDir());
        dataDir.lock();
        if (options.reset()) {
            System.out.println("Deleting " + options.dataDir() + " (--reset)...");
            dataDir.deleteContents();
        }
        dataDir.create();
        return new StackConfig(projectDir, options.dataDir(), options.host(), options.port(), INFRA_PORTS,
                ServiceSpec.ALL, dataDir.secret("admin-token"), dataDir.secret("cursor-secret"),
                options.unauthenticatedRate());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path log(String processName) {
        return logDir().resolve(processName + ".log");
    }

    public Path demoCredentialsFile() {
        return dataDir.resolve("demo-credentials.properties");
    }

    /** The URL users call; "localhost" reads better than 127.0.0.1 and resolves to it. */
    public String gatewayUrl() {
        String host = gatewayHost.equals("127.0.0.1") || gatewayHost.equals("0.0.0.0") ? "localhost" : gatewayHost;
        return "http://" + host + ":" + gatewayPort;
    }

    /** Where the launcher itself calls the gateway. */
    public String gatewayLocalUrl() {
        String host = gatewayHost.equals("0.0.0.0") ? "127.0.0.1" : gatewayHost;
        return "http://" + host + ":" + gatewayPort;
    }
}
