// Issue 10 on Slack, through the real Bolt app (signed payloads) and the
// outbox's real Slack messenger, against a fake Slack that fails on cue:
// nothing fails silently, nothing arrives twice, stale cards are replaced.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSubmit } from '../../../src/interactions.ts';
import { runDueTasks } from '../../../src/scheduler.ts';
import { setMemberStatus } from '../../../src/use-cases/admission.ts';
import { bulkUpdate, importContacts, removeContacts } from '../../../src/use-cases/manage-contacts.ts';
import { addContact, goodForm } from '../../support/core.ts';
import type { RecordedCall } from '../../support/fake-slack.ts';
import { ALICE, OWNER, postsTo, startSlackTest, submission, wire, type SlackTest } from './slack-app.ts';

const ANA = 'U0001ANAFE';
const OWNER_DM = `D${OWNER}`;
const ALICE_DM = `D${ALICE}`;

let s: SlackTest;

beforeEach(async () => {
  s = await startSlackTest();
  s.t.ctx.store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'Alice', status: 'member', at: s.t.ctx.clock.now().toISOString() });
});
afterEach(async () => {
  await s.close();
});

/** Where the outbox delivered the latest message of this kind; its ref is "channel:ts". */
function delivered(kind: string): { channel: string; ts: string } {
  const m = s.t.ctx.store.listOutbox({ status: 'sent' }).filter((x) => x.kind === kind).at(-1);
  const [channel = '', ts = ''] = (m?.ref ?? '').split(':');
  expect(channel, `no ${kind} was delivered`).not.toBe('');
  return { channel, ts };
}

/** A click on a message the bot posted, as Slack sends it. */
async function clickOn(at: { channel: string; ts: string }, fixture: string, actionId: string, user: string): Promise<void> {
  const payload = s.click(fixture, actionId, { user, tag: actionId });
  payload.container = { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false };
  payload.channel = { id: at.channel, name: 'directmessage' };
  payload.message = { ...(payload.message as object), ts: at.ts };
  expect((await s.interact(payload)).status).toBe(200);
  await s.fake.waitFor('chat.update', (c) => c.body.ts === at.ts);
  await s.dispatcher.runOnce();
}

async function requestIntro(): Promise<void> {
  expect(handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm).type).toBe('form_done');
  await s.dispatcher.runOnce();
}

const text = (calls: RecordedCall[]) => calls.map(wire).join('\n');

describe('2. the contact cannot be reached in chat', () => {
  it.each(['user_not_found', 'cannot_dm_bot', 'user_disabled'])('(%s): the opt-in falls back to the email draft, the owner is told why, nothing retries, no one hears anything untrue', async (error) => {
    addContact(s.t, { slackUserId: ANA });
    s.fake.on('conversations.open', ({ body }) => (body.users === ANA ? { ok: false, error } : { ok: true, channel: { id: `D${String(body.users)}` } }));
    await requestIntro();
    await clickOn(delivered('owner.request_card'), 'block-actions-owner-card', 'ib:ap:1', OWNER);
    await s.dispatcher.runOnce();

    // Failed for good, recorded, and the email path took over.
    const optin = s.t.ctx.store.listOutbox().find((m) => m.kind === 'contact.optin');
    expect(optin).toMatchObject({ status: 'failed', attempts: 1, lastError: `slack: ${error}` });
    const events = s.t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['message.failed', 'optin.fallback_email']));
    const draft = postsTo(s.fake, OWNER_DM).find((c) => wire(c).includes('ask Ana Ferreira first'));
    expect(wire(draft as RecordedCall)).toContain(`could not be reached in chat (slack: ${error})`);
    expect(wire(draft as RecordedCall)).toContain('ib:ca:1:y');
    // Alice heard only what is true: approved, and Sam checks with Ana first.
    expect(text(postsTo(s.fake, ALICE_DM))).toContain('will check with Ana Ferreira first');
    expect(text(postsTo(s.fake, ALICE_DM))).not.toMatch(/introduced/);

    // Nothing retries: an hour later, not one more call for Ana.
    const opens = s.fake.callsTo('conversations.open').filter((c) => c.body.users === ANA).length;
    s.t.ctx.clock.advance(3_600_000);
    await s.dispatcher.runOnce();
    expect(s.fake.callsTo('conversations.open').filter((c) => c.body.users === ANA)).toHaveLength(opens);

    // Ana said yes by email: the intro goes by email too, and Alice is told so.
    await clickOn(delivered('owner.optin_email'), 'block-actions-owner-optin-email', 'ib:ca:1:y', OWNER);
    expect(s.t.ctx.store.getRequest(1)?.stage).toBe('introduced');
    expect(s.t.ctx.store.listOutbox().map((m) => m.kind)).not.toContain('intro.group');
    expect(text(postsTo(s.fake, ALICE_DM))).toContain('is introducing you by email');
  });
});

