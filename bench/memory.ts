// Resident size of the running bot (the real Slack app, its store and its
// search worker thread, in a child process, as bin/platforms.ts wires them)
// over a 100k-contact rolodex, after it has answered searches; compiled to
// JavaScript and run on plain node (see compile.ts), beside an empty Node
// process, and an empty one with the TypeScript loader for reference.
import { execFileSync } from 'node:child_process';
import { forkChild } from './child.ts';
import { compileForBench } from './compile.ts';
import { OWNER_ID } from './search.ts';
import { runLoad, SIGNING_SECRET, startFakeSlack } from './slack.ts';
import { verdict, type Verdict } from './stats.ts';

export interface MemoryResult {
  contacts: number;
  searches: number;
  emptyNodeRss: number;
  /** An empty node that has imported one package: what each big dependency costs on its own. */
  nodeWithPackageRss: Record<string, number>;
  emptyTsxRss: number;
  botRssAtStart: number;
  botRssAfterSearches: number;
  botHeapUsedAfterSearches: number;
  verdicts: Verdict[];
}

const TARGET_MB = 120;

const rssOfNode = (script: string): number =>
  Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000, cwd: new URL('..', import.meta.url) }).toString());

export async function benchMemory(databasePath: string, contacts: number): Promise<MemoryResult> {
  const report = 'process.stdout.write(String(process.memoryUsage().rss))';
  const emptyNodeRss = rssOfNode(report);
  const nodeWithPackageRss: Record<string, number> = {};
  for (const pkg of ['@slack/bolt', 'discord.js', 'better-sqlite3', 'pino']) nodeWithPackageRss[pkg] = rssOfNode(`await import(${JSON.stringify(pkg)}); ${report}`);

  const empty = forkChild(new URL('./empty-child.ts', import.meta.url), [], { timeoutMs: 30_000 });
  let emptyTsxRss: number;
  try {
    await empty.first;
    emptyTsxRss = Number((await empty.ask({ type: 'rss' }, 'rss')).rss);
  } finally {
    await empty.stop();
  }

  const compiled = compileForBench(['bench/bot-child.ts', 'adapters/slack/search-thread.ts']);
  const fake = await startFakeSlack();
  const options = { mode: 'real', apiUrl: fake.apiUrl, signingSecret: SIGNING_SECRET, ownerId: OWNER_ID, databasePath };
  const bot = forkChild(new URL('bench/bot-child.js', compiled), [JSON.stringify(options)], { timeoutMs: 60_000, execArgv: [] });
  try {
    const port = Number((await bot.first).port);
    const atStart = await bot.ask({ type: 'rss' }, 'rss');
    const load = await runLoad(port, fake, 4, { maxRequests: 500, maxMs: 15_000 }, 'mem');
    // Let the last respond() calls finish before reading the figure.
    await new Promise((r) => setTimeout(r, 500));
    const after = await bot.ask({ type: 'rss' }, 'rss');
    const rss = Number(after.rss);
    return {
      contacts,
      searches: load.acks.length,
      emptyNodeRss,
      nodeWithPackageRss,
      emptyTsxRss,
      botRssAtStart: Number(atStart.rss),
      botRssAfterSearches: rss,
      botHeapUsedAfterSearches: Number(after.heapUsed),
      verdicts: [verdict(`RSS ≤ ${TARGET_MB} MB`, rss <= TARGET_MB * 1024 * 1024)],
    };
  } finally {
    await bot.stop();
    await fake.close();
  }
}
