package io.supportlab.faq;

import java.time.Instant;
import java.util.List;

/** A realistic knowledge base of a SaaS help desk, for relevance tests. Ids name what each article is about. */
final class HelpDeskFaqs {

    static final Instant UPDATED = Instant.parse("2025-01-15T10:00:00Z");

    static final List<IndexedFaq> ALL = List.of(
            // account
            faq(
                    "password-reset",
                    "How do I reset my password?",
                    "Click 'Forgot password?' on the sign-in page and enter the email address of your account. We"
                            + " send you a reset link that is valid for one hour. Follow the link and choose a new"
                            + " password of at least 12 characters.",
                    "account"),
            faq(
                    "change-password",
                    "How do I change my password while signed in?",
                    "Open Settings > Security, enter your current password and then the new one twice. All other"
                            + " sessions are signed out when the password changes.",
                    "account"),
            faq(
                    "change-email",
                    "How can I change the email address of my account?",
                    "Go to Settings > Profile and edit the email field. We send a confirmation message to the new"
                            + " address; the change takes effect once you confirm it. Until then you sign in with the"
                            + " old address.",
                    "account"),
            faq(
                    "two-factor-setup",
                    "How do I enable two-factor authentication (2FA)?",
                    "Open Settings > Security and choose 'Enable two-factor authentication'. Scan the QR code with an"
                            + " authenticator app such as Google Authenticator or 1Password, then enter the six-digit"
                            + " code to confirm. Store the recovery codes somewhere safe.",
                    "account"),
            faq(
                    "two-factor-lost-device",
                    "I lost my phone and cannot sign in with two-factor authentication",
                    "Use one of the recovery codes you saved when you enabled 2FA. If you no longer have them,"
                            + " contact support from the email address of the account and we will verify your"
                            + " identity before disabling two-factor authentication.",
                    "account"),
            faq(
                    "account-locked",
                    "Why is my account locked?",
                    "After ten failed sign-in attempts we lock the account for 30 minutes to protect it. Wait and"
                            + " try again, or reset your password to unlock it immediately.",
                    "account"),
            faq(
                    "delete-account",
                    "How do I delete my account permanently?",
                    "The account owner can delete the account under Settings > Account > Delete account. All data"
                            + " is erased after 30 days and cannot be recovered. Export your data first if you need"
                            + " it.",
                    "account"),
            faq(
                    "change-username",
                    "Can I change my username or display name?",
                    "Your display name can be edited any time under Settings > Profile. Usernames are permanent"
                            + " because they appear in links shared with your team.",
                    "account"),
            faq(
                    "invite-team",
                    "How do I invite team members to my workspace?",
                    "Admins can invite colleagues under Settings > Team > Invite. Enter their email addresses and"
                            + " pick a role. Invitations expire after seven days.",
                    "account"),
            faq(
                    "user-roles",
                    "What can admins, agents and viewers do?",
                    "Admins manage billing, users and settings. Agents handle tickets and edit the knowledge base."
                            + " Viewers can read everything but change nothing.",
                    "account"),
            faq(
                    "single-sign-on",
                    "Do you support single sign-on (SSO) with SAML?",
                    "Yes, on the Enterprise plan. Configure your identity provider, such as Okta or Azure AD, under"
                            + " Settings > Security > SSO and upload its metadata file.",
                    "account"),
            faq(
                    "sign-in-problems",
                    "I can't log in to my account",
                    "Check that caps lock is off and that you use the email address you registered with. If the"
                            + " password is not accepted, reset it. Clearing cookies helps when the login page keeps"
                            + " reloading.",
                    "account"),
            faq(
                    "notification-settings",
                    "How do I turn off email notifications?",
                    "Open Settings > Notifications and untick the emails you do not want. Security alerts cannot be"
                            + " turned off.",
                    "account"),
            // billing
            faq(
                    "refund-policy",
                    "Can I get a refund?",
                    "Yes. We refund any payment made in the last 30 days, no questions asked. If you were charged"
                            + " twice or by mistake, contact billing and we return the money to your original payment"
                            + " method within five business days.",
                    "billing"),
            faq(
                    "download-invoices",
                    "Where can I find and download my invoices?",
                    "All invoices are listed under Settings > Billing > Invoices. Each one can be downloaded as a"
                            + " PDF. Invoices are also emailed to the billing contact every month.",
                    "billing"),
            faq(
                    "invoice-details",
                    "How do I add my VAT number or company address to invoices?",
                    "Enter your company name, address and VAT ID under Settings > Billing > Billing details. Future"
                            + " invoices show them; we can reissue past invoices on request.",
                    "billing"),
            faq(
                    "cancel-subscription",
                    "How do I cancel my subscription?",
                    "The account owner can cancel under Settings > Billing > Cancel subscription. Your plan stays"
                            + " active until the end of the current billing period and is not renewed afterwards.",
                    "billing"),
            faq(
                    "change-plan",
                    "How do I upgrade or downgrade my plan?",
                    "Choose a new plan under Settings > Billing > Plan. Upgrades take effect immediately and are"
                            + " prorated; downgrades apply from the next billing period.",
                    "billing"),
            faq(
                    "payment-methods",
                    "Which payment methods do you accept?",
                    "We accept Visa, Mastercard and American Express credit cards, SEPA direct debit and, on annual"
                            + " plans, bank transfer against invoice.",
                    "billing"),
            faq(
                    "update-card",
                    "How do I update my credit card?",
                    "Replace the card on file under Settings > Billing > Payment method. The next charge uses the new"
                            + " card.",
                    "billing"),
            faq(
                    "failed-payment",
                    "What happens if a payment fails?",
                    "We retry a failed payment three times over a week and email the billing contact each time. If"
                            + " all attempts fail, the workspace switches to read-only until the balance is paid.",
                    "billing"),
            faq(
                    "billing-cycle",
                    "When am I billed?",
                    "Monthly plans are charged on the same day each month as the day you subscribed; annual plans"
                            + " once a year. You can switch between monthly and annual billing at any time.",
                    "billing"),
            faq(
                    "free-trial",
                    "How long is the free trial?",
                    "Every new workspace gets a 14-day free trial of the Business plan. No credit card is needed;"
                            + " at the end you choose a plan or the workspace is paused.",
                    "billing"),
            faq(
                    "discounts",
                    "Do you offer discounts for nonprofits or education?",
                    "Registered nonprofits and schools get 50% off any plan. Send proof of status to billing to"
                            + " apply the discount.",
                    "billing"),
            faq(
                    "sales-tax",
                    "Why was sales tax added to my bill?",
                    "We are required to collect VAT or sales tax depending on your country or state. Businesses with"
                            + " a valid VAT number are exempt under the reverse-charge rule.",
                    "billing"),
            // technical
            faq(
                    "api-rate-limits",
                    "What are the API rate limits?",
                    "Each API token may send 600 requests per minute. Above that the API answers 429 Too Many"
                            + " Requests with a Retry-After header telling you how long to wait.",
                    "technical"),
            faq(
                    "api-tokens",
                    "How do I create an API token?",
                    "Create personal API tokens under Account menu > API tokens. A token is shown only once, so copy"
                            + " it right away. Revoke tokens you no longer use.",
                    "technical"),
            faq(
                    "export-data",
                    "How do I export my data?",
                    "Admins can export all tickets, contacts and knowledge base articles as CSV or JSON under"
                            + " Settings > Data > Export. Large exports are prepared in the background and emailed as"
                            + " a download link.",
                    "technical"),
            faq(
                    "import-data",
                    "Can I import tickets from another help desk?",
                    "Yes. Upload a CSV file under Settings > Data > Import, or use our importers for Zendesk and"
                            + " Freshdesk. Attachments and comments are imported too.",
                    "technical"),
            faq(
                    "webhooks",
                    "How do I set up webhooks?",
                    "Add a webhook endpoint under Settings > Integrations > Webhooks and choose the events to"
                            + " receive. Each delivery is signed with a secret so you can verify it.",
                    "technical"),
            faq(
                    "email-forwarding",
                    "How do I forward support emails into SupportLab?",
                    "Set up forwarding from your support mailbox to the unique address shown under Settings >"
                            + " Channels > Email. Incoming messages become tickets automatically.",
                    "technical"),
            faq(
                    "custom-domain",
                    "Can I use a custom domain for the help center?",
                    "Yes. Add a CNAME record pointing your domain, for example help.example.com, to our servers and"
                            + " enter it under Settings > Help center > Domain. We issue the TLS certificate for you.",
                    "technical"),
            faq(
                    "browser-support",
                    "Which browsers are supported?",
                    "The latest two versions of Chrome, Firefox, Safari and Edge. Internet Explorer is not"
                            + " supported.",
                    "technical"),
            faq(
                    "mobile-app",
                    "Is there a mobile app?",
                    "Yes, for iOS and Android. Download it from the App Store or Google Play and sign in with your"
                            + " usual account.",
                    "technical"),
            faq(
                    "slack-integration",
                    "How do I connect Slack?",
                    "Open Settings > Integrations > Slack and authorise the app. New tickets and replies can then be"
                            + " posted to the channel you choose.",
                    "technical"),
            faq(
                    "attachment-size",
                    "What is the maximum attachment size?",
                    "Files up to 25 MB can be attached to a ticket or reply. Larger files are rejected; share them"
                            + " through a link instead.",
                    "technical"),
            faq(
                    "emails-not-arriving",
                    "Why are my notification emails not arriving?",
                    "Check your spam folder and ask your IT team to allow our sending domain. Adding our SPF and DKIM"
                            + " records to your domain improves delivery.",
                    "technical"),
            faq(
                    "automation-rules",
                    "How do I create automation rules for tickets?",
                    "Under Settings > Automations you can assign, tag or close tickets automatically when conditions"
                            + " match, for example when a ticket has been waiting for a customer for seven days.",
                    "technical"),
            faq(
                    "sla-policies",
                    "How do SLA policies work?",
                    "An SLA policy sets target times for the first response and resolution by ticket priority."
                            + " Tickets about to breach are highlighted in the queue.",
                    "technical"),
            faq(
                    "service-status",
                    "Is SupportLab down? Where can I see the service status?",
                    "Our status page shows current incidents and scheduled maintenance. Subscribe to it to be"
                            + " notified of outages.",
                    "technical"),
            // general
            faq(
                    "contact-support",
                    "How do I contact customer support?",
                    "Open a ticket from the help center or write to our support team by email. We answer within one"
                            + " business day, faster on the Business and Enterprise plans.",
                    "general"),
            faq(
                    "data-security",
                    "How do you keep my data secure?",
                    "Data is encrypted in transit with TLS and at rest with AES-256. We run in ISO 27001 certified data"
                            + " centres and test our security regularly.",
                    "general"),
            faq(
                    "gdpr",
                    "Are you GDPR compliant?",
                    "Yes. We sign a data processing agreement with every customer, host data in the EU and support"
                            + " requests to access or erase personal data.",
                    "general"),
            faq(
                    "data-location",
                    "Where is my data stored?",
                    "Customer data is stored in data centres in Frankfurt, Germany, with backups in Amsterdam.",
                    "general"),
            faq(
                    "languages",
                    "Which languages does the help center support?",
                    "The help center and customer emails are available in English, German, French and Spanish; you"
                            + " can translate articles into any other language yourself.",
                    "general"),
            faq(
                    "business-hours",
                    "What are your support hours?",
                    "Our support team is available Monday to Friday, 8:00 to 20:00 CET. Urgent incidents on the"
                            + " Enterprise plan are handled around the clock.",
                    "general"),
            faq(
                    "pricing",
                    "How much does SupportLab cost?",
                    "Plans start at 15 EUR per agent per month billed annually. See the pricing page for the"
                            + " features of each plan.",
                    "general"),
            faq(
                    "keyboard-shortcuts",
                    "Are there keyboard shortcuts?",
                    "Press ? anywhere to see all shortcuts, for example J and K to move between tickets and R to"
                            + " reply.",
                    "general"),
            faq(
                    "onboarding",
                    "How do I get started with SupportLab?",
                    "Connect your support email, invite your team and publish your first help center articles. Our"
                            + " onboarding checklist on the dashboard walks you through each step.",
                    "general"));

    private HelpDeskFaqs() {}

    static IndexedFaq faq(String id, String question, String answer, String category) {
        return new IndexedFaq(id, question, answer, category, true, UPDATED);
    }
}
