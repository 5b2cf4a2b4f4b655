package io.supportlab.accounts;

import io.supportlab.platform.persistence.AppKeys;
import org.springframework.stereotype.Component;

/** The keys of this feature (link signing), kept by {@link AppKeys}. */
@Component
class AppSecrets {

    private final AppKeys keys;

    AppSecrets(AppKeys keys) {
        this.keys = keys;
    }

    /** The 256-bit key called {@code name}, created (once, whichever instance is first) if missing. */
    byte[] key(String name) {
        return keys.key(name);
    }
}
