// A local stand-in for Discord (REST + gateway) so tests can drive the real discord.js Client
// offline. Point the client at it with `rest: { api: fake.apiUrl }`; GET /gateway/bot then hands
// discord.js our ws:// URL. Findings behind the choices here: test/support/DISCORD-HARNESS-NOTES.md.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { APIInteraction, APIInteractionResponse, ClientOptions, Interaction } from 'discord.js';
import { FAKE_IDS, dmChannelIdFor, loadFixture, snowflake } from './discord-payloads.ts';

export * from './discord-payloads.ts';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** Decoded path, e.g. /api/v10/channels/123/messages or .../messages/@original */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or multipart's payload_json; undefined when there was no body. */
  body: unknown;
  /** Multipart file parts (attachments), without their bytes. */
  files: { field: string; filename: string; size: number }[];
  headers: IncomingMessage['headers'];
  /** What the fake answered; unset while pending or if the handler chose NO_ANSWER. */
  response?: { status: number; body: unknown };
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Return this from a handler to leave the request hanging (until close()). */
export const NO_ANSWER = Symbol('no answer');

/** Return undefined to fall through to the next override or the built-in behaviour. */
export type RouteHandler = (
  req: RecordedRequest,
  match: RegExpExecArray,
) => FakeResponse | typeof NO_ANSWER | undefined | Promise<FakeResponse | typeof NO_ANSWER | undefined>;

export interface FakeDiscordOptions {
  /** GUILD_CREATE payloads sent right after READY. Default: the fixture guild. */
  guilds?: Json[];
  /** HELLO heartbeat interval. Discord uses 41250; small values exercise heartbeat/ack. */
  heartbeatIntervalMs?: number;
  /** Like Discord, reject an initial callback this long after dispatch with 10062. Default 3000. */
  callbackDeadlineMs?: number;
}

export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  requests: RecordedRequest[];
  /** Resolves with the IDENTIFY payload once READY (and the GUILD_CREATEs) have been sent. */
  ready: Promise<Json>;
  on(method: string, path: RegExp, handler: RouteHandler): () => void;
  waitForRequest(predicate: (req: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<APIInteractionResponse>;
  dispatch(event: string, data: unknown): Promise<void>;
  /** Keeps a message created outside the default routes (a test's own handler), so it can be fetched and edited. */
  remember(message: Json): void;
  dispatchInteraction(payload: APIInteraction): Promise<void>;
  /**
   * Serves a file the way Discord's CDN serves a message attachment (its bytes at
   * its URL, no auth); returns the URL for the attachment's `url`. Downloads are
   * recorded as GET requests under /attachments/.
   */
  serveFile(name: string, bytes: Uint8Array | string, contentType?: string): string;
  close(): Promise<void>;
}

// --- canned error answers -------------------------------------------------------------------

/** A 429 the way Discord sends it. @discordjs/rest only reads the Retry-After *header* (seconds). */
export function rateLimited(retryAfterSeconds: number, opts: { global?: boolean } = {}): FakeResponse {
  return {
    status: 429,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-scope': opts.global ? 'global' : 'user',
      ...(opts.global ? { 'x-ratelimit-global': 'true' } : {}),
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: Boolean(opts.global) },
  };
}

/** A Discord JSON error, e.g. discordError(403, 50007, 'Cannot send messages to this user'). */
export function discordError(status: number, code: number, message: string, errors?: Json): FakeResponse {
  return { status, body: { message, code, ...(errors ? { errors } : {}) } };
}

/**
 * The few limits Discord enforces that discord.js does not check client-side (builders do validate
 * their own fields, plain objects and message content are sent as-is), answered as 50035.
 */
