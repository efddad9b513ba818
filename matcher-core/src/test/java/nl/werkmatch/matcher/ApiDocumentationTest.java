package nl.werkmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs javadoc's checker (doclint) over the packages module-info exports: every public and protected type, method,
 * constructor, field and enum constant has a comment, and no comment is broken (bad HTML, a reference to nothing, a
 * misplaced tag). Left out: tag completeness ("no @param", "no @return", "no @throws"), since most methods say what
 * they take and give in their first sentence. Runs the compiler of the JVM the tests run on, like the build.
 */
class ApiDocumentationTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void theExportedApiIsDocumentedAndItsCommentsAreWellFormed(@TempDir Path out) throws IOException {
        List<String> exported = exportedPackages();
        assertThat(exported).contains("nl.werkmatch.matcher", "nl.werkmatch.matcher.model");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
        }
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", out.toString(), "-proc:none", "--release", "21",
                    "-cp", System.getProperty("java.class.path"), "-Xmaxwarns", "100000",
                    "-Xdoclint:all/protected", "-Xdoclint/package:" + String.join(",", exported));
            javac.getTask(new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            if (d.getSource() == null || d.getCode() == null || !d.getCode().startsWith("compiler.")) {
                continue;
            }
            // with annotation processing off, doclint is the only one that reports through the messager
            boolean doclint = d.getCode().endsWith(".proc.messager");
            boolean tagOnly = message.startsWith("no @param") || message.startsWith("no @return")
                    || message.startsWith("no @throws");
            if ((doclint && !tagOnly) || d.getKind() == Diagnostic.Kind.ERROR) {
                problems.add(SOURCES.toAbsolutePath().relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ": " + message);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** The packages {@code module-info.java} exports (unqualified). */
    private static List<String> exportedPackages() throws IOException {
        String text = Files.readString(SOURCES.resolve("module-info.java"));
        List<String> out = new ArrayList<>();
        for (String line : text.lines().map(String::strip).collect(Collectors.toList())) {
            if (line.startsWith("exports ") && line.endsWith(";") && !line.contains(" to ")) {
                out.add(line.substring("exports ".length(), line.length() - 1).strip());
            }
        }
        return out;
    }
}
