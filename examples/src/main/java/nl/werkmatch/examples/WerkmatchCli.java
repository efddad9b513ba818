package nl.werkmatch.examples;

/** Placeholder entry point replaced by the picocli CLI. */
public final class WerkmatchCli {
    public static void main(String[] args) {
    }
}
