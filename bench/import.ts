// Import: generated LinkedIn Connections.csv files (30k rows, LinkedIn's cap,
// and 100k) through the owner's `import linkedin` command (read, parse,
// upsert into a fresh SQLite file, rebuild the index), beside csv-parse alone
// on the same file. Each run in its own process, for a clean peak RSS,
// compiled to JavaScript on plain node (as the CLI runs once built), so the
// figures do not count tsx's loader.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { forkChild } from './child.ts';
import { compileForBench } from './compile.ts';
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
  /** The same command on a 30k-row file. */
  import30k: ImportRun;
  verdicts: Verdict[];
}

const TARGET_ROWS_PER_SECOND = 100_000;
const TARGET_30K_MS = 1_000;
const TARGET_PEAK_RSS_MB = 120;
/** writeLinkedInCsv's preamble: notes, a quoted note, a blank line, then the header. */
const HEADER_LINE = 4;

async function runCompiled(compiled: URL, args: object): Promise<ImportRun> {
  const child = forkChild(new URL('bench/import-child.js', compiled), [JSON.stringify({ headerLine: HEADER_LINE, ...args })], { timeoutMs: 180_000, execArgv: [] });
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
  const small = join(dir, 'Connections-30k.csv');
  writeLinkedInCsv(file, rows, SEED);
  writeLinkedInCsv(small, 30_000, SEED + 1);
  const compiled = compileForBench(['bench/import-child.ts']);
  const runChild = (args: object) => runCompiled(compiled, args);
  const csvParseDefaults = await runChild({ mode: 'csv-parse-defaults', file });
  const csvParse = await runChild({ mode: 'csv-parse', file });
  const parseOnly = await runChild({ mode: 'parse', file });
  const importCommand = await runChild({ mode: 'import', file, databasePath: join(dir, 'import.db') });
  const import30k = await runChild({ mode: 'import', file: small, databasePath: join(dir, 'import-30k.db') });
  if (importCommand.rows !== rows) throw new Error(`import added ${importCommand.rows} contacts from ${rows} rows`);
  if (import30k.rows !== 30_000) throw new Error(`import added ${import30k.rows} contacts from 30,000 rows`);
  return {
    rows,
    fileMegabytes: statSync(file).size / 1024 / 1024,
    csvParseDefaults,
    csvParse,
    parseOnly,
    importCommand,
    import30k,
    verdicts: [
      verdict(`30k rows ≤ ${TARGET_30K_MS / 1000} s`, import30k.ms <= TARGET_30K_MS),
      verdict(`≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s at ${rows.toLocaleString('en-US')}`, importCommand.rowsPerSecond >= TARGET_ROWS_PER_SECOND),
      verdict(`peak RSS ≤ ${TARGET_PEAK_RSS_MB} MB at ${rows.toLocaleString('en-US')}`, importCommand.maxRssBytes <= TARGET_PEAK_RSS_MB * 1024 * 1024),
    ],
  };
}
