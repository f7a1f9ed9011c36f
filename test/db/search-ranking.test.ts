// The store's search ranks every match exactly as src/rules/ranking.ts says:
// the in-memory index (db/search-index.ts) against FTS5's own bm25() over all
// matches (db/search-reference.ts), on random rolodexes and queries, page by
// page; and the behaviour a member notices: close contacts first, recently
// introduced ones further down, every match reachable.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { termsOf } from '../../db/fts-query.ts';
import { exactFullRanking } from '../../db/search-reference.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import type { Strength } from '../../src/domain.ts';
import type { ContactInput } from '../../src/ports.ts';
import { addContact, makeCore, type TestCore } from '../support/core.ts';

const NOW = '2026-11-02T09:00:00.000Z';
const none = { email: null, phone: null, linkedinUrl: null, notes: null, bio: null, tags: [], topics: [] };

// Small vocabularies, so words repeat across contacts and columns, prefixes
// cover several words, and ties happen.
const WORDS = ['ana', 'anders', 'andré', 'fin', 'finance', 'fintech', 'finn', 'José', 'jose', 'Zoë', 'zoe', 'engineer', 'engineering', 'lead', 'pay', 'payments', 'lisbon', 'london', 'Ødegaard', 'O\'Neil', 'c++', 'data', 'Müller', 'muller', 'x'];
const word = fc.constantFrom(...WORDS);
const text = (max: number) => fc.array(word, { minLength: 0, maxLength: max }).map((ws) => (ws.length ? ws.join(' ') : null));
const strength = fc.constantFrom<Strength>('close', 'known', 'acquainted');
const contactArb = fc.record({
  name: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  title: text(3),
  company: text(2),
  location: text(2),
  tags: fc.array(word, { maxLength: 3 }),
  bio: text(6),
  strength,
  vetted: fc.boolean(),
  openToIntros: fc.boolean(),
  removed: fc.boolean(),
  /** Days before NOW of an approved intro, or null. */
  introDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
});
const queryArb = fc.oneof(
  word,
  word.map((w) => w.slice(0, 2)),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  word.map((w) => `${w}x`), // a typo: the looser query takes over
);

type Generated = typeof contactArb extends fc.Arbitrary<infer T> ? T : never;

function seed(store: SqliteStore, contacts: Generated[]): number[] {
  const ids: number[] = [];
  const member = store.saveMember({ platform: 'console', userId: 'm', displayName: 'M', status: 'member', at: NOW });
  store.transaction(() => {
    for (const c of contacts) {
      const input: ContactInput = { ...none, name: c.name, title: c.title, company: c.company, location: c.location, tags: c.tags, bio: c.bio, strength: c.strength, vetted: c.vetted, openToIntros: c.openToIntros };
      const id = store.insertContact(input, NOW).id;
      ids.push(id);
      if (c.introDaysAgo !== null) {
        const at = new Date(Date.parse(NOW) - c.introDaysAgo * 86_400_000).toISOString();
        const r = store.insertRequest({ memberId: member.id, contactId: id, howKnow: 'h', whyContact: 'w', blurb: 'b', at, expiresAt: NOW });
        store.transitionRequest(r.id, ['pending'], 'approved', { at, decidedBy: 'owner' });
      }
      if (c.removed) store.removeContact(id, NOW);
    }
  });
  return ids;
}

/** Every page the store gives, five at a time, until it says there is no more. */
function allPages(store: SqliteStore, q: string): number[] {
  const seen: number[] = [];
  for (let offset = 0; offset < 1_000; offset += 5) {
    const page = store.searchContacts(q, { limit: 5, offset, now: NOW });
    seen.push(...page.items.map((c) => c.id));
    if (!page.hasMore) break;
  }
  return seen;
}

