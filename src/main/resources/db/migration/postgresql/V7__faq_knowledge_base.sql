-- The knowledge base: FAQ articles gain a publication status, an update time and counters; categories
-- become a table (the seed's four, and any staff add); searches and suggestion clicks are logged.

ALTER TABLE faqs ADD COLUMN status TEXT NOT NULL DEFAULT 'published';
ALTER TABLE faqs ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE faqs ADD COLUMN view_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE faqs ADD COLUMN helpful_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE faqs ADD COLUMN not_helpful_count INTEGER NOT NULL DEFAULT 0;
UPDATE faqs SET updated_at = created_at WHERE updated_at IS NULL;
CREATE INDEX faqs_status_created_idx ON faqs (status, created_at DESC, id DESC);

CREATE TABLE faq_categories (
    slug       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO faq_categories (slug, name) VALUES ('general', 'General'), ('account', 'Account'),
    ('technical', 'Technical'), ('billing', 'Billing');
INSERT INTO faq_categories (slug, name)
    SELECT DISTINCT category, category FROM faqs WHERE category NOT IN (SELECT slug FROM faq_categories);

-- Every search (source 'search') and ticket-form suggestion request (source 'suggestion').
CREATE TABLE faq_search_log (
    id           TEXT PRIMARY KEY,
    query        TEXT NOT NULL,
    result_count INTEGER NOT NULL,
    user_type    TEXT NOT NULL,
    source       TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX faq_search_log_created_idx ON faq_search_log (source, created_at);

-- A customer writing a ticket opened a suggested article: one row per article and ticket draft.
CREATE TABLE faq_deflections (
    id         TEXT PRIMARY KEY,
    faq_id     TEXT NOT NULL,
    draft_id   TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (faq_id, draft_id)
);
CREATE INDEX faq_deflections_created_idx ON faq_deflections (created_at);
