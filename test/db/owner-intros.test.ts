// The store under the owner's intros: its migration keeps every earlier
// request a member's, the person's answer and the contact's yes move once,
// and the owner's search treats what he types as literals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { tempDbPath } from '../support/core.ts';

let tmp: ReturnType<typeof tempDbPath>;
const at = '2026-11-02T09:00:00.000Z';

beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

// The migration that adds the owner's intros (found by what it does, not by its number).
const OWNER_INTROS = MIGRATIONS.find((m) => m.sql.includes('ADD COLUMN origin'))?.version ?? 0;

describe('the owner-intros migration', () => {
  it("upgrades a database with requests in it: they stay members' requests", () => {
    expect(OWNER_INTROS).toBeGreaterThan(1);
    // The row is written as the schema just before that migration has it (the store's own insert writes newer columns).
    const before = openDatabase(tmp.path, { migrateTo: OWNER_INTROS - 1 });
    before.prepare("INSERT INTO members (platform, user_id, display_name, status, created_at, updated_at) VALUES ('slack', 'U1', 'Alice', 'member', ?, ?)").run(at, at);
    before.prepare("INSERT INTO contacts (name, vetted, created_at, updated_at) VALUES ('Ana', 1, ?, ?)").run(at, at);
    before
      .prepare("INSERT INTO intro_requests (member_id, contact_id, how_know, why_contact, blurb, status, expires_at, created_at, updated_at) VALUES (1, 1, 'a', 'b', 'c', 'pending', ?, ?, ?)")
      .run(at, at, at);
    before.close();
    const after = SqliteStore.open(tmp.path);
    try {
      expect(after.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(after.getRequest(1)).toMatchObject({ origin: 'member', personName: null, personEmail: null, personStage: null, contactYesAt: null });
    } finally {
      after.close();
    }
  });
});

describe('owner intros in the store', () => {
  it('an owner intro starts approved, each side moves once, and a closed intro moves no more', () => {
    const s = SqliteStore.open(tmp.path);
    try {
      const m = s.saveMember({ platform: 'slack', userId: 'UOWNER', displayName: 'Sam', status: 'member', at });
      const c = s.insertContact({ name: 'Ana' }, at);
      const r = s.insertOwnerIntro({ memberId: m.id, contactId: c.id, whyContact: 'why', blurb: 'blurb', personName: 'Jordan', personEmail: 'j@example.org', decidedBy: 'slack:UOWNER', at, expiresAt: at });
      expect(r).toMatchObject({ origin: 'owner', status: 'approved', personStage: 'awaiting', decidedBy: 'slack:UOWNER', howKnow: '' });
      expect(s.markContactYes(r.id, at)).toBe(false); // not asked yet: no stage
      expect(s.setStage(r.id, [null], 'awaiting_contact', at)).toBe(true);
      expect(s.markContactYes(r.id, at)).toBe(true);
      expect(s.markContactYes(r.id, at)).toBe(false);
      expect(s.setPersonStage(r.id, ['awaiting'], 'yes', at)).toBe(true);
      expect(s.setPersonStage(r.id, ['awaiting'], 'no', at)).toBe(false);
      expect(s.transitionRequest(r.id, ['approved'], 'withdrawn', { at })).toBe(true);
      expect(s.setPersonStage(r.id, ['yes'], 'no', at)).toBe(false);
    } finally {
      s.close();
    }
  });

  it("the owner's search finds any contact by public words or his private email and notes, wildcards as literals", () => {
    const s = SqliteStore.open(tmp.path);
    try {
      s.insertContact({ name: 'Uma Unvetted', company: 'Quiet Labs', email: 'uma@quiet.example', notes: '50% equity talk' }, at);
      s.insertContact({ name: 'Olly Optout', company: 'Quiet Labs', vetted: true, openToIntros: false, notes: 'prefers_calls' }, at);
      const names = (q: string) => s.searchAllContacts(q, { limit: 10, offset: 0 }).items.map((c) => c.name);
      expect(names('quiet')).toEqual(['Olly Optout', 'Uma Unvetted']); // vetted first
      expect(names('uma@quiet')).toEqual(['Uma Unvetted']);
      expect(names('50%')).toEqual(['Uma Unvetted']);
      expect(names('s_c')).toEqual(['Olly Optout']); // "_" is a literal underscore, not "any character"
      expect(names('%')).toEqual(['Uma Unvetted']);
      for (const q of ['"', 'NEAR(', 'a AND', '-x', '*', "o'neil"]) expect(() => names(q)).not.toThrow();
      // Members' search is unchanged: vetted and open only.
      expect(s.searchContacts('quiet', { limit: 10, offset: 0 }).items).toEqual([]);
    } finally {
      s.close();
    }
  });
});
