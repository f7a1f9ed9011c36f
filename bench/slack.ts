// The Slack round trip: signed /find-contact slash commands over HTTP (as
// Slack's servers send them) to the real app in a child process, and to a
// minimal Bolt app that only acks, timed to the HTTP ack. Slack's side (the
// Web API the app calls at start-up, and the response_url respond() posts the
// results to) is a small fake on loopback in this process.
import { createHmac } from 'node:crypto';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotChildOptions } from './bot-child.ts';
import { type Child, forkChild } from './child.ts';
import { MEMBER, OWNER_ID, QUERIES } from './search.ts';
import { summarize, type Summary, verdict, type Verdict } from './stats.ts';

export const SIGNING_SECRET = 'bench-signing-secret';
const HOST = '127.0.0.1';

export interface FakeSlack {
  apiUrl: string;
  responseUrl(id: string): string;
  /** When each response_url was posted to (performance.now()), by id. */
  responded: Map<string, number>;
  /** The first few bodies posted to a response_url, to check the results were real. */
  sampleBodies: string[];
  close(): Promise<void>;
}

/** Just enough of Slack: auth.test for start-up, ok for any other method, and response_url endpoints. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const responded = new Map<string, number>();
  const sampleBodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path.startsWith('/response/')) {
        responded.set(decodeURIComponent(path.slice('/response/'.length)), performance.now());
        if (sampleBodies.length < 5) sampleBodies.push(Buffer.concat(chunks).toString('utf8'));
      }
      const body = path.startsWith('/api/auth.test')
        ? { ok: true, url: 'https://bench.slack.test/', team: 'Bench', user: 'bot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT', is_enterprise_install: false }
        : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const base = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    responded,
    sampleBodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Slack's v0 request signature. */
