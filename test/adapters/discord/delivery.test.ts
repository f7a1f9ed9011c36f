// Issue 5 on Discord: after the owner approves, the contact is asked first (a DM
// card when their Discord account is linked, else an email draft the owner
// sends), the intro goes to all three as separate DMs (bots cannot open group
// DMs), then follow-ups, reminders and expiry run from the tasks table. The real
// discord.js client talks to the fake Discord over a real SQLite file; every
// path is also crashed half-way and finished by a new process on the same file.
// "Exactly once" is counted per DM channel: the messages that exist there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { APIUser } from 'discord.js';
import { runDueTasks } from '../../../src/scheduler.ts';
import { decideIntro } from '../../../src/use-cases/decide-intro.ts';
import { answerForContact } from '../../../src/use-cases/deliver-intro.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import type { ContactInput } from '../../../src/ports.ts';
import { addContact, goodForm, PRIVATE } from '../../support/core.ts';
import { DMS_CLOSED_RETRY_MS } from '../../../adapters/discord/index.ts';
import { ALICE, apiUser, botMessage, button, discordError, dmChannelIdFor, FAKE_IDS, NO_ANSWER, slashCommand, type RecordedRequest } from '../../support/fake-discord.ts';
import {
  addDiscordMember,
  closeExpectingNoErrors,
  asBotMessage,
  buttonLabelled,
  buttonsOf,
  dataOf,
  discordActor,
  dmPostsTo,
  expectNoPingsAnywhere,
  messagesIn,
  OWNER,
  startBot,
  STRANGER,
  textOf,
  waitForDm,
  within,
  type BotHarness,
} from './bot-harness.ts';

/** The contact's own Discord account (contacts.discord_user_id). */
const ANA = apiUser('1100000000000000004', 'ana.ferreira', 'Ana Ferreira');
/** Another member of the network, who has nothing to do with this request. */
const CAROL = apiUser('1100000000000000003', 'carol.example', 'Carol Example');
/** Past the outbox's first backoff (5 s) after a failed send. */
const BACKOFF_MS = 6_000;
/** Short REST patience, so a process whose send hangs gives up (and a test goes on) quickly. */
const QUICK = { clientOptions: { rest: { timeout: 300 } } };

let h: BotHarness;
let requestId: number;

beforeEach(async () => {
  h = await startBot({}, QUICK);
  addDiscordMember(h, ALICE);
  addDiscordMember(h, CAROL);
});
afterEach(() => closeExpectingNoErrors(h));

// --- helpers ------------------------------------------------------------------------------

/** The outbox pass an interaction started (or a new one) has finished. */
const settle = () => within(5_000, h.dispatcher.runOnce(), 'outbox pass');

const kinds = () => h.t.ctx.store.listOutbox().map((m) => `${m.kind}→${m.recipients.join(',')}`);
const events = () => h.t.ctx.store.listEvents({ requestId }).map((e) => e.kind);
const request = () => h.t.ctx.store.getRequest(requestId);
/** What each person has in their DM channel with the bot, oldest first (each message once). */
const inbox = (user: APIUser) => messagesIn(h, user.id).map((m) => textOf(m));
const dmPath = (user: APIUser) => new RegExp(`/channels/${dmChannelIdFor(user.id)}/messages$`);

/** Alice asks for an intro; the owner's card arrives by DM. */
async function submit(contact: Partial<ContactInput>): Promise<RecordedRequest> {
  const c = addContact(h.t, contact);
  const result = submitIntroRequest(h.t.ctx, discordActor(ALICE), c.id, goodForm);
  if (!result.ok) throw new Error('the good form bounced');
  requestId = result.request.id;
  await settle();
  return waitForDm(h.fake, OWNER.id);
}

/** The owner clicks Approve on the card; resolves once the outbox pass after the click is done. */
async function approveByClick(contact: Partial<ContactInput>): Promise<RecordedRequest> {
  const card = await submit(contact);
  const response = await h.interact(button({ user: OWNER, guildId: null, customId: buttonLabelled(card.body, 'Approve'), message: asBotMessage(card, OWNER.id) }));
  expect(response.type).toBe(7);
  await waitForDm(h.fake, ALICE.id); // the approval notice: the pass after the click has started
  await settle();
  return card;
}

