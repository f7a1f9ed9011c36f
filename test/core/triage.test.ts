// The triage deck in the core: opaque action ids, a double click, progress with
// and without skipped contacts, and the two orders over missing dates and companies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, type Action, type TriageDeck } from '../../src/actions.ts';
import { handleAction, handleCommand } from '../../src/interactions.ts';
import { nextTriageStep } from '../../src/use-cases/triage-contacts.ts';
import { connectedOnText, progressText } from '../../src/views/triage.ts';
import { actionsOf, type View } from '../../src/views/view.ts';
import { addContact, makeCore, owner, type TestCore } from '../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

const deck = (over: Partial<TriageDeck> = {}): TriageDeck => ({ order: 'recent', includeSkipped: false, done: 0, ...over });
const unvetted = (name: string, extra: Parameters<typeof addContact>[1] = {}) => addContact(t, { name, vetted: false, ...extra });
const viewOf = (r: ReturnType<typeof handleAction>): View => {
  if (!('view' in r)) throw new Error(`expected a view, got ${r.type}`);
  return r.view;
};
/** /triage: the reply says where the deck is; the first card is queued for the owner's DM. */
const startDeck = (text = ''): View => {
  const reply = viewOf(handleCommand(t.ctx, owner, 'triage', text));
  const queued = t.ctx.store.listOutbox().at(-1);
  if (!reply.summary.startsWith('Your triage deck is in our direct messages') || !queued) return reply;
  expect(queued).toMatchObject({ kind: 'owner.triage_card', recipients: ['owner'], platform: 'console' });
  return queued.view;
};
const press = (v: View, label: string) => {
  const b = actionsOf(v).find((x) => x.label === label);
  if (!b) throw new Error(`no ${label} in ${v.summary}`);
  return viewOf(handleAction(t.ctx, owner, b.action));
};

describe('triage action ids', () => {
  it('round-trip, stay short, and refuse forged variants', () => {
    const actions: Action[] = [
      { type: 'triage', verb: 'vet_close', contactId: 123456789012, deck: deck({ order: 'company', includeSkipped: true, done: 2969 }) },
      { type: 'triage', verb: 'skip', contactId: 1, deck: deck() },
      { type: 'submit_triage_tags', contactId: 7, deck: deck({ done: 0 }) },
    ];
    for (const a of actions) {
      const id = encodeAction(a);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeAction(id)).toEqual(a);
    }
    for (const forged of ['ib:tg:x:1:r:0', 'ib:tg:v:0:r:0', 'ib:tg:v:1:z:0', 'ib:tg:v:1:r:-1', 'ib:tg:v:1:r:01', 'ib:tg:v:1:r:0:9', 'ib:tt:1:rk', 'ib:tt:1:kr:3']) {
      expect(decodeAction(forged)).toBeNull();
    }
  });
});

describe('the triage deck', () => {
  it('words progress and dates as a person reads them', () => {
    expect(progressText(120, 2970)).toBe('120 of 2,970');
    expect(connectedOnText('2024-03-15')).toBe('15 Mar 2024');
    expect(connectedOnText(null)).toBe('not known');
  });

  it('a double click on an old card changes nothing twice and shows the same next card', () => {
    unvetted('Ana', { connectedOn: '2024-01-02' });
    unvetted('Ben', { connectedOn: '2024-01-01' });
    const first = startDeck();
    expect(first.summary).toBe('Triage 1 of 2: Ana');
    const once = press(first, 'Vet');
    const twice = press(first, 'Vet');
    expect(twice).toEqual(once);
    expect(once.summary).toBe('Triage 2 of 2: Ben');
    expect(t.ctx.store.listEvents().filter((e) => e.kind === 'contact.vet')).toHaveLength(1);
  });

  it('orders by most recent connection (undated last) or by company (none last), accents aside', () => {
    unvetted('Old', { connectedOn: '2019-05-01', company: 'Zeta' });
    unvetted('Undated', { connectedOn: null, company: null });
    unvetted('New', { connectedOn: '2025-05-01', company: 'Émile & Co' });
    unvetted('Mid', { connectedOn: '2022-05-01', company: 'emile & co' });
    const walk = (order: TriageDeck['order']) => {
      const names: string[] = [];
      for (let s = nextTriageStep(t.ctx, deck({ order })); s; s = nextTriageStep(t.ctx, deck({ order, includeSkipped: true }), s.contact.id)) names.push(s.contact.name);
      return names;
    };
    expect(walk('recent')).toEqual(['New', 'Mid', 'Old', 'Undated']);
    expect(walk('company')).toEqual(['Mid', 'New', 'Old', 'Undated']);
  });

  it('with skipped contacts in, a skip moves on and the deck ends instead of looping', () => {
    for (const n of ['A', 'B', 'C']) unvetted(n, { connectedOn: `2024-01-0${'CBA'.indexOf(n) + 1}` });
    let v = startDeck();
    v = press(v, 'Skip');
    v = press(v, 'Skip');
    expect(press(v, 'Skip').summary).toContain('none left to triage');
    t.ctx.clock.advance(60_000);
    v = startDeck('skipped');
    expect(v.summary).toBe('Triage 1 of 3: A');
    v = press(v, 'Skip');
    expect(v.summary).toBe('Triage 2 of 3: B');
    v = press(v, 'Vet');
    expect(v.summary).toBe('Triage 3 of 3: C');
    expect(press(v, 'Skip').summary).toContain('Done: 3 contacts handled');
  });

  it('explains the words /triage takes', () => {
    expect(viewOf(handleCommand(t.ctx, owner, 'triage', 'by size')).summary).toContain('/triage takes "company" (sort by company)');
    expect(viewOf(handleCommand(t.ctx, owner, 'triage', '')).summary).toBe('Nothing to triage: every contact is vetted, opted out or skipped.');
    unvetted('Ana');
    expect(viewOf(handleCommand(t.ctx, owner, 'triage', '')).summary).toBe('Your triage deck is in our direct messages: 1 contact to go, one card at a time.');
  });
});
