package nl.werkmatch.matcher.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import nl.werkmatch.matcher.InvalidInputException;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Audit;
import nl.werkmatch.matcher.model.Evidence;
import nl.werkmatch.matcher.model.Importance;
import nl.werkmatch.matcher.model.Location;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.synthetic.SyntheticWorld;
import nl.werkmatch.matcher.taxonomy.TaxonomyJson;

/**
 * {@link ExchangeFormat#check} validates a record without writing or parsing its JSON; it must give exactly the
 * problems that writing and reading back the text gives, valid input or not.
 */
class RoundTripCheckTest {
    private static final String[] ODD_TEXT = {
        "", " ", " p-1", "p-1 ", "a\tb", "a\nb", "\u0000", "x\u007f", "\u0085y", "\ud83d\ude00", "\ud83d", "x\ude00y",
        "\"quoted\"", "back\\slash", "é", "GM0363", "5611", "5611 AB", "ar", "SYR", "x".repeat(130), "ü".repeat(70),
    };
    private static final double[] ODD_NUMBERS = {
        0, -0.0, 0.5, 1, 4, 52.1, 59.9, 60, 60.000001, 61, 1e9, 1e300, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 3.3, 7.25, 50.7, 53.6, -5,
    };

    private final ExchangeFormat format = ExchangeFormat.create();
    private final SyntheticWorld world = SyntheticWorld.builder(TaxonomyJson.sample(), Regions.netherlands())
            .seed(3).today(LocalDate.of(2026, 11, 1)).build();

    @Test
    void profilesValidAndNot() {
        Random random = new Random(1);
        int checked = 0;
        for (int i = 0; i < 3_000; i++) {
            Profile base = world.profile(i);
            Profile p = i % 3 == 0 ? base : build(() -> oddProfile(base, random));
            if (p != null) {
                same(p, format::check, format::writeProfile, format::readProfile);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(2_000);
    }

    @Test
    void vacanciesValidAndNot() {
        Random random = new Random(2);
        for (int i = 0; i < 3_000; i++) {
            Vacancy base = world.vacancy(i);
            Vacancy v = i % 3 == 0 ? base : build(() -> oddVacancy(base, random));
            if (v != null) {
                same(v, format::check, format::writeVacancy, format::readVacancy);
            }
        }
    }

    private static <T> void same(T item, Function<T, List<Problem>> check, Function<T, String> write,
                                 Function<String, ?> read) {
        String json = write.apply(item);
        List<Problem> want;
        try {
            read.apply(json);
            want = List.of();
        } catch (InvalidInputException e) {
            want = e.problems();
        }
        List<Problem> got = check.apply(item);
        assertThat(got).as(json).isEqualTo(want);
    }

    /** The model accepts more than the format: whatever it refuses is skipped. */
    private static <T> T build(Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidInputException | IllegalArgumentException | NullPointerException | IllegalStateException e) {
            return null;
        }
    }

    private static String text(Random r) {
        return ODD_TEXT[r.nextInt(ODD_TEXT.length)];
    }

    private static double number(Random r) {
        return ODD_NUMBERS[r.nextInt(ODD_NUMBERS.length)];
    }

    private static Location location(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> Location.municipality(text(r));
            case 1 -> Location.postcode(text(r));
            default -> Location.point(r.nextBoolean() ? number(r) : 52.1, r.nextBoolean() ? number(r) : 5.1);
        };
    }

    private static Profile oddProfile(Profile base, Random r) {
        Profile.Builder b = base.toBuilder();
        switch (r.nextInt(9)) {
            case 0 -> b.id(text(r));
            case 1 -> b.location(location(r));
            case 2 -> b.maxTravelKm(r.nextBoolean() ? -1 : 100_000);
            case 3 -> b.skill(r.nextBoolean() ? text(r) : base.skills().isEmpty() ? "x" : base.skills().get(0).id(),
                    Evidence.DECLARED);
            case 4 -> b.experience(r.nextBoolean() ? text(r) : "occ", number(r));
            case 5 -> b.otherLanguages(List.of(text(r), text(r)));
            case 6 -> b.audit(new Audit(text(r), r.nextBoolean() ? 1850 : 2999, text(r)));
            case 7 -> {
                for (int i = 0; i < 210; i++) {
                    b.skill("s" + i, Evidence.ASSESSED);
                }
            }
            default -> b.wantedOccupations(new ArrayList<>(List.of(text(r), text(r))));
        }
        return b.build();
    }

    private static Vacancy oddVacancy(Vacancy base, Random r) {
        Vacancy.Builder b = base.toBuilder();
        switch (r.nextInt(7)) {
            case 0 -> b.id(text(r));
            case 1 -> b.location(location(r));
            case 2 -> b.title(text(r));
            case 3 -> b.description(text(r) + "\n" + text(r));
            case 4 -> b.skill(text(r), Importance.ESSENTIAL);
            case 5 -> b.positions(r.nextBoolean() ? 0 : 1_000_000);
            default -> b.employer(text(r));
        }
        return b.build();
    }
}
