// Issue 5 in Slack: after the owner approves, the contact is asked first (in a
// DM when they are in the workspace, else through an email draft the owner
// sends), the intro is a group DM of all three, and then follow-ups, reminders
// and expiry run from the tasks table. Signed payloads go to the real Bolt app;
// what reaches the fake Slack is counted per channel, across a restart too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleAction, handleSubmit } from '../../../src/interactions.ts';
import type { ContactInput } from '../../../src/ports.ts';
import { runDueTasks } from '../../../src/scheduler.ts';
import { addContact, goodForm, PRIVATE } from '../../support/core.ts';
import { HANG, type RecordedCall, type Reply } from '../../support/fake-slack.ts';
import { loadSlackFixture, postInteraction } from '../../support/slack-http.ts';
import {
  ALICE,
  BOB,
  capturingLogger,
  OWNER,
  pause,
  postsTo,
  sameDatabase,
  SECRET,
  startSlackProcess,
  startSlackTest,
  wire,
  type LogLine,
  type SlackTest,
} from './slack-app.ts';

const ANA = 'U0001ANAFE'; // the contact's own Slack account
const STRANGER = 'U0009STRNG';
const OWNER_DM = `D${OWNER}`;
const ALICE_DM = `D${ALICE}`;
const ANA_DM = `D${ANA}`;
/** The group DM Slack opens for owner, requester and contact together (an mpim id, as Slack gives). */
const GROUP = 'G0001INTRO';

/** conversations.open as Slack answers it: a DM for one user, a group DM for a comma list; or never (`hang`). */
function openConversation(users: unknown, hang = false): Reply {
  const ids = String(users).split(',');
  if (ids.length === 1) return { ok: true, channel: { id: `D${ids[0]}` } };
  expect(ids).toEqual([OWNER, ALICE, ANA]); // the only group this bot opens
  return hang ? HANG : { ok: true, channel: { id: GROUP, is_mpim: true } };
}

let s: SlackTest;

beforeEach(async () => {
  s = await startSlackTest();
  s.fake.on('conversations.open', ({ body }) => openConversation(body.users));
  for (const [userId, displayName] of [
    [ALICE, 'Alice'],
    [BOB, 'Bob'],
  ] as const) {
    s.t.ctx.store.saveMember({ platform: 'slack', userId, displayName, status: 'member', at: s.t.ctx.clock.now().toISOString() });
  }
});
afterEach(async () => {
  const troubles = s.logs.filter((l) => l.level === 'error' || l.level === 'warn');
  await s.close();
  expect(troubles).toEqual([]); // every send and every click went through cleanly
});

interface Posted {
  channel: string;
  ts: string;
}

/** Ana Ferreira (id 1), by default with her own Slack account. */
const addAna = (input: Partial<ContactInput> = { slackUserId: ANA }) => addContact(s.t, input);

/** Alice's request #1 for Ana, and the owner's card delivered. */
async function requestIntro(): Promise<void> {
  expect(handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm).type).toBe('form_done');
  await s.dispatcher.runOnce();
}

/** Where the outbox delivered the latest message of this kind (to this recipient); its ref is "channel:ts". */
function delivered(kind: string, recipient?: string): Posted {
  const message = s.t.ctx.store
    .listOutbox({ status: 'sent' })
    .filter((m) => m.kind === kind && (recipient === undefined || m.recipients.includes(recipient)))
    .at(-1);
  const [channel = '', ts = ''] = (message?.ref ?? '').split(':');
  expect(channel, `no ${kind} was delivered`).not.toBe('');
  return { channel, ts };
}

/** A click on a message the bot posted, as Slack sends it: the container is that very message. */
function clickOn(at: Posted, fixture: string, actionId: string, opts: { user?: string; tag?: string } = {}): Record<string, unknown> {
  const payload = s.click(fixture, actionId, opts);
  payload.container = { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false };
  payload.channel = { id: at.channel, name: 'directmessage' };
  payload.message = { ...(payload.message as object), ts: at.ts };
  return payload;
}

/** The owner approves on the DM card; resolves once everything the approval queued was delivered. */
async function approve(): Promise<void> {
  const card = delivered('owner.request_card');
  expect((await s.interact(clickOn(card, 'block-actions-owner-card', 'ib:ap:1', { user: OWNER, tag: 'approve' }))).status).toBe(200);
  await s.fake.waitFor('chat.update', (c) => c.body.ts === card.ts);
  await s.dispatcher.runOnce(); // joins (or follows) the pass the click started
}

