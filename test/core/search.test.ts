import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchContacts } from '../../src/use-cases/search-contacts.ts';
import type { View } from '../../src/views/view.ts';
import { addContact, addMember, alice, makeCore, owner, PRIVATE, stranger, type TestCore } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  addContact(t);
  addContact(t, { name: 'José Álvarez', title: 'Partner', company: 'Cordillera Ventures', location: 'Madrid', tags: ['investor'], topics: ['seed rounds'], email: null, phone: null, linkedinUrl: null, notes: null });
  addContact(t, { name: "Liam O'Neil", title: 'Founder', company: 'Harbor Health', location: 'Dublin', tags: ['healthtech', 'c++'], topics: [], email: null, phone: null, linkedinUrl: null, notes: null });
  addContact(t, { name: 'Unvetted Fintech', company: 'Lumen Pay', vetted: false, email: null });
  addContact(t, { name: 'Opted Out Fintech', company: 'Lumen Pay', openToIntros: false, email: null });
});
afterEach(() => t.cleanup());

const names = (v: View) => v.blocks.flatMap((b) => (b.kind === 'header' ? [b.text] : []));
const json = (v: View) => JSON.stringify(v);

describe('searchContacts', () => {
  it('finds only vetted contacts open to intros', () => {
    expect(names(searchContacts(t.ctx, alice, 'lumen'))).toEqual(['Ana Ferreira']);
  });

  it('is prefix and accent insensitive, and ranks a name match first', () => {
    expect(names(searchContacts(t.ctx, alice, 'jose'))).toEqual(['José Álvarez']);
    expect(names(searchContacts(t.ctx, alice, 'ALVA'))).toEqual(['José Álvarez']);
    expect(names(searchContacts(t.ctx, alice, 'cordil madr'))).toEqual(['José Álvarez']);
    addContact(t, { name: 'Marta Lisbon', company: 'Other', location: 'Porto', email: null });
    expect(names(searchContacts(t.ctx, alice, 'lisbon'))[0]).toBe('Marta Lisbon');
  });

  it('tolerates a small typo at the end of a long word', () => {
    expect(names(searchContacts(t.ctx, alice, 'cordillerx'))).toEqual(['José Álvarez']);
  });

  it('never puts a private field in a member view, even when the query names it', () => {
    for (const q of ['ana', PRIVATE.email, 'favour', 'secret', PRIVATE.phone]) {
      const view = json(searchContacts(t.ctx, alice, q));
      // The member's own query is echoed back; no other private value may appear.
      for (const secret of Object.values(PRIVATE).filter((v) => v !== q)) expect(view).not.toContain(secret);
    }
    // The private note's words are not searchable at all.
    expect(names(searchContacts(t.ctx, alice, 'favour'))).toEqual([]);
  });

  const hostile = [
    '"', 'AND', 'OR', 'NOT', '-x', 'a.b', 'c++', "o'neil", '*', '"unterminated', 'NEAR(a b)', 'name:ana', '^ana', '(ana', '😀', '🚀 fintech',
    'x'.repeat(10_000), 'ana '.repeat(2_500), '\u0000\u0007', 'ana AND OR NOT',
  ];
  it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 12)}… (${q.length} chars)` : q, q]))('answers any text safely: %j', (_label, q) => {
    const view = searchContacts(t.ctx, alice, q);
    expect(view.summary.length).toBeGreaterThan(0);
  });

  it('treats syntax characters as plain words', () => {
    expect(names(searchContacts(t.ctx, alice, "o'neil"))).toEqual(["Liam O'Neil"]);
    expect(names(searchContacts(t.ctx, alice, 'c++'))).toContain("Liam O'Neil");
    expect(names(searchContacts(t.ctx, alice, 'harbor AND'))).toEqual([]);
  });

  it('pages results five at a time with a More button', () => {
    for (let i = 0; i < 7; i++) addContact(t, { name: `Pay Person ${i}`, company: 'Paytech', email: null });
    const first = searchContacts(t.ctx, alice, 'paytech');
    expect(names(first)).toHaveLength(5);
    expect(json(first)).toContain('More results');
    const second = searchContacts(t.ctx, alice, 'paytech', 2);
    expect(names(second)).toHaveLength(2);
    expect(json(second)).not.toContain('More results');
    expect(new Set([...names(first), ...names(second)]).size).toBe(7);
  });

  it('gives helpful answers for empty text and no match', () => {
    expect(searchContacts(t.ctx, alice, '   ').summary).toContain('What kind of person');
    expect(searchContacts(t.ctx, alice, 'qqqzzz').summary).toContain('No vetted contacts match');
  });

  it('shows strangers the way in instead of results', () => {
    const view = searchContacts(t.ctx, stranger, 'lumen');
    expect(names(view)).toEqual([]);
    expect(json(view)).toContain('Ask to join');
    const allowlist = makeCore({ accessPolicy: 'allowlist' });
    try {
      expect(json(searchContacts(allowlist.ctx, stranger, 'x'))).not.toContain('Ask to join');
    } finally {
      allowlist.cleanup();
    }
  });

  it('admits anyone not blocked under the open policy', () => {
    const open = makeCore({ accessPolicy: 'open' });
    try {
      addContact(open);
      expect(names(searchContacts(open.ctx, stranger, 'ana'))).toEqual(['Ana Ferreira']);
      expect(open.ctx.store.findMember('console', stranger.userId)?.status).toBe('member');
    } finally {
      open.cleanup();
    }
  });

  it('refuses blocked and pending people', () => {
    addMember(t, stranger, 'blocked');
    expect(names(searchContacts(t.ctx, stranger, 'ana'))).toEqual([]);
    expect(json(searchContacts(t.ctx, stranger, 'ana'))).not.toContain('Ask to join');
  });

  it('lets the owner search too', () => {
    expect(names(searchContacts(t.ctx, owner, 'ana'))).toEqual(['Ana Ferreira']);
  });
});