/** A click on a button of a DM the bot sent `owner` (of the DM), made by `by` (default: the owner of the DM). */
function clickDm(dm: RecordedRequest, owner: APIUser, label: string | RegExp, by: APIUser = owner) {
  return h.interact(button({ user: by, guildId: null, customId: buttonLabelled(dm.body, label), message: asBotMessage(dm, owner.id) }));
}

/** The first DM to `user` whose text matches. */
async function dmMatching(user: APIUser, pattern: RegExp): Promise<RecordedRequest> {
  for (let n = 1; n <= 10; n++) {
    const dm = await waitForDm(h.fake, user.id, n);
    if (pattern.test(textOf(dm.body))) return dm;
  }
  throw new Error(`no DM to ${user.id} matching ${String(pattern)}`);
}

/** Waits (bounded) until the dying process's outbox pass has given up, so it sends nothing after the restart. */
async function diedQuietly(old: BotHarness): Promise<void> {
  const until = Date.now() + 5_000;
  while (!old.logs.some((l) => l.msg === 'discord: outbox pass failed')) {
    if (Date.now() > until) throw new Error('the old process never gave up its outbox pass');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Crashes and restarts; the old process's logs (it died mid-send) are its own business. */
async function restart(options = {}): Promise<BotHarness> {
  h = await h.restart(options);
  return h;
}

/** The intro mentions both (Discord shows their names; allowedMentions keeps it from pinging). */
const INTRO = new RegExp(`<@${ANA.id}>, meet <@${ALICE.id}>\\. <@${ALICE.id}>, meet <@${ANA.id}>`);

// --- double opt-in in chat -------------------------------------------------------------------

describe('double opt-in in chat (the contact has a linked Discord account)', () => {
  it('asks the contact by DM; "Happy to be introduced" updates the card in place and each of the three gets the intro once', async () => {
    await approveByClick({ discordUserId: ANA.id });
    expect(request()).toMatchObject({ status: 'approved', stage: 'awaiting_contact' });

    const ask = await waitForDm(h.fake, ANA.id);
    const askText = textOf(ask.body);
    expect(askText).toContain('Sam would like to introduce you to Alice Example');
    expect(askText).toContain(goodForm.blurb);
    expect(askText).toContain('payments risk');
    expect(askText).not.toContain('Northwind'); // how Alice knows the owner is the owner's business
    for (const secret of Object.values(PRIVATE)) expect(JSON.stringify(ask.body)).not.toContain(secret);
    expect(buttonsOf(ask.body).map((b) => b.label)).toEqual(['Happy to be introduced', 'Not now']);

    const answered = await clickDm(ask, ANA, 'Happy to be introduced');
    expect(answered.type).toBe(7);
    expect(dataOf(answered).components).toEqual([]);
    expect(textOf(dataOf(answered))).toBe('Thank you! The introduction is on its way.');
    await dmMatching(ANA, INTRO);
    await settle();

    expect(request()?.stage).toBe('introduced');
    expect(events()).toEqual(['request.created', 'request.approved', 'optin.asked', 'intro.made', 'optin.yes']);
    // Each person's DM channel: exactly what they should have, once; nothing was POSTed twice.
    expect(inbox(OWNER)).toEqual([expect.stringContaining('Intro request #1'), expect.stringMatching(INTRO)]);
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved your request'), expect.stringMatching(INTRO), expect.stringContaining("You've been introduced to Ana Ferreira")]);
    expect(inbox(ANA)).toEqual([expect.stringContaining('would like to introduce you'), expect.stringMatching(INTRO)]);
    for (const user of [OWNER, ALICE, ANA]) expect(dmPostsTo(h.fake, user.id)).toHaveLength(messagesIn(h, user.id).length);
    // The intro's outbox row points at the three DMs (channel:message each), in recipient order.
    const intro = h.t.ctx.store.listOutbox().find((m) => m.kind === 'intro.group');
    expect(intro).toMatchObject({ status: 'sent', recipients: [OWNER.id, ALICE.id, ANA.id] });
    expect(intro?.ref?.split(',').map((r) => r.split(':')[0])).toEqual([OWNER, ALICE, ANA].map((u) => dmChannelIdFor(u.id)));

    // The same card clicked again (a second device): nothing changes, nothing is sent.
    const again = await clickDm(ask, ANA, 'Not now');
    expect(textOf(dataOf(again))).toMatch(/Already answered: the introduction has been made/);
    await settle();
    expect(request()?.stage).toBe('introduced');
    expect(messagesIn(h, ALICE.id)).toHaveLength(3);
    expectNoPingsAnywhere(h.fake);
  });

  it('"Not now" updates the card in place, tells the requester kindly, and makes no intro', async () => {
    await approveByClick({ discordUserId: ANA.id });
    const ask = await waitForDm(h.fake, ANA.id);
    const answered = await clickDm(ask, ANA, 'Not now');
    expect(answered.type).toBe(7);
    expect(dataOf(answered).components).toEqual([]);
    expect(textOf(dataOf(answered))).toMatch(/Understood, no introduction will be made/);
    const notice = await waitForDm(h.fake, ALICE.id, 2);
    expect(textOf(notice.body)).toMatch(/Ana Ferreira isn't able to take on an introduction right now\. That's common and nothing personal/);
    await settle();
    expect(request()?.stage).toBe('contact_declined');
    expect(events()).toContain('optin.no');
    expect(kinds().some((k) => k.startsWith('intro.'))).toBe(false);
    expect(inbox(OWNER)).toHaveLength(1); // just the request card
    expect(inbox(ANA)).toHaveLength(1); // just the question
  });

  it("tells the owner at once when the contact's DMs are closed (50007); the question waits in the outbox", async () => {
    const closed = h.fake.on('POST', dmPath(ANA), () => discordError(403, 50007, 'Cannot send messages to this user'));
    const card = await submit({ discordUserId: ANA.id });
    const click = button({ user: OWNER, guildId: null, customId: buttonLabelled(card.body, 'Approve'), message: asBotMessage(card, OWNER.id) });
    expect((await h.interact(click)).type).toBe(7);
    const notice = await within(3_000, h.fake.waitForRequest((r) => r.path === `/api/v10/webhooks/${FAKE_IDS.applicationId}/${click.token}`, 3_000));
    expect(notice.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(textOf(notice.body)).toContain(`I couldn't send <@${ANA.id}> a direct message`);
    await settle();
    expect(h.t.ctx.store.listOutbox({ status: 'pending' }).map((m) => m.kind)).toEqual(['contact.optin']);

    closed(); // Ana shares a server with the bot again
    h.t.ctx.clock.advance(DMS_CLOSED_RETRY_MS + 1_000);
    await settle();
    expect(inbox(ANA)).toEqual([expect.stringContaining('would like to introduce you')]);
  });

  it("holds back only the closed DM's copy of the intro; the others are not sent twice", async () => {
    await approveByClick({ discordUserId: ANA.id });
    const ask = await waitForDm(h.fake, ANA.id);
    const closed = h.fake.on('POST', dmPath(ALICE), () => discordError(403, 50007, 'Cannot send messages to this user'));
    const click = button({ user: ANA, guildId: null, customId: buttonLabelled(ask.body, 'Happy to be introduced'), message: asBotMessage(ask, ANA.id) });
    expect((await h.interact(click)).type).toBe(7);
    // Ana, who clicked, learns that Alice cannot be reached yet.
    const notice = await within(3_000, h.fake.waitForRequest((r) => r.path === `/api/v10/webhooks/${FAKE_IDS.applicationId}/${click.token}`, 3_000));
    expect(textOf(notice.body)).toContain(`<@${ALICE.id}>`);
    await settle();
    // (The owner's card also quotes the drafted intro until it is made: it is not the intro.)
    expect(inbox(OWNER).filter((t) => INTRO.test(t) && !t.includes('Intro request #1'))).toHaveLength(1);
    expect(inbox(ANA).filter((t) => INTRO.test(t))).toHaveLength(1);
    expect(h.t.ctx.store.listOutbox({ status: 'pending' }).map((m) => m.kind)).toEqual(['intro.group', 'member.introduced']);

    closed();
    h.t.ctx.clock.advance(DMS_CLOSED_RETRY_MS + 1_000);
    await settle();
    expect(h.t.ctx.store.listOutbox({ status: 'pending' })).toEqual([]);
    const isIntro = (t: string) => INTRO.test(t) && !t.includes('Intro request #1');
    for (const user of [OWNER, ALICE, ANA]) expect(inbox(user).filter(isIntro)).toHaveLength(1);
    // The owner's and Ana's copies were not even POSTed again.
    for (const user of [OWNER, ANA]) expect(dmPostsTo(h.fake, user.id).filter((r) => isIntro(textOf(r.body)))).toHaveLength(1);
  });

  it.each([
    ['a random member', CAROL, { guildId: FAKE_IDS.guildId }],
    ['the requester', ALICE, { guildId: null }],
    ['a stranger', STRANGER, { guildId: FAKE_IDS.guildId }],
  ] as const)("refuses %s who clicks the contact's button: ephemeral, nothing changes", async (_who, user, place) => {
    await approveByClick({ discordUserId: ANA.id });
    const ask = await waitForDm(h.fake, ANA.id);
    const before = h.fake.requests.length;
    const response = await h.interact(button({ user, ...place, customId: buttonLabelled(ask.body, 'Happy to be introduced'), message: asBotMessage(ask, ANA.id) }));
    expect(response.type).toBe(4);
    expect(dataOf(response).flags).toBe(64);
    expect(textOf(dataOf(response))).toMatch(/Only the person asked, or the owner, can answer this/);
    await settle();
    expect(request()?.stage).toBe('awaiting_contact');
    expect(events()).not.toContain('optin.yes');
    // Only the refusal's callback reached Discord: no DM, no edit of anyone's card.
    const after = h.fake.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(after).toEqual([expect.stringMatching(/^POST \/api\/v10\/interactions\/\d+\/[^/]+\/callback$/)]);
  });
});

// --- double opt-in by email --------------------------------------------------------------------

describe('double opt-in by email (no Discord account linked)', () => {
  it('gives the owner a copyable email draft and They said yes / no; yes brings the intro email draft, once', async () => {
    await approveByClick({});
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    const text = textOf(draft.body);
    // The address must survive copy and paste: no zero-width space after the @.
    expect(text).toContain(`**To:** ${PRIVATE.email}\n`);
    expect(text).toContain('**Subject:** Intro to Alice Example?');
    expect(text).toContain(`> ${goodForm.blurb}`);
    expect(text).toMatch(/Discord cannot open mail links, so copy the text above into your mail app/);
    expect(JSON.stringify(draft.body)).not.toContain('mailto:'); // no link button Discord would refuse
    expect(buttonsOf(draft.body).map((b) => b.label)).toEqual(['They said yes', 'They said no']);
    expect(messagesIn(h, ANA.id)).toEqual([]);

    const recorded = await clickDm(draft, OWNER, 'They said yes');
    expect(recorded.type).toBe(7);
    expect(dataOf(recorded).components).toEqual([]);
    expect(textOf(dataOf(recorded))).toBe('Recorded: Ana Ferreira said yes. The intro is on its way.');
    const final = await dmMatching(OWNER, /Send the intro email to both/);
    expect(textOf(final.body)).toContain('**Subject:** Intro: Ana Ferreira \\<> Alice Example');
    expect(textOf(final.body)).toContain(`**To:** ${PRIVATE.email} and Alice Example`);
    await settle();
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved'), expect.stringContaining('Ana Ferreira said yes: Sam is introducing you by email')]);
    expect(inbox(OWNER)).toHaveLength(3); // request card, opt-in draft, intro draft
    expect(kinds().some((k) => k.startsWith('intro.group'))).toBe(false);
    expect(events()).toEqual(['request.created', 'request.approved', 'optin.asked', 'intro.made', 'optin.yes']);
  });

  it('"They said no" updates the card and tells the requester without detail', async () => {
    await approveByClick({});
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    const recorded = await clickDm(draft, OWNER, 'They said no');
    expect(textOf(dataOf(recorded))).toBe('Recorded: Ana Ferreira said no. The requester will be told kindly, without detail.');
    expect(dataOf(recorded).components).toEqual([]);
    const notice = await waitForDm(h.fake, ALICE.id, 2);
    expect(textOf(notice.body)).toMatch(/isn't able to take on an introduction right now/);
    await settle();
    expect(request()?.stage).toBe('contact_declined');
    expect(inbox(OWNER)).toHaveLength(2);
  });

  it('refuses a member who clicks the owner’s "They said yes"', async () => {
    await approveByClick({});
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    const response = await clickDm(draft, OWNER, 'They said yes', CAROL);
    expect(response.type).toBe(4);
    expect(dataOf(response).flags).toBe(64);
    expect(request()?.stage).toBe('awaiting_contact');
  });
});

// --- direct intro --------------------------------------------------------------------------------

describe('direct intro (the contact needs no opt-in)', () => {
  it('introduces at approval: each of the three gets the intro DM exactly once, nobody is asked', async () => {
    await approveByClick({ discordUserId: ANA.id, noOptin: true });
    await dmMatching(ANA, INTRO);
    await settle();
    expect(events()).toEqual(['request.created', 'request.approved', 'intro.made']);
    expect(inbox(ANA)).toEqual([expect.stringMatching(INTRO)]);
    expect(inbox(OWNER)).toEqual([expect.stringContaining('Intro request #1'), expect.stringMatching(INTRO)]);
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved'), expect.stringMatching(INTRO), expect.stringContaining("You've been introduced")]);
  });

  it('without a Discord account, the owner gets the intro email draft at approval', async () => {
    await approveByClick({ noOptin: true });
    await settle();
    expect(inbox(OWNER)).toEqual([expect.stringContaining('Intro request #1'), expect.stringContaining('Send the intro email to both')]);
    expect(inbox(ALICE)[1]).toContain('Sam is introducing you by email');
  });
});

// --- follow-up ------------------------------------------------------------------------------------

describe('follow-up after the intro', () => {
  async function followUpCard(): Promise<RecordedRequest> {
    await approveByClick({ discordUserId: ANA.id, noOptin: true });
    h.t.ctx.clock.advanceDays(13);
    expect(await h.runDue()).toBe(0);
    h.t.ctx.clock.advanceDays(1);
    expect(await h.runDue()).toBe(1);
    expect(await h.runDue()).toBe(0);
    const card = await dmMatching(ALICE, /How did your intro to Ana Ferreira go/);
    expect(buttonsOf(card.body).map((b) => b.label)).toEqual(['We met', 'It was useful', 'It led to an opportunity', 'I got hired', "It wasn't useful", 'No reply yet']);
    return card;
  }

  it('"We met" updates the card in place, keeping a way to report good news; "I got hired" then reaches the owner once', async () => {
    const card = await followUpCard();
    const ownerBefore = messagesIn(h, OWNER.id).length;
    const met = await clickDm(card, ALICE, 'We met');
    expect(met.type).toBe(7);
    expect(textOf(dataOf(met))).toBe('Thanks, glad you and Ana met. If it leads somewhere, tell us here.');
    expect(buttonsOf(dataOf(met)).map((b) => b.label)).toEqual(['It led to an opportunity', 'I got hired']);
    await settle();
    expect(request()?.outcome).toBe('met');
    expect(messagesIn(h, OWNER.id)).toHaveLength(ownerBefore); // "we met" is not news for the owner

    // Weeks later, on the same (updated) card.
    const updated = botMessage({ ...asBotMessage(card, ALICE.id), content: dataOf(met).content ?? '', components: dataOf(met).components as never });
    const job = await h.interact(button({ user: ALICE, guildId: null, customId: buttonLabelled(dataOf(met), 'I got hired'), message: updated }));
    expect(job.type).toBe(7);
    expect(textOf(dataOf(job))).toBe("Congratulations! That's wonderful news.");
    expect(dataOf(job).components).toEqual([]);
    const news = await dmMatching(OWNER, /Good news/);
    expect(textOf(news.body)).toBe("Good news: Alice Example's intro to Ana Ferreira led to a job.");
    await settle();
    expect(events().filter((k) => k.startsWith('outcome.'))).toEqual(['outcome.met', 'outcome.job']);
  });

  it('"I got hired" straight away: the card is updated and the owner gets the good news once, however often it is clicked', async () => {
    const card = await followUpCard();
    const response = await clickDm(card, ALICE, 'I got hired');
    expect(textOf(dataOf(response))).toBe("Congratulations! That's wonderful news.");
    expect(dataOf(response).components).toEqual([]);
    const news = await dmMatching(OWNER, /Good news/);
    expect(textOf(news.body)).toBe("Good news: Alice Example's intro to Ana Ferreira led to a job.");
    // The same answer again (the stale card on another device): no second good news.
    await clickDm(card, ALICE, 'I got hired');
    await settle();
    expect(inbox(OWNER).filter((t) => t.startsWith('Good news'))).toHaveLength(1);
    expect(events().filter((k) => k.startsWith('outcome.'))).toEqual(['outcome.job']);
    // No nudge for someone who already said it went somewhere.
    h.t.ctx.clock.advanceDays(30);
    await h.runDue();
    expect(inbox(ALICE).filter((t) => /How did your intro/.test(t) || /last check-in/.test(t))).toHaveLength(1);
  });

  it('refuses the outcome buttons to anyone but the requester', async () => {
    const card = await followUpCard();
    const response = await clickDm(card, ALICE, 'I got hired', CAROL);
    expect(response.type).toBe(4);
    expect(dataOf(response).flags).toBe(64);
    expect(request()?.outcome).toBeNull();
  });
});

// --- reminder and expiry, withdraw ------------------------------------------------------------

describe('a request nobody decides', () => {
  it('reminds the owner once with the one-click buttons, then expires and tells the requester', async () => {
    const card = await submit({ discordUserId: ANA.id });
    h.t.ctx.clock.advanceDays(3);
    expect(await h.runDue()).toBe(1);
    expect(await h.runDue()).toBe(0);
    const reminder = await dmMatching(OWNER, /A reminder: this has waited 3 days/);
    expect(textOf(reminder.body)).toContain('Intro request #1: Alice Example → Ana Ferreira');
    expect(buttonsOf(reminder.body).map((b) => b.label)).toContain('Approve');

    h.t.ctx.clock.advanceDays(11);
    expect(await h.runDue()).toBe(1);
    const expired = await dmMatching(ALICE, /expired/);
    expect(textOf(expired.body)).toMatch(/Your request for an intro to Ana Ferreira expired before Sam could decide\. It's not a no/);
    expect(request()?.status).toBe('expired');

    // Approving from the reminder (or the first card) now settles nothing and sends nothing.
    for (const dm of [reminder, card]) {
      const response = await clickDm(dm, OWNER, 'Approve');
      expect(response.type).toBe(7);
      expect(dataOf(response).components).toEqual([]);
      expect(textOf(dataOf(response))).toMatch(/Expired without a decision/);
    }
    await settle();
    expect(inbox(OWNER)).toHaveLength(2);
    expect(inbox(ALICE)).toHaveLength(1);
    expect(messagesIn(h, ANA.id)).toEqual([]);
    expect(events()).toEqual(['request.created', 'request.reminded', 'request.expired']);
  });

  it('lets the requester withdraw through /intros; then no decision, reminder or expiry reaches anyone', async () => {
    const card = await submit({ discordUserId: ANA.id });
    const list = dataOf(await h.interact(slashCommand({ name: 'intros', user: ALICE })));
    expect(list.flags).toBe(64);
    expect(textOf(list)).toContain('#1 Ana Ferreira: waiting for a decision');
    const ephemeral = botMessage({ channelId: FAKE_IDS.channelId, flags: 64, content: list.content ?? '', components: list.components as never });
    const withdrawn = await h.interact(button({ user: ALICE, customId: buttonLabelled(list, 'Withdraw #1'), message: ephemeral }));
    expect(withdrawn.type).toBe(7);
    expect(textOf(dataOf(withdrawn))).toBe('You withdrew your request #1 for an intro to Ana Ferreira.');
    expect(dataOf(withdrawn).components).toEqual([]);
    expect(request()?.status).toBe('withdrawn');

    const late = await clickDm(card, OWNER, 'Approve');
    expect(textOf(dataOf(late))).toMatch(/already been settled; nothing was changed/);
    h.t.ctx.clock.advanceDays(30);
    expect(await h.runDue()).toBe(0);
    expect(inbox(OWNER)).toHaveLength(1);
    expect(messagesIn(h, ALICE.id)).toEqual([]);
    expect(messagesIn(h, ANA.id)).toEqual([]);
    expect(events()).toEqual(['request.created', 'request.withdrawn']);
  });
});

// --- a restart in the middle of each path -------------------------------------------------------

describe('a restart in the middle (new client and new SqliteStore on the same file, same fake)', () => {
  it('chat opt-in: approval committed before the ask went out; after a crash mid-intro every DM still arrives once', async () => {
    await submit({ discordUserId: ANA.id });
    // The owner's click committed, and the process died before any DM went out.
    decideIntro(h.t.ctx, discordActor(OWNER), requestId, { kind: 'approve' });
    await restart(QUICK);
    await settle();
    const ask = await waitForDm(h.fake, ANA.id);
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved')]);

    // Ana says yes; the intro reaches the owner, then Alice's DM hangs and the process dies.
    const hang = h.fake.on('POST', dmPath(ALICE), () => NO_ANSWER);
    expect((await clickDm(ask, ANA, 'Happy to be introduced')).type).toBe(7);
    await within(3_000, h.fake.waitForRequest((r) => dmPath(ALICE).test(r.path) && r.response === undefined, 3_000));
    const dying = h;
    await restart(QUICK);
    await diedQuietly(dying);
    hang();

    // The new process finds the intro the dead one was sending, leased, and sends it (and what is left) at once.
    expect(h.recovered).toBe(1);
    await settle();
    expect(h.t.ctx.store.listOutbox({ status: 'pending' })).toEqual([]);
    expect(inbox(OWNER)).toEqual([expect.stringContaining('Intro request #1'), expect.stringMatching(INTRO)]);
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved'), expect.stringMatching(INTRO), expect.stringContaining("You've been introduced")]);
    expect(inbox(ANA)).toEqual([expect.stringContaining('would like to introduce you'), expect.stringMatching(INTRO)]);
    // The owner's copy was sent again by the new process, and Discord answered with the first one (same nonce).
    expect(dmPostsTo(h.fake, OWNER.id).filter((r) => INTRO.test(textOf(r.body)))).toHaveLength(2);
    expect(events().filter((k) => k === 'intro.made')).toHaveLength(1);
  });

  it('chat "Not now": the requester’s notice failed before the crash; the new process delivers it once', async () => {
    await approveByClick({ discordUserId: ANA.id });
    const ask = await waitForDm(h.fake, ANA.id);
    const down = h.fake.on('POST', dmPath(ALICE), () => ({ status: 500, body: { message: 'Internal Server Error', code: 0 } }));
    expect((await clickDm(ask, ANA, 'Not now')).type).toBe(7);
    await settle();
    expect(h.t.ctx.store.listOutbox({ status: 'pending' }).map((m) => m.kind)).toEqual(['member.contact_declined']);
    await restart();
    down();
    expect(h.recovered).toBe(0); // the failure was recorded: it waits for its backoff
    h.t.ctx.clock.advance(BACKOFF_MS);
    await settle();
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved'), expect.stringMatching(/isn't able to take on an introduction/)]);
    // The stale card, clicked in the new process: already answered, nothing more.
    expect(textOf(dataOf(await clickDm(ask, ANA, 'Happy to be introduced')))).toMatch(/Already answered: this question is closed/);
    await settle();
    expect(messagesIn(h, ALICE.id)).toHaveLength(2);
    expect(request()?.stage).toBe('contact_declined');
  });

  it('email opt-in: Discord created the intro draft but its answer was lost; after the crash the owner still has one draft', async () => {
    await approveByClick({});
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    const lost = h.fake.on('POST', dmPath(OWNER), (req) => (/Send the intro email to both/.test(textOf(req.body)) ? (h.nonces.createWithoutAnswer(req, dmChannelIdFor(OWNER.id)), NO_ANSWER) : undefined));
    expect((await clickDm(draft, OWNER, 'They said yes')).type).toBe(7);
    await within(3_000, h.fake.waitForRequest((r) => dmPath(OWNER).test(r.path) && /Send the intro email to both/.test(textOf(r.body)), 3_000));
    const dying = h;
    await restart(QUICK);
    await diedQuietly(dying);
    lost();

    expect(h.recovered).toBe(1); // the intro draft, leased by the dead process
    await settle();
    expect(h.t.ctx.store.listOutbox({ status: 'pending' })).toEqual([]);
    expect(inbox(OWNER).filter((t) => /Send the intro email to both/.test(t))).toHaveLength(1);
    expect(inbox(OWNER)).toHaveLength(3);
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved'), expect.stringContaining('introducing you by email')]);
    // The new process's send got back the message Discord had made for the lost one.
    const intro = h.t.ctx.store.listOutbox().find((m) => m.kind === 'owner.intro_email');
    expect(intro?.ref).toBe(`${dmChannelIdFor(OWNER.id)}:${String(h.nonces.unanswered.get(dmChannelIdFor(OWNER.id))?.[0]?.id)}`);
  });

  it('email "They said no": committed, then the process died before telling the requester; the new one tells her once', async () => {
    await approveByClick({});
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    answerForContact(h.t.ctx, discordActor(OWNER), requestId, false); // the click's transaction, and then the crash
    await restart();
    expect(h.recovered).toBe(0);
    await settle();
    expect(inbox(ALICE)).toEqual([expect.stringContaining('Sam approved'), expect.stringMatching(/isn't able to take on an introduction/)]);
    const stale = await clickDm(draft, OWNER, 'They said yes');
    expect(textOf(dataOf(stale))).toMatch(/Already answered: this question is closed/);
    await settle();
    expect(request()?.stage).toBe('contact_declined');
    expect(messagesIn(h, ALICE.id)).toHaveLength(2);
    expect(inbox(OWNER)).toHaveLength(2);
  });

  it('direct intro: the fan-out stopped at the contact; after a restart only the contact gets the intro', async () => {
    const down = h.fake.on('POST', dmPath(ANA), () => ({ status: 503, body: { message: 'Service Unavailable', code: 0 } }));
    await approveByClick({ discordUserId: ANA.id, noOptin: true });
    // Alice's "you've been introduced" waits for the intro itself.
    expect(h.t.ctx.store.listOutbox({ status: 'pending' }).map((m) => m.kind)).toEqual(['intro.group', 'member.introduced']);
    expect(inbox(OWNER)).toHaveLength(2);
    expect(inbox(ALICE)).toHaveLength(2);
    await restart();
    down();
    h.t.ctx.clock.advance(BACKOFF_MS);
    await settle();
    expect(h.t.ctx.store.listOutbox({ status: 'pending' })).toEqual([]);
    for (const user of [OWNER, ALICE, ANA]) expect(inbox(user).filter((t) => INTRO.test(t))).toHaveLength(1);
    expect(inbox(ANA)).toHaveLength(1);
    expect(inbox(ALICE)).toHaveLength(3);
  });

  it('follow-up: the task ran, the process died before sending; the new process sends it once and takes the answer', async () => {
    await approveByClick({ discordUserId: ANA.id, noOptin: true });
    h.t.ctx.clock.advanceDays(14);
    expect(runDueTasks(h.t.ctx)).toBe(1); // committed: the follow-up is in the outbox, not sent
    await restart();
    expect(await h.runDue()).toBe(0); // the task is done; only the message is left
    const card = await dmMatching(ALICE, /How did your intro/);
    expect(await h.runDue()).toBe(0);
    expect(inbox(ALICE).filter((t) => /How did your intro/.test(t))).toHaveLength(1);
    const response = await clickDm(card, ALICE, 'I got hired');
    expect(response.type).toBe(7);
    await dmMatching(OWNER, /Good news/);
    await settle();
    expect(inbox(OWNER).filter((t) => t.startsWith('Good news'))).toHaveLength(1);
  });

  it('reminder and expiry: each runs once across restarts, and the expiry notice goes once', async () => {
    await submit({ discordUserId: ANA.id });
    h.t.ctx.clock.advanceDays(3);
    expect(await h.runDue()).toBe(1);
    await restart();
    expect(await h.runDue()).toBe(0);
    h.t.ctx.clock.advanceDays(11);
    expect(runDueTasks(h.t.ctx)).toBe(1); // expired and queued the notice; then the process died
    await restart();
    expect(await h.runDue()).toBe(0);
    await settle();
    // The card and its one reminder, both edited in place once the request expired: no button is left.
    expect(inbox(OWNER)).toEqual([expect.stringMatching(/Expired without a decision/), expect.stringMatching(/Expired without a decision/)]);
    expect(messagesIn(h, OWNER.id).flatMap((m) => m.components ?? [])).toEqual([]);
    expect(inbox(ALICE)).toEqual([expect.stringMatching(/expired before Sam could decide/)]);
    expect(events()).toEqual(['request.created', 'request.reminded', 'request.expired']);
  });

  it('withdraw: after a restart the withdrawn request stays quiet', async () => {
    await submit({ discordUserId: ANA.id });
    const list = dataOf(await h.interact(slashCommand({ name: 'intros', user: ALICE })));
    const ephemeral = botMessage({ channelId: FAKE_IDS.channelId, flags: 64, content: list.content ?? '', components: list.components as never });
    expect((await h.interact(button({ user: ALICE, customId: buttonLabelled(list, 'Withdraw #1'), message: ephemeral }))).type).toBe(7);
    await restart();
    h.t.ctx.clock.advanceDays(30);
    expect(await h.runDue()).toBe(0);
    expect(request()?.status).toBe('withdrawn');
    expect(inbox(OWNER)).toHaveLength(1);
    expect(messagesIn(h, ALICE.id)).toEqual([]);
  });
});
