// An offline stand-in for slack.com, so tests can drive the REAL Bolt app
// (WebClient, SocketModeClient, respond()) without touching the network.
//
//   const fake = await startFakeSlack();
//   new App({ token: 'xoxb-test', clientOptions: { slackApiUrl: fake.apiUrl }, ... })
//
// Everything listens on 127.0.0.1 on one random port: the Web API under
// /api/<method>, response_url endpoints under /response/<id>, and a Socket
// Mode WebSocket under /socket-mode. See SLACK-HARNESS-NOTES.md for the Bolt
// quirks this file works around.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  /** Web API method ('chat.postMessage'), or 'response_url' for POST /response/<id>. */
  method: string;
  /** Decoded body: form fields, with JSON-looking fields (blocks, view, ...) parsed into objects. */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  path: string;
  /** The body exactly as sent, for tests that care about the wire encoding. */
  raw: string;
}

/** A full HTTP answer. Recognised by a numeric `status` and no `ok` key. */
export interface RawReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Return this from a handler to never answer (to test client timeouts). */
export const HANG: unique symbol = Symbol('fake-slack.hang');

/** A JSON body (sent with 200), a RawReply, or HANG. */
export type Reply = Record<string, unknown> | RawReply | typeof HANG;
export type MethodHandler = (call: RecordedCall) => Reply | Promise<Reply>;

export interface SocketEnvelope {
  type: string; // 'slash_commands' | 'interactive' | 'events_api' | ...
  payload: unknown;
  envelope_id?: string; // generated when omitted
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  /** What the app passed to ack(); SocketModeClient always sends an object ({} for a bare ack()). */
  payload: unknown;
}

export interface FakeSocketMode {
  readonly url: string;
  readonly acks: SocketAck[];
  /** Pushes an envelope to every connected client; returns its envelope_id. */
  send(envelope: SocketEnvelope): string;
  waitForConnection(timeoutMs?: number): Promise<void>;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
}