/** The owner card's chat.update calls, as text; the card has no decision buttons left after each (Undo may stay a while). */
function cardUpdates(card: { channel: string; ts: string }): string[] {
  const updates = s.fake.callsTo('chat.update').filter((c) => c.body.channel === card.channel && c.body.ts === card.ts);
  for (const u of updates) expect(JSON.stringify(u.body.blocks)).not.toMatch(/"ib:(ap|dc|ac):/);
  return updates.map(wire);
}

describe('2. the intro group message cannot be delivered', () => {
  it('the owner gets the intro email to send, and Alice is told that, never "look for the group message"', async () => {
    addContact(s.t, { slackUserId: ANA, noOptin: true });
    s.fake.on('conversations.open', ({ body }) => (String(body.users).includes(',') ? { ok: false, error: 'user_disabled' } : { ok: true, channel: { id: `D${String(body.users)}` } }));
    await requestIntro();
    await clickOn(delivered('owner.request_card'), 'block-actions-owner-card', 'ib:ap:1', OWNER);
    await s.dispatcher.runOnce();

    expect(s.t.ctx.store.listOutbox().find((m) => m.kind === 'intro.group')).toMatchObject({ status: 'failed', lastError: 'slack: user_disabled' });
    const email = postsTo(s.fake, OWNER_DM).find((c) => wire(c).includes('send the intro email'));
    expect(wire(email as RecordedCall)).toContain('The group message could not be delivered (slack: user_disabled)');
    const alice = text(postsTo(s.fake, ALICE_DM));
    expect(alice).toContain('is introducing you by email');
    expect(alice).not.toContain('look for the group message');
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind)).toEqual(expect.arrayContaining(['message.failed', 'intro.fallback_email']));
  });
});

describe('1. a request settled anywhere but on the card: the card is updated in place', () => {
  beforeEach(async () => {
    addContact(s.t, { slackUserId: ANA });
    await requestIntro();
  });

  it('a withdrawal from /intros', async () => {
    const card = delivered('owner.request_card');
    await s.interact(s.click('block-actions-ephemeral', 'ib:wd:1', { user: ALICE, tag: 'withdraw' }));
    await s.fake.waitFor('response_url', (c) => c.path === '/response/withdraw');
    await s.dispatcher.runOnce();
    const updates = cardUpdates(card);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain('Withdrawn by the requester.');
  });

  it('expiry, after the reminder: both the card and the reminder lose their buttons', async () => {
    const card = delivered('owner.request_card');
    s.t.ctx.clock.advanceDays(3);
    runDueTasks(s.t.ctx);
    await s.dispatcher.runOnce();
    const reminder = delivered('owner.reminder');
    s.t.ctx.clock.advanceDays(11);
    runDueTasks(s.t.ctx);
    await s.dispatcher.runOnce();
    expect(cardUpdates(card)).toEqual([expect.stringContaining('Expired without a decision.')]);
    expect(cardUpdates(reminder)).toEqual([expect.stringContaining('Expired without a decision.')]);
  });

  it('a decision from /intros (the queue), not from the card', async () => {
    const card = delivered('owner.request_card');
    await s.command({ command: '/intros', text: '', user_id: OWNER, response_url: s.fake.responseUrl('queue') });
    await s.fake.waitFor('response_url', (c) => c.path === '/response/queue');
    await s.interact(s.click('block-actions-ephemeral', 'ib:dc:1:n', { user: OWNER, tag: 'decline' }));
    await s.fake.waitFor('response_url', (c) => c.path === '/response/decline');
    await s.dispatcher.runOnce();
    expect(cardUpdates(card)).toEqual([expect.stringContaining('Declined (Not now)')]);
  });
});

describe('4. requests close when their contact or their requester goes', () => {
  beforeEach(async () => {
    addContact(s.t, { slackUserId: ANA });
    await requestIntro();
  });

  it.each([
    ['the owner opts the contact out', () => bulkUpdate(s.t.ctx, 'cli', { ids: [1] }, { openToIntros: false }, 'contact.opt_out'), 'contact_unavailable', "isn't taking introductions"],
    ['the owner removes the contact', () => removeContacts(s.t.ctx, 'cli', [1]), 'contact_removed', "isn't taking introductions"],
    ['the owner blocks the requester', () => setMemberStatus(s.t.ctx, 'cli', { platform: 'slack', userId: ALICE, status: 'blocked' }), 'member_blocked', 'is closed'],
    ['the owner removes the requester', () => setMemberStatus(s.t.ctx, 'cli', { platform: 'slack', userId: ALICE, status: 'declined' }), 'member_removed', 'is closed'],
  ] as const)('%s: the request closes with an event, the requester is told kindly, the card is updated', async (_what, act, reason, told) => {
    const card = delivered('owner.request_card');
    act();
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('closed');
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind === 'request.closed').map((e) => e.data)).toEqual([{ reason }]);
    const notices = postsTo(s.fake, ALICE_DM);
    expect(notices).toHaveLength(1);
    expect(wire(notices[0] as RecordedCall)).toContain(told);
    expect(cardUpdates(card)).toEqual([expect.stringContaining('Closed without a decision')]);
    // Nothing speaks for it again: no reminder, no expiry notice.
    s.t.ctx.clock.advanceDays(30);
    expect(runDueTasks(s.t.ctx)).toBe(0);
    await s.dispatcher.runOnce();
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(1);
  });
});