/** Ana's click on the opt-in card in her DM; resolves with the chat.update of that card. */
async function anaAnswers(actionId: string, tag = 'ana'): Promise<RecordedCall> {
  const ask = delivered('contact.optin');
  expect((await s.interact(clickOn(ask, 'block-actions-contact-optin', actionId, { user: ANA, tag }))).status).toBe(200);
  const update = await s.fake.waitFor('chat.update', (c) => c.body.channel === ask.channel && c.body.ts === ask.ts);
  await s.dispatcher.runOnce();
  return update;
}

const actionIds = (blocks: unknown) => (blocks as { elements?: { action_id?: string }[] }[]).flatMap((b) => b.elements?.flatMap((e) => (e.action_id ? [e.action_id] : [])) ?? []);
const textOf = (call: RecordedCall | undefined) => JSON.stringify({ text: call?.body.text, blocks: call?.body.blocks });
const groupOpens = () => s.fake.callsTo('conversations.open').filter((c) => String(c.body.users).includes(','));
const stage = () => s.t.ctx.store.getRequest(1)?.stage;
const outboxKinds = () => s.t.ctx.store.listOutbox().map((m) => m.kind);
/** Every message posted to Alice, as text: she must never see the contact's private fields. */
const aliceSaw = () => postsTo(s.fake, ALICE_DM).map(textOf).join('\n');

function expectNoPrivateFieldsFor(text: string): void {
  for (const secret of Object.values(PRIVATE)) expect(text).not.toContain(secret);
}

describe('double opt-in in chat: the contact is in the workspace', () => {
  beforeEach(async () => {
    addAna();
    await requestIntro();
    await approve();
  });

  it('after approval asks the contact in a DM, with only the blurb and the ask', async () => {
    expect(s.fake.callsTo('conversations.open').map((c) => c.body.users)).toContain(ANA);
    const [ask] = postsTo(s.fake, ANA_DM);
    expect(textOf(ask)).toContain('Sam would like to introduce you to Alice');
    expect(textOf(ask)).toContain(goodForm.blurb);
    expect(textOf(ask)).not.toContain(goodForm.howKnow);
    expect(actionIds(ask?.body.blocks)).toEqual(['ib:ca:1:y', 'ib:ca:1:n']);
    expect(wire(await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM))).toContain('approved your request');
    expect(stage()).toBe('awaiting_contact');
    expect(groupOpens()).toHaveLength(0);
  });

  it('"Happy to be introduced" updates the card in place, then opens a group DM with all three', async () => {
    const update = await anaAnswers('ib:ca:1:y');
    expect(actionIds(update.body.blocks)).toEqual([]);
    expect(textOf(update)).toContain('Thank you! The introduction is on its way.');

    // One conversations.open with the three users, then the intro posted into the channel it returned.
    expect(groupOpens().map((c) => c.body.users)).toEqual([`${OWNER},${ALICE},${ANA}`]);
    const [intro] = postsTo(s.fake, GROUP);
    // People are mentioned (Slack shows their current names), not spelled out.
    expect(textOf(intro)).toContain(`<@${ANA}>, meet <@${ALICE}>. <@${ALICE}>, meet <@${ANA}>. I think you two should talk.`);
    expect(textOf(intro)).toContain(goodForm.blurb);
    expectNoPrivateFieldsFor(textOf(intro));
    expect(aliceSaw()).toContain("You've been introduced to Ana Ferreira: look for the group message.");
    expectNoPrivateFieldsFor(aliceSaw());

    expect(stage()).toBe('introduced');
    expect(delivered('intro.group').channel).toBe(GROUP); // the outbox keeps where the intro went
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(1); // the request card, nothing more
    expect(postsTo(s.fake, ANA_DM)).toHaveLength(1);
    expect(postsTo(s.fake, GROUP)).toHaveLength(1);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(2); // approved, introduced
  });

  it('"Not now" updates the card, tells the requester kindly and makes no intro', async () => {
    const update = await anaAnswers('ib:ca:1:n');
    expect(textOf(update)).toContain('Understood, no introduction will be made.');
    expect(actionIds(update.body.blocks)).toEqual([]);
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM && wire(c).includes("isn't able to take on an introduction"));
    expect(stage()).toBe('contact_declined');
    expect(groupOpens()).toHaveLength(0);
    expect(outboxKinds().filter((k) => k.startsWith('intro.'))).toEqual([]);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(2); // approved, then the kind no
  });

  it('two quick clicks (yes and no at once) make one answer: one group DM or one kind no', async () => {
    const ask = delivered('contact.optin');
    const results = await Promise.all([
      s.interact(clickOn(ask, 'block-actions-contact-optin', 'ib:ca:1:y', { user: ANA, tag: 'yes' })),
      s.interact(clickOn(ask, 'block-actions-contact-optin', 'ib:ca:1:n', { user: ANA, tag: 'no' })),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await s.fake.waitFor('chat.update', () => s.fake.callsTo('chat.update').filter((c) => c.body.channel === ANA_DM).length === 2);
    await s.dispatcher.runOnce();
    const updates = s.fake.callsTo('chat.update').filter((c) => c.body.channel === ANA_DM).map(textOf);
    expect(updates.filter((t) => t.includes('Already answered'))).toHaveLength(1);
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind.startsWith('optin.') && e.kind !== 'optin.asked')).toHaveLength(1);
    expect(postsTo(s.fake, GROUP).length + postsTo(s.fake, ALICE_DM).filter((c) => wire(c).includes("isn't able")).length).toBe(1);
  });

  it('an unanswered ask expires after 7 days; a late click changes nothing', async () => {
    s.t.ctx.clock.advanceDays(7);
    runDueTasks(s.t.ctx);
    await s.dispatcher.runOnce();
    expect(stage()).toBe('contact_expired');
    expect(postsTo(s.fake, ALICE_DM).map(textOf).at(-1)).toContain("isn't able to take on an introduction right now");

    const update = await anaAnswers('ib:ca:1:y', 'late');
    expect(textOf(update)).toContain('Already answered: this question expired. Nothing was changed.');
    expect(groupOpens()).toHaveLength(0);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(2);
  });
});

