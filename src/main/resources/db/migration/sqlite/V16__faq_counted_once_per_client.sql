-- Feedback, views and deflections count once per client. A client is a keyed hash of its network
-- address (never the address itself). A client has one vote per article, which it may change; a
-- view counts once per client, article and UTC day; a deflection once per article and ticket draft
-- and once per client, article and UTC day. The rows exist only to recognise a repeat: views and the
-- deflections' client columns are forgotten after their day, votes 90 days after they were cast.

CREATE TABLE faq_votes (
    faq_id   TEXT NOT NULL REFERENCES faqs (id) ON DELETE CASCADE,
    client   TEXT NOT NULL,
    helpful  INTEGER NOT NULL,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (faq_id, client)
);
CREATE INDEX faq_votes_voted_idx ON faq_votes (voted_at);

CREATE TABLE faq_views (
    faq_id TEXT NOT NULL REFERENCES faqs (id) ON DELETE CASCADE,
    client TEXT NOT NULL,
    day    TEXT NOT NULL,
    PRIMARY KEY (faq_id, client, day)
);
CREATE INDEX faq_views_day_idx ON faq_views (day);

ALTER TABLE faq_deflections ADD COLUMN client TEXT;
ALTER TABLE faq_deflections ADD COLUMN client_day TEXT;
CREATE UNIQUE INDEX faq_deflections_client_idx ON faq_deflections (faq_id, client, client_day);
CREATE INDEX faq_deflections_client_day_idx ON faq_deflections (client_day) WHERE client_day IS NOT NULL;
