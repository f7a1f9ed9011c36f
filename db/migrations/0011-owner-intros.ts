// Intros the owner starts himself (/introduce): the same intro_requests row, so
// follow-ups, events and the funnel are shared with member requests. `origin`
// tells them apart; the person introduced is `member_id` when they are a
// member, else the owner's own member row with their name and email here.
// Both sides opt in: the contact (stage, as before) and the person (person_stage).
export const version = 11;

export const sql = `
ALTER TABLE intro_requests ADD COLUMN origin TEXT NOT NULL DEFAULT 'member' CHECK (origin IN ('member', 'owner'));
ALTER TABLE intro_requests ADD COLUMN person_name TEXT;
ALTER TABLE intro_requests ADD COLUMN person_email TEXT;
ALTER TABLE intro_requests ADD COLUMN person_stage TEXT CHECK (person_stage IS NULL OR person_stage IN ('awaiting', 'yes', 'no'));
ALTER TABLE intro_requests ADD COLUMN contact_yes_at TEXT;
`;
