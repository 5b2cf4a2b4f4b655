-- Each help-center form (its signed token's nonce) files one ticket: sending the same form again
-- answers with that ticket instead of filing another, and a copied token is worth one ticket.
-- Rows are needed only while the token could still be accepted; later submissions delete them.
CREATE TABLE ticket_form_submissions (
    nonce      TEXT PRIMARY KEY,
    ticket_id  TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX ticket_form_submissions_expiry_idx ON ticket_form_submissions (expires_at);

-- Customers' requests for a new access link. The request only records itself (the same one row
-- for any address, so its timing tells nothing); a background job decides whether to mail a
-- link and deletes the row.
CREATE TABLE access_link_requests (
    id           TEXT PRIMARY KEY,
    email        TEXT NOT NULL,
    requested_at TEXT NOT NULL
);
CREATE INDEX access_link_requests_order_idx ON access_link_requests (requested_at, id);
