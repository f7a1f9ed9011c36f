// What changed for search, in order, so every in-memory search index (the
// bot's, a worker's, another process's) can catch up with the database
// without reading it all again (see db/search-index.ts). Triggers fill it:
// a contact added, removed or with new searchable text (text = 1), or with a
// new vetting, opt-out, strength or intro approval (text = 0). A bulk import
// logs one row with contact_id 0 when it ends instead of one per contact
// (indexes then build again). AUTOINCREMENT keeps the numbers rising even
// after old rows are pruned.
//
// And a bulk import mode: while `search_bulk_import` has its row, the
// full-text index is not kept row by row (FTS5 does that ~4x slower than one
// rebuild); the import rebuilds it once at the end and removes the row. A
// crashed import's row is found by its stale heartbeat and the index rebuilt
// (SqliteStore.open).
export const version = 9;

export const sql = `
CREATE TABLE search_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL,
  text INTEGER NOT NULL CHECK (text IN (0, 1))
) STRICT;

CREATE TRIGGER search_changes_contact_added AFTER INSERT ON contacts WHEN NOT EXISTS (SELECT 1 FROM search_bulk_import) BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (new.id, 1);
END;
CREATE TRIGGER search_changes_contact_deleted AFTER DELETE ON contacts BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (old.id, 1);
END;
CREATE TRIGGER search_changes_contact_text AFTER UPDATE OF name, title, company, location, tags, topics, bio ON contacts
  WHEN NOT EXISTS (SELECT 1 FROM search_bulk_import) BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (new.id, 1);
END;
CREATE TRIGGER search_changes_contact_rank AFTER UPDATE OF vetted, open_to_intros, removed, strength ON contacts BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (new.id, 0);
END;
CREATE TRIGGER search_changes_intro_added AFTER INSERT ON intro_requests WHEN new.status = 'approved' BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (new.contact_id, 0);
END;
CREATE TRIGGER search_changes_intro_decided AFTER UPDATE OF status, decided_at ON intro_requests
  WHEN new.status = 'approved' OR old.status = 'approved' BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (new.contact_id, 0);
END;

CREATE TABLE search_bulk_import (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at TEXT NOT NULL,
  heartbeat_at INTEGER NOT NULL
) STRICT;

DROP TRIGGER contacts_ai;
DROP TRIGGER contacts_ad;
DROP TRIGGER contacts_au;
CREATE TRIGGER contacts_ai AFTER INSERT ON contacts WHEN NOT EXISTS (SELECT 1 FROM search_bulk_import) BEGIN
  INSERT INTO contacts_fts (rowid, name, title, company, location, tags, topics, bio)
  VALUES (new.id, new.name, new.title, new.company, new.location, new.tags, new.topics, new.bio);
END;
CREATE TRIGGER contacts_ad AFTER DELETE ON contacts WHEN NOT EXISTS (SELECT 1 FROM search_bulk_import) BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, name, title, company, location, tags, topics, bio)
  VALUES ('delete', old.id, old.name, old.title, old.company, old.location, old.tags, old.topics, old.bio);
END;
CREATE TRIGGER contacts_au AFTER UPDATE OF name, title, company, location, tags, topics, bio ON contacts
  WHEN NOT EXISTS (SELECT 1 FROM search_bulk_import) BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, name, title, company, location, tags, topics, bio)
  VALUES ('delete', old.id, old.name, old.title, old.company, old.location, old.tags, old.topics, old.bio);
  INSERT INTO contacts_fts (rowid, name, title, company, location, tags, topics, bio)
  VALUES (new.id, new.name, new.title, new.company, new.location, new.tags, new.topics, new.bio);
END;
`;
