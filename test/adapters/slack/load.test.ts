// Issue 6, load: many signed requests at once through the real Bolt app (HTTP
// mode) over one SQLite file. Every request is answered, every answer arrives
// exactly once, and a burst of identical clicks or submits decides exactly once.
// Tests, not benchmarks: no timing is asserted; every loop has a fixed count and
// every wait a deadline. Everything stays on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSubmit } from '../../../src/interactions.ts';
import { addContact, goodForm } from '../../support/core.ts';
import type { RecordedCall } from '../../support/fake-slack.ts';
import { ALICE, OWNER, pause, postsTo, seedAnaAndAlice, startSlackTest, submission, wire, type SlackTest } from './slack-app.ts';

const WAIT_MS = 15_000; // a deadline for a burst to drain, far above what it needs
const TEST_MS = 25_000;
const OWNER_DM = `D${OWNER}`;
const ALICE_DM = `D${ALICE}`;

let s: SlackTest;

beforeEach(async () => {
  s = await startSlackTest();
});
afterEach(async () => {
  const troubles = s.logs.filter((l) => l.level === 'error' || l.level === 'warn');
  await s.close();
  expect(troubles).toEqual([]); // nothing failed, even under load
});

/** Resolves once `method` has been called `n` times (or fails at the deadline). */
const waitForCount = (method: string, n: number): Promise<RecordedCall> => s.fake.waitFor(method, () => s.fake.callsTo(method).length >= n, WAIT_MS);

const countBy = (keys: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
};

type Blocks = { type: string; elements?: { action_id?: string }[] }[];
const actionIds = (blocks: unknown): string[] => ((blocks ?? []) as Blocks).flatMap((b) => b.elements?.flatMap((e) => (e.action_id ? [e.action_id] : [])) ?? []);

