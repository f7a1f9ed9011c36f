// `members unblock`: the CLI's way back from "I don't know you".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { requestAdmission, decideAdmission } from '../../../src/use-cases/admission.ts';
import { runCliCaptured, type CliResult } from '../../support/cli.ts';
import { makeCore, owner, stranger, tempDbPath, type TestCore } from '../../support/core.ts';

let tmp: ReturnType<typeof tempDbPath>;
beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

const cli = (args: string[]): Promise<CliResult> => runCliCaptured(tmp.path, args);

function withCore<T>(fn: (t: TestCore) => T): T {
  const t = makeCore({}, tmp.path);
  try {
    return fn(t);
  } finally {
    t.ctx.store.close();
  }
}

describe('members unblock', () => {
  it('puts a blocked join request back in the queue, and a CLI-blocked member back in', async () => {
    withCore((t) => {
      requestAdmission(t.ctx, stranger, { howKnow: 'We worked together at Northwind in 2021, on the payments launch.', why: 'I am looking for a mentor in payments.' });
      decideAdmission(t.ctx, owner, t.ctx.store.findMember('console', stranger.userId)!.id, 'block');
    });
    const back = await cli(['members', 'unblock', 'console:zed']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('their request to join is back in your queue');
    expect((await cli(['members', 'unblock', 'console:zed'])).stdout).toContain('is not blocked (status: pending); nothing changed');

    await cli(['members', 'block', 'slack:U0123', '--name', 'Bo']);
    expect((await cli(['members', 'unblock', 'slack:U0123'])).stdout).toContain('is unblocked and a member again');
    const s = SqliteStore.open(tmp.path);
    try {
      expect(s.findMember('console', 'zed')?.status).toBe('pending');
      expect(s.findMember('slack', 'U0123')?.status).toBe('member');
      expect(s.listEvents().filter((e) => e.kind === 'member.unblocked')).toHaveLength(2);
    } finally {
      s.close();
    }
  });

  it('names an unknown person as an error', async () => {
    const r = await cli(['members', 'unblock', 'slack:UNOBODY']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No one is known as slack:UNOBODY');
  });
});
