// The outbox learns three things: a message can fail for good ('failed', after
// a permanent platform error or too many attempts); it can edit an earlier
// message (edit_of) or wait for one (after_id); and its recipients are a JSON list instead of a comma list.
// SQLite cannot change a CHECK in place, so the table is rebuilt (nothing refers to it).
export const version = 5;

export const sql = `
CREATE TABLE outbox_new (
  id INTEGER PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  recipients TEXT NOT NULL CHECK (json_valid(recipients) AND json_type(recipients) = 'array'),
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  ref TEXT,
  sent_at TEXT,
  failed_at TEXT,
  edit_of INTEGER REFERENCES outbox_new (id),
  -- Sent only once this one is no longer pending (a notice that must not outrun what it announces).
  after_id INTEGER REFERENCES outbox_new (id),
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO outbox_new (id, dedupe_key, platform, recipients, kind, payload, status, attempts, next_attempt_at, last_error, ref, sent_at, created_at)
  SELECT id, dedupe_key, platform, '["' || replace(recipient, ',', '","') || '"]', kind, payload, status, attempts, next_attempt_at, last_error, ref, sent_at, created_at
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_edit_of ON outbox (edit_of) WHERE edit_of IS NOT NULL;
`;
