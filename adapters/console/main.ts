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
  const ctx = {
    store,
    clock: systemClock,
    policy: { accessPolicy: config.accessPolicy, ownerName: config.ownerName === 'the owner' ? 'Sam' : config.ownerName, limits: config.limits, owners: { console: OWNER_ID } },
  };
  const seeded = seedDemo(ctx);
  output.write(
    [
      `intro-broker demo: no Slack or Discord is configured, so this runs in the terminal over ${dbPath}${seeded ? ' (a fresh demo rolodex of fictional people)' : ''}.`,
      `You play every part. You start as alice, a member; ${ctx.policy.ownerName} is the owner (/as owner). Try:`,
      '  /find-contact fintech      then type a [number] to click "Request intro"',
      '  /as owner                  read the request card and click Approve or Decline',
      '  /as alice                  read the answer; /intros lists your requests',
      'To connect a real workspace, set SLACK_* or DISCORD_* in .env (see README.md). /help lists commands.',
      '',
    ].join('\n'),
  );
  const adapter = new ConsoleAdapter({ ctx, input, output, logger: silentLogger, startAs: 'alice' });
  try {
    await adapter.run();
  } finally {
    store.close();
  }
}
