package nl.werkmatch.examples.http;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import nl.werkmatch.examples.RecordStore;

/**
 * The service's metrics in Prometheus' text format (Micrometer's Prometheus registry): a timer with a latency
 * histogram per method, route template and status; the number of profiles and vacancies; the size of the data
 * directory; the time of the last commit; and the JVM's memory and threads.
 */
final class ServiceMetrics implements Router.RequestObserver {
    /** Methods counted by name; any other is "OTHER", so that clients cannot grow the registry without bound. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    ServiceMetrics(RecordStore matcher, Housekeeping house) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        Gauge.builder("werkmatch.profiles", matcher, RecordStore::profileCount)
                .description("Profiles visible to matching").register(registry);
        Gauge.builder("werkmatch.vacancies", matcher, RecordStore::vacancyCount)
                .description("Vacancies visible to matching").register(registry);
        Gauge.builder("werkmatch.index.size", house, Housekeeping::directoryBytes).baseUnit("bytes")
                .description("Bytes of the data directory (-1: in memory)").register(registry);
        Gauge.builder("werkmatch.last.commit", house, h -> h.lastCommitMillis() / 1000.0).baseUnit("seconds")
                .description("When the service last committed, in seconds since the epoch (0: not yet)").register(registry);
    }

    @Override
    public void answered(String method, String template, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", METHODS.contains(method) ? method : "OTHER") // a client can send any method name
                .tag("route", template == null ? "none" : template) // never the raw path: bounded and without ids
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** The text a Prometheus server scrapes. */
    String scrape() {
        return registry.scrape();
    }
}