function invalidFormBody(body: unknown): FakeResponse | undefined {
  const json = asJson(body);
  const data = 'type' in json && 'data' in json ? asJson(json.data) : json; // callback or plain message
  const tooLong = (field: string, max: number): Json | undefined => {
    const value = data[field];
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (length <= max) return undefined;
    return { [field]: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }] } };
  };
  const errors = tooLong('content', 2000) ?? tooLong('choices', 25);
  return errors ? discordError(400, 50035, 'Invalid Form Body', errors) : undefined;
}

// --- implementation -------------------------------------------------------------------------

interface Route {
  method: string;
  path: RegExp;
  handler: RouteHandler;
}

interface Waiter {
  predicate: (req: RecordedRequest) => boolean;
  resolve: (req: RecordedRequest) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const overrides: Route[] = [];
  const waiters = new Set<Waiter>();
  const interactions = new Map<string, { payload: Json; sentAt: number }>(); // dispatched, by id
  const acknowledged = new Set<string>(); // interaction ids with a successful callback
  const originals = new Map<string, Json>(); // interaction token -> @original message
  const messages = new Map<string, Json>(); // message id -> message
  const guilds = opts.guilds ?? [loadFixture('gateway.guild-create')];
  const ready = loadFixture('gateway.ready');
  const botUser = ready.user as Json;

  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api`;

  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  const gatewayUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;

  function makeMessage(channelId: string, body: Json, extra: Json = {}): Json {
    const message: Json = {
      id: snowflake(),
      channel_id: channelId,
      type: 0,
      content: '',
      author: botUser,
      attachments: [],
      embeds: [],
      components: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...pick(body, ['content', 'embeds', 'components', 'flags', 'tts', 'poll']),
      ...extra,
    };
    messages.set(message.id as string, message);
    return message;
  }

  function editMessage(message: Json, body: Json): Json {
    Object.assign(message, pick(body, ['content', 'embeds', 'components', 'flags']), {
      edited_timestamp: new Date().toISOString(),
    });
    return message;
  }

  const ok = (body: unknown): FakeResponse => ({ status: 200, body });
  const unknownMessage = discordError(404, 10008, 'Unknown Message');

  // Message-bearing writes get Discord's form validation after overrides, before the defaults.
  const validation: Route[] = [
    { method: 'POST', path: /\/(channels\/\d+\/messages|webhooks\/\d+\/[^/]+)$/, handler: (req) => invalidFormBody(req.body) },
    { method: 'PATCH', path: /\/messages\/(@original|\d+)$/, handler: (req) => invalidFormBody(req.body) },
  ];

  // Built-in behaviour, in the shapes Discord answers with.
  const defaults: Route[] = [
    {
      method: 'GET',
      path: /\/gateway\/bot$/,
      handler: () =>
        ok({
          url: gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        }),
    },
    { method: 'POST', path: /\/interactions\/(\d+)\/([^/]+)\/callback$/, handler: interactionCallback },
    {
      method: 'POST',
      path: /\/webhooks\/(\d+)\/([^/]+)$/,
      handler: (req, m) => {
        const interaction = findByToken(m[2] ?? '');
        return ok(makeMessage(channelOf(interaction), asJson(req.body), webhookFields(interaction)));
      },
    },
    {
      method: 'PATCH',
      path: /\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      handler: (req, m) => {
        const message = webhookMessage(m[2] ?? '', m[3] ?? '');
        return message ? ok(editMessage(message, asJson(req.body))) : unknownMessage;
      },
    },
    {
      method: 'GET',
      path: /\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      handler: (_req, m) => {
        const message = webhookMessage(m[2] ?? '', m[3] ?? '');
        return message ? ok(message) : unknownMessage;
      },
    },
    { method: 'DELETE', path: /\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, handler: () => ({ status: 204 }) },
    {
      method: 'POST',
      path: /\/users\/@me\/channels$/,
      handler: (req) => {
        const recipientId = String(asJson(req.body).recipient_id);
        return ok({
          id: dmChannelIdFor(recipientId),
          type: 1,
          flags: 0,
          last_message_id: null,
          recipients: [{ id: recipientId, username: `user${recipientId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null, public_flags: 0 }],
        });
      },
    },
    {
      method: 'POST',
      path: /\/channels\/(\d+)\/messages$/,
      handler: (req, m) => ok(makeMessage(m[1] ?? '', asJson(req.body))),
    },
    {
      method: 'PATCH',
      path: /\/channels\/(\d+)\/messages\/(\d+)$/,
      handler: (req, m) => {
        const message = messages.get(m[2] ?? '');
        return message ? ok(editMessage(message, asJson(req.body))) : unknownMessage;
      },
    },
    {
      method: 'GET',
      path: /\/channels\/(\d+)\/messages\/(\d+)$/,
      handler: (_req, m) => {
        const message = messages.get(m[2] ?? '');
        return message ? ok(message) : unknownMessage;
      },
    },
    {
      // Bulk-overwrite of global or guild commands: Discord echoes them back with ids.
      method: 'PUT',
      path: /\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/,
      handler: (req, m) => {
        const commands = Array.isArray(req.body) ? (req.body as Json[]) : [];
        return ok(commands.map((c) => ({ id: snowflake(), application_id: m[1], version: snowflake(), type: 1, ...c })));
      },
    },
  ];

  function interactionCallback(req: RecordedRequest, m: RegExpExecArray): FakeResponse {
    const sent = interactions.get(m[1] ?? '');
    const interaction = sent?.payload;
    const late = sent && Date.now() - sent.sentAt > (opts.callbackDeadlineMs ?? 3000);
    if (!interaction || interaction.token !== m[2] || late) return discordError(404, 10062, 'Unknown interaction');
    if (acknowledged.has(interaction.id as string)) {
      return discordError(400, 40060, 'Interaction has already been acknowledged.');
    }
    const invalid = invalidFormBody(req.body);
    if (invalid) return invalid;
    acknowledged.add(interaction.id as string);

    const body = asJson(req.body) as { type: number; data?: Json };
    const original = interaction.message as Json | undefined;
    let message: Json | undefined;
    if (body.type === 4 || body.type === 5) {
      // 5 (deferred) creates a "thinking…" message: flag 128 (Loading).
      const data = body.type === 5 ? { ...body.data, flags: Number(body.data?.flags ?? 0) | 128 } : (body.data ?? {});
      message = makeMessage(channelOf(interaction), data, webhookFields(interaction));
      originals.set(interaction.token as string, message);
    } else if ((body.type === 6 || body.type === 7) && original) {
      message = body.type === 7 ? editMessage({ ...original }, body.data ?? {}) : original;
    }
    // discord.js always sends ?with_response=<bool>; without it Discord answers 204 No Content.
    if (req.query.with_response !== 'true') return { status: 204 };
    return ok({
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: body.type === 5,
              response_message_ephemeral: (Number(message.flags) & 64) === 64,
            }
          : {}),
      },
      ...(message ? { resource: { type: body.type, message } } : {}),
    });
  }

  function findByToken(token: string): Json | undefined {
    for (const { payload } of interactions.values()) if (payload.token === token) return payload;
    return undefined;
  }

  function webhookMessage(token: string, messageId: string): Json | undefined {
    return messageId === '@original' ? originals.get(token) : messages.get(messageId);
  }

  function channelOf(interaction: Json | undefined): string {
    return typeof interaction?.channel_id === 'string' ? interaction.channel_id : FAKE_IDS.channelId;
  }

  // Interaction responses and follow-ups are webhook messages owned by the application.
  function webhookFields(interaction: Json | undefined): Json {
    return { webhook_id: FAKE_IDS.applicationId, application_id: FAKE_IDS.applicationId, type: interaction?.type === 2 ? 20 : 0 };
  }

  const files = new Map<string, { bytes: Buffer; contentType: string }>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const file = files.get(url.pathname);
    if (file) {
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: {}, headers: req.headers, body: undefined, files: [], response: { status: 200, body: undefined } });
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) }).end(file.bytes);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      // discord.js encodes '@original' as %40original; record what Discord would route on.
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      ...(await parseBody(req.headers['content-type'], raw)),
    };
    requests.push(recorded);
    for (const waiter of waiters) {
      if (waiter.predicate(recorded)) settle(waiter, () => waiter.resolve(recorded));
    }

    let answer: FakeResponse | typeof NO_ANSWER | undefined;
    try {
      for (const route of [...overrides].reverse().concat(validation, defaults)) {
        const match = route.method === recorded.method ? route.path.exec(recorded.path) : null;
        if (match) answer = await route.handler(recorded, match);
        if (answer !== undefined) break;
      }
    } catch (err) {
      answer = { status: 500, body: { message: `fake-discord handler threw: ${String(err)}`, code: 0 } };
    }
    if (answer === NO_ANSWER) return;
    answer ??= discordError(404, 0, '404: Not Found');

    const status = answer.status ?? 200;
    recorded.response = { status, body: answer.body };
    const hasBody = answer.body !== undefined && status !== 204;
    res.writeHead(status, { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...answer.headers });
    res.end(hasBody ? JSON.stringify(answer.body) : undefined);
  }

  function settle(waiter: Waiter, fn: () => void): void {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
    fn();
  }

  // --- gateway ---
  let socket: WebSocket | undefined;
  let sequence = 0;
  let markReady: (identify: Json) => void = () => undefined;
  const readyPromise = new Promise<Json>((resolve) => (markReady = resolve));

  function send(ws: WebSocket, payload: Json): Promise<void> {
    return new Promise((resolve, reject) => ws.send(JSON.stringify(payload), (err) => (err ? reject(err) : resolve())));
  }
  const sendDispatch = (ws: WebSocket, t: string, d: unknown): Promise<void> =>
    send(ws, { op: 0, t, s: ++sequence, d });

  // Send failures only happen when the client hung up; nothing to do about them here.
  wss.on('connection', (ws) => {
    socket = ws; // dispatches go to the most recent connection (one client per fake)
    ws.on('message', (raw: RawData) => {
      onGatewayMessage(ws, JSON.parse(rawToString(raw)) as { op: number; d: unknown }).catch(() => undefined);
    });
    send(ws, { op: 10, s: null, t: null, d: { heartbeat_interval: opts.heartbeatIntervalMs ?? 41_250 } }).catch(() => undefined);
  });

  async function onGatewayMessage(ws: WebSocket, msg: { op: number; d: unknown }): Promise<void> {
    if (msg.op === 1) await send(ws, { op: 11, s: null, t: null, d: null }); // heartbeat -> ack
    if (msg.op === 6) await sendDispatch(ws, 'RESUMED', {}); // resume after a dropped socket
    if (msg.op === 2) {
      // Every guild listed in READY must be followed by GUILD_CREATE, or discord.js holds back
      // `clientReady` (and queues all other events) for waitGuildTimeout (15 s by default).
      await sendDispatch(ws, 'READY', {
        ...ready,
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        resume_gateway_url: gatewayUrl,
        session_id: snowflake(),
      });
      for (const guild of guilds) await sendDispatch(ws, 'GUILD_CREATE', guild);
      markReady(msg.d as Json);
    }
  }

  /** Resolves with the first recorded request (past or future) matching the predicate. */
  function waitForRequest(predicate: (req: RecordedRequest) => boolean, timeoutMs = 2000): Promise<RecordedRequest> {
    const seen = requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          const recent = requests.slice(-5).map((r) => `${r.method} ${r.path}`);
          settle(waiter, () => reject(new Error(`fake-discord: no matching request in ${timeoutMs} ms; last: ${recent.join(', ')}`)));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  async function dispatch(event: string, data: unknown): Promise<void> {
    await readyPromise;
    if (!socket) throw new Error('fake-discord: no gateway connection');
    await sendDispatch(socket, event, data);
  }

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    for (const waiter of waiters) settle(waiter, () => waiter.reject(new Error('fake-discord closed')));
    // 4004 is a close code discord.js treats as unrecoverable: a client that is still connected
    // (the test forgot client.destroy()) gives up instead of reconnecting every 500 ms for a minute.
    await Promise.all([...wss.clients].map((ws) => closeSocket(ws, 4004, 'fake-discord closed')));
    http.closeAllConnections(); // also ends keep-alive sockets and NO_ANSWER requests
    await Promise.all([
      new Promise<void>((resolve) => wss.close(() => resolve())),
      new Promise<void>((resolve) => http.close(() => resolve())),
    ]);
  }

  return {
    apiUrl,
    gatewayUrl,
    requests,
    ready: readyPromise,

    on(method, path, handler) {
      const route = { method: method.toUpperCase(), path, handler };
      overrides.push(route);
      return () => {
        const index = overrides.indexOf(route);
        if (index >= 0) overrides.splice(index, 1);
      };
    },

    waitForRequest,

    async waitForCallback(interactionId, timeoutMs) {
      const path = new RegExp(`/interactions/${interactionId}/[^/]+/callback$`);
      const req = await waitForRequest((r) => r.method === 'POST' && path.test(r.path), timeoutMs);
      return req.body as APIInteractionResponse;
    },

    dispatch,
    remember: (message) => void messages.set(String(message.id), message),

    serveFile(name, bytes, contentType = 'text/csv') {
      const path = `/attachments/${snowflake()}/${snowflake()}/${encodeURIComponent(name)}`;
      files.set(path, { bytes: Buffer.from(bytes), contentType });
      return new URL(path, apiUrl).toString();
    },

    async dispatchInteraction(payload) {
      // Remembered so the callback route can check token and deadline and build with_response answers.
      interactions.set(payload.id, { payload: payload as unknown as Json, sentAt: Date.now() });
      await dispatch('INTERACTION_CREATE', payload);
    },

    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

/**
 * Logs a real discord.js Client into the fake and resolves on `clientReady` (not just login(),
 * which resolves at READY, before the guilds are in the cache).
 */
export async function startClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...options,
    rest: { ...options.rest, api: fake.apiUrl },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('test-token');
  await ready;
  return client as Client<true>;
}