describe('double opt-in by email: the contact is not on Slack', () => {
  beforeEach(async () => {
    addAna({});
    await requestIntro();
    await approve();
  });

  /** The owner's opt-in card, as posted to the owner's DM. */
  const optinCard = () => postsTo(s.fake, OWNER_DM).find((c) => wire(c).includes('ask Ana Ferreira first'));

  it('hands the owner a ready-to-send draft: a mailto link and the two answer buttons', () => {
    const card = optinCard();
    expect(card).toBeDefined();
    const sections = (card?.body.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    const link = sections.find((t) => t.startsWith('<mailto:'));
    expect(link).toMatch(/^<mailto:ana\.private@example\.com\?subject=Intro%20to%20Alice%3F&body=[^\s<>|]+\|Open this email to Ana Ferreira>$/);
    const url = new URL(link!.slice(1, link!.indexOf('|')));
    expect(url.searchParams.get('body')).toContain(goodForm.blurb);
    expect(url.searchParams.get('body')).toContain(goodForm.whyContact);
    expect(actionIds(card?.body.blocks)).toEqual(['ib:ca:1:y', 'ib:ca:1:n']);
    // Nothing went to a chat account the contact does not have, and Alice has not seen the address.
    expect(s.fake.callsTo('conversations.open').map((c) => c.body.users)).not.toContain(ANA);
    expectNoPrivateFieldsFor(aliceSaw());
  });

  it('"They said yes" updates the card and sends the owner the final intro email draft', async () => {
    const at = delivered('owner.optin_email');
    await s.interact(clickOn(at, 'block-actions-owner-optin-email', 'ib:ca:1:y', { user: OWNER }));
    const update = await s.fake.waitFor('chat.update', (c) => c.body.ts === at.ts);
    expect(textOf(update)).toContain('Recorded: Ana Ferreira said yes. The intro is on its way.');
    expect(actionIds(update.body.blocks)).toEqual([]);
    await s.dispatcher.runOnce();

    const draft = postsTo(s.fake, OWNER_DM).find((c) => wire(c).includes('Request #1: Ana Ferreira said yes'));
    expect(textOf(draft)).toMatch(/<mailto:ana\.private@example\.com\?subject=Intro%3A%20Ana%20Ferreira%20%3C%3E%20Alice&body=[^\s<>|]+\|Open the intro email>/);
    expect(aliceSaw()).toContain('Ana Ferreira said yes: Sam is introducing you by email.');
    expectNoPrivateFieldsFor(aliceSaw());
    expect(groupOpens()).toHaveLength(0);
    expect(stage()).toBe('introduced');
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(3); // request card, opt-in draft, intro draft
  });

  it('"They said no" updates the card and tells the requester without detail', async () => {
    const at = delivered('owner.optin_email');
    await s.interact(clickOn(at, 'block-actions-owner-optin-email', 'ib:ca:1:n', { user: OWNER }));
    expect(textOf(await s.fake.waitFor('chat.update', (c) => c.body.ts === at.ts))).toContain('Recorded: Ana Ferreira said no.');
    await s.dispatcher.runOnce();
    expect(aliceSaw()).toContain("Ana Ferreira isn't able to take on an introduction right now");
    expect(stage()).toBe('contact_declined');
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(2);
  });
});

describe('a long request, by email', () => {
  it('the owner still gets the whole draft, over several sections, and a link that says what it lacks', async () => {
    // A very long but genuinely good request: one ask (a call with two narrow questions), tied to Ana's team.
    const whyContact = [
      "I'm moving from consumer lending into payments risk, and Ana built the fraud team at Lumen Pay that I keep reading about.",
      'My one ask is a 30-minute call about how her team reviews chargebacks.',
      'Some context, so the call is worth her time.',
      'At Northwind I own the credit model that scores about 40,000 loan applications a month.',
      'Last year we started taking card repayments, and our chargeback rate tripled within two quarters.',
      'We now have two analysts reading disputes by hand every Monday morning.',
      'They sort each dispute into friendly fraud, stolen cards or merchant errors, using a spreadsheet I wrote.',
      'The spreadsheet works, but it misses patterns that span more than one week.',
      "Ana's talk at the Lisbon payments meetup described a weekly review that joins disputes with device data.",
      'That is the exact step we are missing, and nobody on our team has run one before.',
      'On the call I would ask two narrow questions.',
      'First, which three fields her analysts look at before they call a dispute friendly fraud.',
      'Second, how often they retune their rules after a new pattern shows up.',
      'I will send a one-page summary of our current process two days before, so she can skip the basics.',
      'If a call is too much, a reply to those two questions by email would help just as much.',
      'I will not ask for data, for introductions to her colleagues or for a job.',
      'Whatever she tells me stays with me and my two analysts.',
      'Any week in November works for me, at whatever hour suits her.',
      'I can also come to her office, since I am in Lisbon every Thursday.',
      'Thank you for considering it.',
    ].join(' ');
    const blurb = [
      'Alice is a data scientist at Northwind, where she has worked on consumer lending for six years.',
      'She owns the credit model that scores about 40,000 loan applications a month.',
      'In 2023 she cut its false declines by 18 percent without raising losses.',
      'Before that she built the first affordability check for the Northwind card.',
      'She studied statistics at the University of Porto.',
      'She has since taught an evening class there on model monitoring.',
      'Last year she set up the dispute review that her two analysts now run every Monday.',
      'She wrote the spreadsheet they use to sort disputes by cause.',
      'She is now moving into payments risk, ideally in Lisbon.',
      'She wants a team that reviews disputes with device data, which Northwind does not have yet.',
      'She speaks Portuguese, English and Spanish.',
      'She has presented her monitoring work at two Northwind risk reviews.',
      'She mentors a junior analyst through a Porto data programme.',
      'Her manager at Northwind knows she is looking and supports the move.',
      'She is glad to share her one-page process summary with anyone this is forwarded to.',
    ].join(' ');
    addAna({});
    const reply = handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', { ...goodForm, whyContact, blurb });
    expect(reply.type).toBe('form_done');
    await s.dispatcher.runOnce();
    await approve();

    const card = postsTo(s.fake, OWNER_DM).find((c) => wire(c).includes('ask Ana Ferreira first'));
    const blocks = card?.body.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const sections = blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    for (const t of sections) expect(t.length).toBeLessThanOrEqual(3000);
    const quoted = sections.filter((t) => t.includes('\n>') || t.startsWith('>')).join('\n');
    expect(quoted).not.toContain('…');
    for (const sentence of [...whyContact.split('. '), ...blurb.split('. ')]) expect(quoted.replace(/\n>/g, ' ')).toContain(sentence.replace(/\.$/, ''));
    const link = sections.find((t) => t.startsWith('<mailto:'));
    expect(link).toBe('<mailto:ana.private@example.com?subject=Intro%20to%20Alice%3F|Open this email to Ana Ferreira> (address and subject only: the text is too long for a link, copy it from above)');
    expect(actionIds(blocks)).toEqual(['ib:ca:1:y', 'ib:ca:1:n']);
  });
});

describe('direct intro: the contact needs no opt-in', () => {
  it('approval opens the group DM at once, without asking the contact', async () => {
    addAna({ slackUserId: ANA, noOptin: true });
    await requestIntro();
    await approve();
    expect(outboxKinds()).not.toContain('contact.optin');
    expect(groupOpens().map((c) => c.body.users)).toEqual([`${OWNER},${ALICE},${ANA}`]);
    expect(textOf(postsTo(s.fake, GROUP)[0])).toContain(`<@${ANA}>, meet <@${ALICE}>`);
    expect(postsTo(s.fake, ANA_DM)).toHaveLength(0);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(2); // approved, introduced
    expect(stage()).toBe('introduced');
  });

  it('for a contact not on Slack, approval hands the owner the intro email draft at once', async () => {
    addAna({ noOptin: true });
    await requestIntro();
    await approve();
    expect(textOf(postsTo(s.fake, OWNER_DM)[1])).toContain('Open the intro email');
    expect(aliceSaw()).toContain('Sam is introducing you by email');
    expect(groupOpens()).toHaveLength(0);
  });
});

describe('follow-up, two weeks after the intro', () => {
  beforeEach(async () => {
    addAna({ slackUserId: ANA, noOptin: true });
    await requestIntro();
    await approve();
    s.t.ctx.clock.advanceDays(13);
    expect(runDueTasks(s.t.ctx)).toBe(0);
    s.t.ctx.clock.advanceDays(1);
    expect(runDueTasks(s.t.ctx)).toBe(1);
    await s.dispatcher.runOnce();
  });

  const followUp = () => delivered('member.follow_up');

  it('asks the requester in her DM, with the outcomes that fit a job ask as buttons', () => {
    const card = postsTo(s.fake, ALICE_DM).at(-1);
    expect(textOf(card)).toContain('How did your intro to Ana Ferreira go?');
    // met, useful, an opportunity, hired (a job ask), not useful, no reply yet
    expect(actionIds(card?.body.blocks)).toEqual(['ib:oc:1:m', 'ib:oc:1:u', 'ib:oc:1:o', 'ib:oc:1:j', 'ib:oc:1:x', 'ib:oc:1:n']);
    expect(followUp().channel).toBe(ALICE_DM);
  });

  it('"We met" updates the card in place and bothers no one else', async () => {
    const at = followUp();
    await s.interact(clickOn(at, 'block-actions-follow-up', 'ib:oc:1:m', { user: ALICE }));
    const update = await s.fake.waitFor('chat.update', (c) => c.body.ts === at.ts);
    expect(textOf(update)).toContain('Thanks, glad you and Ana met.');
    // Good news often comes later: the card keeps a way to report it.
    expect(actionIds(update.body.blocks)).toEqual(['ib:oc:1:o', 'ib:oc:1:j']);
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.getRequest(1)?.outcome).toBe('met');
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(1);
  });

  it('"I got the job" updates the card and tells the owner the good news, once even on a double click', async () => {
    const at = followUp();
    await Promise.all([
      s.interact(clickOn(at, 'block-actions-follow-up', 'ib:oc:1:j', { user: ALICE, tag: 'j1' })),
      s.interact(clickOn(at, 'block-actions-follow-up', 'ib:oc:1:j', { user: ALICE, tag: 'j2' })),
    ]);
    await s.fake.waitFor('chat.update', () => s.fake.callsTo('chat.update').filter((c) => c.body.ts === at.ts).length === 2);
    expect(textOf(s.fake.callsTo('chat.update').find((c) => c.body.ts === at.ts))).toContain('Congratulations!');
    const news = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM && wire(c).includes('Good news'));
    expect(textOf(news)).toContain("Good news: Alice's intro to Ana Ferreira led to a job.");
    await s.dispatcher.runOnce();
    await pause(50);
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(2); // request card, good news
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).filter((e) => e.kind === 'outcome.job')).toHaveLength(1);
  });

  it("someone else's click on the follow-up is refused and records nothing", async () => {
    await s.interact(clickOn(followUp(), 'block-actions-follow-up', 'ib:oc:1:j', { user: BOB, tag: 'bob' }));
    const refusal = await s.fake.waitFor('response_url', (c) => c.path === '/response/bob');
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(wire(refusal)).toContain('no longer exists');
    await s.dispatcher.runOnce();
    expect(s.fake.callsTo('chat.update').filter((c) => c.body.channel === ALICE_DM)).toHaveLength(0);
    expect(s.t.ctx.store.getRequest(1)?.outcome).toBeNull();
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(1);
  });
});

