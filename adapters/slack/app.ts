// The Bolt app: Socket Mode when an app token is configured (no public URL
// needed), HTTP mode otherwise (POST /slack/events, every request's signature
// checked against the signing secret). Configuration comes in; nothing here
// reads the environment.
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.ts';
import type { CoreContext } from '../../src/context.ts';
import type { Dispatcher } from '../../src/dispatcher.ts';
import type { Logger } from '../../src/ports.ts';
import { boltLogger } from './bolt-logger.ts';
import { describeError, type SlackDeps } from './deps.ts';
import { register as registerActions } from './listeners/actions/index.ts';
import { register as registerCommands } from './listeners/commands/index.ts';
import { register as registerEvents } from './listeners/events/index.ts';
import { fileOrigins } from './listeners/events/file-shared.ts';
import { register as registerViews } from './listeners/views/index.ts';
import { SlackNames } from './names.ts';
import { RecentKeys } from './recent-keys.ts';
import { slackStartupError } from './startup-errors.ts';
import { registerTeamGate } from './team-gate.ts';

/** What GET /healthz answers (HTTP mode serves it on PORT beside /slack/events). */
export interface HealthAnswer {
  status: number;
  body: unknown;
}

/** The connection as a health check sees it. */
export type SlackConnection = 'starting' | 'listening' | 'connected' | 'reconnecting' | 'disconnected' | 'stopped';
import type { SearchOffload } from './search-worker.ts';

export interface SlackAppOptions {
  config: SlackConfig;
  ctx: CoreContext;
  logger: Logger;
  dispatcher: Pick<Dispatcher, 'runOnce'>;
  /** HTTP mode only: the interface to listen on (default: all). Tests use 127.0.0.1. */
  host?: string;
  /** HTTP mode: answers GET /healthz on the same port. */
  healthz?: () => HealthAnswer;
  /** Searches /find-contact off this event loop (a SlackSearchWorker); inline when absent. */
  search?: SearchOffload;
}

export interface SlackApp {
  app: App;
  /** Verifies the token (auth.test), then listens; resolves with the HTTP port in HTTP mode. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** For GET /healthz. */
  connection(): SlackConnection;
}

// A fresh object per App: Bolt writes its logger (and, in Socket Mode, a retry
// policy) into the object it is given.
function clientOptions(config: SlackConfig, logger: Logger): webApi.WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // Listener calls answer a person within seconds (a trigger_id lives 3 s):
    // a couple of quick retries, never a wait for a rate limit or the default
    // 30 minutes of retries on 5xx.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: boltLogger(logger),
  };
}

function newApp(config: SlackConfig, logger: Logger, healthz?: () => HealthAnswer): App {
  const common = {
    token: config.botToken,
    logger: boltLogger(logger),
    clientOptions: clientOptions(config, logger),
    // auth.test runs in start() (app.init()), where a bad token is an error the caller sees.
    deferInitialization: true,
  };
  if (config.appToken) return new App({ ...common, socketMode: true, appToken: config.appToken });
  if (!config.signingSecret) throw new Error('Slack HTTP mode needs a signing secret (or an app token for Socket Mode).');
  const customRoutes = healthz
    ? [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req: unknown, res: ServerResponse) => {
            const { status, body } = healthz();
            res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
          },
        },
      ]
    : [];
  return new App({ ...common, signingSecret: config.signingSecret, port: config.port, customRoutes });
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, ctx, logger, dispatcher } = options;
  const app = newApp(config, logger, options.healthz);
  let state: SlackConnection = 'starting';
  const deps: SlackDeps = {
    ctx,
    logger,
    seen: new RecentKeys(),
    names: new SlackNames(logger),
    ...(options.search ? { search: options.search } : {}),
    kick: () => {
      dispatcher.runOnce().catch((err: unknown) => logger.error({ ...describeError(err) }, 'outbox pass failed'));
    },
  };
  registerTeamGate(app, deps, config.teamId);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps, { token: config.botToken, origins: fileOrigins(config.apiUrl) });
  // Listeners catch their own errors; this is the net under Bolt's own middleware.
  app.error((err) => {
    logger.error({ ...describeError(err) }, 'slack: unhandled error');
    return Promise.resolve();
  });

  return {
    app,
    async start() {
      await app.init().catch((err: unknown) => {
        throw slackStartupError(err, 'auth', config);
      });
      try {
        if (config.appToken) {
          watchSocket(app, (s) => (state = s));
          await app.start();
          state = 'connected';
          return {};
        }
        const server = await app.start({ port: config.port, ...(options.host ? { host: options.host } : {}) });
        state = 'listening';
        return { port: (server.address() as AddressInfo).port };
      } catch (err) {
        throw slackStartupError(err, 'connect', config);
      }
    },
    async stop() {
      state = 'stopped';
      await app.stop();
    },
    connection: () => state,
  };
}

/**
 * Follows the Socket Mode connection for the health check. Bolt builds the
 * SocketModeReceiver itself (with our client options) and does not expose it,
 * so it is read from the app; without it the state simply stays as set by start().
 */
function watchSocket(app: App, set: (s: SlackConnection) => void): void {
  const client = (app as unknown as { receiver?: { client?: { on?: (event: string, fn: () => void) => void } } }).receiver?.client;
  if (typeof client?.on !== 'function') return;
  client.on('connected', () => set('connected'));
  client.on('reconnecting', () => set('reconnecting'));
  client.on('disconnected', () => set('disconnected'));
}
