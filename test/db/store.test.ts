import Database from 'better-sqlite3';
import type { MessageKind } from '../../src/messages.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, LATEST_VERSION } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { addContact, makeCore, tempDbPath, type TestCore } from '../support/core.ts';

describe('opening the database', () => {
  let tmp: ReturnType<typeof tempDbPath>;
  beforeEach(() => {
    tmp = tempDbPath();
  });
  afterEach(() => tmp.cleanup());

  it('creates the schema with WAL, foreign keys and the latest user_version', () => {
    const db = openDatabase(tmp.path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const strict = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT' ORDER BY name").pluck().all();
    expect(strict).toEqual(expect.arrayContaining(['contacts', 'events', 'intro_requests', 'members', 'outbox']));
    db.close();
  });

  it('is idempotent: reopening migrates nothing twice and keeps data', () => {
    const store = SqliteStore.open(tmp.path);
    store.insertContact({ name: 'Kept Person' }, '2026-01-01T00:00:00Z');
    store.close();
    const again = SqliteStore.open(tmp.path);
    expect(again.listContacts().map((c) => c.name)).toEqual(['Kept Person']);
    again.close();
  });

  it('refuses a database newer than the code with a clear message', () => {
    const raw = new Database(tmp.path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(tmp.path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(tmp.path)).toThrow(/newer than this intro-broker understands/);
  });
});

describe('the store', () => {
  let t: TestCore;
  beforeEach(() => {
    t = makeCore();
  });
  afterEach(() => t.cleanup());

  it('keeps the event log append-only', () => {
    t.ctx.store.appendEvent({ at: 'now', actor: 'test', kind: 'x' });
    expect(() => t.ctx.store.db.prepare('UPDATE events SET kind = ?').run('y')).toThrow(/append-only/);
    expect(() => t.ctx.store.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('keeps the search index in step with edits and removals', () => {
    const c = addContact(t);
    expect(t.ctx.store.searchContacts('lumen', { limit: 5, offset: 0 }).items).toHaveLength(1);
    t.ctx.store.updateContact(c.id, { company: 'Orbit Bank' }, 'now');
    expect(t.ctx.store.searchContacts('lumen', { limit: 5, offset: 0 }).items).toHaveLength(0);
    expect(t.ctx.store.searchContacts('orbit', { limit: 5, offset: 0 }).items).toHaveLength(1);
    expect(t.ctx.store.removeContact(c.id, 'now')).toBe('deleted');
    expect(t.ctx.store.searchContacts('orbit', { limit: 5, offset: 0 }).items).toHaveLength(0);
    expect(t.ctx.store.db.prepare("INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);
  });

  it('re-imports by key: updates what changed, keeps the owner curation', () => {
    const key = 'https://www.linkedin.com/in/ana';
    expect(t.ctx.store.upsertContactByImportKey({ name: 'Ana F', company: 'Lumen', importKey: key, source: 'linkedin' }, 't1')).toBe('added');
    const [c] = t.ctx.store.listContacts();
    t.ctx.store.updateContact(c!.id, { vetted: true, tags: ['fintech'], notes: 'owner note' }, 't2');
    expect(t.ctx.store.upsertContactByImportKey({ name: 'Ana F', company: 'Lumen', importKey: key, source: 'linkedin' }, 't3')).toBe('unchanged');
    expect(t.ctx.store.upsertContactByImportKey({ name: 'Ana F', company: 'Lumen Pay', importKey: key, source: 'linkedin' }, 't4')).toBe('updated');
    const after = t.ctx.store.listContacts();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ company: 'Lumen Pay', vetted: true, tags: ['fintech'], notes: 'owner note' });
  });

  it('removes a contact with history by erasing its private fields', () => {
    const c = addContact(t);
    const m = t.ctx.store.saveMember({ platform: 'console', userId: 'a', displayName: 'A', status: 'member', at: 'now' });
    t.ctx.store.insertRequest({ memberId: m.id, contactId: c.id, howKnow: 'h', whyContact: 'w', blurb: 'b', at: 'now', expiresAt: 'later' });
    expect(t.ctx.store.removeContact(c.id, 'now')).toBe('anonymised');
    const row = t.ctx.store.db.prepare('SELECT email, phone, notes, linkedin_url, removed FROM contacts WHERE id = ?').get(c.id);
    expect(row).toEqual({ email: null, phone: null, notes: null, linkedin_url: null, removed: 1 });
    expect(t.ctx.store.getContact(c.id)).toBeNull();
  });

  it("drops the contact's details from the outbox too: unsent drafts go, sent ones become stubs", () => {
    const c = addContact(t);
    const m = t.ctx.store.saveMember({ platform: 'console', userId: 'a', displayName: 'A', status: 'member', at: 'now' });
    const r = t.ctx.store.insertRequest({ memberId: m.id, contactId: c.id, howKnow: 'h', whyContact: 'w', blurb: 'b', at: 'now', expiresAt: 'later' });
    const draft = (key: string, kind: MessageKind) =>
      t.ctx.store.enqueue({ dedupeKey: `request:${r.id}:${key}`, platform: 'console', recipients: ['owner'], kind, view: { summary: 'to ana.private@example.com', blocks: [] }, at: 'now' });
    draft('optin', 'owner.optin_email');
    draft('intro_email', 'owner.intro_email');
    draft('decision', 'member.decision_notice');
    t.ctx.store.markSent(1, 'now', 'ref');
    t.ctx.store.removeContact(c.id, 'now');
    const left = t.ctx.store.listOutbox().map((o) => [o.kind, o.status, o.view.summary]);
    expect(left).toEqual([
      ['owner.optin_email', 'sent', '(removed with the contact)'],
      ['member.decision_notice', 'pending', 'to ana.private@example.com'],
    ]);
  });

  it('allows only one open request per member and contact', () => {
    const c = addContact(t);
    const m = t.ctx.store.saveMember({ platform: 'console', userId: 'a', displayName: 'A', status: 'member', at: 'now' });
    const input = { memberId: m.id, contactId: c.id, howKnow: 'h', whyContact: 'w', blurb: 'b', at: 'now', expiresAt: 'later' };
    t.ctx.store.insertRequest(input);
    expect(() => t.ctx.store.insertRequest(input)).toThrow(/UNIQUE/);
  });

  it('uses the search index rather than scanning contacts', () => {
    const plan = t.ctx.store.db
      .prepare("EXPLAIN QUERY PLAN SELECT c.id FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid WHERE contacts_fts MATCH 'x*' AND c.vetted = 1")
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/VIRTUAL TABLE INDEX/);
    expect(details).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
  });
});
