package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetingTests {

    @Test
    void noRuleLetsEveryoneIn() {
        assertThat(Targeting.matches(null, Map.of())).isTrue();
        assertThat(Targeting.matches(Map.of(), Map.of("plan", "free"))).isTrue();
    }

    @Test
    void plainValuesMustBeEqual() {
        Map<String, Object> rule = Map.of("plan", "pro");
        assertThat(Targeting.matches(rule, Map.of("plan", "pro"))).isTrue();
        assertThat(Targeting.matches(rule, Map.of("plan", "free"))).isFalse();
        assertThat(Targeting.matches(rule, Map.of())).isFalse();
    }

    @Test
    void operatorsCompareListsAndNumbers() {
        Map<String, Object> rule = Map.of("country", Map.of("$in", List.of("US", "CA")), "seats", Map.of("$gte", 5));
        assertThat(Targeting.matches(rule, Map.of("country", "CA", "seats", 5))).isTrue();
        assertThat(Targeting.matches(rule, Map.of("country", "CA", "seats", 4))).isFalse();
        assertThat(Targeting.matches(rule, Map.of("country", "DE", "seats", 50)))
                .isFalse();
        assertThat(Targeting.matches(rule, Map.of("country", "US"))).isFalse();
    }

    @Test
    void combinatorsNestAndNegate() {
        Map<String, Object> rule = Map.of(
                "$or",
                List.of(Map.of("plan", "pro"), Map.of("beta", true)),
                "$not",
                Map.of("country", Map.of("$nin", List.of("US", "DE"))));
        assertThat(Targeting.matches(rule, Map.of("plan", "pro", "country", "US")))
                .isTrue();
        assertThat(Targeting.matches(rule, Map.of("beta", true, "country", "FR")))
                .isFalse();
        assertThat(Targeting.matches(rule, Map.of("plan", "free", "country", "DE")))
                .isFalse();
    }

    @Test
    void existsChecksPresence() {
        assertThat(Targeting.matches(Map.of("email", Map.of("$exists", true)), Map.of("email", "a@b.co")))
                .isTrue();
        assertThat(Targeting.matches(Map.of("email", Map.of("$exists", false)), Map.of("email", "a@b.co")))
                .isFalse();
    }

    @Test
    void reportsUnknownOperatorsAndMalformedLists() {
        assertThat(Targeting.problems(Map.of("plan", Map.of("$regex", "p.*"))))
                .singleElement()
                .asString()
                .contains("unknown operator $regex");
        assertThat(Targeting.problems(Map.of("country", Map.of("$in", "US"))))
                .singleElement()
                .asString()
                .contains("$in must be an array");
        assertThat(Targeting.problems(Map.of("$or", List.of())))
                .singleElement()
                .asString()
                .contains("non-empty array");
        assertThat(Targeting.problems(Map.of("country", List.of("US"))))
                .singleElement()
                .asString()
                .contains("$in");
        assertThat(Targeting.problems(Map.of("plan", "pro", "seats", Map.of("$gt", 1))))
                .isEmpty();
    }
}
