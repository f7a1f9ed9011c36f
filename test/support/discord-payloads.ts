// Builders for INTERACTION_CREATE payloads shaped like what Discord sends today.
// They start from the anonymised captures in test/fixtures/discord/ so every field
// Discord includes (app_permissions, context, authorizing_integration_owners, ...)
// is present, then swap in fresh ids, the acting user and the guild-or-DM context.
import { readFileSync } from 'node:fs';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIModalSubmitInteraction,
  APIUser,
  UserFlags,
} from 'discord.js';

type Json = Record<string, unknown>;

/** Reads test/fixtures/discord/<name>.json; a fresh copy on every call, so callers may mutate it. */
export function loadFixture<T = Json>(name: string): T {
  const url = new URL(`../fixtures/discord/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** Ids used by the fixtures; the fake gateway announces the same application, bot user and guild. */
export const FAKE_IDS = {
  applicationId: '1300000000000000001',
  guildId: '1200000000000000001',
  channelId: '1200000000000000010',
  commandId: '1300000000000000100',
} as const;

/** A user object with the fields Discord sends in interactions (minus the deprecated `clan` alias). */
export function apiUser(id: string, username: string, globalName: string | null = null): APIUser {
  return {
    avatar: null,
    avatar_decoration_data: null,
    collectibles: null,
    discriminator: '0',
    global_name: globalName,
    id,
    primary_guild: null,
    public_flags: 0 as UserFlags, // no badges
    username,
  };
}

export const ALICE = apiUser('1100000000000000001', 'alice.example', 'Alice Example');
export const BOB = apiUser('1100000000000000002', 'bob.example', 'Bob Example');

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;
/** A snowflake for "now", so discord.js's createdTimestamp (and any 3-second-deadline logic) sees a fresh interaction. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Where the interaction happens. `guildId: null` means the bot's DM (context 1). */
export interface InteractionPlace {
  user?: APIUser;
  guildId?: string | null;
  channelId?: string;
  locale?: string;
}

/** Option values: strings, integers, doubles, booleans, or `{ user }` for a USER option (type 6). */
export type OptionValue = string | number | boolean | { user: APIUser };
export type OptionsInput = Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[];

const dmChannelIds = new Map<string, string>();
/** Discord keeps one DM channel per user; the fake's POST /users/@me/channels uses the same mapping. */
export function dmChannelIdFor(userId: string): string {
  let id = dmChannelIds.get(userId);
  if (!id) {
    id = snowflake();
    dmChannelIds.set(userId, id);
  }
  return id;
}

/** Common envelope: fresh id/token plus guild or DM context, on top of the guild slash-command capture. */
function envelope(type: number, place: InteractionPlace): Json {
  const payload = loadFixture('interaction.slash-command.guild');
  const user = place.user ?? ALICE;
  const id = snowflake();
  Object.assign(payload, {
    id,
    // Real tokens are long URL-safe strings; they end up in callback/webhook URLs.
    token: Buffer.from(`interaction:${id}:fake-token`).toString('base64url'),
    type,
    application_id: FAKE_IDS.applicationId,
    locale: place.locale ?? payload.locale,
  });
  delete payload.data;

  if (place.guildId === null) {
    const dm = loadFixture('interaction.slash-command.dm');
    const channelId = place.channelId ?? dmChannelIdFor(user.id);
    for (const key of ['guild', 'guild_id', 'guild_locale', 'member']) delete payload[key];
    Object.assign(payload, {
      app_permissions: dm.app_permissions,
      authorizing_integration_owners: { '0': '0' },
      channel: { ...(dm.channel as Json), id: channelId, recipients: [user] },
      channel_id: channelId,
      context: 1,
      user,
    });
    return payload;
  }

  const guildId = place.guildId ?? FAKE_IDS.guildId;
  const channelId = place.channelId ?? FAKE_IDS.channelId;
  Object.assign(payload, {
    authorizing_integration_owners: { '0': guildId },
    channel: { ...(payload.channel as Json), id: channelId, guild_id: guildId },
    channel_id: channelId,
    guild: { ...(payload.guild as Json), id: guildId },
    guild_id: guildId,
    member: { ...(payload.member as Json), user },
  });
  return payload;
}

function isGuild(payload: Json): boolean {
  return typeof payload.guild_id === 'string';
}

/** Turns `{ reason: 'x', to: { user } }` into Discord's option list plus the `resolved` map USER options need. */
function buildOptions(input: OptionsInput | undefined, inGuild: boolean): { options: Json[]; resolved?: Json } {
  if (!input) return { options: [] };
  if (Array.isArray(input)) return { options: input as unknown as Json[] };
  const users: Json = {};
  const members: Json = {};
  const options = Object.entries(input).map(([name, value]): Json => {
    if (typeof value === 'string') return { name, type: 3, value };
    if (typeof value === 'boolean') return { name, type: 5, value };
    if (typeof value === 'number') return { name, type: Number.isInteger(value) ? 4 : 10, value };
    users[value.user.id] = value.user;
    if (inGuild) members[value.user.id] = { ...memberWithoutUser(), joined_at: '2024-03-01T10:00:00.000000+00:00' };
    return { name, type: 6, value: value.user.id };
  });
  if (Object.keys(users).length === 0) return { options };
  return { options, resolved: inGuild ? { users, members } : { users } };
}

function memberWithoutUser(): Json {
  const member = { ...(loadFixture('interaction.slash-command.guild').member as Json) };
  for (const key of ['user', 'deaf', 'mute']) delete member[key];
  return member;
}

function commandData(payload: Json, name: string, options: Json[], resolved: Json | undefined, commandId?: string): Json {
  return {
    id: commandId ?? FAKE_IDS.commandId,
    name,
    type: 1,
    ...(options.length > 0 ? { options } : {}),
    ...(resolved ? { resolved } : {}),
    ...(isGuild(payload) ? { guild_id: payload.guild_id } : {}),
  };
}

/** A CHAT_INPUT application command (interaction type 2). */
export function slashCommand(
  input: InteractionPlace & { name: string; options?: OptionsInput; commandId?: string },
): APIChatInputApplicationCommandInteraction {
  const payload = envelope(2, input);
  const { options, resolved } = buildOptions(input.options, isGuild(payload));
  payload.data = commandData(payload, input.name, options, resolved, input.commandId);
  return payload as unknown as APIChatInputApplicationCommandInteraction;
}

/** An autocomplete request (type 4): the focused option carries `focused: true` and the partial text. */
export function autocomplete(
  input: InteractionPlace & {
    name: string;
    focused: { name: string; value: string };
    options?: Record<string, OptionValue>;
    commandId?: string;
  },
): APIApplicationCommandAutocompleteInteraction {
  const payload = envelope(4, input);
  const { options, resolved } = buildOptions(input.options, isGuild(payload));
  options.push({ name: input.focused.name, type: 3, value: input.focused.value, focused: true });
  payload.data = commandData(payload, input.name, options, resolved, input.commandId);
  return payload as unknown as APIApplicationCommandAutocompleteInteraction;
}

/** A message the bot posted earlier (with Accept/Decline buttons), as component interactions carry it. */
export function botMessage(overrides: Partial<APIMessage> & { channelId?: string } = {}): APIMessage {
  const { channelId, ...rest } = overrides;
  const message = loadFixture<APIMessage>('message.bot-with-buttons');
  return { ...message, id: snowflake(), channel_id: channelId ?? message.channel_id, ...rest };
}

function componentEnvelope(place: InteractionPlace, message: APIMessage | undefined): Json {
  const payload = envelope(3, place);
  // The clicked message lives in the interaction's channel.
  payload.message = message ?? botMessage({ channelId: payload.channel_id as string });
  return payload;
}

/** A button click (type 3, component_type 2). */
export function button(
  input: InteractionPlace & { customId: string; message?: APIMessage },
): APIMessageComponentButtonInteraction {
  const payload = componentEnvelope(input, input.message);
  payload.data = { component_type: 2, custom_id: input.customId };
  return payload as unknown as APIMessageComponentButtonInteraction;
}

/** A select menu choice (type 3); component_type 3 = string select, 5/6/7/8 = user/role/mentionable/channel. */
export function selectMenu(
  input: InteractionPlace & { customId: string; values: string[]; componentType?: 3 | 5 | 6 | 7 | 8; message?: APIMessage },
): APIMessageComponentSelectMenuInteraction {
  const payload = componentEnvelope(input, input.message);
  payload.data = { component_type: input.componentType ?? 3, custom_id: input.customId, values: input.values };
  return payload as unknown as APIMessageComponentSelectMenuInteraction;
}

/**
 * A modal submission (type 5). `layout: 'label'` (default) is what Discord sends for modals built with
 * LabelBuilder (type 18 wrapping one component); `'actionRow'` is the legacy type 1 row of text inputs.
 * discord.js 14.28 reads both into `interaction.fields`.
 */
export function modalSubmit(
  input: InteractionPlace & {
    customId: string;
    fields: Record<string, string>;
    layout?: 'label' | 'actionRow';
    message?: APIMessage;
  },
): APIModalSubmitInteraction {
  const payload = envelope(5, input);
  let nextId = 1;
  const components = Object.entries(input.fields).map(([customId, value]) => {
    const wrapperId = nextId++;
    const textInput = { type: 4, id: nextId++, custom_id: customId, value };
    return input.layout === 'actionRow'
      ? { type: 1, id: wrapperId, components: [textInput] }
      : { type: 18, id: wrapperId, component: textInput };
  });
  payload.data = { custom_id: input.customId, components };
  // Only modals opened from a component carry the message.
  if (input.message) payload.message = input.message;
  return payload as unknown as APIModalSubmitInteraction;
}

/**
 * A MESSAGE_CREATE dispatch for a DM to the bot carrying one attachment, as the
 * gateway sends it: no guild_id, the DM channel's id, the attachment's CDN url.
 */
export function dmMessageWithAttachment(user: APIUser, attachment: { filename: string; url: string; size: number; contentType?: string }): Json {
  const id = snowflake();
  return {
    id,
    type: 0,
    channel_id: dmChannelIdFor(user.id),
    // Discord says which kind of channel it is (1: a DM); discord.js needs it to build the uncached DM channel.
    channel_type: 1,
    author: user,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [
      {
        id: snowflake(),
        filename: attachment.filename,
        size: attachment.size,
        url: attachment.url,
        proxy_url: attachment.url,
        content_type: attachment.contentType ?? 'text/csv; charset=utf-8',
      },
    ],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
    nonce: id,
  };
}