describe('5 and 7. the modal: its confirmation goes through the outbox; a repeat of the view makes nothing new', () => {
  beforeEach(() => {
    addContact(s.t, { slackUserId: ANA });
  });

  it('5. under a rate limit the confirmation waits out Retry-After and arrives once', async () => {
    let limited = true;
    s.fake.on('chat.postMessage', ({ body }) => {
      if (limited) return { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } };
      return { ok: true, channel: body.channel, ts: `1700000300.${String(postsTo(s.fake, String(body.channel)).length).padStart(6, '0')}` };
    });
    expect((await s.interact(submission(goodForm, { viewId: 'V0REPEAT' }))).status).toBe(200);
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.listOutbox().map((m) => [m.kind, m.status, m.lastError])).toEqual([
      ['owner.request_card', 'pending', 'slack: rate limited'],
      ['member.request_sent', 'pending', 'slack: rate limited'],
    ]);
    limited = false;
    s.t.ctx.clock.advance(30_000);
    await s.dispatcher.runOnce();
    const confirmations = postsTo(s.fake, ALICE_DM).filter((c) => String(c.body.text).startsWith('Your request for an intro to Ana Ferreira is with Sam'));
    expect(confirmations).toHaveLength(2); // the refused attempt and the one that went through
    expect(s.t.ctx.store.listOutbox().map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('7. the same view submitted again after the owner decided creates no request and no card', async () => {
    const payload = submission(goodForm, { viewId: 'V0REPEAT' });
    expect((await s.interact(payload)).status).toBe(200);
    await s.dispatcher.runOnce();
    await clickOn(delivered('owner.request_card'), 'block-actions-owner-card', 'ib:dc:1:n', OWNER);
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('declined');

    expect((await s.interact(payload, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    expect((await s.interact(payload)).status).toBe(200);
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.listRequests()).toHaveLength(1);
    expect(s.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === OWNER_DM && wire(c).includes('Intro request #'))).toHaveLength(1);
    expect(postsTo(s.fake, ALICE_DM).filter((c) => String(c.body.text).includes('is with Sam'))).toHaveLength(1);
  });
});

describe('6. names from every source are cleaned like form text', () => {
  const RLO = '\u202E';
  const hostile = `Ana ${RLO}fdp.exe\u202C Fer\u200Breira\uFEFF`;

  it('an imported contact name and a Slack display name reach the owner card without bidi overrides or invisible characters', async () => {
    importContacts(s.t.ctx, 'cli', 'linkedin', [{ line: 2, input: { name: hostile, company: `Lumen${RLO} Pay`, vetted: true, importKey: 'li:ana' } }]);
    const stranger = 'U0009STRNG';
    const admission = submission({ howKnow: 'We worked together at Northwind for two years.', why: 'To meet people in payments, as Sam suggested.' }, { action: 'ib:sa', viewId: 'V0JOIN' });
    admission.user = { id: stranger, username: 'zed', name: `zed${RLO}gpj.exe`, team_id: 'T0001AAAA' };
    // The name the bot shows comes from the profile (users.info): a hostile one there too.
    s.fake.on('users.info', () => ({ ok: true, user: { id: stranger, name: 'zed', real_name: `zed${RLO}gpj.exe`, profile: { real_name: `zed${RLO}gpj.exe`, display_name: '' } } }));
    expect((await s.interact(admission)).status).toBe(200);
    expect(s.t.ctx.store.findMember('slack', stranger)?.displayName).toBe('zedgpj.exe');
    expect(s.t.ctx.store.getContact(1)).toMatchObject({ name: 'Ana fdp.exe Ferreira', company: 'Lumen Pay' });

    await requestIntro();
    await s.dispatcher.runOnce();
    const toOwner = postsTo(s.fake, OWNER_DM).map(wire).join('\n');
    expect(toOwner).toContain('Alice → Ana fdp.exe Ferreira');
    expect(toOwner).toContain('zedgpj.exe asks to join your network');
    expect(toOwner).not.toMatch(/\\u202e|\\u200b|\\ufeff|[\u202E\u200B\uFEFF]/i);
  });
});
