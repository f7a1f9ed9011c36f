// Proves the offline harness: the real discord.js Client talks to test/support/fake-discord.ts
// for every interaction kind the bot uses, plus DMs, Discord errors, 429s, 5xx and hangs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AttachmentBuilder,
  DiscordAPIError,
  GatewayIntentBits,
  HTTPError,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  Routes,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { APIInteraction, Client, Interaction } from 'discord.js';
import {
  ALICE,
  BOB,
  FAKE_IDS,
  NO_ANSWER,
  apiUser,
  autocomplete,
  button,
  discordError,
  loadFixture,
  modalSubmit,
  nextInteraction,
  rateLimited,
  selectMenu,
  slashCommand,
  startClient,
  startFakeDiscord,
  type FakeDiscord,
} from '../../support/fake-discord.ts';

let fake: FakeDiscord;
let client: Client<true>;

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = await startClient(fake);
});

// Destroy the client first so it closes cleanly; fake.close() under a live client cuts it off (4004).
afterAll(async () => {
  await client.destroy();
  await fake.close();
});

/** Dispatches a payload over the fake gateway and returns what discord.js made of it. */
async function deliver(payload: APIInteraction): Promise<Interaction> {
  const next = nextInteraction(client);
  await fake.dispatchInteraction(payload);
  return next;
}

describe('fake Discord gateway', () => {
  it('identifies the client and fills the cache from READY + GUILD_CREATE', async () => {
    const identify = await fake.ready;
    expect(identify).toMatchObject({ token: 'test-token', intents: GatewayIntentBits.Guilds });
    expect(client.user.id).toBe(FAKE_IDS.applicationId);
    expect(client.application.id).toBe(FAKE_IDS.applicationId);
    expect(client.guilds.cache.get(FAKE_IDS.guildId)?.name).toBe('Example Builders');
  });
});

