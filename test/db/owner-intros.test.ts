// The store under the owner's intros: migration 0005 keeps every earlier
// request a member's, the person's answer and the contact's yes move once,
// and the owner's search treats what he types as literals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { tempDbPath } from '../support/core.ts';

let tmp: ReturnType<typeof tempDbPath>;
const at = '2026-11-02T09:00:00.000Z';

beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

describe('migration 0005 (owner intros)', () => {
  it("upgrades a database with requests in it: they stay members' requests", () => {
    const before = new SqliteStore(openDatabase(tmp.path, { migrateTo: 4 }));
    const m = before.saveMember({ platform: 'slack', userId: 'U1', displayName: 'Alice', status: 'member', at });
    const c = before.insertContact({ name: 'Ana', vetted: true }, at);
    before.insertRequest({ memberId: m.id, contactId: c.id, howKnow: 'a', whyContact: 'b', blurb: 'c', at, expiresAt: at });
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
