package io.supportlab.macros;

import io.supportlab.platform.web.FormErrors;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The macros management page: the list (searched) and the form to add one or edit one.
 *
 * @param editingId the macro the form edits, or null when it adds one
 */
public record MacroPage(
        Agent agent,
        List<Macro> macros,
        String query,
        MacroForm form,
        @Nullable String editingId,
        FormErrors errors) {}
