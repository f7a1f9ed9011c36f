// Issue 6 on Discord: the platform misbehaves and nothing is lost or doubled.
// The fake answers DM sends with 429s (with Retry-After), 5xx, or not at all
// (past the client's timeout, with or without having created the message);
// once it recovers, advancing the TestClock and running the outbox delivers
// every message exactly once, counted per DM channel. And 50 clicks on one
// Approve at the same moment: every one answered, one decision, one notice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { APIUser } from 'discord.js';
import { recipientsOf } from '../../../adapters/discord/messenger.ts';
import { decideIntro } from '../../../src/use-cases/decide-intro.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import type { ContactInput } from '../../../src/ports.ts';
import { addContact, goodForm } from '../../support/core.ts';
import {
  ALICE,
  apiUser,
  BOB,
  button,
  dmChannelIdFor,
  FAKE_IDS,
  NO_ANSWER,
  rateLimited,
  type FakeResponse,
  type RecordedRequest,
} from '../../support/fake-discord.ts';
import {
  addDiscordMember,
  closeExpectingNoErrors,
  asBotMessage,
  buttonLabelled,
  buttonsOf,
  dataOf,
  discordActor,
  dmPostsTo,
  messagesIn,
  OWNER,
  startBot,
  textOf,
  waitForDm,
  within,
  type BotHarness,
} from './bot-harness.ts';

const CAROL = apiUser('1100000000000000003', 'carol.example', 'Carol Example');
const ANA = apiUser('1100000000000000004', 'ana.ferreira', 'Ana Ferreira'); // a contact asked in chat
const DAN = apiUser('1100000000000000005', 'dan.okafor', 'Dan Okafor'); // a contact who needs no opt-in
const EVERYONE = [OWNER, ALICE, BOB, CAROL, ANA, DAN];
const REST_TIMEOUT_MS = 200;

let h: BotHarness;
/** A bot whose REST gives up on a hung request after `timeoutMs` (and retries once, as in production). */
async function boot(timeoutMs: number): Promise<void> {
  h = await startBot({}, { clientOptions: { rest: { timeout: timeoutMs } } });
  for (const user of [ALICE, BOB, CAROL]) addDiscordMember(h, user);
}
afterEach(() => closeExpectingNoErrors(h));

const pending = () => h.t.ctx.store.listOutbox({ status: 'pending' });

function request(user: APIUser, contact: Partial<ContactInput>): number {
  const c = addContact(h.t, contact);
  const result = submitIntroRequest(h.t.ctx, discordActor(user), c.id, goodForm);
  if (!result.ok) throw new Error(`the good form bounced: ${JSON.stringify(result.errors)}`);
  return result.request.id;
}

/**
 * Ten outbox messages, twelve DMs: three owner cards, three approval notices, a
 * contact's opt-in card, the owner's opt-in email draft, an intro to three
 * people (owner, Carol, Dan) and Carol's "you've been introduced".
 */
function queueTraffic(): void {
  const ids = [request(ALICE, { discordUserId: ANA.id }), request(BOB, {}), request(CAROL, { discordUserId: DAN.id, noOptin: true })];
  for (const id of ids) decideIntro(h.t.ctx, discordActor(OWNER), id, { kind: 'approve' });
  expect(h.t.ctx.store.listOutbox().map((m) => m.kind)).toEqual([
    'owner.request_card',
    'owner.request_card',
    'owner.request_card',
    'member.decision_notice',
    'contact.optin',
    'member.decision_notice',
    'owner.optin_email',
    'member.decision_notice',
    'intro.group',
    'member.introduced',
  ]);
}

type Fault = (req: RecordedRequest, channelId: string) => FakeResponse | typeof NO_ANSWER;

/** Makes the first `times` DM sends in each channel fail with `fault`; returns how many did. */
function breakDms(fault: Fault, times: number): { faults: () => number } {
  const seen = new Map<string, number>();
  let faults = 0;
  h.fake.on('POST', /\/channels\/(\d+)\/messages$/, (req, match) => {
    const channelId = match[1] ?? '';
    const n = (seen.get(channelId) ?? 0) + 1;
    seen.set(channelId, n);
    if (n > times) return undefined; // this channel has recovered
    faults++;
    return fault(req, channelId);
  });
  return { faults: () => faults };
}

/** Runs the outbox until it is empty, moving the clock past any backoff between passes (bounded). */
async function deliverAll(maxPasses = 8): Promise<number> {
  for (let pass = 1; pass <= maxPasses; pass++) {
    await within(30_000, h.dispatcher.runOnce(), `outbox pass ${pass}`);
    if (pending().length === 0) return pass;
    h.t.ctx.clock.advance(61 * 60_000); // past the longest backoff (1 h) and any Retry-After
  }
  throw new Error(`still pending after ${maxPasses} passes: ${JSON.stringify(pending().map((m) => [m.kind, m.lastError]))}`);
}

