import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, Dispatcher, type Messenger } from '../../src/dispatcher.ts';
import { silentLogger, type OutboxMessage } from '../../src/ports.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { makeCore, type TestCore } from '../support/core.ts';

let t: TestCore;
const enqueue = (key: string, platform: 'slack' | 'console' = 'slack') =>
  t.ctx.store.enqueue({ dedupeKey: key, platform, recipients: ['U1'], kind: 'member.follow_up', view: { summary: key, blocks: [] }, at: t.ctx.clock.now().toISOString() });

beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

function recorder(failures: (Error | null)[] = []): Messenger & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send: (m: OutboxMessage) => {
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      sent.push(m.dedupeKey);
      return Promise.resolve({ ref: `ref-${m.id}` });
    },
    update: () => Promise.resolve(),
  };
}

describe('the outbox dispatcher', () => {
  it('delivers each message once and records the platform reference', async () => {
    const slack = recorder();
    const d = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { slack } });
    enqueue('a');
    enqueue('b');
    enqueue('a'); // a retried handler enqueues the same key: ignored
    expect(await d.runOnce()).toEqual({ sent: 2, failed: 0 });
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(slack.sent).toEqual(['a', 'b']);
    expect(t.ctx.store.listOutbox({ status: 'sent' }).map((m) => m.ref)).toEqual(['ref-1', 'ref-2']);
  });

  it('backs off after a failure, honours Retry-After, and delivers when the platform recovers', async () => {
    const slack = recorder([new DeliveryError('rate limited', 30_000), new Error('500 from platform')]);
    const d = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { slack } });
    enqueue('a');
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 1 });
    t.ctx.clock.advance(29_000);
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 0 }); // still waiting out Retry-After
    t.ctx.clock.advance(1_000);
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 1 }); // a 500: exponential backoff
    expect(t.ctx.store.listOutbox()[0]?.lastError).toBe('500 from platform');
    t.ctx.clock.advance(10_000);
    expect(await d.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(slack.sent).toEqual(['a']);
  });

  it('leaves messages for platforms that are not running', async () => {
    const d = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { console: recorder() } });
    enqueue('for-slack', 'slack');
    expect(await d.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(t.ctx.store.listOutbox({ status: 'pending' })).toHaveLength(1);
  });

  it('re-sends after a crash mid-delivery once the lease runs out, never twice while leased', async () => {
    enqueue('a');
    // A process claims the message and dies before marking it sent.
    const crashed = t.ctx.store.claimDueMessages(t.ctx.clock.now().toISOString(), new Date(t.ctx.clock.now().getTime() + 60_000).toISOString(), 10, ['slack']);
    expect(crashed).toHaveLength(1);
    const other = SqliteStore.open(t.path);
    try {
      const slack = recorder();
      const d = new Dispatcher({ store: other, clock: t.ctx.clock, logger: silentLogger, messengers: { slack } });
      expect(await d.runOnce()).toEqual({ sent: 0, failed: 0 });
      t.ctx.clock.advance(60_000);
      expect(await d.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(slack.sent).toEqual(['a']);
    } finally {
      other.close();
    }
  });

  it('at start-up, makes due again what a crashed process had leased, and nothing else', async () => {
    enqueue('leased');
    enqueue('failed');
    const now = t.ctx.clock.now();
    const later = new Date(now.getTime() + 60_000).toISOString();
    t.ctx.store.claimDueMessages(now.toISOString(), later, 10, ['slack']);
    t.ctx.store.markFailed(2, 'platform down', new Date(now.getTime() + 3_600_000).toISOString());
    const slack = recorder();
    const d = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { slack } });
    expect(d.recover()).toBe(1);
    await d.runOnce();
    expect(slack.sent).toEqual(['leased']);
  });

  it('a slow send never lets a second process take messages still waiting in the same pass', async () => {
    for (const k of ['a', 'b', 'c']) enqueue(k);
    const other = SqliteStore.open(t.path);
    try {
      const sent: string[] = [];
      const fast: Messenger = { send: (m) => (sent.push(m.dedupeKey), Promise.resolve({})), update: () => Promise.resolve() };
      const b = new Dispatcher({ store: other, clock: t.ctx.clock, logger: silentLogger, messengers: { slack: fast } });
      let first = true;
      const slow: Messenger = {
        update: () => Promise.resolve(),
        send: async (m) => {
          if (first) {
            first = false;
            // This send outlives a whole lease; meanwhile another process runs.
            t.ctx.clock.advance(61_000);
            await b.runOnce();
          }
          sent.push(m.dedupeKey);
          return {};
        },
      };
      const a = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { slack: slow } });
      await a.runOnce();
      // Only the message in flight can go twice (the messengers' timeouts keep a single send far
      // shorter than a lease); the ones still waiting in the slow pass were never leased by it.
      expect(sent.sort()).toEqual(['a', 'a', 'b', 'c']);
    } finally {
      other.close();
    }
  });

  it('shares one pass between concurrent callers', async () => {
    const slack = recorder();
    const d = new Dispatcher({ store: t.ctx.store, clock: t.ctx.clock, logger: silentLogger, messengers: { slack } });
    enqueue('a');
    const [x, y] = await Promise.all([d.runOnce(), d.runOnce()]);
    expect(x).toEqual(y);
    expect(slack.sent).toEqual(['a']);
  });
});
