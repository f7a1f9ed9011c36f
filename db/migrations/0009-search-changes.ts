// What changed for search, in order, so every in-memory search index (the
// bot's, a worker's, another process's) can catch up with the database
// without reading it all again (see db/search-index.ts). Triggers fill it:
// a contact added, removed or with new searchable text (text = 1), or with a
// new vetting, opt-out, strength or intro approval (text = 0). AUTOINCREMENT
// keeps the numbers rising even after old rows are pruned.
export const version = 9;

export const sql = `
CREATE TABLE search_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL,
  text INTEGER NOT NULL CHECK (text IN (0, 1))
) STRICT;

CREATE TRIGGER search_changes_contact_added AFTER INSERT ON contacts BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (new.id, 1);
END;
CREATE TRIGGER search_changes_contact_deleted AFTER DELETE ON contacts BEGIN
  INSERT INTO search_changes (contact_id, text) VALUES (old.id, 1);
END;
CREATE TRIGGER search_changes_contact_text AFTER UPDATE OF name, title, company, location, tags, topics, bio ON contacts BEGIN
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
`;
