package org.primum.cdshooks.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.primum.audit.store.Databases;

import javax.sql.DataSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared secrets: generated once per database and read by every instance; a configured one wins; never in a message. */
class ServerSecretsTest {

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void generatedOnceAndSharedByEveryInstanceOfTheDatabase(String kind) {
        Databases.Db db = Databases.fresh(kind);
        byte[] first = ServerSecrets.load(db.open(), "card-id-mac", Optional.empty(), "setting");
        byte[] second = ServerSecrets.load(db.open(), "card-id-mac", Optional.empty(), "setting");
        assertThat(first).hasSize(ServerSecrets.SIZE).isEqualTo(second);
        assertThat(ServerSecrets.load(db.open(), "another", Optional.empty(), "setting")).isNotEqualTo(first);
        assertThat(ServerSecrets.load(Databases.fresh(kind).open(), "card-id-mac", Optional.empty(), "setting")).isNotEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aConfiguredSecretWinsAndABadOneStopsStartUpWithoutShowingIt(String kind) {
        DataSource ds = Databases.fresh(kind).open();
        byte[] configured = new byte[40];
        configured[3] = 9;
        assertThat(ServerSecrets.load(ds, "card-id-mac", Optional.of(Base64.getEncoder().encodeToString(configured)), "s")).isEqualTo(configured);
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ServerSecrets.load(ds, "card-id-mac", Optional.of(tooShort), "primum.x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("primum.x").hasMessageNotContaining(tooShort);
        assertThatThrownBy(() -> ServerSecrets.load(ds, "card-id-mac", Optional.of("not base64!"), "primum.x"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("not base64!");
    }
}
