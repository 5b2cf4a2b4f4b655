package io.supportlab.faq;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An article as created or edited (the seed's body). An article created without a status is
 * published, so that new FAQs appear in search at once, as in the seed.
 */
public record FaqDraft(
        @NotBlank @Size(max = FaqDraft.MAX_QUESTION) @Nullable
        String question,

        @NotBlank @Size(max = FaqDraft.MAX_ANSWER) @Nullable String answer,
        @Size(max = 40) @Nullable String category,
        @Nullable FaqStatus status) {

    public static final int MAX_QUESTION = 300;
    public static final int MAX_ANSWER = 20_000;
}
