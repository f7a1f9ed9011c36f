// The owner's way back and his own words: a request can be sent back for
// changes (with his note), the intro text he edited is kept, members may give
// an email for email intros, outcomes fit the ask (useful, raised, not useful
// join met, opportunity and job).
//
// SQLite cannot change a CHECK constraint, so intro_requests is rebuilt (the
// documented 12-step way, inside the migration's transaction): foreign keys
// from tasks are deferred to the commit, when the new table has the rows.
export const version = 7;

export const sql = `
PRAGMA defer_foreign_keys = ON;
CREATE TABLE intro_requests_new (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id),
  contact_id INTEGER NOT NULL REFERENCES contacts (id),
  how_know TEXT NOT NULL,
  why_contact TEXT NOT NULL,
  blurb TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'withdrawn', 'expired', 'closed')),
  decline_reason TEXT CHECK (decline_reason IS NULL OR decline_reason IN ('not_now', 'dont_know_contact', 'dont_know_you')),
  decided_by TEXT,
  decided_at TEXT,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  stage TEXT CHECK (stage IS NULL OR stage IN ('awaiting_contact', 'contact_declined', 'contact_expired', 'introduced')),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('met', 'no_reply', 'opportunity', 'job', 'useful', 'raised', 'not_useful')),
  introduced_at TEXT,
  contact_answered_at TEXT,
  outcome_at TEXT,
  submission_key TEXT UNIQUE,
  changes_note TEXT,
  changes_requested_at TEXT,
  intro_text TEXT
) STRICT;
INSERT INTO intro_requests_new (id, member_id, contact_id, how_know, why_contact, blurb, status, decline_reason, decided_by, decided_at,
  expires_at, created_at, updated_at, stage, outcome, introduced_at, contact_answered_at, outcome_at, submission_key)
SELECT id, member_id, contact_id, how_know, why_contact, blurb, status, decline_reason, decided_by, decided_at,
  expires_at, created_at, updated_at, stage, outcome, introduced_at, contact_answered_at, outcome_at, submission_key FROM intro_requests;
DROP TABLE intro_requests;
ALTER TABLE intro_requests_new RENAME TO intro_requests;
CREATE UNIQUE INDEX intro_requests_one_open ON intro_requests (member_id, contact_id) WHERE status = 'pending';
CREATE INDEX intro_requests_member ON intro_requests (member_id, status);
CREATE INDEX intro_requests_contact ON intro_requests (contact_id, status, decided_at);
CREATE INDEX intro_requests_status ON intro_requests (status, created_at);
CREATE INDEX intro_requests_stage ON intro_requests (stage);

ALTER TABLE members ADD COLUMN email TEXT;
`;