describe('reminders and expiry of a pending request', () => {
  beforeEach(async () => {
    addAna();
    await requestIntro();
  });

  it('reminds the owner once after 3 days, with the buttons; Approve on the reminder works', async () => {
    s.t.ctx.clock.advanceDays(3);
    expect(runDueTasks(s.t.ctx)).toBe(1);
    expect(runDueTasks(s.t.ctx)).toBe(0);
    await s.dispatcher.runOnce();
    const reminder = postsTo(s.fake, OWNER_DM)[1];
    expect(textOf(reminder)).toContain('A reminder: this has waited 3 days for your decision.');
    expect(actionIds(reminder?.body.blocks)).toEqual(['ib:ap:1', 'ib:ac:1', 'ib:dc:1:n', 'ib:dc:1:c', 'ib:dc:1:y', 'ib:hi:1']);
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(2);

    const at = delivered('owner.reminder');
    await s.interact(clickOn(at, 'block-actions-owner-card', 'ib:ap:1', { user: OWNER }));
    expect(textOf(await s.fake.waitFor('chat.update', (c) => c.body.ts === at.ts))).toContain('Approved on 2026-11-05');
    await s.dispatcher.runOnce();
    expect(postsTo(s.fake, ANA_DM)).toHaveLength(1); // the contact is asked
  });

  it('expires after 14 days and tells the requester; a late Approve shows the settled card', async () => {
    s.t.ctx.clock.advanceDays(3);
    runDueTasks(s.t.ctx);
    s.t.ctx.clock.advanceDays(11);
    expect(runDueTasks(s.t.ctx)).toBe(1);
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('expired');
    expect(aliceSaw()).toContain("Your request for an intro to Ana Ferreira expired before Sam could decide. It's not a no");

    const card = delivered('owner.request_card');
    await s.interact(clickOn(card, 'block-actions-owner-card', 'ib:ap:1', { user: OWNER }));
    const update = await s.fake.waitFor('chat.update', (c) => c.body.ts === card.ts);
    expect(textOf(update)).toContain('Expired without a decision.');
    expect(actionIds(update.body.blocks)).toEqual([]);
    await s.dispatcher.runOnce();
    expect(postsTo(s.fake, ANA_DM)).toHaveLength(0);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(1);
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(2); // card, reminder
  });
});

