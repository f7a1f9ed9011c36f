// The owner's side in Slack, through the real Bolt app against the fake Slack:
// /introduce finds a contact (vetted or not), the modal asks who and why, both
// sides opt in by DM, then the group intro with everyone mentioned, and the
// follow-up. Also the owner's search over everything, History and the App Home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSubmit } from '../../../src/interactions.ts';
import { runDueTasks } from '../../../src/scheduler.ts';
import { addContact, goodForm, PRIVATE } from '../../support/core.ts';
import type { RecordedCall } from '../../support/fake-slack.ts';
import { loadSlackFixture } from '../../support/slack-http.ts';
import { ALICE, OWNER, postsTo, startSlackTest, submission, wire, type SlackTest } from './slack-app.ts';

const ANA = 'U0001ANAFE';
const GROUP = 'G0001INTRO';
const why = 'You both rebuilt fraud teams after a merger and could compare notes on hiring analysts.';
const blurb = 'Alice is a data scientist with six years in consumer lending, moving into payments risk.';

let s: SlackTest;

beforeEach(async () => {
  s = await startSlackTest();
  s.fake.on('conversations.open', ({ body }) => {
    const ids = String(body.users).split(',');
    return ids.length === 1 ? { ok: true, channel: { id: `D${ids[0]}` } } : { ok: true, channel: { id: GROUP, is_mpim: true } };
  });
  s.t.ctx.store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'alice', status: 'member', at: s.t.ctx.clock.now().toISOString() });
});
afterEach(async () => {
  const troubles = s.logs.filter((l) => l.level === 'error' || l.level === 'warn');
  await s.close();
  expect(troubles).toEqual([]);
});

const actionIds = (blocks: unknown) => (blocks as { elements?: { action_id?: string }[] }[]).flatMap((b) => b.elements?.flatMap((e) => (e.action_id ? [e.action_id] : [])) ?? []);
const textOf = (call: RecordedCall | undefined) => JSON.stringify({ text: call?.body.text, blocks: call?.body.blocks });

async function command(name: string, text: string, user: string, tag: string): Promise<RecordedCall> {
  const fields = loadSlackFixture<Record<string, string>>('slash-command', { responseUrl: s.fake.responseUrl(tag) });
  expect((await s.command({ ...fields, command: `/${name}`, text, user_id: user, user_name: user.toLowerCase() })).status).toBe(200);
  return s.fake.waitFor('response_url', (c) => c.path === `/response/${tag}`);
}

/** A click on a DM the bot posted (the container is that message). */
async function clickDm(kind: string, recipient: string, actionId: string, user: string): Promise<RecordedCall> {
  const sent = s.t.ctx.store.listOutbox({ status: 'sent' }).find((m) => m.kind === kind && m.recipients.includes(recipient));
  const [channel = '', ts = ''] = (sent?.ref ?? '').split(':');
  expect(channel, `no ${kind} delivered to ${recipient}`).not.toBe('');
  const payload = s.click('block-actions-contact-optin', actionId, { user, tag: `${user}-${actionId}` });
  payload.container = { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false };
  payload.channel = { id: channel, name: 'directmessage' };
  expect((await s.interact(payload)).status).toBe(200);
  const update = await s.fake.waitFor('chat.update', (c) => c.body.channel === channel && c.body.ts === ts);
  await s.dispatcher.runOnce();
  return update;
}

