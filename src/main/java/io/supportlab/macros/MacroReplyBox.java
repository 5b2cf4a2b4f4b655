package io.supportlab.macros;

import io.supportlab.tickets.ReplyBoxParts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Offers the macros picker ({@link MacroWebController#picker}) to the reply box of a ticket's page. */
@Component
class MacroReplyBox implements ReplyBoxParts {

    @Override
    public String macroPickerPath(String ticketId) {
        return "/macros/picker?ticket=" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8);
    }
}
