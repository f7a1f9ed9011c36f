// The outbox's edits: a settled request replaces the owner's card in place,
// after the card itself was sent, through the reference stored with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher, type Messenger } from '../../src/dispatcher.ts';
import { messageKey } from '../../src/messages.ts';
import { silentLogger } from '../../src/ports.ts';
import { decideIntro } from '../../src/use-cases/decide-intro.ts';
import { withdrawRequest } from '../../src/use-cases/my-requests.ts';
import { submitIntroRequest } from '../../src/use-cases/submit-intro-request.ts';
import type { View } from '../../src/views/view.ts';
import { addContact, addMember, alice, goodForm, makeCore, owner, type TestCore } from '../support/core.ts';

let t: TestCore;
let sent: { key: string; ref: string }[];
let updates: { ref: string; view: View }[];
let dispatcher: Dispatcher;

beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  sent = [];
  updates = [];
  const messenger: Messenger = {
    send: (m) => {
      const ref = `C:${m.id}`;
      sent.push({ key: m.dedupeKey, ref });
      return Promise.resolve({ ref });
    },
    update: (ref, view) => (updates.push({ ref, view }), Promise.resolve()),
  };
  dispatcher = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { console: messenger } });
});
afterEach(() => t.cleanup());

function submit(): number {
  const r = submitIntroRequest(t.ctx, alice, addContact(t).id, goodForm);
  if (!r.ok) throw new Error('the form bounced');
  return r.request.id;
}

describe('a message that edits an earlier one', () => {
  it('a card not sent yet goes out as it now stands: no stale buttons, no edit', async () => {
    const id = submit();
    withdrawRequest(t.ctx, alice, id);
    await dispatcher.runOnce();
    expect(sent.map((s) => s.key)).toEqual([messageKey.request(id, 'owner_card')]);
    const card = t.ctx.store.getMessageByKey(messageKey.request(id, 'owner_card'));
    expect(card?.view.summary).toContain('Withdrawn by the requester');
    expect(updates).toEqual([]);
  });

  it('waits while the card is in flight, then replaces it through the stored reference', async () => {
    const id = submit();
    const now = t.ctx.clock.now();
    const [card] = t.ctx.store.claimDueMessages(now.toISOString(), new Date(now.getTime() + 60_000).toISOString(), 1, ['console']);
    withdrawRequest(t.ctx, alice, id);
    await dispatcher.runOnce();
    expect(updates).toEqual([]); // the card is still being sent elsewhere
    t.ctx.store.markSent(card?.id ?? 0, now.toISOString(), 'C:elsewhere');
    await dispatcher.runOnce();
    expect(updates.map((u) => u.ref)).toEqual(['C:elsewhere']);
    expect(JSON.stringify(updates[0]?.view)).toContain('Withdrawn by the requester');
    expect(JSON.stringify(updates[0]?.view)).not.toContain('"actions"');
    expect(t.ctx.store.listOutbox().find((m) => m.kind === 'owner.card_update')).toMatchObject({ status: 'sent', ref: 'C:elsewhere' });
  });

  it('a decision made anywhere updates the card the owner was sent', async () => {
    const id = submit();
    await dispatcher.runOnce();
    decideIntro(t.ctx, owner, id, { kind: 'decline', reason: 'not_now' });
    await dispatcher.runOnce();
    expect(updates.map((u) => u.view.summary)).toEqual([expect.stringContaining('Declined (Not now)')]);
  });

  it('an edit of a message that does not exist enqueues nothing', () => {
    t.ctx.store.enqueue({ dedupeKey: 'x:edit', edits: 'no-such-key', platform: 'console', recipients: ['owner'], kind: 'owner.card_update', view: { summary: 's', blocks: [] }, at: 'now' });
    expect(t.ctx.store.listOutbox()).toEqual([]);
  });
});
