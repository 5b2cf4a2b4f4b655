package io.supportlab.macros;

import java.util.List;

/**
 * A macro filled in for one ticket and agent, as it would be applied, without applying it.
 *
 * @param body the reply's text with the placeholders filled in
 * @param effects what applying it does, in words
 */
public record MacroPreview(String macroId, String title, String body, MacroActions actions, List<String> effects) {}
