// Runs in a child process forked by bench/slack.ts and bench/memory.ts, so the
// app under test has a process (and an event loop, and a heap) of its own:
//   real     the bot as bin/platforms.ts wires it for Slack: SqliteStore,
//            Dispatcher with the Slack messenger, Scheduler, the search worker
//            thread, the real Bolt app in HTTP mode, pino logging at info. Only
//            the host (loopback) and Slack (a fake) differ.
//   minimal  a Bolt app that only acks /find-contact: the baseline
// It answers IPC messages: 'rss' (memory figures) and 'stop'.
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { createSlackApp, SlackSearchWorker, slackMessenger } from '../adapters/slack/index.ts';
import { createLogger } from '../bin/logger.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import type { SlackConfig } from '../src/config.ts';
import type { CoreContext } from '../src/context.ts';
import { Dispatcher } from '../src/dispatcher.ts';
import { systemClock } from '../src/ports.ts';
import { Scheduler } from '../src/scheduler.ts';

export interface BotChildOptions {
  mode: 'real' | 'minimal';
  apiUrl: string;
  signingSecret: string;
  ownerId: string;
  databasePath?: string;
}

export type ToChild = { type: 'rss' } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; port?: number }
  | { type: 'rss'; rss: number; heapUsed: number; external: number }
  | { type: 'error'; message: string };

function send(msg: FromChild): void {
  process.send?.(msg);
}

async function startReal(o: BotChildOptions): Promise<{ port: number; stop: () => Promise<void> }> {
  if (!o.databasePath) throw new Error('real mode needs a database');
  const logger = createLogger('info');
  const store = SqliteStore.open(o.databasePath);
  const config: SlackConfig = { botToken: 'xoxb-bench', ownerId: o.ownerId, signingSecret: o.signingSecret, apiUrl: o.apiUrl, port: 0 };
  const ctx: CoreContext = {
    store,
    clock: systemClock,
    policy: {
      accessPolicy: 'request',
      ownerName: 'Sam',
      limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 },
      owners: { slack: o.ownerId },
    },
  };
  const dispatcher = new Dispatcher({ store, clock: systemClock, logger, messengers: { slack: slackMessenger(config, logger) } });
  dispatcher.recover();
  const search = new SlackSearchWorker({ databasePath: o.databasePath, policy: ctx.policy, logger });
  await search.ready;
  const slack = createSlackApp({ config, ctx, logger, dispatcher, host: '127.0.0.1', search });
  const { port } = await slack.start();
  const scheduler = new Scheduler(ctx, logger, () => {
    dispatcher.runOnce().catch(() => undefined);
  });
  dispatcher.start();
  scheduler.start();
  return {
    port: port ?? 0,
    async stop() {
      scheduler.stop();
      await dispatcher.stop();
      await slack.stop();
      await search.stop();
      store.close();
    },
  };
}

async function startMinimal(o: BotChildOptions): Promise<{ port: number; stop: () => Promise<void> }> {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: o.signingSecret,
    clientOptions: { slackApiUrl: o.apiUrl },
    logLevel: LogLevel.ERROR,
    deferInitialization: true,
  });
  app.command('/find-contact', async ({ ack }) => {
    await ack();
  });
  await app.init();
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  return { port: (server.address() as AddressInfo).port, stop: () => app.stop() as Promise<void> };
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as BotChildOptions;
  let stop: () => Promise<void> = () => Promise.resolve();
  process.on('message', (msg: ToChild) => {
    if (msg.type === 'rss') {
      const m = process.memoryUsage();
      send({ type: 'rss', rss: m.rss, heapUsed: m.heapUsed, external: m.external });
    } else if (msg.type === 'stop') {
      stop()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    }
  });
  // The parent going away (a crash, Ctrl-C) takes the child with it.
  process.on('disconnect', () => process.exit(0));
  const started = options.mode === 'real' ? await startReal(options) : await startMinimal(options);
  stop = started.stop;
  send({ type: 'ready', port: started.port });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
