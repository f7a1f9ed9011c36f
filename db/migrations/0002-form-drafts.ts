// Drafts of forms that bounced, so reopening a form (Discord's "Edit request",
// a closed modal, a restart) shows everything the person typed.
export const version = 2;

export const sql = `
CREATE TABLE form_drafts (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  form_action TEXT NOT NULL,
  payload TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, user_id, form_action)
) STRICT;
`;
