// A pending request can now be 'closed': its contact opted out or was removed,
// or its requester was removed or blocked. A request also remembers the form
// submission that made it (submission_key), so a repeated submission is one request. SQLite cannot change a CHECK in
// place, so intro_requests is rebuilt; tasks (which refer to it) are set aside
// and restored around the rebuild, so no foreign key ever points nowhere.
export const version = 6;

export const sql = `
CREATE TABLE tasks_kept AS SELECT * FROM tasks;
DROP TABLE tasks;

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
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('met', 'no_reply', 'opportunity', 'job')),
  introduced_at TEXT,
  contact_answered_at TEXT,
  outcome_at TEXT,
  -- The platform's id of the form submission that made it (Slack's view id):
  -- a repeated submission finds this request for as long as it exists.
  submission_key TEXT UNIQUE
) STRICT;
INSERT INTO intro_requests_new (id, member_id, contact_id, how_know, why_contact, blurb, status, decline_reason, decided_by, decided_at,
    expires_at, created_at, updated_at, stage, outcome, introduced_at, contact_answered_at, outcome_at)
  SELECT id, member_id, contact_id, how_know, why_contact, blurb, status, decline_reason, decided_by, decided_at,
    expires_at, created_at, updated_at, stage, outcome, introduced_at, contact_answered_at, outcome_at
  FROM intro_requests;
DROP TABLE intro_requests;
ALTER TABLE intro_requests_new RENAME TO intro_requests;
CREATE UNIQUE INDEX intro_requests_one_open ON intro_requests (member_id, contact_id) WHERE status = 'pending';
CREATE INDEX intro_requests_member ON intro_requests (member_id, status);
CREATE INDEX intro_requests_contact ON intro_requests (contact_id, status, decided_at);
CREATE INDEX intro_requests_status ON intro_requests (status, created_at);
CREATE INDEX intro_requests_stage ON intro_requests (stage);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('remind_owner', 'expire_request', 'expire_optin', 'follow_up', 'follow_up_nudge')),
  request_id INTEGER NOT NULL REFERENCES intro_requests (id),
  due_at TEXT NOT NULL,
  done_at TEXT,
  dedupe_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO tasks (id, kind, request_id, due_at, done_at, dedupe_key, created_at)
  SELECT id, kind, request_id, due_at, done_at, dedupe_key, created_at FROM tasks_kept;
DROP TABLE tasks_kept;
CREATE INDEX tasks_due ON tasks (due_at) WHERE done_at IS NULL;
`;
