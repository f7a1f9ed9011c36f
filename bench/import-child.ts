// Runs in a child process forked by bench/import.ts, so each measurement has a
// fresh heap and its own peak RSS. Argument: JSON { mode, file, databasePath? }.
//   csv-parse-defaults  csv-parse alone, default options: the baseline
//   csv-parse  csv-parse alone, with the options the importer gives it (line info, raw text)
//   parse      the importer's reading of the file (parseLinkedInConnections), no database
//   import     the owner's `import linkedin <file>` command (runImport) into a fresh database
// Sends { type: 'done', ms, rows, maxRssBytes } (or { type: 'error' }) and exits.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { runImport } from '../adapters/cli/commands/import.ts';
import type { CliContext } from '../adapters/cli/io.ts';
import { findLinkedInHeader, parseLinkedInConnections } from '../adapters/cli/import/linkedin-csv.ts';
import { SqliteStore } from '../db/sqlite-store.ts';
import { systemClock } from '../src/ports.ts';

interface Options {
  mode: 'csv-parse-defaults' | 'csv-parse' | 'parse' | 'import';
  file: string;
  databasePath?: string;
}

const sink = () => new Writable({ write: (_chunk, _enc, done) => done() });

function run(o: Options): { ms: number; rows: number } {
  const start = performance.now();
  if (o.mode === 'csv-parse-defaults') {
    const text = readFileSync(o.file, 'utf8');
    const header = findLinkedInHeader(text);
    const records = parse(text, { from_line: (header?.line ?? 1) + 1, relax_column_count: true });
    return { ms: performance.now() - start, rows: records.length };
  }
  if (o.mode === 'csv-parse') {
    const text = readFileSync(o.file, 'utf8');
    const header = findLinkedInHeader(text);
    const records = parse(text, {
      from_line: (header?.line ?? 1) + 1,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      info: true,
      raw: true,
    });
    return { ms: performance.now() - start, rows: records.length };
  }
  if (o.mode === 'parse') {
    const parsed = parseLinkedInConnections(readFileSync(o.file, 'utf8'));
    return { ms: performance.now() - start, rows: parsed.rows.length };
  }
  if (!o.databasePath) throw new Error('import needs a database');
  const store = SqliteStore.open(o.databasePath);
  const opened = performance.now();
  const c: CliContext = {
    io: { stdin: process.stdin, stdout: sink(), stderr: sink() },
    ctx: {
      store,
      clock: systemClock,
      policy: { accessPolicy: 'request', ownerName: 'Sam', limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 }, owners: {} },
    },
    json: false,
    by: 'bench',
  };
  runImport(c, 'linkedin', o.file, { dryRun: false });
  const ms = performance.now() - opened;
  const rows = store.db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
  store.close();
  return { ms, rows };
}

try {
  const result = run(JSON.parse(process.argv[2] ?? '{}') as Options);
  process.send?.({ type: 'done', ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }, () => process.exit(0));
} catch (err) {
  process.send?.({ type: 'error', message: err instanceof Error ? err.message : String(err) }, () => process.exit(1));
}
