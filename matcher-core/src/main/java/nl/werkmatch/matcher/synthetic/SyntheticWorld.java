package nl.werkmatch.matcher.synthetic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import nl.werkmatch.matcher.geo.Regions;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;
import nl.werkmatch.matcher.taxonomy.SkillTaxonomy;

/**
 * A seeded, deterministic world of job seekers and vacancies on any {@link SkillTaxonomy} and {@link Regions}.
 *
 * <p>The i-th profile and vacancy are pure functions of (taxonomy, regions, seed, today, i): nothing is held, so a
 * benchmark can stream a million profiles, in parallel if it likes, and reproduce any one of them later by its
 * index. Ids are {@code p-<i>} and {@code v-<i>}. Every object is valid in exchange format v1 and refers only to
 * skill and occupation ids of the taxonomy.
 *
 * <p>What it draws, in short: occupations with Zipf popularity (exponent 1) over a seeded order, vacancies boosted
 * in shortage sectors; a profile's skills from one or two occupations with noise (some dropped, some replaced by a
 * hierarchy neighbour, a few extras); Dutch mostly A1-A2 with writing behind speaking; places in proportion to a
 * population estimate from postcode density. Thread-safe and immutable.
 *
 * <pre>{@code
 * SyntheticWorld world = SyntheticWorld.builder(taxonomy, Regions.netherlands()).seed(7).today(LocalDate.of(2026, 11, 1)).build();
 * world.profiles(1_000_000).parallel().forEach(index::upsert);
 * }</pre>
 */
public final class SyntheticWorld {
    private final long seed;
    private final LocalDate today;
    private final Places places;
    private final ProfileMaker profiles;
    private final VacancyMaker vacancies;

    private SyntheticWorld(Builder b) {
        seed = b.seed;
        today = b.today != null ? b.today : LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Occupations occupations = new Occupations(b.taxonomy, seed);
        places = new Places(b.regions);
        profiles = new ProfileMaker(occupations, places, today, seed);
        vacancies = new VacancyMaker(occupations, places, today, seed);
    }

    /** A builder for a world on this taxonomy and geography; seed 0 and today's date unless set. */
    public static Builder builder(SkillTaxonomy taxonomy, Regions regions) {
        return new Builder(taxonomy, regions);
    }

    /** The seed every record of this world derives from. */
    public long seed() {
        return seed;
    }

    /** The day vacancy dates and availability are drawn around. */
    public LocalDate today() {
        return today;
    }

    /** The profile with id {@code p-<index>}. */
    public Profile profile(long index) {
        return profiles.make(checkIndex(index));
    }

    /** The vacancy with id {@code v-<index>}. */
    public Vacancy vacancy(long index) {
        return vacancies.make(checkIndex(index));
    }

    /** Profiles 0 to n-1 in order, made as the stream is consumed; {@code .parallel()} is safe. */
    public Stream<Profile> profiles(long n) {
        return LongStream.range(0, checkCount(n)).mapToObj(profiles::make);
    }

    /** Vacancies 0 to n-1 in order, made as the stream is consumed; {@code .parallel()} is safe. */
    public Stream<Vacancy> vacancies(long n) {
        return LongStream.range(0, checkCount(n)).mapToObj(vacancies::make);
    }

    // The population estimate behind locations, for tests in this package.
    Map<String, Double> municipalityShares() {
        return places.municipalityShares();
    }

    private static long checkIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        return index;
    }

    private static long checkCount(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + n);
        }
        return n;
    }

    /** Configures a world; the seed defaults to 0 and today to the current date in the Netherlands. */
    public static final class Builder {
        private final SkillTaxonomy taxonomy;
        private final Regions regions;
        private long seed;
        private LocalDate today;

        private Builder(SkillTaxonomy taxonomy, Regions regions) {
            this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
            this.regions = Objects.requireNonNull(regions, "regions");
        }

        /** The seed; equal seeds give equal worlds. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Fix this for reproducible worlds: availability and vacancy dates are drawn around it. */
        public Builder today(LocalDate value) {
            this.today = Objects.requireNonNull(value, "today");
            return this;
        }

        /**
         * Builds the world: one pass over the taxonomy and the postcodes, well under a second on ESCO.
         *
         * @throws IllegalArgumentException when no occupation of the taxonomy has a skill
         */
        public SyntheticWorld build() {
            return new SyntheticWorld(this);
        }
    }
}