/** Every outbox message was sent, and every DM it stands for exists exactly once in its channel. */
function expectEachDeliveredOnce(): void {
  const rows = h.t.ctx.store.listOutbox();
  expect(rows.filter((m) => m.status !== 'sent')).toEqual([]);
  for (const user of EVERYONE) {
    const expected = rows.filter((m) => recipientsOf(m.recipients).includes(user.id)).length;
    const texts = messagesIn(h, user.id).map((m) => textOf(m));
    expect(texts, `DMs to ${user.username}`).toHaveLength(expected);
    expect(new Set(texts).size, `distinct DMs to ${user.username}`).toBe(expected);
  }
  // Each outbox row's reference points at a message that exists, in the right channel.
  for (const row of rows) {
    const refs = row.ref?.split(',') ?? [];
    expect(refs).toHaveLength(recipientsOf(row.recipients).length);
    recipientsOf(row.recipients).forEach((userId, i) => {
      const [channelId, messageId] = (refs[i] ?? '').split(':');
      expect(channelId).toBe(dmChannelIdFor(userId));
      expect(messagesIn(h, userId).map((m) => String(m.id))).toContain(messageId);
    });
  }
}

const serverError = (status: number): Fault => () => ({ status, body: { message: status === 500 ? 'Internal Server Error' : 'Service Unavailable', code: 0 } });

describe('DM sends while Discord misbehaves: each message arrives exactly once after recovery', () => {
  beforeEach(() => boot(REST_TIMEOUT_MS));

  it.each([
    ['a 429 with a short Retry-After (discord.js waits it out)', () => rateLimited(0.05), 1],
    ['a global 429 with a short Retry-After', () => rateLimited(0.1, { global: true }), 1],
    ['500 Internal Server Error', serverError(500), 3],
    ['503 Service Unavailable', serverError(503), 3],
    ['a hang past the client timeout', () => NO_ANSWER, 3],
    ['a hang after Discord created the message (the answer is lost)', (req: RecordedRequest, channelId: string) => (h.nonces.createWithoutAnswer(req, channelId), NO_ANSWER), 3],
  ] as [string, Fault, number][])('%s', async (_name, fault, times) => {
    queueTraffic();
    const broken = breakDms(fault, times);
    const passes = await deliverAll();
    expect(broken.faults()).toBeGreaterThan(0);
    expectEachDeliveredOnce();
    if (times === 1) expect(passes).toBe(1); // discord.js retried within the same send
  });

  it('a 429 with a long Retry-After (30 s) is thrown, not slept through, and the outbox honours it', async () => {
    queueTraffic();
    const broken = breakDms(() => rateLimited(30), 1);
    const started = Date.now();
    await within(10_000, h.dispatcher.runOnce());
    expect(Date.now() - started).toBeLessThan(5_000); // nobody sat out 30 s
    const waiting = pending();
    expect(waiting.length).toBeGreaterThan(0);
    // Every message that was tried waits out the rate limit (one waiting for another was not tried yet).
    for (const m of waiting.filter((w) => w.attempts > 0)) expect(m.lastError).toMatch(/rate limited/);

    // Not before Discord's Retry-After...
    const posts = h.fake.requests.length;
    h.t.ctx.clock.advance(20_000);
    expect(await within(10_000, h.dispatcher.runOnce())).toEqual({ sent: 0, failed: 0 });
    expect(h.fake.requests.length).toBe(posts);
    // ...and right after it.
    h.t.ctx.clock.advance(11_000);
    await within(10_000, h.dispatcher.runOnce());
    expect(pending()).toEqual([]);
    expect(broken.faults()).toBe(EVERYONE.length);
    expectEachDeliveredOnce();
  });

  it('a mix of everything, on sends and on opening DM channels, across a restart', async () => {
    queueTraffic();
    // A small deterministic generator, so a failure can be replayed.
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const faults: Fault[] = [
      () => rateLimited(0.05),
      () => rateLimited(30),
      serverError(500),
      serverError(502),
      () => NO_ANSWER,
      (req, channelId) => (h.nonces.createWithoutAnswer(req, channelId), NO_ANSWER),
    ];
    breakDms((req, channelId) => (faults[Math.floor(random() * faults.length)] as Fault)(req, channelId), 4);
    let opens = 0;
    h.fake.on('POST', /\/users\/@me\/channels$/, () => (opens++ % 3 === 0 ? serverError(500)({} as RecordedRequest, '') : undefined));

    await within(30_000, h.dispatcher.runOnce());
    // The process dies here (whatever it had half-sent), and a new one carries on.
    h = await h.restart({ clientOptions: { rest: { timeout: REST_TIMEOUT_MS } } });
    h.t.ctx.clock.advance(61_000); // anything still leased by the old process is due again
    await deliverAll();
    expectEachDeliveredOnce();
  });
});