export interface FakeSlack {
  /** 'http://127.0.0.1:PORT/api/' - pass as clientOptions.slackApiUrl. */
  readonly apiUrl: string;
  readonly calls: RecordedCall[];
  readonly socket: FakeSocketMode;
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first call (already recorded or future) matching method and predicate. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Overrides the answer for a method (use 'response_url' for response URLs). Last one wins. */
  on(method: string, handler: MethodHandler): void;
  responseUrl(id: string): string;
  /**
   * Serves a file the way files.slack.com serves url_private_download: its bytes,
   * to any request (the test checks the recorded Authorization header). Returns
   * the URL to put in a file_share event. Downloads are recorded as 'file_download'.
   */
  serveFile(name: string, bytes: Uint8Array | string, contentType?: string): string;
  /** Messages posted to a channel and accepted (by the default chat.postMessage, or `remember`), oldest first, as edited since. */
  messagesIn(channel: string): Record<string, unknown>[];
  /** Keeps a message a test's own chat.postMessage handler accepted, so history and edits see it. */
  remember(channel: string, message: Record<string, unknown>): void;
  /** Forgets calls, acks and overrides, so one fake can serve several tests. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 2_000;

/**
 * `people`: real names users.info gives for these user ids (as Slack does:
 * real_name set, display_name often empty); anyone else is "Real <id>" with the
 * lower-cased id as their handle.
 */
export async function startFakeSlack(options: { people?: Record<string, string> } = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const acks: SocketAck[] = [];
  const overrides = new Map<string, MethodHandler>();
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  let fileSeq = 0;
  // Pending waitFor/waitForAck/waitForConnection: re-checked on every new record.
  const waiters = new Set<{ check: () => boolean; timer: NodeJS.Timeout; reject: (e: Error) => void }>();
  let tsSeq = 0;
  // Messages the default chat.postMessage accepted, per channel, oldest first (what conversations.history reads).
  const history = new Map<string, Record<string, unknown>[]>();
  const remember = (channel: string, message: Record<string, unknown>) => history.set(channel, [...(history.get(channel) ?? []), message]);
  let viewSeq = 0;
  let envelopeSeq = 0;

  // Slack-looking message timestamps that sort in order: 1700000000.000100, .000200, ...
  const nextTs = () => `1700000000.${String(++tsSeq * 100).padStart(6, '0')}`;

  const defaults: Record<string, MethodHandler> = {
    'auth.test': () => ({
      ok: true, url: 'https://fake.slack.test/', team: 'Fake Team', user: 'bot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT', is_enterprise_install: false,
    }),
    'chat.postMessage': ({ body }) => {
      const ts = nextTs();
      const message = { type: 'message', user: 'UBOT', bot_id: 'BBOT', text: body.text, blocks: body.blocks, ts, ...(isObject(body.metadata) ? { metadata: body.metadata } : {}) };
      remember(String(body.channel), message);
      return { ok: true, channel: body.channel, ts, message };
    },
    'chat.update': ({ body }) => {
      const kept = history.get(String(body.channel))?.find((m) => m.ts === body.ts);
      if (kept) Object.assign(kept, { text: body.text, blocks: body.blocks, edited: { user: 'UBOT', ts: nextTs() } });
      return { ok: true, channel: body.channel, ts: body.ts, text: body.text, message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', text: body.text, blocks: body.blocks } };
    },
    // Newest first, like Slack; metadata only with include_all_metadata.
    'conversations.history': ({ body }) => {
      const all = [...(history.get(String(body.channel)) ?? [])].reverse().slice(0, Number(body.limit ?? 100));
      const withMeta = body.include_all_metadata === 'true' || body.include_all_metadata === true;
      return { ok: true, messages: all.map((m) => (withMeta ? { ...m } : { ...m, metadata: undefined })), has_more: false };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'views.open': ({ body }) => viewReply(body.view),
    'views.update': ({ body }) => viewReply(body.view, typeof body.view_id === 'string' ? body.view_id : undefined),
    'views.publish': ({ body }) => viewReply(body.view),
    'conversations.open': ({ body }) => {
      const users = typeof body.users === 'string' ? body.users.split(',') : [];
      return { ok: true, channel: { id: `D${users.join('')}` } };
    },
    'users.info': ({ body }) => {
      const id = String(body.user);
      const known = options.people?.[id];
      const realName = known ?? `Real ${id}`;
      return {
        ok: true,
        user: { id, team_id: 'T1', name: id.toLowerCase(), real_name: realName, deleted: false, is_bot: false, tz: 'Europe/London', profile: { real_name: realName, display_name: known ? '' : id.toLowerCase() } },
      };
    },
    'apps.connections.open': () => ({ ok: true, url: socketUrl }),
    response_url: () => ({ ok: true }),
  };

  function viewReply(view: unknown, id = `V${++viewSeq}`): Reply {
    const v = isObject(view) ? view : {};
    return { ok: true, view: { id, team_id: 'T1', app_id: 'A1', bot_id: 'BBOT', state: { values: {} }, hash: `${id}.hash`, private_metadata: '', callback_id: '', root_view_id: id, ...v } };
  }

  function settleWaiters(): void {
    for (const w of waiters) {
      if (w.check()) {
        clearTimeout(w.timer);
        waiters.delete(w);
      }
    }
  }

  // `find` returns the value to resolve with, or undefined to keep waiting.
  function waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const w = {
        check: () => {
          const hit = find();
          if (hit !== undefined) resolve(hit);
          return hit !== undefined;
        },
        timer: setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`fake-slack: timed out after ${timeoutMs}ms waiting for ${describe()}`));
        }, timeoutMs),
        reject,
      };
      waiters.add(w);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const raw = await readBody(req);
    let method: string;
    if (path.startsWith('/api/')) method = path.slice('/api/'.length);
    else if (path.startsWith('/response/')) method = 'response_url';
    else if (path.startsWith('/files-pri/')) {
      calls.push({ method: 'file_download', body: {}, headers: req.headers, path, raw });
      settleWaiters();
      const file = files.get(path);
      if (!file) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) }).end(file.bytes);
      return;
    } else {
      res.writeHead(404).end();
      return;
    }
    const call: RecordedCall = { method, body: parseBody(raw, req.headers['content-type']), headers: req.headers, path, raw };
    calls.push(call);
    settleWaiters();

    const handler = overrides.get(method) ?? defaults[method];
    // Real Slack answers 200 + ok:false for unknown methods; WebClient turns that into a thrown platform error.
    const reply = handler ? await handler(call) : { ok: false, error: 'unknown_method' };
    if (reply === HANG) return; // leave the socket open; close() destroys it
    const { status, headers, body } = isRawReply(reply) ? reply : { status: 200, headers: {}, body: reply };
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
    const contentType = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
    res.writeHead(status, { 'content-type': contentType, ...headers }).end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A throwing test handler should fail loudly, not hang the client.
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const socketUrl = `ws://127.0.0.1:${port}/socket-mode`;

  // Socket Mode: same port, upgraded on /socket-mode. Slack's server greets
  // with `hello`; the client's start() promise only resolves after it.
  const wss = new WebSocketServer({ server, path: '/socket-mode' });
  const clients = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => {
      clients.delete(ws);
      settleWaiters();
    });
    ws.on('message', (data) => {
      let msg: unknown;
      try {
        // Text frames arrive as a Buffer with ws's default binaryType.
        msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '');
      } catch {
        return;
      }
      if (isObject(msg) && typeof msg.envelope_id === 'string') {
        acks.push({ envelope_id: msg.envelope_id, payload: msg.payload });
        settleWaiters();
      }
    });
    ws.send(JSON.stringify({
      type: 'hello', num_connections: clients.size, debug_info: { host: 'fake-slack', approximate_connection_time: 18060 }, connection_info: { app_id: 'A1' },
    }));
    settleWaiters();
  });

  const socket: FakeSocketMode = {
    url: socketUrl,
    acks,
    send(envelope) {
      const open = [...clients].filter((c) => c.readyState === c.OPEN);
      if (open.length === 0) throw new Error('fake-slack: no Socket Mode client is connected');
      const envelope_id = envelope.envelope_id ?? `env-${++envelopeSeq}`;
      const msg = JSON.stringify({ accepts_response_payload: false, ...envelope, envelope_id });
      for (const c of open) c.send(msg);
      return envelope_id;
    },
    waitForConnection(timeoutMs = DEFAULT_WAIT_MS) {
      return waitUntil(() => (clients.size > 0 ? true : undefined), timeoutMs, () => 'a Socket Mode connection').then(() => undefined);
    },
    waitForAck(envelopeId, timeoutMs = DEFAULT_WAIT_MS) {
      return waitUntil(() => acks.find((a) => a.envelope_id === envelopeId), timeoutMs, () => `ack of ${envelopeId} (acks so far: ${acks.map((a) => a.envelope_id).join(', ') || 'none'})`);
    },
  };

  return {
    apiUrl: `${base}/api/`,
    calls,
    socket,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(method, predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) {
      return waitUntil(
        () => calls.find((c) => c.method === method && predicate(c)),
        timeoutMs,
        () => `${method} (calls so far: ${calls.map((c) => c.method).join(', ') || 'none'})`,
      );
    },
    on: (method, handler) => void overrides.set(method, handler),
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    serveFile(name, bytes, contentType = 'text/csv') {
      const path = `/files-pri/T1-F${++fileSeq}/download/${encodeURIComponent(name)}`;
      files.set(path, { bytes: Buffer.from(bytes), contentType });
      return `${base}${path}`;
    },
    messagesIn: (channel) => history.get(channel) ?? [],
    remember,
    reset() {
      history.clear();
      calls.length = 0;
      acks.length = 0;
      overrides.clear();
    },
    async close() {
      // Finish the WebSocket close handshake instead of cutting it: a
      // terminated socket makes the (stopped) app's client log an error.
      for (const c of clients) c.close(1001, 'fake-slack closing');
      await waitUntil(() => (clients.size === 0 ? true : undefined), 1_000, () => 'clients to disconnect').catch(() => undefined);
      for (const c of clients) c.terminate();
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('fake-slack: closed'));
      }
      waiters.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // fetch keeps connections alive and HANG leaves requests open; without
      // this, server.close() would wait for them and vitest would not exit.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isRawReply(x: Reply): x is RawReply {
  return isObject(x) && typeof x.status === 'number' && !('ok' in x);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// WebClient form-encodes every call and JSON.stringifies any non-primitive
// argument (blocks, view, attachments, metadata), so decode those back.
// `text` is left alone: a message can legitimately look like JSON.
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : { value: parsed };
  }
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      out[key] = key !== 'text' && /^\s*[[{]/.test(value) ? tryJson(value) : value;
    }
    return out;
  }
  return {}; // multipart (file uploads): only `raw` is recorded
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
