package nl.werkmatch.examples.http;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a key may do. Every route declares the one role it needs where it is registered ({@link Router}); a key
 * holds one or more roles, and a role also grants what the roles below it grant: {@code write} and
 * {@code audit} include {@code read}, {@code admin} includes everything.
 */
public enum Role {
    /** No key needed: {@code GET /health} and the web page's static files ({@code /}, {@code /app/...}). Never held by a key. */
    PUBLIC,
    /** Match, advice and allocation; read records without their audit fields. */
    READ,
    /** {@link #READ}, and upsert, delete and bulk upload. */
    WRITE,
    /** {@link #READ}, and the audit fields of records and the audit report. */
    AUDIT,
    /** Everything: purge, metrics, and all of the above. */
    ADMIN;

    /** The roles a key may hold, as written in a keys file and on the command line. */
    public static final Set<Role> GRANTABLE = EnumSet.of(READ, WRITE, AUDIT, ADMIN);

    /** Whether a key holding this role may use a route that needs {@code needed}. */
    public boolean grants(Role needed) {
        return switch (this) {
            case ADMIN -> true;
            case WRITE, AUDIT -> needed == this || needed == READ || needed == PUBLIC;
            case READ -> needed == READ || needed == PUBLIC;
            case PUBLIC -> needed == PUBLIC;
        };
    }

    /** Whether any of {@code held} grants {@code needed}. */
    public static boolean anyGrants(Collection<Role> held, Role needed) {
        return needed == PUBLIC || held.stream().anyMatch(r -> r.grants(needed));
    }

    /** The lower-case name used in keys files and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role a key may hold ("read", "write", "audit" or "admin", any case).
     *
     * @throws IllegalArgumentException naming the allowed roles when {@code text} is none of them
     */
    public static Role parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Role r : GRANTABLE) {
            if (r.name().equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a role; roles: "
                + Arrays.stream(values()).filter(GRANTABLE::contains).map(Role::label).collect(Collectors.joining(", ")));
    }
}
