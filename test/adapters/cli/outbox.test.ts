// `intro-broker outbox list [--failed]` and `outbox retry <id>`, in-process over a real SQLite file.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../adapters/cli/main.ts';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { tempDbPath, TestClock } from '../../support/core.ts';

let tmp: ReturnType<typeof tempDbPath>;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdin, stdout, stderr] = [new PassThrough(), new PassThrough(), new PassThrough()];
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  stdin.end('');
  const code = await runCli(['--db', tmp.path, ...args], { stdin, stdout, stderr }, {}, new TestClock());
  return { code, stdout: o, stderr: e };
}

beforeEach(() => {
  tmp = tempDbPath();
  const s = SqliteStore.open(tmp.path);
  const at = '2026-11-01T09:00:00.000Z';
  for (const key of ['a', 'b']) {
    s.enqueue({ dedupeKey: key, platform: 'slack', recipients: ['U0001BOB'], kind: 'member.decision_notice', view: { summary: 'private words', blocks: [] }, at });
  }
  s.markGivenUp(1, 'slack: user_not_found', at);
  s.close();
});
afterEach(() => tmp.cleanup());

describe('intro-broker outbox', () => {
  it('lists failed messages with their error, and no message content', async () => {
    const all = await cli(['outbox', 'list']);
    expect(all.stdout).toContain('2 messages');
    const failed = await cli(['outbox', 'list', '--failed']);
    expect(failed.code).toBe(0);
    expect(failed.stdout).toContain('slack: user_not_found');
    expect(failed.stdout).toContain('slack:U0001BOB');
    expect(failed.stdout).toContain('1 message');
    expect(failed.stdout).not.toContain('private words');
  });

  it('retries a failed message: pending and due again, with an event; refuses one that has not failed', async () => {
    const retried = await cli(['outbox', 'retry', '1']);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain('Message #1 will be sent again');
    const s = SqliteStore.open(tmp.path);
    try {
      expect(s.getMessage(1)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(s.listEvents().map((e) => [e.kind, e.data])).toEqual([['message.retried', { outboxId: 1, kind: 'member.decision_notice' }]]);
    } finally {
      s.close();
    }
    const notFailed = await cli(['outbox', 'retry', '2']);
    expect([notFailed.code, notFailed.stderr]).toEqual([1, 'Message #2 has not failed (it is pending); there is nothing to retry.\n']);
    const bad = await cli(['outbox', 'retry', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Give the message');
  });
});
