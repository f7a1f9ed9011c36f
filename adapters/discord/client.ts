// The discord.js gateway client. Slash commands, buttons and modals arrive as
// interactions, which need no message intents, and DMs are sent over REST.
// Besides Guilds it asks for DirectMessages, with the Channel partial (DM
// channels are not cached, and discord.js drops their messages without it),
// for one thing only: the owner uploading Connections.csv in a DM
// (dm-upload.ts). Configuration comes in; nothing here reads the environment.
import { Client, Events, GatewayIntentBits, Partials, Status, type ClientOptions, type RESTOptions } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';
import type { CoreContext } from '../../src/context.ts';
import { Dispatcher } from '../../src/dispatcher.ts';
import type { Logger } from '../../src/ports.ts';
import { guildGate } from './access.ts';
import { describeError } from './deps.ts';
import { attachmentOrigins, createDmUploadHandler } from './dm-upload.ts';
import { createInteractionHandler } from './interaction-handler.ts';
import { createDiscordMessenger, type DiscordMessenger } from './messenger.ts';
import { NO_MENTIONS } from './text.ts';
import { discordStartupError } from './startup-errors.ts';

/**
 * REST patience. discord.js's defaults (15 s per attempt, 3 retries, and
 * waiting out any 429) let one hung or throttled call last a minute or more:
 * longer than an interaction token is worth answering and than the outbox's
 * 60 s lease (after which the message could be sent twice). So: 10 s per
 * attempt, one retry on 5xx or timeout, and a rate-limit wait of more than
 * 10 s is thrown (RateLimitError) instead of slept through; shorter 429s are
 * still queued and retried by discord.js itself.
 */
export const REST_PATIENCE = { timeout: 10_000, retries: 1, maxRateLimitWaitMs: 10_000 } as const;

export function restOptions(config: Pick<DiscordConfig, 'apiUrl'>): Partial<RESTOptions> {
  return {
    // DISCORD_API_URL is the base without a version, like https://discord.com/api; REST adds /v10.
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    timeout: REST_PATIENCE.timeout,
    retries: REST_PATIENCE.retries,
    rejectOnRateLimit: (limit) => limit.retryAfter > REST_PATIENCE.maxRateLimitWaitMs,
  };
}

export interface DiscordBotOptions {
  config: DiscordConfig;
  ctx: CoreContext;
  logger: Logger;
  /**
   * The shared outbox, run after each interaction that queued a message. It is
   * read only when an interaction arrives, so a wrapper that forwards to a
   * Dispatcher built later (over `bot.messenger`) works. Omitted: the bot runs
   * a Dispatcher over its own messenger and polls it between start and stop.
   */
  dispatcher?: Pick<Dispatcher, 'runOnce'>;
  /** Extra discord.js options (tests shorten REST timeouts); ours win for intents and mentions. */
  clientOptions?: Partial<ClientOptions>;
}

export interface DiscordBot {
  client: Client;
  /** The outbox's Messenger for platform 'discord'. */
  messenger: DiscordMessenger;
  /** Logs in; resolves once the client is ready (guilds cached) and interactions flow. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The gateway connection as a health check sees it: 'ready', 'connecting', 'reconnecting', 'disconnected', … */
  connection(): string;
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { config, ctx, logger } = options;
  if (ctx.policy.owners.discord !== config.ownerId) {
    throw new Error('Discord: ctx.policy.owners.discord must be the configured owner id (DISCORD_OWNER_ID).');
  }
  const client = new Client({
    ...options.clientOptions,
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS, // the default for every send; each call also says so
    rest: { ...restOptions(config), ...options.clientOptions?.rest },
  });
  const messenger = createDiscordMessenger(client);
  let own: Dispatcher | undefined; // only when no shared dispatcher was given
  const outbox = options.dispatcher ?? (own = new Dispatcher({ store: ctx.store, clock: ctx.clock, logger, messengers: { discord: messenger } }));

  const gate = guildGate(client, config.guildIds, config.ownerId);
  const handle = createInteractionHandler({ ctx, logger, outbox, dms: messenger, gate });
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((err: unknown) => logger.error(describeError(err), 'discord: handler failed'));
  });
  const upload = createDmUploadHandler({ ctx, logger, client, origins: attachmentOrigins(config.apiUrl) });
  client.on(Events.MessageCreate, (msg) => {
    upload(msg).catch((err: unknown) => logger.error(describeError(err), 'discord: upload handler failed'));
  });
  client.on(Events.Error, (err) => logger.error(describeError(err), 'discord: client error'));
  client.on(Events.ShardError, (err) => logger.warn(describeError(err), 'discord: gateway error'));

  return {
    client,
    messenger,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(config.token);
      } catch (err) {
        await client.destroy();
        throw discordStartupError(err, config);
      }
      await ready;
      own?.start();
      logger.info({ platform: 'discord', user: client.user?.id }, 'discord adapter started');
    },
    async stop() {
      await own?.stop();
      await client.destroy();
    },
    connection: () => (client.isReady() ? (Status[client.ws.status] ?? 'unknown').toLowerCase() : 'connecting'),
  };
}
