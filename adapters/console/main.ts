// Runs the terminal demo over its own database (never the real one).
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../../src/config.ts';
import { systemClock, silentLogger } from '../../src/ports.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { ConsoleAdapter, OWNER_ID } from './console-adapter.ts';
import { seedDemo } from './demo-data.ts';

export const DEMO_DATABASE_PATH = './data/demo.db';

export async function runConsoleDemo(config: Config, input: Readable, output: Writable, dbPath = DEMO_DATABASE_PATH): Promise<void> {
  const store = SqliteStore.open(dbPath);
  // The demo's clock can be moved forward with /wait, to see follow-ups without waiting days.
  let offsetMs = 0;
  const clock = { now: () => new Date(systemClock.now().getTime() + offsetMs) };
  const ctx = {
    store,
    clock,
    policy: {
      accessPolicy: config.accessPolicy,
      ownerName: config.ownerName === 'the owner' ? 'Sam' : config.ownerName,
      limits: config.limits,
      timers: config.timers,
      owners: { console: OWNER_ID },
    },
  };
  const seeded = seedDemo(ctx);
  output.write(
    [
      `intro-broker demo: no Slack or Discord is configured, so this runs in the terminal over ${dbPath}${seeded ? ' (a fresh demo rolodex of fictional people)' : ''}.`,
      `You play every part. You start as alice, a member; ${ctx.policy.ownerName} is the owner (/as owner). Try:`,
      '  /find-contact fintech      then type a [number] to click "Request intro"',
      '  /as owner                  read the request card and click Approve or Decline',
      '  /as alice                  read the answer; /intros lists your requests',
      "  Liam O'Neil is on chat too (/as liam answers his opt-in); /wait 14 lets two weeks pass.",
      'To connect a real workspace, set SLACK_* or DISCORD_* in .env (see README.md). /help lists commands.',
      '',
    ].join('\n'),
  );
  const adapter = new ConsoleAdapter({ ctx, input, output, logger: silentLogger, startAs: 'alice', timeTravel: (days) => (offsetMs += days * 86_400_000) });
  try {
    await adapter.run();
  } finally {
    store.close();
  }
}
