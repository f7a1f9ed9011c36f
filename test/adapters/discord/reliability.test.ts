// Issue 10 on Discord, through the real discord.js client against a fake
// Discord that fails on cue: nothing fails silently, nothing arrives twice,
// stale cards are replaced in place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { APIUser } from 'discord.js';
import { DMS_CLOSED_MAX_ATTEMPTS, DMS_CLOSED_RETRY_MS } from '../../../adapters/discord/messenger.ts';
import { setMemberStatus } from '../../../src/use-cases/admission.ts';
import { bulkUpdate } from '../../../src/use-cases/manage-contacts.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import type { ContactInput } from '../../../src/ports.ts';
import { addContact, goodForm } from '../../support/core.ts';
import { ALICE, apiUser, botMessage, button, discordError, dmChannelIdFor, FAKE_IDS, slashCommand, type RecordedRequest } from '../../support/fake-discord.ts';
import { addDiscordMember, asBotMessage, buttonLabelled, discordActor, messagesIn, OWNER, startBot, textOf, waitForDm, within, type BotHarness } from './bot-harness.ts';

const ANA = apiUser('1100000000000000004', 'ana.ferreira', 'Ana Ferreira');

let h: BotHarness;

beforeEach(async () => {
  h = await startBot({}, { clientOptions: { rest: { timeout: 300 } } });
  addDiscordMember(h, ALICE);
});
afterEach(async () => {
  await h.close();
});

const settle = () => within(5_000, h.dispatcher.runOnce(), 'outbox pass');
const inbox = (user: APIUser) => messagesIn(h, user.id).map((m) => textOf(m));

async function submit(contact: Partial<ContactInput>): Promise<RecordedRequest> {
  const c = addContact(h.t, contact);
  const result = submitIntroRequest(h.t.ctx, discordActor(ALICE), c.id, goodForm);
  if (!result.ok) throw new Error('the good form bounced');
  await settle();
  return waitForDm(h.fake, OWNER.id);
}

async function click(dm: RecordedRequest, owner: APIUser, label: string | RegExp): Promise<void> {
  const response = await h.interact(button({ user: owner, guildId: null, customId: buttonLabelled(dm.body, label), message: asBotMessage(dm, owner.id) }));
  expect(response.type).toBe(7);
  await settle();
}

/** The first DM to `user` whose text matches. */
async function dmMatching(user: APIUser, pattern: RegExp): Promise<RecordedRequest> {
  for (let n = 1; n <= 10; n++) {
    const dm = await waitForDm(h.fake, user.id, n);
    if (pattern.test(textOf(dm.body))) return dm;
  }
  throw new Error(`no DM to ${user.id} matching ${String(pattern)}`);
}

describe('2. the contact cannot be reached in chat', () => {
  it('10013 Unknown User: the opt-in fails at once and falls back to the email draft; the owner is told why; nothing retries', async () => {
    h.fake.on('POST', /\/users\/@me\/channels$/, (req) => ((req.body as { recipient_id?: string }).recipient_id === ANA.id ? discordError(404, 10013, 'Unknown User') : undefined));
    await click(await submit({ discordUserId: ANA.id }), OWNER, 'Approve');
    await settle();

    expect(h.t.ctx.store.listOutbox().find((m) => m.kind === 'contact.optin')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'discord: Unknown User (10013)' });
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    expect(textOf(draft.body)).toContain('could not be reached in chat (discord: Unknown User (10013))');
    expect(inbox(ALICE).join('\n')).toContain('will check with Ana Ferreira first');
    const opens = h.fake.requests.filter((r) => r.path.endsWith('/users/@me/channels') && (r.body as { recipient_id?: string }).recipient_id === ANA.id).length;
    h.t.ctx.clock.advance(DMS_CLOSED_RETRY_MS * 2);
    await settle();
    expect(h.fake.requests.filter((r) => r.path.endsWith('/users/@me/channels') && (r.body as { recipient_id?: string }).recipient_id === ANA.id)).toHaveLength(opens);

    // Ana said yes by email: the intro goes by email, and Alice is told so.
    await click(draft, OWNER, 'They said yes');
    await dmMatching(ALICE, /introducing you by email/);
    expect(h.t.ctx.store.getRequest(1)?.stage).toBe('introduced');
    expect(messagesIn(h, ANA.id)).toEqual([]);
  });

  it(`50007 (DMs closed) ${DMS_CLOSED_MAX_ATTEMPTS} times, an hour apart: then the email path, with the reason`, async () => {
    h.fake.on('POST', new RegExp(`/channels/${dmChannelIdFor(ANA.id)}/messages$`), () => discordError(403, 50007, 'Cannot send messages to this user'));
    await click(await submit({ discordUserId: ANA.id }), OWNER, 'Approve');
    for (let i = 1; i < DMS_CLOSED_MAX_ATTEMPTS; i++) {
      expect(h.t.ctx.store.listOutbox().find((m) => m.kind === 'contact.optin')).toMatchObject({ status: 'pending', attempts: i });
      h.t.ctx.clock.advance(DMS_CLOSED_RETRY_MS);
      await settle();
    }
    expect(h.t.ctx.store.listOutbox().find((m) => m.kind === 'contact.optin')).toMatchObject({ status: 'failed', attempts: DMS_CLOSED_MAX_ATTEMPTS });
    const draft = await dmMatching(OWNER, /ask Ana Ferreira first/);
    expect(textOf(draft.body)).toContain('could not be reached in chat (discord: DMs closed (50007)');
  });
});

/** The owner's DMs as they now stand (edits applied); none has a button left. */
function ownerCardsNow(): string[] {
  const now = messagesIn(h, OWNER.id);
  expect(now.flatMap((m) => (m.components as unknown[] | undefined) ?? [])).toEqual([]);
  return now.map((m) => textOf(m));
}

describe('1. a request settled anywhere but on the card: the card is edited in place', () => {
  it('a withdrawal from /intros', async () => {
    await submit({ discordUserId: ANA.id });
    const list = await h.interact(slashCommand({ name: 'intros', user: ALICE }));
    const data = 'data' in list ? (list.data as { content?: string; components?: never }) : {};
    const ephemeral = botMessage({ channelId: FAKE_IDS.channelId, flags: 64, content: data.content ?? '', components: data.components });
    expect((await h.interact(button({ user: ALICE, customId: buttonLabelled(data, 'Withdraw #1'), message: ephemeral }))).type).toBe(7);
    await settle();
    expect(ownerCardsNow()).toEqual([expect.stringContaining('Withdrawn by the requester.')]);
    expect(h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(`/channels/${dmChannelIdFor(OWNER.id)}/messages/`))).toHaveLength(1);
  });
});

describe('4. requests close when their contact or their requester goes', () => {
  it.each([
    ['the owner opts the contact out', () => bulkUpdate(h.t.ctx, 'cli', { ids: [1] }, { openToIntros: false }, 'contact.opt_out'), "isn't taking introductions"],
    ['the owner blocks the requester', () => setMemberStatus(h.t.ctx, 'cli', { platform: 'discord', userId: ALICE.id, status: 'blocked' }), 'is closed'],
  ] as const)('%s: closed with an event, the requester told kindly, the card edited', async (_what, act, told) => {
    await submit({ discordUserId: ANA.id });
    act();
    await settle();
    expect(h.t.ctx.store.getRequest(1)?.status).toBe('closed');
    expect(h.t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind)).toContain('request.closed');
    expect(inbox(ALICE)).toEqual([expect.stringContaining(told)]);
    expect(ownerCardsNow()).toEqual([expect.stringContaining('Closed without a decision')]);
  });
});
