// The import keys of contacts the owner removed, so that re-importing the same
// LinkedIn export does not bring them (and their private fields) back.
export const version = 4;

export const sql = `
CREATE TABLE removed_import_keys (
  import_key TEXT PRIMARY KEY,
  removed_at TEXT NOT NULL
) STRICT;
`;
