package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's API example and an engine round trip in a JVM that loads the library from the module path, as
 * a modular application would: only what {@code module-info} exports is reachable there, so a missing
 * {@code exports} (or an {@code opens} a dependency needs) fails this test. The tests run on the class path, where
 * everything is reachable and a mistake in the descriptor would go unseen.
 */
class ModulePathTest {
    /** A class from each jar the library's module needs at run time (its own classes and its dependencies). */
    private static final List<Class<?>> MODULES = List.of(nl.werkmatch.matcher.Matcher.class,
            org.apache.lucene.index.IndexWriter.class, org.apache.lucene.analysis.nl.DutchAnalyzer.class,
            com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
            com.fasterxml.jackson.annotation.JsonCreator.class, com.fasterxml.jackson.dataformat.csv.CsvMapper.class,
            com.google.common.hash.Hashing.class,
            com.google.common.util.concurrent.internal.InternalFutureFailureAccess.class);

    @Test
    void theApiExampleRunsOnTheModulePath() throws Exception {
        String out = run(ApiExample.class);
        assertThat(out).contains("p-1 0.697").contains("skills: 1 of 1 required skills covered");
    }

    @Test
    void anEngineRoundTripRunsOnTheModulePath(@TempDir Path dir) throws Exception {
        String out = run(ModuleRoundTrip.class, dir.toString());
        assertThat(out).contains("module nl.werkmatch.matcher").contains("reopened 2 profiles, 1 vacancy")
                .contains("best p-2").contains("inspect werkmatch-sample 2 1");
    }

    private static String run(Class<?> main, String... args) throws IOException, InterruptedException,
            URISyntaxException {
        Set<String> modulePath = new LinkedHashSet<>();
        for (Class<?> c : MODULES) {
            modulePath.add(location(c));
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "nl.werkmatch.matcher",
                "-cp", location(ApiExample.class) + File.pathSeparator + location(ModulePathTest.class),
                main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