describe('withdrawing a pending request', () => {
  beforeEach(async () => {
    addAna();
    await requestIntro();
  });

  /** After a withdrawal no timer speaks again, and the owner's card settles on a click. */
  async function nothingMoreHappens(): Promise<void> {
    s.t.ctx.clock.advanceDays(20);
    expect(runDueTasks(s.t.ctx)).toBe(0);
    await s.dispatcher.runOnce();
    const card = delivered('owner.request_card');
    await s.interact(clickOn(card, 'block-actions-owner-card', 'ib:ap:1', { user: OWNER }));
    expect(textOf(await s.fake.waitFor('chat.update', (c) => c.body.ts === card.ts))).toContain('Withdrawn by the requester.');
    await s.dispatcher.runOnce();
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(1);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(0);
    expect(postsTo(s.fake, ANA_DM)).toHaveLength(0);
  }

  it('from the App Home tab', async () => {
    await s.interact(loadSlackFixture('block-actions-home'));
    const publish = await s.fake.waitFor('views.publish');
    expect(publish.body.user_id).toBe(ALICE);
    expect(wire(publish)).toContain('You withdrew your request #1 for an intro to Ana Ferreira.');
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('withdrawn');
    await nothingMoreHappens();
  });

  it('from /intros: the ephemeral list is replaced with the answer', async () => {
    await s.command({ command: '/intros', text: '', response_url: s.fake.responseUrl('list') });
    const list = await s.fake.waitFor('response_url', (c) => c.path === '/response/list');
    expect(actionIds(list.body.blocks)).toEqual(['ib:wd:1']);

    await s.interact(s.click('block-actions-ephemeral', 'ib:wd:1', { user: ALICE, tag: 'withdraw' }));
    const answer = await s.fake.waitFor('response_url', (c) => c.path === '/response/withdraw');
    expect(answer.body).toMatchObject({ replace_original: true });
    expect(wire(answer)).toContain('You withdrew your request #1');
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('withdrawn');
    await nothingMoreHappens();
  });
});

