// Triage remembers what the owner skipped (so a skipped contact does not come
// back first next session), and bulk changes carry a batch id in their event
// rows' data, so a whole batch can be found and undone. The triage queue's
// default order ("most recently connected") has an index on its key, the same
// expression as in db/triage-queries.ts, so the next card is one index step.
export const version = 10;

export const sql = `
ALTER TABLE contacts ADD COLUMN triage_skipped_at TEXT;
CREATE INDEX contacts_triage_recent ON contacts (
  (CASE WHEN connected_on IS NULL THEN '1' ELSE '0' || printf('%08d', 99999999 - CAST(replace(connected_on, '-', '') AS INTEGER)) END)
  || char(1) || printf('%012d', 999999999999 - id)
) WHERE removed = 0 AND vetted = 0 AND open_to_intros = 1;
-- Counting the queue (the deck's "of 2,970") reads this index alone.
CREATE INDEX contacts_triage_queue ON contacts (triage_skipped_at) WHERE removed = 0 AND vetted = 0 AND open_to_intros = 1;
CREATE INDEX events_batch ON events (json_extract(data, '$.batch')) WHERE json_extract(data, '$.batch') IS NOT NULL;
`;
