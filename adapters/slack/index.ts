// What bin/platforms.ts uses: the outbox's Slack messenger, and the app.
//
//   const messengers = { slack: slackMessenger(config.slack, logger) };
//   const dispatcher = new Dispatcher({ store, clock, logger, messengers });
//   const slack = await startSlack({ config: config.slack, ctx, logger, dispatcher });
//   dispatcher.start();
//   // on shutdown: await dispatcher.stop(); await slack.stop();
//
// ctx.policy.owners.slack must be config.slack.ownerId.
import type { SlackConfig } from '../../src/config.ts';
import type { Messenger } from '../../src/dispatcher.ts';
import type { Logger } from '../../src/ports.ts';
import { createSlackApp, type SlackApp, type SlackAppOptions } from './app.ts';
import { createMessengerClient, createSlackMessenger } from './messenger.ts';

export { createSlackApp, type SlackApp, type SlackAppOptions } from './app.ts';
export { createMessengerClient, createSlackMessenger, type MessengerClientOptions } from './messenger.ts';
export { type SearchOffload, SlackSearchWorker } from './search-worker.ts';

export function slackMessenger(config: SlackConfig, logger: Logger): Messenger {
  return createSlackMessenger(createMessengerClient(config, logger));
}

/** Starts the app (Socket Mode or HTTP); resolves once it is connected or listening. */
export async function startSlack(options: SlackAppOptions): Promise<SlackApp & { port?: number }> {
  const slack = createSlackApp(options);
  const { port } = await slack.start();
  options.logger.info({ platform: 'slack', mode: options.config.appToken ? 'socket' : 'http', ...(port !== undefined ? { port } : {}) }, 'slack adapter started');
  return { ...slack, ...(port !== undefined ? { port } : {}) };
}
