// Starts every configured chat platform over one store, one outbox dispatcher
// and one scheduler, and stops them cleanly on SIGINT/SIGTERM.
import type { Config } from '../src/config.ts';
import type { CoreContext } from '../src/context.ts';
import { Dispatcher, type Messenger } from '../src/dispatcher.ts';
import type { Platform } from '../src/domain.ts';
import { systemClock } from '../src/ports.ts';
import { Scheduler } from '../src/scheduler.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { createLogger } from './logger.ts';


export async function runPlatforms(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const store = SqliteStore.open(config.databasePath);
  const owners: Partial<Record<Platform, string>> = {};
  if (config.slack) owners.slack = config.slack.ownerId;
  if (config.discord) owners.discord = config.discord.ownerId;
  // Test-only: FAULT_INJECTION kills the process at that point, like a power cut.
  const crashAt = config.faultInjection;
  const faults = crashAt ? (point: string) => void (point === crashAt && process.kill(process.pid, 'SIGKILL')) : undefined;
  const ctx: CoreContext = {
    store,
    clock: systemClock,
    policy: { accessPolicy: config.accessPolicy, ownerName: config.ownerName, limits: config.limits, owners, timers: config.timers },
    ...(faults ? { faults } : {}),
  };

  // One dispatcher delivers every platform's outbox. The Discord bot's messenger
  // sends through the bot's own client, so the bot is built first and reaches the
  // dispatcher through a forwarder (only once interactions arrive, after start).
  const messengers: Partial<Record<Platform, Messenger>> = {};
  const outbox = { runOnce: () => dispatcher.runOnce() };
  // Each platform's library is loaded only when that platform is configured
  // (discord.js alone is about 45 MB of a process's memory).
  const slackAdapter = config.slack ? await import('../adapters/slack/index.ts') : undefined;
  const discordAdapter = config.discord ? await import('../adapters/discord/index.ts') : undefined;
  if (config.slack && slackAdapter) messengers.slack = slackAdapter.slackMessenger(config.slack, logger);
  const discord = config.discord && discordAdapter ? discordAdapter.createDiscordBot({ config: config.discord, ctx, logger, dispatcher: outbox }) : undefined;
  if (discord) messengers.discord = discord.messenger;
  const dispatcher = new Dispatcher({ store, clock: systemClock, logger, messengers, ...(faults ? { faults } : {}) });
  const recovered = dispatcher.recover();
  if (recovered > 0) logger.info({ recovered }, 'resending messages a previous run had not finished');
  const stops: (() => Promise<void>)[] = [];

  if (config.slack && slackAdapter) {
    // /find-contact is searched in a worker thread, so acks never wait for a search. Not awaited:
    // searches arriving while it opens the database wait in its queue; if it cannot start, the
    // log says why and searches run inline.
    const search = new slackAdapter.SlackSearchWorker({ databasePath: config.databasePath, policy: ctx.policy, logger });
    stops.push(() => search.stop());
    const slack = await slackAdapter.startSlack({ config: config.slack, ctx, logger, dispatcher, search });
    stops.push(() => slack.stop());
  }
  if (discord) {
    await discord.start();
    stops.push(() => discord.stop());
  }

  const scheduler = new Scheduler(ctx, logger, () => {
    dispatcher.runOnce().catch((err: unknown) => logger.error({ err }, 'outbox pass failed'));
  });
  dispatcher.start();
  scheduler.start();
  logger.info({ platforms: Object.keys(messengers), database: config.databasePath }, 'intro-broker is running');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  logger.info({}, 'stopping');
  scheduler.stop();
  await dispatcher.stop();
  for (const s of stops) await s();
  store.close();
}