describe('interaction callbacks', () => {
  it('replies ephemerally to a slash command without pinging anyone', async () => {
    const payload = slashCommand({ name: 'intro', options: { to: { user: BOB }, reason: 'Both build bots' } });
    const interaction = await deliver(payload);
    if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
    expect(interaction.user.id).toBe(ALICE.id);
    expect(interaction.inGuild()).toBe(true);
    expect(interaction.options.getUser('to')?.id).toBe(BOB.id);
    expect(interaction.options.getString('reason')).toBe('Both build bots');

    await interaction.reply({
      content: `Asked <@${BOB.id}>`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });

    expect(await fake.waitForCallback(payload.id)).toEqual({
      type: 4,
      // The exact body discord.js 14.28 sends (undefined fields are dropped by JSON).
      data: { content: `Asked <@${BOB.id}>`, tts: false, enforce_nonce: false, flags: 64, allowed_mentions: { parse: [] } },
    });
    const request = await fake.waitForRequest((r) => r.path.includes(`/interactions/${payload.id}/`));
    expect(request.query).toEqual({ with_response: 'false' });
    expect(request.headers.authorization).toBeUndefined(); // callbacks are sent with auth: false
  });

  it('defers in a DM with withResponse, then edits and follows up via the webhook routes', async () => {
    const payload = slashCommand({ name: 'optin', guildId: null, options: { status: 'open' } });
    const interaction = await deliver(payload);
    if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
    expect(interaction.inGuild()).toBe(false);
    expect(interaction.context).toBe(1);

    const response = await interaction.deferReply({ flags: MessageFlags.Ephemeral, withResponse: true });
    expect(response.interaction.responseMessageLoading).toBe(true);
    expect(response.resource?.message?.flags.has(MessageFlags.Loading)).toBe(true);
    expect(await fake.waitForCallback(payload.id)).toEqual({ type: 5, data: { flags: 64 } });

    const edited = await interaction.editReply('Saved.');
    expect(edited.content).toBe('Saved.');
    const followUp = await interaction.followUp({ content: 'One more thing', flags: MessageFlags.Ephemeral });
    expect(followUp.content).toBe('One more thing');

    const paths = fake.requests.filter((r) => r.path.includes(payload.token)).map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual([
      `POST /api/v10/interactions/${payload.id}/${payload.token}/callback`,
      `PATCH /api/v10/webhooks/${FAKE_IDS.applicationId}/${payload.token}/messages/@original`,
      `POST /api/v10/webhooks/${FAKE_IDS.applicationId}/${payload.token}`,
    ]);
  });

  it('records multipart replies: payload_json as the body, files listed', async () => {
    const payload = slashCommand({ name: 'export' });
    const interaction = await deliver(payload);
    if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
    await interaction.reply({ content: 'Your contacts', files: [new AttachmentBuilder(Buffer.from('a,b\n'), { name: 'contacts.csv' })] });
    const request = await fake.waitForRequest((r) => r.path.includes(`/interactions/${payload.id}/`));
    expect(request.body).toMatchObject({ type: 4, data: { content: 'Your contacts', attachments: [{ id: '0' }] } });
    expect(request.files).toEqual([{ field: 'files[0]', filename: 'contacts.csv', size: 4 }]);
  });

  it('answers a second acknowledgement with 40060 like Discord', async () => {
    const payload = slashCommand({ name: 'intro' });
    const interaction = await deliver(payload);
    if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
    await interaction.deferReply();
    // Bypass discord.js's own "already replied" guard to reach the fake.
    const again = client.rest.post(Routes.interactionCallback(payload.id, payload.token), {
      body: { type: 4, data: { content: 'late' } },
      auth: false,
    });
    await expect(again).rejects.toMatchObject({ code: 40060, status: 400 });
  });

  it('answers like Discord when the bot is too slow (10062) or too long (50035)', async () => {
    const tooLong = slashCommand({ name: 'intro' });
    const first = await deliver(tooLong);
    if (!first.isChatInputCommand()) throw new Error(`unexpected ${first.type}`);
    await expect(first.reply('x'.repeat(2001))).rejects.toMatchObject({ code: 50035, status: 400 });

    const slow = slashCommand({ name: 'intro' });
    const second = await deliver(slow);
    if (!second.isChatInputCommand()) throw new Error(`unexpected ${second.type}`);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_001 }); // the 3-second window has passed
    try {
      await expect(second.deferReply()).rejects.toMatchObject({ code: 10062, status: 404 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a modal from a button', async () => {
    const payload = button({ customId: 'intro:accept:42' });
    const interaction = await deliver(payload);
    if (!interaction.isButton()) throw new Error(`unexpected ${interaction.type}`);
    expect(interaction.customId).toBe('intro:accept:42');
    expect(interaction.message.id).toBe(payload.message.id);

    const modal = new ModalBuilder()
      .setCustomId('intro:note:42')
      .setTitle('Add a note')
      .addLabelComponents(
        new LabelBuilder()
          .setLabel('Note for Bob')
          .setTextInputComponent(new TextInputBuilder().setCustomId('x').setStyle(TextInputStyle.Paragraph)),
      );
    await interaction.showModal(modal);

    expect(await fake.waitForCallback(payload.id)).toEqual({
      type: 9,
      data: {
        custom_id: 'intro:note:42',
        title: 'Add a note',
        components: [{ type: 18, label: 'Note for Bob', component: { type: 4, custom_id: 'x', style: 2 } }],
      },
    });
  });

  it('updates the clicked message (type 7) and defers a select (type 6)', async () => {
    const click = button({ customId: 'intro:decline:42', user: BOB });
    const clicked = await deliver(click);
    if (!clicked.isButton()) throw new Error(`unexpected ${clicked.type}`);
    const updated = await clicked.update({ content: 'Declined, thanks.', components: [], withResponse: true });
    expect(updated.resource?.message?.content).toBe('Declined, thanks.');
    expect(await fake.waitForCallback(click.id)).toMatchObject({ type: 7, data: { content: 'Declined, thanks.', components: [] } });

    const pick = selectMenu({ customId: 'intro:reason', values: ['work'] });
    const picked = await deliver(pick);
    if (!picked.isStringSelectMenu()) throw new Error(`unexpected ${picked.type}`);
    expect(picked.values).toEqual(['work']);
    await picked.deferUpdate();
    expect(await fake.waitForCallback(pick.id)).toEqual({ type: 6 });
  });

  it.each(['label', 'actionRow'] as const)('reads text inputs from a %s modal submission', async (layout) => {
    const payload = modalSubmit({ customId: 'intro:note:42', fields: { x: 'Happy to chat', y: '' }, layout });
    const interaction = await deliver(payload);
    if (!interaction.isModalSubmit()) throw new Error(`unexpected ${interaction.type}`);
    expect(interaction.customId).toBe('intro:note:42');
    expect(interaction.fields.getTextInputValue('x')).toBe('Happy to chat');
    expect(interaction.fields.getTextInputValue('y')).toBe('');
    expect(() => interaction.fields.getTextInputValue('missing')).toThrow();
    await interaction.reply({ content: 'Noted', flags: MessageFlags.Ephemeral });
    expect(await fake.waitForCallback(payload.id)).toMatchObject({ type: 4 });
  });

  it('responds to autocomplete (type 8)', async () => {
    const payload = autocomplete({ name: 'intro', focused: { name: 'topic', value: 'ty' } });
    const interaction = await deliver(payload);
    if (!interaction.isAutocomplete()) throw new Error(`unexpected ${interaction.type}`);
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'topic', value: 'ty' });

    await interaction.respond([{ name: 'TypeScript', value: 'typescript' }]);
    expect(await fake.waitForCallback(payload.id)).toEqual({
      type: 8,
      data: { choices: [{ name: 'TypeScript', value: 'typescript' }] },
    });
  });

  it.each([
    ['interaction.slash-command.guild', 'isChatInputCommand'],
    ['interaction.slash-command.dm', 'isChatInputCommand'],
    ['interaction.button', 'isButton'],
    ['interaction.string-select', 'isStringSelectMenu'],
    ['interaction.autocomplete', 'isAutocomplete'],
    ['interaction.modal-submit.label', 'isModalSubmit'],
    ['interaction.modal-submit.action-row', 'isModalSubmit'],
  ] as const)('replays fixture %s verbatim', async (fixture, guard) => {
    const interaction = await deliver(loadFixture<APIInteraction>(fixture));
    expect(interaction[guard]()).toBe(true);
    if (interaction.isModalSubmit()) expect(interaction.fields.getTextInputValue('note')).toBe('Happy to chat next week.');
  });

  it('drops unknown interaction shapes silently (only an Events.Debug line)', async () => {
    const payload = { ...button({ customId: 'odd' }), data: { component_type: 99, custom_id: 'odd' } };
    const next = nextInteraction(client, 200);
    await fake.dispatchInteraction(payload);
    await expect(next).rejects.toThrow(/no interactionCreate/);
  });
});

