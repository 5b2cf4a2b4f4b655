package io.supportlab;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package-by-feature boundaries: no cycles, no reaching into another feature's internals. */
@Tag("slow")
class ModularityTests {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(SupportLabApplication.class).verify();
    }
}