describe('200 concurrent /find-contact commands', () => {
  const MEMBERS = 200;
  const CONTACTS = 300;
  const TOPICS = ['fintech', 'climate', 'health', 'design', 'robotics', 'logistics'] as const;
  const member = (i: number) => `U0002M${String(i).padStart(4, '0')}`;

  it('answers every request, and every response_url gets exactly one ephemeral answer with results', async () => {
    const at = s.t.ctx.clock.now().toISOString();
    s.t.ctx.store.transaction(() => {
      for (let i = 0; i < CONTACTS; i++) {
        const topic = TOPICS[i % TOPICS.length]!;
        addContact(s.t, { name: `Person ${i} Example`, company: `${topic} Works ${i % 7}`, title: 'Director', tags: [topic], topics: [], bio: null });
      }
      for (let i = 0; i < MEMBERS; i++) s.t.ctx.store.saveMember({ platform: 'slack', userId: member(i), displayName: `member${i}`, status: 'member', at });
    });

    const responses = await Promise.all(
      Array.from({ length: MEMBERS }, (_, i) =>
        s.command({ user_id: member(i), user_name: `member${i}`, text: TOPICS[i % TOPICS.length]!, response_url: s.fake.responseUrl(`m${i}`), trigger_id: `trigger-${i}` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array<number>(MEMBERS).fill(200));
    expect(responses.every((r) => r.text === '')).toBe(true); // acked at once; the answer follows

    await waitForCount('response_url', MEMBERS);
    await pause(200); // room for a stray second answer to show up
    const answers = s.fake.callsTo('response_url');
    expect(answers).toHaveLength(MEMBERS);
    expect(countBy(answers.map((a) => a.path))).toEqual(Object.fromEntries(Array.from({ length: MEMBERS }, (_, i) => [`/response/m${i}`, 1])));

    for (const answer of answers) {
      const i = Number(answer.path.slice('/response/m'.length));
      const topic = TOPICS[i % TOPICS.length]!;
      expect(answer.body.response_type).toBe('ephemeral');
      expect(wire(answer)).toContain(`Results 1–5 for \\"${topic}\\"`);
      const ids = actionIds(answer.body.blocks);
      expect(ids.filter((id) => id.startsWith('ib:or:'))).toHaveLength(5); // a page of results, each with Request intro
      expect(ids).toContain(`ib:sp:2:${topic}`); // and more to page through
    }
    // A search changes nothing and sends nothing else; it reads each person's real name once (users.info, cached).
    expect(s.fake.calls.filter((c) => !['auth.test', 'response_url', 'users.info'].includes(c.method))).toEqual([]);
    const lookups = s.fake.callsTo('users.info').map((c) => String(c.body.user));
    expect(new Set(lookups).size).toBe(lookups.length);
  }, TEST_MS);
});

describe('50 concurrent Approve clicks on one card', () => {
  const CLICKS = 50;

  it('answers every click, decides once, tells the requester once, and edits the card to have no decision buttons', async () => {
    seedAnaAndAlice(s);
    expect(handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm).type).toBe('form_done');
    await s.dispatcher.runOnce();
    const [channel = '', ts = ''] = (s.t.ctx.store.listOutbox({ status: 'sent' })[0]?.ref ?? '').split(':');
    expect(channel).toBe(OWNER_DM);
    s.fake.reset();

    const clicks = Array.from({ length: CLICKS }, (_, i) => {
      const payload = s.click('block-actions-owner-card', 'ib:ap:1', { user: OWNER, tag: `c${i}` });
      payload.container = { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
      payload.trigger_id = `trigger-${i}`;
      return payload;
    });
    const responses = await Promise.all(clicks.map((p) => s.interact(p)));
    expect(responses.map((r) => r.status)).toEqual(Array<number>(CLICKS).fill(200));

    // Every click is answered by editing the card in place (none had to fall back to an ephemeral answer).
    await waitForCount('chat.update', CLICKS);
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM, WAIT_MS);
    await pause(200);
    await s.dispatcher.runOnce(); // joins or follows the passes the clicks kicked off
    const updates = s.fake.callsTo('chat.update');
    // One per click, plus the outbox's own edit of the card (the decision, for any copy the click did not touch).
    expect(updates).toHaveLength(CLICKS + 1);
    for (const update of updates) {
      expect(update.body).toMatchObject({ channel, ts });
      // No decision buttons are left: only the way back (Undo) and the owner's words.
      expect(actionIds(update.body.blocks)).toEqual(['ib:ei:1', 'ib:ud:1']);
      expect(wire(update)).toMatch(/Approved on 2026-11-02 09:00 UTC/);
    }
    expect(updates.filter((u) => wire(u).includes('already been settled'))).toHaveLength(CLICKS - 1);
    expect(s.fake.callsTo('response_url')).toEqual([]);

    const events = s.t.ctx.store.listEvents({ requestId: 1 });
    expect(events.filter((e) => e.kind === 'request.approved')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'request.declined')).toHaveLength(0);
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('approved');

    const notices = s.t.ctx.store.listOutbox().filter((m) => m.kind === 'member.decision_notice');
    expect(notices.map((m) => m.status)).toEqual(['sent']);
    const toAlice = postsTo(s.fake, ALICE_DM);
    expect(toAlice).toHaveLength(1);
    expect(wire(toAlice[0]!)).toContain('Good news: Sam approved your request for an intro to Ana Ferreira');
    // Everything approval queued went out, each message once.
    const outbox = s.t.ctx.store.listOutbox();
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(outbox.filter((m) => !m.edits).length - 1); // all but the card sent before the clicks (an edit posts nothing)
  }, TEST_MS);
});

describe('20 concurrent identical modal submissions', () => {
  const SUBMITS = 20;

  it('make one request, one owner card and one confirmation', async () => {
    seedAnaAndAlice(s);
    const payload = submission(goodForm);
    const responses = await Promise.all(Array.from({ length: SUBMITS }, () => s.interact(payload)));
    expect(responses.map((r) => r.status)).toEqual(Array<number>(SUBMITS).fill(200));
    expect(responses.map((r) => r.text)).toEqual(Array<string>(SUBMITS).fill('')); // every one closes the modal

    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM, WAIT_MS);
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM, WAIT_MS);
    await pause(200);
    await s.dispatcher.runOnce();

    expect(s.t.ctx.store.listRequests()).toHaveLength(1);
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind === 'request.created')).toHaveLength(1);
    expect(s.t.ctx.store.listOutbox().map((m) => [m.kind, m.status])).toEqual([
      ['owner.request_card', 'sent'],
      ['member.request_sent', 'sent'],
    ]);
    const cards = postsTo(s.fake, OWNER_DM);
    expect(cards).toHaveLength(1);
    expect(wire(cards[0]!)).toContain('Intro request #1');
    const confirmations = postsTo(s.fake, ALICE_DM);
    expect(confirmations).toHaveLength(1);
    expect(wire(confirmations[0]!)).toContain('Your request for an intro to Ana Ferreira is with Sam');
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(2);
  }, TEST_MS);
});
