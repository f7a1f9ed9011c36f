// Builds a real SQLite store in a temp file and a core context with a clock the
// test controls. No mocks of our own store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../db/sqlite-store.ts';
import type { CoreContext, Policy } from '../../src/context.ts';
import type { Actor } from '../../src/domain.ts';
import type { ContactInput } from '../../src/ports.ts';
import { DomainError } from '../../src/errors.ts';

export class TestClock {
  constructor(public current = new Date('2026-11-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

export function tempDbPath(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'intro-broker-'));
  return { path: join(dir, 'test.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCore {
  ctx: CoreContext & { clock: TestClock; store: SqliteStore };
  path: string;
  cleanup: () => void;
}

export function makeCore(policy: Partial<Policy> = {}, path?: string): TestCore {
  const tmp = path ? { path, cleanup: () => {} } : tempDbPath();
  const store = SqliteStore.open(tmp.path);
  const ctx = {
    store,
    clock: new TestClock(),
    policy: {
      accessPolicy: 'request' as const,
      ownerName: 'Sam',
      limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 },
      owners: { console: 'owner', slack: 'UOWNER', discord: '900000000000000001' },
      ...policy,
    },
  };
  return {
    ctx,
    path: tmp.path,
    cleanup: () => {
      if (store.db.open) store.close();
      tmp.cleanup();
    },
  };
}

export const owner: Actor = { platform: 'console', userId: 'owner', displayName: 'Sam' };
export const alice: Actor = { platform: 'console', userId: 'alice', displayName: 'Alice' };
export const bob: Actor = { platform: 'console', userId: 'bob', displayName: 'Bob' };
export const stranger: Actor = { platform: 'console', userId: 'zed', displayName: 'Zed' };

export function addMember(t: TestCore, actor: Actor, status: 'member' | 'pending' | 'blocked' | 'declined' = 'member') {
  return t.ctx.store.saveMember({ platform: actor.platform, userId: actor.userId, displayName: actor.displayName ?? actor.userId, status, at: t.ctx.clock.now().toISOString() });
}

export const PRIVATE = {
  email: 'ana.private@example.com',
  phone: '+351 912 345 678',
  linkedinUrl: 'https://www.linkedin.com/in/ana-secret-profile',
  notes: 'OWNER-ONLY NOTE: owes me a favour',
};

export function addContact(t: TestCore, input: Partial<ContactInput> = {}) {
  return t.ctx.store.insertContact(
    {
      name: 'Ana Ferreira',
      title: 'Head of Payments',
      company: 'Lumen Pay',
      location: 'Lisbon',
      tags: ['fintech', 'payments'],
      topics: ['fraud'],
      bio: 'Built the payments team.',
      vetted: true,
      ...PRIVATE,
      ...input,
    },
    t.ctx.clock.now().toISOString(),
  );
}

/** A request form that passes the quality gate for Ana Ferreira at Lumen Pay. */
export const goodForm = {
  howKnow: 'Sam and I worked together at Northwind from 2019 to 2021 on the checkout team.',
  whyContact:
    "I'm moving into payments risk, and Ana built the fraud team at Lumen Pay that I keep reading about. I'd like twenty minutes to ask how she hires analysts for it.",
  blurb: 'Alice is a data scientist with six years in consumer lending, now looking for a payments risk role in Lisbon.',
};

/** The kind refusal a call ended in ('ok' when it went through); any other error is rethrown. */
export function outcomeCode(fn: () => unknown): DomainError['code'] | 'ok' {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'ok';
}

/** The refusal a call must end in. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
