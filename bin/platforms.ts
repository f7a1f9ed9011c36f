// Starts every configured chat platform over one store, one outbox dispatcher
// and one scheduler, and stops them cleanly on SIGINT/SIGTERM (or when the
// parent that started it is gone): the send in flight finishes, the store
// closes, the lock is released, and the process exits.
import type { Config } from '../src/config.ts';
import type { CoreContext } from '../src/context.ts';
import { Dispatcher, type Messenger } from '../src/dispatcher.ts';
import type { Platform } from '../src/domain.ts';
import { offsetClock, systemClock, type Logger } from '../src/ports.ts';
import { Scheduler } from '../src/scheduler.ts';
import { networkCode, StartupError } from '../src/startup-error.ts';
import { acquireBotLock } from '../db/bot-lock.ts';
import { databaseError } from '../db/open.ts';
import { deliveryFailed } from '../src/use-cases/delivery-failed.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { healthCheck, startHealthServer } from './health.ts';
import { createLogger } from './logger.ts';

/** How long a stop may take before the process exits anyway (service managers wait 10 s, then kill). */
const STOP_DEADLINE_MS = 8_000;

export async function runPlatforms(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<void> {
  // The lock comes first: a second bot must not even migrate the database under the first.
  let lock;
  try {
    lock = acquireBotLock(config.databasePath);
  } catch (err) {
    throw databaseError(config.databasePath, err);
  }
  const stops: (() => Promise<void>)[] = [];
  let store: SqliteStore | undefined;
  try {
    store = SqliteStore.open(config.databasePath);
    await startAll(config, store, logger, stops);
  } catch (err) {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    store?.close();
    lock.release();
    throw err;
  }
  logger.info({ platforms: Object.keys(activePlatforms(config)), database: config.databasePath }, 'intro-broker is running');
  const why = await stopRequested();
  logger.info({ why }, 'stopping');
  const deadline = setTimeout(() => {
    logger.error({ ms: STOP_DEADLINE_MS }, 'stopping took too long; exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  for (const s of stops.reverse()) await s().catch((err: unknown) => logger.error({ err }, 'stop failed'));
  store.close();
  lock.release();
  clearTimeout(deadline);
}

const activePlatforms = (config: Config) => ({ ...(config.slack ? { slack: true } : {}), ...(config.discord ? { discord: true } : {}) });

/** Starts everything; pushes each started part's stop, in start order, onto `stops`. */
async function startAll(config: Config, store: SqliteStore, logger: Logger, stops: (() => Promise<void>)[]): Promise<void> {
  const owners: Partial<Record<Platform, string>> = {};
  if (config.slack) owners.slack = config.slack.ownerId;
  if (config.discord) owners.discord = config.discord.ownerId;
  // Test-only: FAULT_INJECTION kills the process at that point, like a power cut.
  const crashAt = config.faultInjection;
  const faults = crashAt ? (point: string) => void (point === crashAt && process.kill(process.pid, 'SIGKILL')) : undefined;
  // Test-only: CLOCK_OFFSET moves the bot's clock, so reminders, expiries and follow-ups can be tested on the running bot.
  const clock = config.clockOffsetMs ? offsetClock(systemClock, config.clockOffsetMs) : systemClock;
  if (config.clockOffsetMs) logger.warn({ clockOffsetMs: config.clockOffsetMs }, 'CLOCK_OFFSET is set: the bot runs on a moved clock (for tests only)');
  const ctx: CoreContext = {
    store,
    clock,
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
  const dispatcher = new Dispatcher({ store, clock, logger, messengers, onGiveUp: (m, reason) => deliveryFailed(ctx, m, reason), ...(faults ? { faults } : {}) });
  // Before any interaction can run the outbox; only the bot holding the lock gets here.
  const recovered = dispatcher.recover();
  if (recovered > 0) logger.info({ recovered }, 'resending messages a previous run had not finished');

  const connections: Record<string, () => string> = {};
  const healthz = healthCheck(() => store.db.pragma('user_version'), connections);
  if (config.slack && slackAdapter) {
    // /find-contact is searched in a worker thread, so acks never wait for a search. Not awaited:
    // searches arriving while it opens the database wait in its queue; if it cannot start, the
    // log says why and searches run inline.
    const search = new slackAdapter.SlackSearchWorker({ databasePath: config.databasePath, policy: ctx.policy, logger });
    stops.push(() => search.stop());
    const slack = await slackAdapter.startSlack({ config: config.slack, ctx, logger, dispatcher, search, healthz });
    stops.push(() => slack.stop());
    connections.slack = () => slack.connection();
  }
  if (discord) {
    await discord.start();
    stops.push(() => discord.stop());
    connections.discord = () => discord.connection();
  }
  if (config.healthPort !== undefined) {
    const port = config.healthPort;
    const health = await startHealthServer(port, healthz).catch((err: unknown) => {
      throw new StartupError(`HEALTH_PORT: cannot listen on port ${port} (${networkCode(err) ?? 'error'}); choose another HEALTH_PORT or leave it empty.`, err);
    });
    stops.push(() => health.close());
  }

  const scheduler = new Scheduler(ctx, logger, () => {
    dispatcher.runOnce().catch((err: unknown) => logger.error({ err }, 'outbox pass failed'));
  });
  dispatcher.start();
  scheduler.start();
  // Stopped first (stops run in reverse): no new work, then the send in flight finishes.
  stops.push(async () => {
    scheduler.stop();
    await dispatcher.stop();
  });
}

/**
 * Resolves on SIGINT or SIGTERM, or when the parent process is gone: `npm
 * start` killed with SIGKILL cannot forward a signal, and a bot left behind
 * would keep the port and the lock.
 */
function stopRequested(): Promise<string> {
  return new Promise((resolve) => {
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) done('parent exited');
    }, 1_000);
    watch.unref();
    const onInt = () => done('SIGINT');
    const onTerm = () => done('SIGTERM');
    function done(why: string) {
      clearInterval(watch);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(why);
    }
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
