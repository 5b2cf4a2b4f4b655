package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules of tags, without a database: what a tag may be, how it is written, how many a ticket has. */
class TicketTagsTests {

    static List<FieldError> errorsOf(Runnable call) {
        List<FieldError> errors = new ArrayList<>();
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> errors.addAll(e.errors()));
        return errors;
    }

    @Test
    void tagsAreTrimmedLowerCasedDistinctAndSorted() {
        assertThat(TicketTags.of(List.of(" VIP ", "billing", "Billing", "release-2.4", "no_reply"))
                        .values())
                .containsExactly("billing", "no_reply", "release-2.4", "vip");
        assertThat(TicketTags.of(List.of()).values()).isEmpty();
    }

    @Test
    void lettersOfAnyScriptAreTagsInOneWrittenForm() {
        String decomposed = "gro\u0308sse"; // o + combining diaeresis
        assertThat(TicketTags.of(List.of("Größe", decomposed.toUpperCase(java.util.Locale.ROOT)))
                        .values())
                .containsExactly("grösse", "größe");
        assertThat(TicketTags.tag("Ärger", "tag")).isEqualTo("ärger");
        assertThat(TicketTags.tag("日本", "tag")).isEqualTo("日本");
    }

    @Test
    void everyBadTagIsNamedByItsPositionWithTheReason() {
        List<String> raw = Arrays.asList("ok", "two words", "", "semi;colon", null, "x".repeat(51));
        assertThat(errorsOf(() -> TicketTags.of(raw)))
                .containsExactly(
                        new FieldError("tags[1]", "must not contain spaces; join words with - or _"),
                        new FieldError("tags[2]", "must not be blank"),
                        new FieldError("tags[3]", "may only contain letters, digits, '-', '_' and '.'"),
                        new FieldError("tags[4]", "must not be blank"),
                        new FieldError("tags[5]", "must be at most 50 characters"));
        assertThat(TicketTags.tag("x".repeat(50), "tag")).hasSize(50);
    }

    @Test
    void aTicketHasAtMostTwentyTagsCountedAfterMerging() {
        List<String> twenty =
                IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).toList();
        assertThat(TicketTags.of(twenty).values()).hasSize(20);
        List<String> twentyAgainInCapitals = new ArrayList<>(twenty);
        twentyAgainInCapitals.add("T1");
        assertThat(TicketTags.of(twentyAgainInCapitals).values()).hasSize(20);

        List<String> more = new ArrayList<>(twenty);
        more.add("t21");
        assertThat(errorsOf(() -> TicketTags.of(more)))
                .containsExactly(new FieldError("tags", "a ticket has at most 20 tags"));
        assertThat(errorsOf(() -> TicketTags.of(twenty).with("t21")))
                .containsExactly(new FieldError("tag", "a ticket has at most 20 tags; remove one first"));
        assertThat(TicketTags.of(twenty).with("t1").values()).hasSize(20);
    }

    @Test
    void aHugeListIsRefusedWithoutAnErrorPerItem() {
        List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "bad tag").toList();
        assertThat(errorsOf(() -> TicketTags.of(many)))
                .containsExactly(new FieldError("tags", "a ticket has at most 20 tags"));
    }

    @Test
    void addingAndRemovingOneTag() {
        TicketTags tags = TicketTags.of(List.of("b"));
        assertThat(tags.with("a").values()).containsExactly("a", "b");
        assertThat(tags.with("b")).isEqualTo(tags);
        assertThat(tags.without("b").isEmpty()).isTrue();
        assertThat(tags.without("z")).isEqualTo(tags);
    }

    @Test
    void storedTagsReadBackAsTheyWereWritten() {
        assertThat(TicketTags.stored(null)).isEqualTo(TicketTags.NONE);
        assertThat(TicketTags.stored("vip billing").values()).containsExactly("billing", "vip");
        assertThat(TicketTags.of(List.of("vip", "billing")).shown()).isEqualTo("billing, vip");
        assertThat(TicketTags.NONE.shown()).isNull();
    }

    @Test
    void aPrefixIsATagsBeginningAndEndsAnIndexRange() {
        assertThat(TicketTags.prefix(null, "prefix")).isEmpty();
        assertThat(TicketTags.prefix("  ", "prefix")).isEmpty();
        assertThat(TicketTags.prefix(" BIL", "prefix")).isEqualTo("bil");
        assertThat(errorsOf(() -> TicketTags.prefix("a b", "prefix")))
                .extracting(FieldError::field)
                .containsExactly("prefix");

        assertThat(TicketTags.after("bil")).isEqualTo("bim");
        assertThat(TicketTags.after("a-")).isEqualTo("a.");
        for (String tag : List.of("bil", "billing", "bil-2", "bil.x", "bilz", "bil日本")) {
            assertThat(tag.compareTo("bil") >= 0 && tag.compareTo(TicketTags.after("bil")) < 0)
                    .as(tag)
                    .isTrue();
        }
        assertThat("bim".compareTo(TicketTags.after("bil"))).isZero();
        assertThat("bik-z".compareTo("bil")).isNegative();
    }

    @Test
    void filtersNormaliseTheirTagsAndRefuseWhatCannotBeOne() {
        TicketFilter filter =
                new TicketFilter(null, null, null, null, null, null, Arrays.asList("VIP", "", " vip", "billing"));
        assertThat(filter.tags()).containsExactly("vip", "billing");
        assertThat(filter.pageAddress()).isEqualTo("/tickets?tag=vip&tag=billing");
        assertThat(filter.withoutTag("vip").withTag("größe").pageAddress())
                .isEqualTo("/tickets?tag=billing&tag=gr%C3%B6%C3%9Fe");
        assertThat(new TicketFilter(TicketStatus.ON_HOLD, null, "none", "a&b", true, null, null)
                        .withTag("x")
                        .pageAddress())
                .isEqualTo("/tickets?query=a%26b&status=on-hold&assignee=none&spam=true&tag=x");
        assertThat(errorsOf(() -> new TicketFilter(null, null, null, null, null, null, List.of("a b")).tags()))
                .extracting(FieldError::field)
                .containsExactly("tag");
        assertThat(new TicketFilter(null, null, null, null, null, "team-1", List.of("vip"))
                        .withTag("billing")
                        .withoutTag("vip")
                        .pageAddress())
                .as("the team filter stays")
                .isEqualTo("/tickets?team=team-1&tag=billing");
        assertThat(TicketFilter.NONE.tags()).isEmpty();
        assertThat(TicketFilter.NONE.pageAddress()).isEqualTo("/tickets");
    }
}
