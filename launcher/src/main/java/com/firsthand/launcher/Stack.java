package com.firsthand.launcher;

import com.firsthand.infra.LocalInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Starts infrastructure, services and gateway in that order and stops them in the reverse order. Safe to close
 * from another thread at any time, also halfway through {@link #start()}.
 */
final class Stack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackConfig config;
    private LocalInfrastructure infrastructure;
    private InfrastructureSupervisor supervisor;
    private final List<ServiceProcess> services = new ArrayList<>();
    private Gateway gateway;
    private boolean closed;
    private final Object stopping = new Object();

    Stack(StackConfig config) {
        this.config = config;
    }

    void start() throws InterruptedException {
        System.out.println("Starting PostgreSQL, Kafka and S3...");
        LocalInfrastructure infra = LocalInfrastructure.start(config.dataDir(), config.infraPorts(), true);
        keep(infra, () -> infrastructure = infra);
        InfrastructureSupervisor watching = InfrastructureSupervisor.watch(infra);
        keep(watching, () -> supervisor = watching);
        System.out.println("Starting " + config.services().size() + " services...");
        for (ServiceSpec spec : config.services()) {
            Map<String, String> properties = ServiceProperties.of(spec, config, infra);
            ServiceProcess service = ServiceProcess.start(spec, spec.runnerJar(config.projectDir()), properties,
                    config.log(spec.name()));
            keep(service, () -> services.add(service));
        }
        ServiceProcess.awaitReady(List.copyOf(services), READY_TIMEOUT);
        Gateway started = Gateway.start(config.gatewayHost(), config.gatewayPort(), GatewayRoutes.of(
                ServiceSpec.JOBS.backend(), ServiceSpec.SUBMISSIONS.backend(), ServiceSpec.SCORING.backend(),
                ServiceSpec.WEBHOOKS.backend()), UnauthenticatedRateLimit.of(config.unauthenticatedRate()));
        keep(started, () -> gateway = started);
    }

    /** Records a started part, or stops it at once when the stack is already closing. */
    private synchronized void keep(AutoCloseable part, Runnable record) {
        if (closed) {
            quietly("a part started while stopping", part::close);
            throw new CancellationException("stopping");
        }
        record.run();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Stops everything started so far; a second caller waits until the first one has finished. */
    @Override
    public void close() {
        synchronized (stopping) {
            Gateway gatewayToStop;
            List<ServiceProcess> servicesToStop;
            LocalInfrastructure infraToStop;
            InfrastructureSupervisor supervisorToStop;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                gatewayToStop = gateway;
                servicesToStop = List.copyOf(services);
                infraToStop = infrastructure;
                supervisorToStop = supervisor;
            }
            if (supervisorToStop != null) {
                quietly("the infrastructure supervisor", supervisorToStop::close);
            }
            stop(gatewayToStop, servicesToStop, infraToStop);
        }
    }

    private static void stop(Gateway gatewayToStop, List<ServiceProcess> servicesToStop,
            LocalInfrastructure infraToStop) {
        if (gatewayToStop != null) {
            System.out.println("Stopping the gateway...");
            quietly("the gateway", gatewayToStop::close);
        }
        if (!servicesToStop.isEmpty()) {
            System.out.println("Stopping the services...");
            stopInParallel(servicesToStop);
        }
        if (infraToStop != null) {
            System.out.println("Stopping S3, Kafka and PostgreSQL...");
            quietly("S3", infraToStop.s3()::close);
            quietly("Kafka", infraToStop.kafka()::close);
            quietly("PostgreSQL", infraToStop.postgres()::close);
        }
        System.out.println("Stopped.");
    }

    private static void stopInParallel(List<ServiceProcess> services) {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread stopper = new Thread(() -> quietly(service.spec().name(), service::close),
                    "stop-" + service.spec().name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("Could not stop " + what + " cleanly: " + e);
        }
    }
}