/**
 * The next interaction the client emits; call before dispatching so none is missed. Times out
 * because discord.js silently drops payloads it does not recognise (only an Events.Debug line).
 */
export function nextInteraction(client: Client, timeoutMs = 2000): Promise<Interaction> {
  return new Promise((resolve, reject) => {
    const onInteraction = (interaction: Interaction): void => {
      clearTimeout(timer);
      resolve(interaction);
    };
    const timer = setTimeout(() => {
      client.off(Events.InteractionCreate, onInteraction);
      reject(new Error(`no interactionCreate within ${timeoutMs} ms; was the payload's type/component_type known?`));
    }, timeoutMs);
    client.once(Events.InteractionCreate, onInteraction);
  });
}

// --- helpers --------------------------------------------------------------------------------

async function parseBody(contentType: string | undefined, raw: Buffer): Promise<Pick<RecordedRequest, 'body' | 'files'>> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    // Attachments are sent as multipart with the JSON in a `payload_json` part.
    const form = await new Request('http://fake.invalid', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(raw),
    }).formData();
    const files: RecordedRequest['files'] = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, size: value.size });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

function asJson(body: unknown): Json {
  return typeof body === 'object' && body !== null ? (body as Json) : {};
}

function pick(source: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

async function closeSocket(ws: WebSocket, code: number, reason: string): Promise<void> {
  const closed = once(ws, 'close');
  ws.close(code, reason);
  const timer = setTimeout(() => ws.terminate(), 500); // the peer never finished the handshake
  await closed;
  clearTimeout(timer);
}

function rawToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}
