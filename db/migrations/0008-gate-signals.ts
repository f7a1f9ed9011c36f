// What carried each request through the quality gate ("shared history: ...,
// ask: ..."), kept with the request so the owner's card can show it. Requests
// made before the gate recorded this have none.
export const version = 8;

export const sql = `
ALTER TABLE intro_requests ADD COLUMN gate_signals TEXT;
`;