describe('clicks while Discord misbehaves', () => {
  // Normal patience here: 50 simultaneous callbacks on a busy machine can take longer than 200 ms.
  beforeEach(() => boot(2_000));

  async function ownerCard(): Promise<{ requestId: number; card: RecordedRequest }> {
    const c = addContact(h.t, { discordUserId: ANA.id });
    const result = submitIntroRequest(h.t.ctx, discordActor(ALICE), c.id, goodForm);
    if (!result.ok) throw new Error('the good form bounced');
    await within(5_000, h.dispatcher.runOnce());
    return { requestId: result.request.id, card: await waitForDm(h.fake, OWNER.id) };
  }

  it('50 concurrent clicks on one Approve: every interaction answered, one decision, one notice', async () => {
    const { requestId, card } = await ownerCard();
    const approve = buttonLabelled(card.body, 'Approve');

    const clicks = Array.from({ length: 50 }, () => button({ user: OWNER, guildId: null, customId: approve, message: asBotMessage(card, OWNER.id) }));
    await Promise.all(clicks.map((click) => h.fake.dispatchInteraction(click)));
    const answers = await within(10_000, Promise.all(clicks.map((click) => h.fake.waitForCallback(click.id, 8_000))));

    // Every click got its one callback, accepted by Discord (in time, acknowledged once).
    const callbacks = h.fake.requests.filter((r) => /\/interactions\/\d+\/[^/]+\/callback$/.test(r.path));
    expect(callbacks).toHaveLength(50);
    for (const r of callbacks) expect(r.response?.status).toBeLessThan(300);
    // Each one updates the card in place, with no decision buttons left; exactly one is the winning decision.
    expect(answers.map((a) => a.type)).toEqual(Array(50).fill(7));
    for (const a of answers) expect(buttonsOf(dataOf(a)).map((b) => b.label)).toEqual(['Edit the intro text', 'Undo (10 minutes)']);
    expect(answers.filter((a) => /already been settled/.test(textOf(dataOf(a))))).toHaveLength(49);

    await waitForDm(h.fake, ALICE.id);
    await within(5_000, h.dispatcher.runOnce());
    const events = h.t.ctx.store.listEvents({ requestId }).map((e) => e.kind);
    expect(events.filter((k) => k === 'request.approved')).toHaveLength(1);
    expect(events).toEqual(['request.created', 'request.approved', 'optin.asked']);
    expect(h.t.ctx.store.listOutbox().filter((m) => m.kind === 'member.decision_notice')).toHaveLength(1);
    expect(dmPostsTo(h.fake, ALICE.id)).toHaveLength(1);
    expect(messagesIn(h, ALICE.id).map((m) => textOf(m))).toEqual([expect.stringContaining('Sam approved your request')]);
    expect(messagesIn(h, ANA.id)).toHaveLength(1); // and the contact is asked once
  });

  it("an Approve whose callback answer is lost: discord.js's retry meets 40060, the decision and its DMs still go out, no apology", async () => {
    await h.close();
    await boot(REST_TIMEOUT_MS); // so that the lost answer times out quickly
    const { requestId, card } = await ownerCard();
    const click = button({ user: OWNER, guildId: null, customId: buttonLabelled(card.body, 'Approve'), message: asBotMessage(card, OWNER.id) });
    // Discord takes the first answer but its reply never comes back; the retry is told it was already acknowledged.
    let attempts = 0;
    h.fake.on('POST', new RegExp(`/interactions/${click.id}/[^/]+/callback$`), () =>
      attempts++ === 0 ? NO_ANSWER : { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } },
    );
    await h.fake.dispatchInteraction(click);

    // Without anyone running the outbox by hand, the notice and the contact's question arrive.
    await waitForDm(h.fake, ALICE.id, 1, 5_000);
    await waitForDm(h.fake, ANA.id, 1, 5_000);
    expect(attempts).toBe(2);
    expect(h.t.ctx.store.listEvents({ requestId }).filter((e) => e.kind === 'request.approved')).toHaveLength(1);
    // No apology: it would only meet 40060 again.
    const tries = h.fake.requests.filter((r) => r.path.includes(`/interactions/${click.id}/`) || r.path.includes(`/webhooks/${FAKE_IDS.applicationId}/${click.token}`));
    expect(tries).toHaveLength(2);
    expect(h.logs.filter((l) => l.msg === 'discord: interaction could not be answered')).toHaveLength(1);
  });
});
