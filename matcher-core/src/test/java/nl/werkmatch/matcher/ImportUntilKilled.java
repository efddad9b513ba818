package nl.werkmatch.matcher;

import java.nio.file.Path;

import nl.werkmatch.matcher.model.Cefr;
import nl.werkmatch.matcher.model.DutchLevels;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;

/**
 * Child process of {@link DurabilityTest}: imports profiles into a data directory forever, committing every
 * 250 and printing "committed N" after each commit, until it is killed.
 */
public final class ImportUntilKilled {
    private ImportUntilKilled() {
    }

    static Profile profile(int i) {
        return Profile.builder("p-" + i).location(Location.municipality(i % 2 == 0 ? "GM0363" : "GM0344"))
                .skill("s-lassen", Evidence.DECLARED).dutch(DutchLevels.uniform(Cefr.A2)).build();
    }

    public static void main(String[] args) {
        Matcher matcher = Matcher.builder().taxonomy(TinyWorld.taxonomy()).directory(Path.of(args[0])).build();
        if (args.length > 1 && args[1].equals("bulk")) {
            matcher.bulkLoad();   // killed while the load is open: merges held back, commits as always
        }
        for (int i = 0; ; i++) {
            matcher.upsertProfile(profile(i));
            if ((i + 1) % 250 == 0) {
                matcher.commit();
                System.out.println("committed " + (i + 1));
                System.out.flush();
            }
        }
    }
}
