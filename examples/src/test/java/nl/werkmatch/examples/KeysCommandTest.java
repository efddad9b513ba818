package nl.werkmatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code werkmatch keys add|list|revoke} as a person uses them, and serve's refusal to be open to the network. */
class KeysCommandTest {

    @Test
    void addListRevoke(@TempDir Path tmp) throws Exception {
        Path keys = tmp.resolve("keys.json");
        Cli.Run add = Cli.run("keys", "add", "--keys", keys.toString(), "--name", "wsp-almere", "--role", "read,write");
        assertThat(add.exit()).as(add.err()).isZero();
        String token = add.lastLine();
        assertThat(token).startsWith("wm_").hasSizeGreaterThan(40);
        String file = Files.readString(keys);
        assertThat(file).doesNotContain(token).doesNotContain(token.substring(3)).contains("wsp-almere").contains("sha256");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Cli.Run second = Cli.run("keys", "add", "--keys", keys.toString(), "--name", "auditor", "--role", "audit");
        assertThat(second.exit()).isZero();
        assertThat(second.lastLine()).isNotEqualTo(token);

        Cli.Run list = Cli.run("keys", "list", "--keys", keys.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("wsp-almere").contains("read,write").contains("auditor").contains("audit")
                .doesNotContain(token);

        Cli.Run again = Cli.run("keys", "add", "--keys", keys.toString(), "--name", "wsp-almere", "--role", "read");
        assertThat(again.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("exists already");

        Cli.Run badRole = Cli.run("keys", "add", "--keys", keys.toString(), "--name", "x", "--role", "superuser");
        assertThat(badRole.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRole.err()).contains("superuser").contains("read, write, audit, admin");

        Cli.Run badName = Cli.run("keys", "add", "--keys", keys.toString(), "--name", "a name with spaces", "--role", "read");
        assertThat(badName.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(badName.err()).contains("key name");

        Cli.Run revoke = Cli.run("keys", "revoke", "--keys", keys.toString(), "--name", "wsp-almere");
        assertThat(revoke.exit()).isZero();
        assertThat(Cli.run("keys", "list", "--keys", keys.toString()).out()).doesNotContain("wsp-almere").contains("auditor");
        Cli.Run unknown = Cli.run("keys", "revoke", "--keys", keys.toString(), "--name", "wsp-almere");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unknown.err()).contains("no key named \"wsp-almere\"");
    }

    @Test
    void serveRefusesANonLoopbackAddressWithoutKeys(@TempDir Path tmp) {
        Cli.Run run = Cli.run("serve", "--data", tmp.resolve("data").toString(), "--host", "0.0.0.0", "--port", "0");
        assertThat(run.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("refusing to listen on 0.0.0.0 without --keys").contains("werkmatch keys add");
        assertThat(Files.exists(tmp.resolve("data"))).as("nothing was opened").isFalse();
    }

    @Test
    void serveNeedsAnExistingValidKeysFile(@TempDir Path tmp) throws Exception {
        Cli.Run missing = Cli.run("serve", "--data", tmp.resolve("data").toString(), "--port", "0",
                "--keys", tmp.resolve("none.json").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no keys file at");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"keys\":[{\"name\":\"x\",\"roles\":[\"root\"]}]}");
        Cli.Run invalid = Cli.run("serve", "--data", tmp.resolve("data").toString(), "--port", "0", "--keys", broken.toString());
        assertThat(invalid.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(invalid.err()).contains("keys[0].roles").contains("\"root\" is not a role");
    }

    @Test
    void loopbackNamesAreRecognised() {
        assertThat(ServeCommand.isLoopback("localhost")).isTrue();
        assertThat(ServeCommand.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServeCommand.isLoopback("::1")).isTrue();
        assertThat(ServeCommand.isLoopback("0.0.0.0")).isFalse();
        assertThat(ServeCommand.isLoopback("::")).isFalse();
    }
}
