package nl.werkmatch.examples;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import nl.werkmatch.examples.http.ApiKeys;
import nl.werkmatch.examples.http.Role;

/** {@code werkmatch keys add|list|revoke}: the API keys of {@code serve --keys FILE}. */
@Command(name = "keys",
        header = "Add, list and revoke the API keys of 'serve --keys'.",
        sortOptions = false,
        description = "A keys file holds, per key, its name, roles and creation time and the SHA-256 hash of its "
                + "token, never the token. Roles: read (match, read records without audit fields), write (read + "
                + "upsert, delete, bulk), audit (read + audit fields and the audit report), admin (everything, "
                + "including purge and metrics). A running server applies a changed file within a second.",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand extends CliCommand {

    @Override
    int execute() {
        throw usage("Missing a subcommand: add, list or revoke");
    }

    /** {@code keys add}: a new random token, printed once as the last line. */
    @Command(name = "add", header = "Create a key; its token is printed once, on the last line.", sortOptions = false)
    static final class Add extends CliCommand {
        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The keys file (created if missing).")
        Path file;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Who or what uses the key (letters, digits, '.', '_', '-'); shown in the request log.")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "read, write, audit or admin; several separated by commas.")
        List<String> roles;

        @Override
        int execute() {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                try {
                    parsed.add(Role.parse(r));
                } catch (IllegalArgumentException e) {
                    throw usage("--role " + e.getMessage());
                }
            }
            String token;
            try {
                token = ApiKeys.add(file, name, parsed, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            out().println("Added key \"" + name + "\" (" + labels(parsed) + ") to " + file + ".");
            out().println("This is the only time the token is shown; give it to its user and keep no copy here:");
            out().println(token);
            return ExitCodes.OK;
        }
    }

    /** {@code keys list}: names, roles and creation times, never hashes. */
    @Command(name = "list", header = "List the keys: name, roles, created.", sortOptions = false)
    static final class ListKeys extends CliCommand {
        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The keys file.")
        Path file;

        @Override
        int execute() {
            List<ApiKeys.Key> keys;
            try {
                keys = ApiKeys.list(file);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            if (keys.isEmpty()) {
                out().println("No keys in " + file + ".");
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("name", "roles", "created");
            keys.forEach(k -> table.row(k.name(), labels(k.roles()), k.created().toString()));
            table.print(out());
            return ExitCodes.OK;
        }
    }

    /** {@code keys revoke}: removes a key; a running server stops accepting it within a second. */
    @Command(name = "revoke", header = "Remove a key; a running server stops accepting it within a second.", sortOptions = false)
    static final class Revoke extends CliCommand {
        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The keys file.")
        Path file;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The key to remove.")
        String name;

        @Override
        int execute() {
            boolean removed;
            try {
                removed = ApiKeys.revoke(file, name);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            if (!removed) {
                throw new UserError("no key named \"" + name + "\" in " + file + "; 'werkmatch keys list --keys " + file
                        + "' shows the names");
            }
            out().println("Revoked key \"" + name + "\".");
            return ExitCodes.OK;
        }
    }

    private static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(","));
    }
}
