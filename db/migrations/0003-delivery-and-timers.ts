// After approval: the contact is asked first (double opt-in), the intro is
// made, and the requester is followed up. `stage` tracks delivery, `outcome`
// what came of it, and `tasks` holds every due time (reminders, expiries,
// follow-ups) so that they survive restarts and run exactly once.
export const version = 3;

export const sql = `
ALTER TABLE intro_requests ADD COLUMN stage TEXT
  CHECK (stage IS NULL OR stage IN ('awaiting_contact', 'contact_declined', 'contact_expired', 'introduced'));
ALTER TABLE intro_requests ADD COLUMN outcome TEXT
  CHECK (outcome IS NULL OR outcome IN ('met', 'no_reply', 'opportunity', 'job'));
ALTER TABLE intro_requests ADD COLUMN introduced_at TEXT;
ALTER TABLE intro_requests ADD COLUMN contact_answered_at TEXT;
ALTER TABLE intro_requests ADD COLUMN outcome_at TEXT;
CREATE INDEX intro_requests_stage ON intro_requests (stage);
-- The terminal demo's stand-in for a contact who is also on chat.
ALTER TABLE contacts ADD COLUMN console_user_id TEXT;

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('remind_owner', 'expire_request', 'expire_optin', 'follow_up', 'follow_up_nudge')),
  request_id INTEGER NOT NULL REFERENCES intro_requests (id),
  due_at TEXT NOT NULL,
  done_at TEXT,
  dedupe_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX tasks_due ON tasks (due_at) WHERE done_at IS NULL;
`;