describe('REST failure modes', () => {
  const carol = apiUser('1100000000000000003', 'carol.example', 'Carol Example');
  const messagesOf = (channelId: string) => new RegExp(`/channels/${channelId}/messages$`);

  it('surfaces 50007 (DMs closed) as a DiscordAPIError', async () => {
    const dm = await client.users.createDM(BOB.id);
    expect(await fake.waitForRequest((r) => r.path.endsWith('/users/@me/channels'))).toMatchObject({
      body: { recipient_id: BOB.id },
    });
    const off = fake.on('POST', messagesOf(dm.id), () => discordError(403, 50007, 'Cannot send messages to this user'));
    const error = await dm.send('Hi Bob').catch((err: unknown) => err);
    off();
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50007, status: 403, message: 'Cannot send messages to this user' });
  });

  it('waits out a 429 (Retry-After header + 50 ms offset) and delivers the message once', async () => {
    const dm = await client.users.createDM(carol.id);
    let calls = 0;
    const off = fake.on('POST', messagesOf(dm.id), () => (calls++ === 0 ? rateLimited(0.05) : undefined));
    const started = Date.now();
    const sent = await dm.send('Hi Carol');
    off();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(sent.content).toBe('Hi Carol');
    const attempts = fake.requests.filter((r) => r.method === 'POST' && messagesOf(dm.id).test(r.path));
    expect(attempts.map((r) => r.response?.status)).toEqual([429, 200]);
  });

  it('retries a 5xx three times, then throws HTTPError (not DiscordAPIError)', async () => {
    const dm = await client.users.createDM(carol.id);
    const message = await dm.send('to be edited');
    const editPath = new RegExp(`/channels/${dm.id}/messages/${message.id}$`);
    const off = fake.on('PATCH', editPath, () => ({ status: 500, body: { message: 'Internal Server Error', code: 0 } }));
    const error = await message.edit('edited').catch((err: unknown) => err);
    off();
    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 500 });
    expect(fake.requests.filter((r) => r.method === 'PATCH' && editPath.test(r.path))).toHaveLength(4);
  });

  it('lets a request hang; an AbortSignal (or rest.timeout) ends it', async () => {
    const dm = await client.users.createDM(carol.id);
    const off = fake.on('POST', /\/typing$/, () => NO_ANSWER);
    const started = Date.now();
    const typing = client.rest.post(Routes.channelTyping(dm.id), { signal: AbortSignal.timeout(100) });
    await expect(typing).rejects.toMatchObject({ name: 'AbortError' });
    off();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
