package nl.werkmatch.examples.http;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sent a request: the name of its key and the roles the key holds, or {@link #LOCAL} when the server runs
 * without keys (on a loopback address only), which may do everything.
 */
record Caller(String name, Set<Role> roles) {
    /** The caller of a server without keys: only processes on this machine can reach it. */
    static final Caller LOCAL = new Caller("-", EnumSet.of(Role.ADMIN));

    Caller {
        roles = Set.copyOf(roles);
    }

    boolean may(Role needed) {
        return Role.anyGrants(roles, needed);
    }

    /** Whether records may be shown with their audit fields (gender, birth year, country of origin). */
    boolean seesAudit() {
        return may(Role.AUDIT);
    }
}
