package io.supportlab.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void newIdsAreCanonicalVersion7UuidsInCreationOrder() {
        long before = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }
        long after = System.currentTimeMillis();
        assertThat(ids).allSatisfy(id -> {
            assertThat(Ids.isValid(id)).isTrue();
            assertThat(UUID.fromString(id).version()).isEqualTo(7);
        });
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // Text order is creation order, which is what keeps inserts at the end of an index.
        assertThat(ids).isSorted();
        long firstMillis = UUID.fromString(ids.getFirst()).getMostSignificantBits() >>> 16;
        assertThat(firstMillis).isBetween(before, after);
    }

    @Test
    void onlyCanonicalUuidsAreValid() {
        assertThat(Ids.isValid("0192f5e4-7b1c-7cc3-9d2a-3f1e2d4c5b6a")).isTrue();
        assertThat(Ids.isValid("0192F5E4-7B1C-7CC3-9D2A-3F1E2D4C5B6A")).isTrue();
        assertThat(Ids.isValid("0192f5e4-7b1c-7cc3-9d2a-3f1e2d4c5b6")).isFalse();
        assertThat(Ids.isValid("0192f5e47b1c7cc39d2a3f1e2d4c5b6a1234")).isFalse();
        assertThat(Ids.isValid("not-a-uuid-at-all-but-36-characters")).isFalse();
    }
}
