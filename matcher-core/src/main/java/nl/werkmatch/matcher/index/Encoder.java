package nl.werkmatch.matcher.index;

import org.apache.lucene.document.Document;

import nl.werkmatch.matcher.internal.CompactForm;
import nl.werkmatch.matcher.internal.PreparedProfile;
import nl.werkmatch.matcher.internal.PreparedVacancy;
import nl.werkmatch.matcher.internal.Scorer;
import nl.werkmatch.matcher.model.Profile;
import nl.werkmatch.matcher.model.Vacancy;

/** Prepares valid records and encodes their index documents: the same for a write and for a rebuild. */
record Encoder(Scorer scorer, CompactForm compact) {
    Document profile(Profile p, String json) {
        PreparedProfile pp = scorer.prepare(p);
        return Documents.profile(pp, compact.encode(pp), json);
    }

    Document vacancy(Vacancy v, String json) {
        PreparedVacancy pv = scorer.prepare(v);
        return Documents.vacancy(pv, compact.encode(pv), json);
    }
}