async function submitIntroduce(values: Record<string, string>): Promise<void> {
  const payload = submission(values, { action: 'ib:si:1', viewId: 'V-introduce' });
  payload.user = { id: OWNER, username: 'sam', name: 'sam', team_id: 'T0001AAAA' };
  const res = await s.interact(payload);
  expect(res.status).toBe(200);
  expect(res.text).toBe(''); // accepted: the modal closes
  await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${OWNER}` && wire(c).includes('Intro #1 started'));
  await s.dispatcher.runOnce();
}

describe('/introduce in Slack', () => {
  it('the whole loop: find, introduce, both say yes in DMs, the group intro with mentions, the follow-up', async () => {
    addContact(s.t, { slackUserId: ANA, vetted: false });
    // Alice was stored under her old handle; any interaction brings her real name (users.info).
    await command('intros', '', ALICE, 'alice-intros');
    expect(s.t.ctx.store.findMember('slack', ALICE)?.displayName).toBe('Alice');
    const found = await command('introduce', 'lumen', OWNER, 'introduce');
    expect(wire(found)).toContain('Ana Ferreira');
    expect(wire(found)).toContain(PRIVATE.email); // the owner sees his own private fields
    expect(actionIds(found.body.blocks)).toEqual(expect.arrayContaining(['ib:if:1', 'ib:vc:1', 'ib:tf:1', 'ib:oo:1']));

    await s.interact(s.click('block-actions-request-intro', 'ib:if:1', { user: OWNER, tag: 'open-introduce' }));
    const open = await s.fake.waitFor('views.open');
    const modal = open.body.view as { title: { text: string }; private_metadata: string; blocks: { type: string; block_id?: string; optional?: boolean }[] };
    // It remembers the ephemeral search answer it came from (its response_url), so the answer can replace it.
    expect(JSON.parse(modal.private_metadata)).toEqual({ action: 'ib:si:1', origin: { responseUrl: expect.stringMatching(/\/response\/open-introduce$/) as unknown } });
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    const inputs = modal.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.optional === true])).toEqual([
      ['person', false],
      ['email', true],
      ['whyContact', false],
      ['blurb', false],
    ]);

    await submitIntroduce({ person: 'Alice', email: '', whyContact: why, blurb });
    const askAna = postsTo(s.fake, `D${ANA}`)[0];
    expect(textOf(askAna)).toContain("I'd like to introduce you to Alice");
    expect(actionIds(askAna?.body.blocks)).toEqual(['ib:ca:1:y', 'ib:ca:1:n']);
    const askAlice = postsTo(s.fake, `D${ALICE}`)[0];
    expect(textOf(askAlice)).toContain("I'd like to introduce you to Ana Ferreira, Head of Payments at Lumen Pay");
    expect(actionIds(askAlice?.body.blocks)).toEqual(['ib:pa:1:y', 'ib:pa:1:n']);
    for (const secret of Object.values(PRIVATE)) expect(textOf(askAlice)).not.toContain(secret);

    expect(textOf(await clickDm('contact.optin', ANA, 'ib:ca:1:y', ANA))).toContain('as soon as Alice says yes');
    expect(postsTo(s.fake, GROUP)).toHaveLength(0);
    const aliceYes = await clickDm('person.optin', ALICE, 'ib:pa:1:y', ALICE);
    expect(textOf(aliceYes)).toContain('The introduction is on its way');
    expect(actionIds(aliceYes.body.blocks)).toEqual([]);

    const opens = s.fake.callsTo('conversations.open').filter((c) => String(c.body.users).includes(','));
    expect(opens.map((c) => c.body.users)).toEqual([`${OWNER},${ALICE},${ANA}`]);
    const [intro] = postsTo(s.fake, GROUP);
    // People are mentioned, not spelled out as handles.
    expect(textOf(intro)).toContain(`<@${ANA}>, meet <@${ALICE}>. <@${ALICE}>, meet <@${ANA}>.`);
    expect(textOf(intro)).not.toContain('alice,');
    for (const secret of Object.values(PRIVATE)) expect(textOf(intro)).not.toContain(secret);

    s.t.ctx.clock.advanceDays(15);
    runDueTasks(s.t.ctx);
    await s.dispatcher.runOnce();
    const followUp = postsTo(s.fake, `D${ALICE}`).at(-1);
    expect(textOf(followUp)).toContain('How did your intro to Ana Ferreira go?');
    expect(s.t.ctx.store.funnel()).toMatchObject({ requested: 1, approved: 1, contactYes: 1, introduced: 1 });
  });

  it("the owner's own Request intro button opens the introduce modal", async () => {
    addContact(s.t);
    await s.interact(s.click('block-actions-request-intro', 'ib:or:1', { user: OWNER, tag: 'owner-request' }));
    const open = await s.fake.waitFor('views.open');
    expect(JSON.parse((open.body.view as { private_metadata: string }).private_metadata)).toEqual({ action: 'ib:si:1', origin: { responseUrl: expect.stringMatching(/\/response\/owner-request$/) as unknown } });
    expect(s.fake.callsTo('response_url')).toHaveLength(0);
  });

  it('someone outside the network: the owner gets both email drafts as DMs, records the answers, then the intro email', async () => {
    addContact(s.t);
    await submitIntroduce({ person: 'Jordan Lee', email: 'jordan@example.org', whyContact: why, blurb });
    const drafts = postsTo(s.fake, `D${OWNER}`).map(textOf);
    expect(drafts.some((d) => d.includes('mailto:jordan@example.org?subject='))).toBe(true);
    expect(drafts.some((d) => d.includes('mailto:ana.private@example.com?subject='))).toBe(true);
    await clickDm('owner.person_optin_email', OWNER, 'ib:pa:1:y', OWNER);
    await clickDm('owner.optin_email', OWNER, 'ib:ca:1:y', OWNER);
    const email = postsTo(s.fake, `D${OWNER}`).at(-1);
    expect(textOf(email)).toContain('mailto:ana.private@example.com,jordan@example.org?subject=');
    expect(s.t.ctx.store.getRequest(1)?.stage).toBe('introduced');
  });
});

describe("the owner's search, history and home in Slack", () => {
  it('the owner finds an unvetted contact; a member does not, and sees no private field', async () => {
    addContact(s.t, { name: 'Uma Unvetted', company: 'Quiet Labs', vetted: false });
    expect(wire(await command('find-contact', 'quiet', OWNER, 'owner-search'))).toContain('Uma Unvetted');
    const member = wire(await command('find-contact', 'quiet', ALICE, 'member-search'));
    expect(member).not.toContain('Uma Unvetted');
    for (const secret of Object.values(PRIVATE)) expect(member).not.toContain(secret);
  });

  it("Vet from the results makes the contact searchable; History on the card shows the member's record", async () => {
    addContact(s.t, { vetted: false });
    await s.interact(s.click('block-actions-request-intro', 'ib:vc:1', { user: OWNER, tag: 'vet' }));
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/vet'))).toContain('Ana Ferreira is vetted');
    expect(s.t.ctx.store.getContact(1)?.vetted).toBe(true);

    expect(handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm).type).toBe('form_done');
    await s.dispatcher.runOnce();
    const card = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${OWNER}`);
    expect(actionIds(card.body.blocks)).toContain('ib:hi:1');
    await s.interact(s.click('block-actions-owner-card', 'ib:hi:1', { user: OWNER, tag: 'history' }));
    const history = wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/history'));
    expect(history).toContain('History: Alice');
    expect(history).toContain('Ana Ferreira: Waiting for your decision.');
    expect(wire(await command('history', 'alice', OWNER, 'history-command'))).toContain('History: Alice');
    expect(wire(await command('history', 'alice', ALICE, 'history-refused'))).toContain('Only Sam can do that');
  });

  it("the owner's App Home shows the queue with its age", async () => {
    addContact(s.t);
    handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm);
    s.t.ctx.clock.advanceDays(2);
    const envelope = loadSlackFixture('app-home-opened');
    envelope.event_id = 'Ev-owner-home';
    Object.assign(envelope.event as object, { user: OWNER, tab: 'home' });
    await s.event(envelope);
    const publish = await s.fake.waitFor('views.publish');
    expect(wire(publish)).toContain('#1 Alice → Ana Ferreira · waiting 2 days');
    expect(wire(publish)).toContain('Recent outcomes');
  });
});
