package nl.werkmatch.examples;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.werkmatch.matcher.BatchResult;
import nl.werkmatch.matcher.Problem;
import nl.werkmatch.matcher.json.ExchangeFormat;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/**
 * Profiles or vacancies: the same operations on either, so that import, the bulk route and the document routes
 * are written once.
 */
public sealed interface RecordKind<T> {
    RecordKind<Profile> PROFILES = new Profiles();
    RecordKind<Vacancy> VACANCIES = new Vacancies();

    /** "profile" or "vacancy". */
    String singular();

    /** "profiles" or "vacancies". */
    String plural();

    String id(T value);

    Function<String, T> parser(ExchangeFormat format);

    T read(ExchangeFormat format, JsonNode json);

    ObjectNode toJson(ExchangeFormat format, T value);

    String write(ExchangeFormat format, T value);

    List<Problem> validate(RecordStore matcher, T value);

    void upsert(RecordStore matcher, T value);

    BatchResult upsertAll(RecordStore matcher, List<T> values);

    Optional<T> get(RecordStore matcher, String id);

    boolean delete(RecordStore matcher, String id);

    final class Profiles implements RecordKind<Profile> {
        @Override public String singular() { return "profile"; }
        @Override public String plural() { return "profiles"; }
        @Override public String id(Profile value) { return value.id(); }
        @Override public Function<String, Profile> parser(ExchangeFormat format) { return format::readProfile; }
        @Override public Profile read(ExchangeFormat format, JsonNode json) { return format.readProfile(json); }
        @Override public ObjectNode toJson(ExchangeFormat format, Profile value) { return format.toJson(value); }
        @Override public String write(ExchangeFormat format, Profile value) { return format.writeProfile(value); }
        @Override public List<Problem> validate(RecordStore matcher, Profile value) { return matcher.validate(value); }
        @Override public void upsert(RecordStore matcher, Profile value) { matcher.upsertProfile(value); }
        @Override public BatchResult upsertAll(RecordStore matcher, List<Profile> values) { return matcher.upsertProfiles(values); }
        @Override public Optional<Profile> get(RecordStore matcher, String id) { return matcher.profile(id); }
        @Override public boolean delete(RecordStore matcher, String id) { return matcher.deleteProfile(id); }
    }

    final class Vacancies implements RecordKind<Vacancy> {
        @Override public String singular() { return "vacancy"; }
        @Override public String plural() { return "vacancies"; }
        @Override public String id(Vacancy value) { return value.id(); }
        @Override public Function<String, Vacancy> parser(ExchangeFormat format) { return format::readVacancy; }
        @Override public Vacancy read(ExchangeFormat format, JsonNode json) { return format.readVacancy(json); }
        @Override public ObjectNode toJson(ExchangeFormat format, Vacancy value) { return format.toJson(value); }
        @Override public String write(ExchangeFormat format, Vacancy value) { return format.writeVacancy(value); }
        @Override public List<Problem> validate(RecordStore matcher, Vacancy value) { return matcher.validate(value); }
        @Override public void upsert(RecordStore matcher, Vacancy value) { matcher.upsertVacancy(value); }
        @Override public BatchResult upsertAll(RecordStore matcher, List<Vacancy> values) { return matcher.upsertVacancies(values); }
        @Override public Optional<Vacancy> get(RecordStore matcher, String id) { return matcher.vacancy(id); }
        @Override public boolean delete(RecordStore matcher, String id) { return matcher.deleteVacancy(id); }
    }
}
