// Runs in a child process forked by bench/import.ts, so each measurement has a
// fresh heap and its own peak RSS. Argument: JSON { mode, file, databasePath? }.
//   csv-parse-defaults  csv-parse alone (stream API), default options: the baseline
//   csv-parse  csv-parse alone (stream API), with the options the importer gives it (raw text, tolerant)
//   parse      the importer reading the file (importContactsCsv, dry run): no database writes
//   import     the owner's `import linkedin <file>` command (runImport) into a fresh database
// Sends { type: 'done', ms, rows, maxRssBytes } (or { type: 'error' }) and exits.
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { runImport } from '../adapters/cli/commands/import.ts';
import type { CliContext } from '../adapters/cli/io.ts';
import { importContactsCsv } from '../adapters/cli/import/import-file.ts';
import { CSV_OPTIONS } from '../adapters/cli/import/linkedin-csv.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import type { CoreContext } from '../src/context.ts';
import { systemClock } from '../src/ports.ts';

interface Options {
  mode: 'csv-parse-defaults' | 'csv-parse' | 'parse' | 'import';
  file: string;
  databasePath?: string;
  /** Line of the header row in the file (the preamble's length). */
  headerLine: number;
}

const sink = () => new Writable({ write: (_chunk, _enc, done) => done() });
const policy: CoreContext['policy'] = { accessPolicy: 'request', ownerName: 'Sam', limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 }, owners: {} };

async function countRecords(file: string, options: object): Promise<number> {
  let n = 0;
  for await (const _ of createReadStream(file).pipe(parse(options))) n++;
  return n;
}

async function run(o: Options): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  if (o.mode === 'csv-parse-defaults') {
    const rows = await countRecords(o.file, { from_line: o.headerLine + 1, relax_column_count: true });
    return { ms: performance.now() - start, rows };
  }
  if (o.mode === 'csv-parse') {
    const rows = await countRecords(o.file, { ...CSV_OPTIONS, from_line: o.headerLine + 1 });
    return { ms: performance.now() - start, rows };
  }
  if (o.mode === 'parse') {
    const store = SqliteStore.open(':memory:');
    const report = await importContactsCsv({ store, clock: systemClock, policy }, createReadStream(o.file), { kind: 'linkedin', by: 'bench', dryRun: true });
    return { ms: performance.now() - start, rows: report.read };
  }
  if (!o.databasePath) throw new Error('import needs a database');
  // End to end, as the owner runs it: open (and create) the database, read, parse, upsert, rebuild the index.
  const store = SqliteStore.open(o.databasePath);
  const c: CliContext = { io: { stdin: process.stdin, stdout: sink(), stderr: sink() }, ctx: { store, clock: systemClock, policy }, json: false, by: 'bench' };
  await runImport(c, 'linkedin', o.file, { dryRun: false });
  const ms = performance.now() - start;
  const rows = store.db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
  store.close();
  return { ms, rows };
}

try {
  const result = await run(JSON.parse(process.argv[2] ?? '{}') as Options);
  process.send?.({ type: 'done', ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }, () => process.exit(0));
} catch (err) {
  process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) }, () => process.exit(1));
}
