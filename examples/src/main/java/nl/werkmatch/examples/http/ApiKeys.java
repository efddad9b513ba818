package nl.werkmatch.examples.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API keys a server accepts, kept in a small JSON file that holds for each key its name, roles, creation
 * time and the SHA-256 hash of its token, never the token itself. A token is 32 random bytes from
 * {@link SecureRandom}, so an unsalted hash is safe (nobody can guess it from a dictionary). Presented tokens are
 * hashed and compared with every stored hash in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>A server {@link #watch() watches} the file: when its content changes (a key added or revoked by
 * {@code werkmatch keys}), the new keys apply within a second, without a restart. A file that can no longer be
 * read or parsed accepts no key at all until it is fixed (fail closed), and says so in the log.
 */
public final class ApiKeys implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("nl.werkmatch.http.keys");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String TOKEN_PREFIX = "wm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One key as stored: no token, only its hash. */
    public record Key(String name, Set<Role> roles, Instant created, String sha256) {
        public Key {
            roles = Set.copyOf(roles);
        }
    }

    private final Path file;
    private volatile List<Key> keys;
    private volatile byte[] lastContent;
    private ScheduledExecutorService watcher;

    private ApiKeys(Path file, List<Key> keys, byte[] content) {
        this.file = file;
        this.keys = keys;
        this.lastContent = content;
    }

    /**
     * Reads a keys file.
     *
     * @throws IllegalArgumentException with a message naming the file and the problem when it is missing or invalid
     */
    public static ApiKeys load(Path file) {
        byte[] content = readBytes(file);
        return new ApiKeys(file, parse(file, content), content);
    }

    /** The file these keys come from. */
    public Path file() {
        return file;
    }

    /** The key whose token this is, if any; every stored hash is compared, in constant time each. */
    Optional<Key> authenticate(String token) {
        byte[] presented = sha256(token);
        Key found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(key.sha256())) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Checks the file every second and applies a changed one; {@link #close()} stops it. */
    public synchronized ApiKeys watch() {
        if (watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "werkmatch-keys-watcher");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    /** Reads the file again and applies it if its content changed; answers whether it did. */
    boolean reloadIfChanged() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            if (!keys.isEmpty()) {
                LOG.warning("cannot read the keys file " + file + " (" + e.getMessage() + "); no key is accepted until it is back");
            }
            keys = List.of();
            lastContent = null;
            return true;
        }
        if (Arrays.equals(content, lastContent)) {
            return false;
        }
        lastContent = content;
        try {
            List<Key> next = parse(file, content);
            keys = next;
            LOG.info("keys file changed: " + next.size() + " key(s) now accepted");
        } catch (IllegalArgumentException e) {
            keys = List.of();
            LOG.log(Level.WARNING, e.getMessage() + "; no key is accepted until it is fixed");
        }
        return true;
    }

    /** The keys now accepted. */
    List<Key> keys() {
        return keys;
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    // ---- the file, for `werkmatch keys`

    /**
     * The keys in {@code file} (none when it does not exist yet).
     *
     * @throws IllegalArgumentException when the file is not a valid keys file
     */
    public static List<Key> list(Path file) {
        return Files.exists(file) ? parse(file, readBytes(file)) : List.of();
    }

    /**
     * Creates a key, stores its hash in {@code file} (created, readable by its owner only, when missing) and
     * answers the token: the only time it is ever known.
     *
     * @throws IllegalArgumentException when the name is not allowed, already taken, or no role is given
     */
    public static String add(Path file, String name, Set<Role> roles, Clock clock) {
        checkName(name);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("give at least one role with --role (read, write, audit, admin)");
        }
        if (roles.contains(Role.PUBLIC)) {
            throw new IllegalArgumentException("\"public\" is not a role a key can hold");
        }
        List<Key> all = new ArrayList<>(list(file));
        if (all.stream().anyMatch(k -> k.name().equals(name))) {
            throw new IllegalArgumentException("a key named \"" + name + "\" exists already in " + file
                    + "; revoke it first or choose another name");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        all.add(new Key(name, roles, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                HexFormat.of().formatHex(sha256(token))));
        write(file, all);
        return token;
    }

    /** Removes the key named {@code name}; answers whether there was one. */
    public static boolean revoke(Path file, String name) {
        List<Key> all = new ArrayList<>(list(file));
        boolean removed = all.removeIf(k -> k.name().equals(name));
        if (removed) {
            write(file, all);
        }
        return removed;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1 to 64 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit (it appears in the request log): \"" + name + "\"");
        }
    }

    private static void write(Path file, List<Key> all) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("comment", "Werkmatch API keys: SHA-256 hashes of the tokens only. Edit with 'werkmatch keys'.");
        ArrayNode list = root.putArray("keys");
        for (Key k : all) {
            ObjectNode node = list.addObject().put("name", k.name());
            ArrayNode roles = node.putArray("roles");
            k.roles().stream().sorted().forEach(r -> roles.add(r.label()));
            node.put("created", k.created().toString()).put("sha256", k.sha256());
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".keys", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection applies
                }
                Files.write(tmp, MAPPER.writeValueAsBytes(root));
                try {
                    // Atomic: a server re-reading the file sees the old or the new keys, never half a file.
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys file " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no keys file at " + file + "; create one with 'werkmatch keys add --keys "
                    + file + " --name NAME --role ROLE'");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the keys file " + file + ": " + e.getMessage());
        }
    }

    private static List<Key> parse(Path file, byte[] content) {
        String where = "the keys file " + file;
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + where + ": " + e.getMessage());
        }
        if (root == null || !root.path("keys").isArray()) {
            throw new IllegalArgumentException(where + " has no \"keys\" list");
        }
        List<Key> keys = new ArrayList<>();
        int i = 0;
        for (Iterator<JsonNode> it = root.path("keys").elements(); it.hasNext(); i++) {
            JsonNode k = it.next();
            String at = where + ": keys[" + i + "]";
            String name = k.path("name").asText(null);
            try {
                checkName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".name: " + e.getMessage());
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode r : k.path("roles")) {
                try {
                    roles.add(Role.parse(r.asText()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + ".roles: " + e.getMessage());
                }
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(at + ".roles: a key needs at least one role");
            }
            String hash = k.path("sha256").asText("");
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(at + ".sha256: not a SHA-256 hash in lower-case hex");
            }
            Instant created;
            try {
                created = Instant.parse(k.path("created").asText(""));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(at + ".created: not a time like 2026-12-01T12:00:00Z");
            }
            String finalName = name;
            if (keys.stream().anyMatch(other -> other.name().equals(finalName))) {
                throw new IllegalArgumentException(at + ".name: \"" + name + "\" is used twice");
            }
            keys.add(new Key(name, roles, created, hash));
        }
        return List.copyOf(keys);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
