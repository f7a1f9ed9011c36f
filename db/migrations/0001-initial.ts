// The first schema: contacts (with their search index), members, intro requests,
// an append-only event log, and the outbox of messages still to send.
export const version = 1;

export const sql = `
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  title TEXT,
  company TEXT,
  location TEXT,
  tags TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '',
  bio TEXT,
  email TEXT,
  phone TEXT,
  linkedin_url TEXT,
  notes TEXT,
  strength TEXT NOT NULL DEFAULT 'known' CHECK (strength IN ('close', 'known', 'acquainted')),
  vetted INTEGER NOT NULL DEFAULT 0 CHECK (vetted IN (0, 1)),
  open_to_intros INTEGER NOT NULL DEFAULT 1 CHECK (open_to_intros IN (0, 1)),
  intro_cap INTEGER CHECK (intro_cap IS NULL OR intro_cap >= 0),
  no_optin INTEGER NOT NULL DEFAULT 0 CHECK (no_optin IN (0, 1)),
  slack_user_id TEXT,
  discord_user_id TEXT,
  source TEXT NOT NULL DEFAULT 'manual',
  import_key TEXT UNIQUE,
  connected_on TEXT,
  removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Only public fields are indexed; private ones can never match a member's search.
-- remove_diacritics makes "jose" find "José".
CREATE VIRTUAL TABLE contacts_fts USING fts5(
  name, title, company, location, tags, topics, bio,
  content = 'contacts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER contacts_ai AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_fts (rowid, name, title, company, location, tags, topics, bio)
  VALUES (new.id, new.name, new.title, new.company, new.location, new.tags, new.topics, new.bio);
END;
CREATE TRIGGER contacts_ad AFTER DELETE ON contacts BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, name, title, company, location, tags, topics, bio)
  VALUES ('delete', old.id, old.name, old.title, old.company, old.location, old.tags, old.topics, old.bio);
END;
CREATE TRIGGER contacts_au AFTER UPDATE OF name, title, company, location, tags, topics, bio ON contacts BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, name, title, company, location, tags, topics, bio)
  VALUES ('delete', old.id, old.name, old.title, old.company, old.location, old.tags, old.topics, old.bio);
  INSERT INTO contacts_fts (rowid, name, title, company, location, tags, topics, bio)
  VALUES (new.id, new.name, new.title, new.company, new.location, new.tags, new.topics, new.bio);
END;

CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
  user_id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('member', 'pending', 'declined', 'blocked')),
  admission_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (platform, user_id)
) STRICT;

CREATE TABLE intro_requests (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id),
  contact_id INTEGER NOT NULL REFERENCES contacts (id),
  how_know TEXT NOT NULL,
  why_contact TEXT NOT NULL,
  blurb TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'withdrawn', 'expired')),
  decline_reason TEXT CHECK (decline_reason IS NULL OR decline_reason IN ('not_now', 'dont_know_contact', 'dont_know_you')),
  decided_by TEXT,
  decided_at TEXT,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- A double submit or a platform retry cannot open a second request for the same pair.
CREATE UNIQUE INDEX intro_requests_one_open ON intro_requests (member_id, contact_id) WHERE status = 'pending';
CREATE INDEX intro_requests_member ON intro_requests (member_id, status);
CREATE INDEX intro_requests_contact ON intro_requests (contact_id, status, decided_at);
CREATE INDEX intro_requests_status ON intro_requests (status, created_at);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  request_id INTEGER,
  member_id INTEGER,
  contact_id INTEGER,
  data TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX events_request ON events (request_id);
CREATE INDEX events_member ON events (member_id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  recipient TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  ref TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
`;
