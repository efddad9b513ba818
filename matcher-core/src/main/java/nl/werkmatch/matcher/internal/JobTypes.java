package nl.werkmatch.matcher.internal;

import java.util.Collection;

import nl.werkmatch.matcher.model.JobType;

/** Job type sets as bit masks over {@link JobType} ordinals, for prepared forms and their compact encoding. */
final class JobTypes {
    private JobTypes() {
    }

    static int bit(JobType t) {
        return 1 << t.ordinal();
    }

    static int mask(Collection<JobType> types) {
        int m = 0;
        for (JobType t : types) {
            m |= bit(t);
        }
        return m;
    }
}
