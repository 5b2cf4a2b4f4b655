package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What customers type, with typos, inflections and half-typed words, against a realistic knowledge base. */
class FaqSearchRelevanceTests extends KnowledgeBaseSearchTest {

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource(delimiter = '|', textBlock = """
            reset password               | password-reset
            resetting passwords          | password-reset
            pasword reset                | password-reset
            resetting my pasword         | password-reset
            refnd                        | refund-policy
            refunds                      | refund-policy
            download invoices            | download-invoices
            cancel subscription          | cancel-subscription
            cancelling my subscription   | cancel-subscription
            cancle subscripton           | cancel-subscription
            how do I cancel my subscr    | cancel-subscription
            enable 2FA                   | two-factor-setup
            change email                 | change-email
            chnage email adress          | change-email
            export data                  | export-data
            exporting my data            | export-data
            api rate limit               | api-rate-limits
            rate limts                   | api-rate-limits
            delete account               | delete-account
            deleting my acount           | delete-account
            update credit card           | update-card
            vat number                   | invoice-details
            lost phone                   | two-factor-lost-device
            free trial                   | free-trial
            GDPR                         | gdpr
            webhook                      | webhooks
            slack                        | slack-integration
            SSO                          | single-sign-on
            where is my data stored      | data-location
            maximum attachment size      | attachment-size
            emails not arriving          | emails-not-arriving
            upgrade plan                 | change-plan
            payment failed               | failed-payment
            nonprofit discount           | discounts
            """)
    void findsTheRightArticleFirst(String query, String expectedId) {
        assertThat(ids(query)).first().isEqualTo(expectedId);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} in the top 3")
    @CsvSource(delimiter = '|', textBlock = """
            pass                         | password-reset
            refu                         | refund-policy
            canc                         | cancel-subscription
            invit                        | invite-team
            invoces                      | download-invoices
            two factor authentication    | two-factor-setup
            two-factor authentification  | two-factor-setup
            too many requests            | api-rate-limits
            credit card                  | update-card
            charged twice                | refund-policy
            locked out                   | account-locked
            cant login                   | sign-in-problems
            """)
    void findsTheRightArticleInTheTopThree(String query, String expectedId) {
        assertThat(ids(query))
                .hasSizeGreaterThanOrEqualTo(1)
                .contains(expectedId)
                .element(0);
        assertThat(ids(query).subList(0, Math.min(3, ids(query).size()))).contains(expectedId);
    }
}
