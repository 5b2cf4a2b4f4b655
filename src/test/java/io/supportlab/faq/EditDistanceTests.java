package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTests {

    @Test
    void equalWordsAreZeroApart() {
        assertThat(distance("refund", "refund", 2)).isZero();
    }

    @Test
    void insertionDeletionAndSubstitutionCountOneEach() {
        assertThat(distance("refnd", "refund", 2)).isEqualTo(1);
        assertThat(distance("refunds", "refund", 2)).isEqualTo(1);
        assertThat(distance("refumd", "refund", 2)).isEqualTo(1);
    }

    @Test
    void swappedNeighboursCountOne() {
        assertThat(distance("cancle", "cancel", 2)).isEqualTo(1);
    }

    @Test
    void distanceBeyondTheLimitIsReportedAsLimitPlusOne() {
        assertThat(distance("password", "passport", 1)).isEqualTo(2);
        assertThat(distance("a", "abcdef", 2)).isEqualTo(3);
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnce() {
        assertThat(distance("pass🔑", "pass🔒", 2)).isEqualTo(1);
    }

    private static int distance(String a, String b, int limit) {
        return EditDistance.between(a.codePoints().toArray(), b.codePoints().toArray(), limit);
    }
}