describe('who may answer for the contact', () => {
  beforeEach(async () => {
    addAna();
    await requestIntro();
    await approve();
  });

  it.each([
    ['another member', BOB],
    ['the requester herself', ALICE],
    ['a stranger in the workspace', STRANGER],
  ])("%s clicking the contact's opt-in button gets a refusal, and nothing changes", async (_who, user) => {
    const res = await s.interact(clickOn(delivered('contact.optin'), 'block-actions-contact-optin', 'ib:ca:1:y', { user, tag: 'intruder' }));
    expect(res.status).toBe(200);
    const refusal = await s.fake.waitFor('response_url', (c) => c.path === '/response/intruder');
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(wire(refusal)).toContain('Only the person asked, or the owner, can answer this.');
    await s.dispatcher.runOnce();
    expect(s.fake.callsTo('chat.update').filter((c) => c.body.channel === ANA_DM)).toHaveLength(0);
    expect(stage()).toBe('awaiting_contact');
    expect(groupOpens()).toHaveLength(0);
  });

  it("the contact cannot answer for another contact's request", async () => {
    addContact(s.t, { name: 'Ben Okafor', email: 'ben.private@example.com', slackUserId: 'U0001BENOK' });
    expect(handleSubmit(s.t.ctx, { platform: 'slack', userId: BOB, displayName: 'Bob' }, 'ib:sr:2', goodForm).type).toBe('form_done');
    expect(handleAction(s.t.ctx, { platform: 'slack', userId: OWNER }, 'ib:ap:2').type).toBe('update');
    await s.dispatcher.runOnce();
    expect(postsTo(s.fake, 'DU0001BENOK')).toHaveLength(1);

    const anasCard = delivered('contact.optin', ANA);
    expect(anasCard.channel).toBe(ANA_DM);
    await s.interact(clickOn(anasCard, 'block-actions-contact-optin', 'ib:ca:2:y', { user: ANA, tag: 'ana-for-ben' }));
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/ana-for-ben'))).toContain('Only the person asked, or the owner');
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.getRequest(2)?.stage).toBe('awaiting_contact');
    expect(stage()).toBe('awaiting_contact');
    expect(s.fake.callsTo('chat.update').filter((c) => c.body.channel !== OWNER_DM)).toHaveLength(0);
    expect(groupOpens()).toHaveLength(0);
  });

  it.each([
    ['a request that does not exist', 'ib:ca:999:y', 'That request no longer exists.'],
    ['an answer that is neither yes nor no', 'ib:ca:1:maybe', 'no longer valid'],
    ['a padded id', 'ib:ca:01:y', 'no longer valid'],
    ['an outcome that does not exist', 'ib:oc:1:z', 'no longer valid'],
    ['an outcome for an intro not yet made', 'ib:oc:1:j', 'no longer exists'],
  ])('%s is refused politely', async (_what, actionId, words) => {
    const user = actionId.startsWith('ib:oc') ? ALICE : ANA;
    await s.interact(clickOn(delivered('contact.optin'), 'block-actions-contact-optin', actionId, { user, tag: 'forged' }));
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/forged'))).toContain(words);
    await s.dispatcher.runOnce();
    expect(s.fake.callsTo('chat.update').filter((c) => c.body.channel === ANA_DM)).toHaveLength(0);
    expect(stage()).toBe('awaiting_contact');
    expect(s.t.ctx.store.getRequest(1)?.outcome).toBeNull();
  });
});

