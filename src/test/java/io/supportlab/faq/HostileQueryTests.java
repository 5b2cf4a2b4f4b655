package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a user types, search and suggestions answer with a list, never an exception. */
class HostileQueryTests extends KnowledgeBaseSearchTest {

    static Stream<String> nastyInputs() {
        return Stream.of(
                "\"",
                "\"reset password",
                "password\"\"\"",
                "(((((",
                ")))",
                "[ TO ]",
                "{*}",
                "*",
                "?",
                "pass*",
                "*word",
                "p?ssword",
                "password~",
                "password~2",
                "password^100",
                "reset^",
                "AND",
                "OR NOT AND",
                "password AND NOT reset OR refund",
                "+password -reset",
                "- + ! && || :",
                "question:password",
                "id:*",
                "/regex.*/",
                "\\",
                "\\\\\\",
                "' OR '1'='1",
                "'; DROP TABLE faq; --",
                "1; SELECT * FROM users",
                "<script>alert(1)</script>",
                "%00%27%22",
                "password\u0000reset",
                "\u0000\u0000\u0000",
                "\u0001\u0002\u0003\u007f",
                "\uFEFF\u200B\u200D",
                "\uD83D",
                "\uDE00 lone low surrogate",
                "🔑🔒 password 🙈",
                "🙂".repeat(500),
                "👨‍👩‍👧‍👦",
                "Сброс пароля",
                "как отменить подписку",
                "密码重置",
                "退款政策和发票",
                "パスワードをリセット",
                "إعادة تعيين كلمة المرور",
                "איפוס סיסמה",
                "पासवर्ड रीसेट",
                "ﷺ ﷽",
                "Zalgo p̷̢̛a̶s̸s̵w̴o̷r̶d̵",
                "...",
                "!!!???",
                "-- -- --",
                "@#$%^&*()_+={}|[]:;<>,./",
                "   \t\n\r  ",
                "a",
                "the a an of",
                "x".repeat(10_000),
                "password ".repeat(2_000),
                "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(40),
                "supercalifragilisticexpialidocious-antidisestablishmentarianism",
                "pneumonoultramicroscopicsilicovolcanoconiosi",
                "123456789012345678901234567890",
                "2fa 429 1.5 -1 1e10 0x1F",
                "http://example.com/?q=password&reset=1#frag",
                "user@example.com",
                "C:\\Windows\\System32",
                "${jndi:ldap://x}",
                "{{7*7}}",
                "%s%s%s%n");
    }

    @ParameterizedTest
    @MethodSource("nastyInputs")
    void searchAnswersWithAList(String input) {
        assertThat(index.search(input, null, 10)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("nastyInputs")
    void searchInACategoryAnswersWithAList(String input) {
        assertThat(index.search("password " + input, input, 10)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("nastyInputs")
    void suggestionsAnswerWithAList(String input) {
        assertThat(index.suggest(input, 5)).isNotNull();
    }

    @Test
    void queryOperatorsAreTakenAsWords() {
        assertThat(index.search("password AND NOT reset", null, 10))
                .extracting(SearchHit::id)
                .contains("password-reset");
    }

    @Test
    void queryOfManyRealWordsWithTyposIsAnswered() {
        String everyQuestionMisspelt = HelpDeskFaqs.ALL.stream()
                .map(faq -> faq.question().replace('e', 'a'))
                .collect(Collectors.joining(" "));

        assertThat(index.search(everyQuestionMisspelt, null, 10)).isNotNull();
        assertThat(index.suggest(everyQuestionMisspelt, 10)).isNotNull();
    }

    @Test
    void longQueryIsStillAnswered() {
        assertThatCode(() -> index.search("how do I reset my password ".repeat(400), null, 10))
                .doesNotThrowAnyException();
    }
}
