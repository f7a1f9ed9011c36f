// Import: a generated LinkedIn Connections.csv of 100k rows through the
// owner's `import linkedin` command (read, parse, upsert into SQLite), beside
// csv-parse alone on the same file. Each in its own child process, for a clean
// peak RSS.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { forkChild } from './child.ts';
import { writeLinkedInCsv } from './generate.ts';
import { SEED } from './search.ts';
import { verdict, type Verdict } from './stats.ts';

export interface ImportRun {
  ms: number;
  rows: number;
  rowsPerSecond: number;
  maxRssBytes: number;
}

export interface ImportResult {
  rows: number;
  fileMegabytes: number;
  csvParseDefaults: ImportRun;
  csvParse: ImportRun;
  parseOnly: ImportRun;
  importCommand: ImportRun;
  verdicts: Verdict[];
}

const TARGET_ROWS_PER_SECOND = 100_000;

async function runChild(args: object): Promise<ImportRun> {
  const child = forkChild(new URL('./import-child.ts', import.meta.url), [JSON.stringify(args)], { timeoutMs: 180_000 });
  try {
    const done = await child.next('done');
    const ms = Number(done.ms);
    const rows = Number(done.rows);
    return { ms, rows, rowsPerSecond: rows / (ms / 1000), maxRssBytes: Number(done.maxRssBytes) };
  } finally {
    await child.stop();
  }
}

export async function benchImport(dir: string, rows: number): Promise<ImportResult> {
  const file = join(dir, 'Connections.csv');
  writeLinkedInCsv(file, rows, SEED);
  const csvParseDefaults = await runChild({ mode: 'csv-parse-defaults', file });
  const csvParse = await runChild({ mode: 'csv-parse', file });
  const parseOnly = await runChild({ mode: 'parse', file });
  const importCommand = await runChild({ mode: 'import', file, databasePath: join(dir, 'import.db') });
  if (importCommand.rows !== rows) throw new Error(`import added ${importCommand.rows} contacts from ${rows} rows`);
  return {
    rows,
    fileMegabytes: statSync(file).size / 1024 / 1024,
    csvParseDefaults,
    csvParse,
    parseOnly,
    importCommand,
    verdicts: [verdict(`≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s`, importCommand.rowsPerSecond >= TARGET_ROWS_PER_SECOND)],
  };
}
