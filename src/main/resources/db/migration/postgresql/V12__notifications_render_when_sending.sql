-- Emails are rendered when they are sent, not in the transaction of the change that causes them: a row
-- stores its template's parameters (JSON) and gets subject, text and HTML from the dispatcher. What is
-- stored is what staff may read, so it never holds a live link: the sign-in and unsubscribe links are
-- minted for each sent email and appear in the stored copy as "[redacted: ...]".

ALTER TABLE notifications ADD COLUMN parameters TEXT;
-- When subject, content and html_content were rendered (with redacted links); null until then.
ALTER TABLE notifications ADD COLUMN rendered_at TIMESTAMPTZ;
CREATE INDEX notifications_unrendered_idx ON notifications (created_at) WHERE rendered_at IS NULL;

-- Rows written before: rendered at the time, with live links in them. The text keeps everything before
-- the first link (the footer comes last); the HTML and the unsubscribe address are dropped. Such a row
-- still pending is sent as plain text without the links.
UPDATE notifications SET rendered_at = created_at;
UPDATE notifications SET content = substr(content, 1, strpos(content, '/unsubscribe?token=') + 18) || '[redacted]'
WHERE strpos(content, '/unsubscribe?token=') > 0;
UPDATE notifications SET content = substr(content, 1, strpos(content, '/my/access?token=') + 16) || '[redacted]'
WHERE strpos(content, '/my/access?token=') > 0;
UPDATE notifications SET html_content = NULL, unsubscribe_url = NULL;