function sign(timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function post(agent: Agent, port: number, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: HOST,
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export interface LoadBudget {
  maxRequests: number;
  maxMs: number;
  /** Untimed requests first, at the same concurrency, to open (or reopen) the connections. */
  warmupRequests?: number;
}

export interface LoadSamples {
  acks: number[];
  errors: number;
  seconds: number;
  /** Request id → when it was sent, for matching response_url posts. */
  sentAt: Map<string, number>;
}

/**
 * `clients` closed-loop clients, each sending its next command as soon as the
 * previous one is acked, until the budget runs out. Texts cycle through the
 * search benchmark's queries. Connections are kept alive in `agent` (a fresh
 * one when none is given, closed at the end).
 */
export async function runLoad(port: number, fake: FakeSlack, clients: number, budget: LoadBudget, tag: string, given?: Agent): Promise<LoadSamples> {
  const agent = given ?? new Agent({ keepAlive: true, maxSockets: clients });
  if (budget.warmupRequests) await runLoad(port, fake, clients, { maxRequests: budget.warmupRequests, maxMs: 10_000 }, `${tag}-warmup`, agent);
  const acks: number[] = [];
  const sentAt = new Map<string, number>();
  let errors = 0;
  let seq = 0;
  const deadline = performance.now() + budget.maxMs;
  const worker = async () => {
    while (seq < budget.maxRequests && performance.now() < deadline) {
      const id = `${tag}-${seq}`;
      const text = QUERIES[seq % QUERIES.length]!.text;
      seq++;
      const body = new URLSearchParams({
        token: 'verification-token',
        team_id: 'T1',
        team_domain: 'bench',
        channel_id: 'C1',
        channel_name: 'general',
        user_id: MEMBER.userId,
        user_name: 'member',
        command: '/find-contact',
        text,
        api_app_id: 'A1',
        response_url: fake.responseUrl(id),
        trigger_id: `${seq}.1.trigger`,
      }).toString();
      const start = performance.now();
      sentAt.set(id, start);
      try {
        const status = await post(agent, port, body);
        if (status === 200) acks.push(performance.now() - start);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - start) / 1000;
  if (!given) agent.destroy();
  return { acks, errors, seconds, sentAt };
}

export interface LoadResult {
  requests: number;
  errors: number;
  throughputPerSecond: number;
  ack: Summary;
  /** Real app only: from sending the command to its results reaching the response_url. */
  resultsPosted?: Summary & { missing: number };
}

export interface SlackRun {
  clients: number;
  minimal: LoadResult;
  real: LoadResult;
  p99Ratio: number;
  verdicts: Verdict[];
}

export interface BurstResult {
  /** Bursts of 50 commands sent at once, each on a new connection (as Slack's separate deliveries arrive). */
  bursts: number;
  minimal: Summary;
  real: Summary;
  verdicts: Verdict[];
}

export interface SlackResult {
  contacts: number;
  runs: SlackRun[];
  burst: BurstResult;
  /** Did the real app post actual search results (not an error or an empty page)? */
  resultsLookReal: boolean;
}

export function startBot(options: BotChildOptions): Child {
  return forkChild(new URL('./bot-child.ts', import.meta.url), [JSON.stringify(options)], { timeoutMs: 60_000 });
}

function combine(parts: LoadSamples[], fake?: FakeSlack): LoadResult {
  const acks = parts.flatMap((p) => p.acks);
  const seconds = parts.reduce((s, p) => s + p.seconds, 0);
  const requests = acks.length + parts.reduce((s, p) => s + p.errors, 0);
  const result: LoadResult = {
    requests,
    errors: parts.reduce((s, p) => s + p.errors, 0),
    throughputPerSecond: acks.length / seconds,
    ack: summarize(acks),
  };
  if (fake) {
    const posted: number[] = [];
    let missing = 0;
    for (const p of parts) {
      for (const [id, sent] of p.sentAt) {
        const at = fake.responded.get(id);
        if (at === undefined) missing++;
        else posted.push(at - sent);
      }
    }
    result.resultsPosted = { ...summarize(posted), missing };
  }
  return result;
}

/** Waits (bounded) until every request in `parts` has had its response_url posted. */
async function settle(fake: FakeSlack, parts: LoadSamples[], maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  const pending = () => parts.some((p) => [...p.sentAt.keys()].some((id) => !fake.responded.has(id)));
  while (pending() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

const ACK_CEILING_MS = 1_000;
const P99_RATIO = 1.5;

export async function benchSlack(databasePath: string, contacts: number, log: (s: string) => void): Promise<SlackResult> {
  const fake = await startFakeSlack();
  const common = { apiUrl: fake.apiUrl, signingSecret: SIGNING_SECRET, ownerId: OWNER_ID };
  const minimal = startBot({ ...common, mode: 'minimal' });
  const real = startBot({ ...common, mode: 'real', databasePath });
  // Steady state: one pool of kept-alive connections per app, reopened before
  // each timed run (the app closes idle ones after 5 s). Opening 50 kept-alive
  // connections at once to the real app while it was busy left a few first
  // requests unread for 1-4 s (seen here in warm-ups; the listen queue did not
  // overflow; never with the minimal app); the bursts at the end measure new
  // connections on their own.
  const minimalAgent = new Agent({ keepAlive: true, maxSockets: 50 });
  const realAgent = new Agent({ keepAlive: true, maxSockets: 50 });
  try {
    const minimalPort = Number((await minimal.first).port);
    const realPort = Number((await real.first).port);
    // Warm both (JIT, prepared statements); not timed.
    await runLoad(minimalPort, fake, 4, { maxRequests: 300, maxMs: 3_000 }, 'warm-min', minimalAgent);
    await runLoad(realPort, fake, 4, { maxRequests: 300, maxMs: 3_000 }, 'warm-real', realAgent);
    const runs: SlackRun[] = [];
    for (const clients of [1, 50]) {
      const budget: LoadBudget = { maxRequests: clients === 1 ? 3_000 : 10_000, maxMs: clients === 1 ? 3_500 : 4_000, warmupRequests: clients * 4 };
      log(`  ${clients} client${clients === 1 ? '' : 's'}: minimal, real, real, minimal (${budget.maxMs / 1000} s each at most)`);
      // A B B A: drift in what else the machine is doing lands on both alike.
      const m1 = await runLoad(minimalPort, fake, clients, budget, `m${clients}a`, minimalAgent);
      const r1 = await runLoad(realPort, fake, clients, budget, `r${clients}a`, realAgent);
      const r2 = await runLoad(realPort, fake, clients, budget, `r${clients}b`, realAgent);
      const m2 = await runLoad(minimalPort, fake, clients, budget, `m${clients}b`, minimalAgent);
      await settle(fake, [r1, r2], 10_000);
      const min = combine([m1, m2]);
      const rea = combine([r1, r2], fake);
      const ratio = rea.ack.p99 / min.ack.p99;
      runs.push({
        clients,
        minimal: min,
        real: rea,
        p99Ratio: ratio,
        verdicts: [
          verdict(`ack p99 ≤ ${P99_RATIO}× minimal app's`, ratio <= P99_RATIO),
          verdict(`slowest ack < ${ACK_CEILING_MS} ms (Slack gives up at 3 s)`, rea.ack.max < ACK_CEILING_MS && rea.errors === 0),
        ],
      });
    }
    log('  bursts: 50 commands at once, each on a new connection, 3 times per app');
    const bursts = { minimal: [] as number[], real: [] as number[] };
    for (let k = 0; k < 3; k++) {
      for (const [name, port] of [['minimal', minimalPort], ['real', realPort]] as const) {
        const oneShot = new Agent({ keepAlive: false, maxSockets: 50 });
        const burst = await runLoad(port, fake, 50, { maxRequests: 50, maxMs: 10_000 }, `burst-${name}-${k}`, oneShot);
        oneShot.destroy();
        bursts[name].push(...burst.acks, ...Array<number>(burst.errors).fill(Number.POSITIVE_INFINITY));
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    const burstReal = summarize(bursts.real);
    const burst: BurstResult = {
      bursts: 3,
      minimal: summarize(bursts.minimal),
      real: burstReal,
      verdicts: [verdict(`slowest ack in a burst < ${ACK_CEILING_MS} ms`, burstReal.max < ACK_CEILING_MS)],
    };
    const resultsLookReal = fake.sampleBodies.some((b) => b.includes('Request intro to'));
    return { contacts, runs, burst, resultsLookReal };
  } finally {
    minimalAgent.destroy();
    realAgent.destroy();
    await Promise.all([minimal.stop(), real.stop()]);
    await fake.close();
  }
}