describe('the in-memory ranking against FTS5 bm25 over every match', () => {
  it('gives the same top five and the same pages on random rolodexes and queries', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { minLength: 1, maxLength: 40 }), fc.array(queryArb, { minLength: 1, maxLength: 4 }), (contacts, queries) => {
        const store = SqliteStore.open(':memory:');
        try {
          seed(store, contacts);
          for (const q of queries) {
            const exact = exactFullRanking(store.db, q, NOW).map((h) => h.id);
            expect(store.searchContacts(q, { limit: 5, offset: 0, now: NOW }).items.map((c) => c.id)).toEqual(exact.slice(0, 5));
            expect(allPages(store, q)).toEqual(exact);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('stays exact after edits made through another connection to the same file', () => {
    fc.assert(
      fc.property(
        fc.array(contactArb, { minLength: 2, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), contactArb), { minLength: 1, maxLength: 6 }),
        queryArb,
        (contacts, edits, q) => {
          const t = makeCore();
          const other = SqliteStore.open(t.path);
          try {
            const ids = seed(t.ctx.store, contacts);
            t.ctx.store.searchContacts(q, { limit: 5, offset: 0, now: NOW }); // builds the index
            for (const [k, e] of edits) {
              const id = ids[k % ids.length]!;
              if (!other.getContact(id)) continue;
              other.updateContact(id, { name: e.name, title: e.title, strength: e.strength, vetted: e.vetted }, NOW);
            }
            other.insertContact({ ...none, name: contacts[0]!.name, title: 'engineer', vetted: true }, NOW);
            expect(allPages(t.ctx.store, q)).toEqual(exactFullRanking(t.ctx.store.db, q, NOW).map((h) => h.id));
          } finally {
            other.close();
            t.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('ranking', () => {
  let t: TestCore;
  beforeEach(() => {
    t = makeCore();
  });
  afterEach(() => t.cleanup());

  const search = (q: string, offset = 0) => t.ctx.store.searchContacts(q, { limit: 5, offset, now: t.ctx.clock.now().toISOString() });

  it('puts a close contact above an acquaintance whose words match as well', () => {
    const acquainted = addContact(t, { ...none, name: 'Rita Acquainted', title: 'Fintech Founder', strength: 'acquainted' });
    const close = addContact(t, { ...none, name: 'Rui Close', title: 'Fintech Founder', strength: 'close' });
    const known = addContact(t, { ...none, name: 'Rosa Known', title: 'Fintech Founder', strength: 'known' });
    expect(search('fintech').items.map((c) => c.id)).toEqual([close.id, known.id, acquainted.id]);
  });

  it('moves a contact down just after an intro, and back up as the weeks pass', () => {
    const a = addContact(t, { ...none, name: 'Ada One', title: 'Payments Lead' });
    const b = addContact(t, { ...none, name: 'Bea Two', title: 'Payments Lead' });
    expect(search('payments').items.map((c) => c.id)).toEqual([a.id, b.id]);
    const member = t.ctx.store.saveMember({ platform: 'console', userId: 'm', displayName: 'M', status: 'member', at: NOW });
    const at = t.ctx.clock.now().toISOString();
    const r = t.ctx.store.insertRequest({ memberId: member.id, contactId: a.id, howKnow: 'h', whyContact: 'w', blurb: 'b', at, expiresAt: at });
    t.ctx.store.transitionRequest(r.id, ['pending'], 'approved', { at, decidedBy: 'owner' });
    expect(search('payments').items.map((c) => c.id)).toEqual([b.id, a.id]);
    // Equal words: a tie only when the load has worn off entirely, so Bea stays ahead, by less and less.
    t.ctx.clock.advanceDays(365);
    expect(search('payments').items.map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it('reaches every match of a common word by paging, the 600th added included', () => {
    t.ctx.store.transaction(() => {
      for (let i = 0; i < 600; i++) t.ctx.store.insertContact({ ...none, name: `Person ${i}`, title: 'Software Engineer', vetted: true }, NOW);
    });
    const last = t.ctx.store.insertContact({ ...none, name: 'Ada Engineer', title: 'Engineer', vetted: true, strength: 'close' }, NOW);
    expect(search('engineer').items[0]?.id).toBe(last.id); // added last, ranked first
    const seen: number[] = [];
    for (let offset = 0; ; offset += 5) {
      const page = search('engineer', offset);
      seen.push(...page.items.map((c) => c.id));
      if (!page.hasMore) break;
    }
    expect(new Set(seen).size).toBe(601);
    expect(seen).toEqual(exactFullRanking(t.ctx.store.db, 'engineer', t.ctx.clock.now().toISOString()).map((h) => h.id));
  });

  it('shows vetted contacts open to intros only, and sees vetting and opting out at once', () => {
    const hidden = addContact(t, { ...none, name: 'Hidden Engineer', vetted: false });
    const shown = addContact(t, { ...none, name: 'Shown Engineer' });
    expect(search('engineer').items.map((c) => c.id)).toEqual([shown.id]);
    t.ctx.store.updateContact(hidden.id, { vetted: true }, NOW);
    t.ctx.store.updateContact(shown.id, { openToIntros: false }, NOW);
    expect(search('engineer').items.map((c) => c.id)).toEqual([hidden.id]);
  });
});

describe('terms', () => {
  it('folds case and Latin accents like the FTS5 index, and leaves other letters alone', () => {
    expect(termsOf("José ÁLVAREZ-Núñez, O'Neil c++ Zoë")).toEqual(['jose', 'alvarez', 'nunez', 'o', 'neil', 'c', 'zoe']);
    expect(termsOf('Ødegaard Αθήνα 東京')).toEqual(['ødegaard', 'αθήνα', '東京']);
    expect(termsOf('Jose\u0301 \u0301x')).toEqual(['jose', 'x']);
  });
});
