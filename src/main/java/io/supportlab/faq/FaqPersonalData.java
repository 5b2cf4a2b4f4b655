package io.supportlab.faq;

import io.supportlab.privacy.Erasure;
import io.supportlab.privacy.PersonalData;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Help-center searches whose text holds an address. New ones never do (addresses are replaced
 * before a query is logged); ones logged by earlier versions are exported, and redacted on erasure.
 * Votes, views and deflections are counted per client under a keyed hash of its network address,
 * not per email, and so hold nothing to find by one.
 */
@Component
@Order(4)
class FaqPersonalData implements PersonalData {

    private final SearchLog searchLog;

    FaqPersonalData(SearchLog searchLog) {
        this.searchLog = searchLog;
    }

    @Override
    public String section() {
        return "help_center_searches";
    }

    @Override
    public Object export(String email) {
        return searchLog.mentioning(email);
    }

    @Override
    public Map<String, Integer> erase(String email, Erasure erasure) {
        return Map.of("searches_redacted", searchLog.redact(email, Erasure.REDACTED));
    }
}
