// Triage remembers what the owner skipped (so a skipped contact does not come
// back first next session), and bulk changes carry a batch id in their event
// rows' data, so a whole batch can be found and undone.
export const version = 9;

export const sql = `
ALTER TABLE contacts ADD COLUMN triage_skipped_at TEXT;
CREATE INDEX events_batch ON events (json_extract(data, '$.batch')) WHERE json_extract(data, '$.batch') IS NOT NULL;
`;