describe('a restart in the middle', () => {
  it('a new process on the same database finishes the intro and the follow-ups, sending nothing twice', async () => {
    // The group DM hangs: the process dies while that send is leased (one message is leased at a time).
    let hang = true;
    s.fake.on('conversations.open', ({ body }) => openConversation(body.users, hang));
    addAna();
    await requestIntro();
    await approve();
    const ask = delivered('contact.optin');
    await s.interact(clickOn(ask, 'block-actions-contact-optin', 'ib:ca:1:y', { user: ANA }));
    await s.fake.waitFor('chat.update', (c) => c.body.ts === ask.ts);
    await s.fake.waitFor('conversations.open', (c) => String(c.body.users).includes(','));
    expect(stage()).toBe('introduced'); // committed before anything was sent

    await s.restart();
    hang = false;
    // The dead process still holds the lease on the intro; the notice waits for the intro, so nothing goes yet.
    expect(await s.dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });
    s.t.ctx.clock.advance(61_000);
    expect(await s.dispatcher.runOnce()).toEqual({ sent: 2, failed: 0 }); // the group DM, then "you've been introduced"
    expect(await s.dispatcher.runOnce()).toEqual({ sent: 0, failed: 0 });

    // Two weeks later, the follow-up; a week after that, two processes at once for the nudge.
    s.t.ctx.clock.advanceDays(14);
    expect(runDueTasks(s.t.ctx)).toBe(1);
    await s.dispatcher.runOnce();
    s.t.ctx.clock.advanceDays(7);
    const otherLogs: LogLine[] = [];
    const other = await startSlackProcess(s.fake, sameDatabase(s.t), capturingLogger(otherLogs));
    try {
      expect(runDueTasks(s.t.ctx) + runDueTasks(other.ctx)).toBe(1);
      const passes = await Promise.all([s.dispatcher.runOnce(), other.dispatcher.runOnce()]);
      expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(1);

      // Alice answers the nudge through the other process; the owner hears once.
      const nudge = delivered('member.follow_up');
      const payload = clickOn(nudge, 'block-actions-follow-up', 'ib:oc:1:j', { user: ALICE, tag: 'job' });
      expect((await postInteraction(other.url, SECRET, payload)).status).toBe(200);
      await s.fake.waitFor('chat.update', (c) => c.body.ts === nudge.ts);
      await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM && wire(c).includes('Good news'));
      await Promise.all([s.dispatcher.runOnce(), other.dispatcher.runOnce()]);
    } finally {
      await other.slack.stop();
      other.ctx.store.close();
    }
    expect(otherLogs.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);

    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(2); // request card, good news
    expect(postsTo(s.fake, ANA_DM)).toHaveLength(1); // the opt-in ask
    expect(postsTo(s.fake, GROUP)).toHaveLength(1); // the intro
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(4); // approved, introduced, follow-up, nudge
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(8);
    expect(s.t.ctx.store.listOutbox({ status: 'pending' })).toHaveLength(0);
  });

  it('timers that fell due while the bot was down run once, even with two processes', async () => {
    addAna();
    await requestIntro();
    await s.restart();
    s.t.ctx.clock.advanceDays(3);
    const other = await startSlackProcess(s.fake, sameDatabase(s.t), capturingLogger([]));
    try {
      expect(runDueTasks(other.ctx) + runDueTasks(s.t.ctx)).toBe(1);
      await Promise.all([s.dispatcher.runOnce(), other.dispatcher.runOnce()]);
      s.t.ctx.clock.advanceDays(11);
      expect(runDueTasks(s.t.ctx) + runDueTasks(other.ctx)).toBe(1);
      await Promise.all([other.dispatcher.runOnce(), s.dispatcher.runOnce()]);
    } finally {
      await other.slack.stop();
      other.ctx.store.close();
    }
    expect(postsTo(s.fake, OWNER_DM).map(textOf).filter((t) => t.includes('A reminder'))).toHaveLength(1);
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(2);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(1);
    expect(aliceSaw()).toContain('expired before Sam could decide');
  });
});
