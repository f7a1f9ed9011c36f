// `npm run bench` (add `-- --large` for a 1M-contact rolodex too; `-- --only
// search,slack,memory,import,gate` for some sections). Every figure is printed
// beside its baseline, measured in the same run, and every target is marked
// met or NOT MET. Results go to bench/results/latest.json with the machine.
// Temp files live in one directory that is removed at exit; child processes
// are stopped; every loop is bounded in time and count; only 127.0.0.1 is used.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { killChildren } from './child.ts';
import { benchGate, type GateResult } from './gate.ts';
import { benchImport, type ImportResult } from './import.ts';
import { benchMemory, type MemoryResult } from './memory.ts';
import { benchSearch, buildRolodex, type Rolodex, type SearchSize } from './search.ts';
import { benchSlack, type SlackResult } from './slack.ts';
import { currentLoad, fmtInt, fmtMb, fmtMs, machineInfo, mark, table, type Verdict } from './stats.ts';

const SECTIONS = ['search', 'slack', 'memory', 'import', 'gate'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({ options: { large: { type: 'boolean' }, only: { type: 'string' } }, strict: true });
const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
for (const s of only) if (!SECTIONS.includes(s as Section)) throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
const run = new Set(only as Section[]);
const large = values.large === true;

const SLACK_CONTACTS = 30_000;
const MEMORY_CONTACTS = 100_000;
const IMPORT_ROWS = 100_000;
const sizes = [1_000, 30_000, 100_000, ...(large ? [1_000_000] : [])].filter(
  (n) => run.has('search') || (run.has('slack') && n === SLACK_CONTACTS) || (run.has('memory') && n === MEMORY_CONTACTS),
);

const dir = mkdtempSync(join(tmpdir(), 'intro-broker-bench-'));
process.on('exit', () => {
  killChildren();
  rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
// A last bound on the whole run, should anything hang despite the others.
setTimeout(
  () => {
    process.stderr.write('bench: stopped, over its time limit\n');
    process.exit(2);
  },
  (large ? 40 : 15) * 60_000,
).unref();

const log = (s: string) => process.stderr.write(s + '\n');
const started = performance.now();
const machine = machineInfo();
log(`intro-broker bench on ${machine.cpu} (${machine.cores} cores), node ${machine.node}, load ${machine.loadAverage.start}${large ? ', with --large' : ''}`);

const results: { search?: SearchSize[]; slack?: SlackResult; memory?: MemoryResult; import?: ImportResult; gate?: GateResult } = {};
const rolodexes = new Map<number, Rolodex>();

for (const n of sizes) {
  log(`rolodex of ${fmtInt(n)} contacts: generating…`);
  const rolodex = buildRolodex(dir, n, log);
  rolodexes.set(n, rolodex);
  log(`  seeded in ${rolodex.seedSeconds.toFixed(1)} s`);
  if (run.has('search')) {
    log('  search: timing searchContacts, the FTS floor and a LIKE scan…');
    (results.search ??= []).push(benchSearch(rolodex));
  }
  if (n !== SLACK_CONTACTS && n !== MEMORY_CONTACTS) rmSync(rolodex.path, { force: true });
}

if (run.has('slack')) {
  log(`slack round trip over ${fmtInt(SLACK_CONTACTS)} contacts…`);
  results.slack = await benchSlack(rolodexes.get(SLACK_CONTACTS)!.path, SLACK_CONTACTS, log);
}
if (run.has('memory')) {
  log(`memory of the running bot over ${fmtInt(MEMORY_CONTACTS)} contacts…`);
  results.memory = await benchMemory(rolodexes.get(MEMORY_CONTACTS)!.path, MEMORY_CONTACTS);
}
if (run.has('import')) {
  log(`import of a ${fmtInt(IMPORT_ROWS)}-row LinkedIn Connections.csv…`);
  results.import = await benchImport(dir, IMPORT_ROWS);
}
if (run.has('gate')) {
  log('quality gate over the labelled requests in test/fixtures/gate…');
  results.gate = benchGate();
}
machine.loadAverage.end = currentLoad();

// ── report ─────────────────────────────────────────────────────────────────
const targets: { section: string; what: string; target: string; met: boolean }[] = [];
const record = (section: string, what: string, verdicts: Verdict[]) => {
  for (const v of verdicts) targets.push({ section, what, target: v.target, met: v.met });
  return verdicts.map(mark).join('; ');
};
const pair = (p50: number, p99: number) => `${fmtMs(p50)} / ${fmtMs(p99)}`;
const out: string[] = [];

if (results.search) {
  out.push('SEARCH — p50 / p99 in ms; searchContacts is the use case (member check, store, view) over SqliteStore on a temp file;');
  out.push('floor is a bare `SELECT rowid … MATCH ? ORDER BY bm25 LIMIT 6`; exact full is FTS5 bm25() over every match in SQL plus the');
  out.push('ranking rule (db/search-reference.ts); LIKE is an unranked %word% scan of name/company/title.');
  out.push('ranking: of the 5 shown, how many are in the exact top 5; "=" when the order and the next 4 pages are the same too.');
  const rows: string[][] = [];
  for (const size of results.search) {
    for (const c of size.cells) {
      rows.push([
        fmtInt(size.contacts),
        `${c.kind} "${c.query}"`,
        fmtInt(c.matches),
        pair(c.searchContacts.p50, c.searchContacts.p99),
        pair(c.floor.p50, c.floor.p99),
        pair(c.exactFull.p50, c.exactFull.p99),
        pair(c.like.p50, c.like.p99),
        `${c.floorRatio.toFixed(2)}×`,
        c.ranking ? `${c.ranking.sharedWithExactTop5}/5${c.ranking.sameOrder && c.ranking.samePages ? ' =' : ''}` : '-',
        `${c.searchContacts.n}/${c.floor.n}/${c.exactFull.n}`,
        record('search', `${fmtInt(size.contacts)} ${c.kind}`, c.verdicts) || '-',
      ]);
    }
  }
  out.push(table(['contacts', 'query', 'matches', 'searchContacts', 'floor', 'exact full', 'LIKE scan', 'p99 vs floor', 'ranking', 'samples', 'targets'], rows));
  out.push(
    results.search
      .map((s) => `  ${fmtInt(s.contacts)} contacts: ${fmtInt(s.searchable)} searchable, seeded in ${s.seedSeconds.toFixed(1)} s, ${s.dbMegabytes.toFixed(1)} MB; in-memory index built in ${fmtMs(s.indexBuildMs)} ms on the first search`)
      .join('\n'),
  );
}

if (results.slack) {
  const s = results.slack;
  out.push('');
  out.push(`SLACK ROUND TRIP — signed /find-contact over HTTP, ${fmtInt(s.contacts)} contacts, time to the HTTP ack in ms (p50 / p99 / max);`);
  out.push('minimal is a Bolt app that only acks; "results posted" is command → results at the response_url (real app only).');
  const rows = s.runs.flatMap((r) => [
    [String(r.clients), 'minimal app', pair(r.minimal.ack.p50, r.minimal.ack.p99), fmtMs(r.minimal.ack.max), fmtInt(r.minimal.throughputPerSecond), fmtInt(r.minimal.requests), String(r.minimal.errors), '-', ''],
    [
      String(r.clients),
      'intro-broker',
      pair(r.real.ack.p50, r.real.ack.p99),
      fmtMs(r.real.ack.max),
      fmtInt(r.real.throughputPerSecond),
      fmtInt(r.real.requests),
      String(r.real.errors),
      r.real.resultsPosted ? `${pair(r.real.resultsPosted.p50, r.real.resultsPosted.p99)}${r.real.resultsPosted.missing ? ` (${r.real.resultsPosted.missing} missing)` : ''}` : '-',
      `${r.p99Ratio.toFixed(2)}× minimal p99; ${record('slack', `${r.clients} client(s)`, r.verdicts)}`,
    ],
  ]);
  out.push(table(['clients', 'app', 'ack p50 / p99', 'max', 'req/s', 'requests', 'errors', 'results posted p50 / p99', 'targets'], rows));
  const b = s.burst;
  out.push(
    `  bursts of 50 commands at once on new connections (${b.bursts} per app): minimal app ack p50 ${fmtMs(b.minimal.p50)}, max ${fmtMs(b.minimal.max)}; ` +
      `intro-broker p50 ${fmtMs(b.real.p50)}, max ${fmtMs(b.real.max)}: ${record('slack', 'bursts', b.verdicts)}`,
  );
  out.push(`  the real app's response_url posts carried search results: ${s.resultsLookReal ? 'yes' : 'NO'}`);
}

if (results.memory) {
  const m = results.memory;
  out.push('');
  out.push(`MEMORY — resident set size (process.memoryUsage().rss) in a child process`);
  out.push(
    table(
      ['process', 'RSS', 'targets'],
      [
        ['empty node', fmtMb(m.emptyNodeRss), ''],
        ...Object.entries(m.nodeWithPackageRss).map(([pkg, rss]) => [`  node that imported ${pkg} only`, fmtMb(rss), '']),
        ['empty node + tsx loader', fmtMb(m.emptyTsxRss), ''],
        [`bot (compiled, plain node), ${fmtInt(m.contacts)} contacts, at start`, fmtMb(m.botRssAtStart), ''],
        [`bot after ${fmtInt(m.searches)} searches (heap used ${fmtMb(m.botHeapUsedAfterSearches)})`, fmtMb(m.botRssAfterSearches), record('memory', 'bot RSS', m.verdicts)],
      ],
    ),
  );
}

if (results.import) {
  const i = results.import;
  out.push('');
  out.push(`IMPORT — LinkedIn Connections.csv, ${fmtInt(i.rows)} rows (${i.fileMegabytes.toFixed(1)} MB), each run in its own process`);
  out.push(
    table(
      ['run', 'seconds', 'rows/s', 'peak RSS', 'targets'],
      [
        ['csv-parse stream alone (defaults)', (i.csvParseDefaults.ms / 1000).toFixed(2), fmtInt(i.csvParseDefaults.rowsPerSecond), fmtMb(i.csvParseDefaults.maxRssBytes), ''],
        ['csv-parse stream alone (importer\'s options)', (i.csvParse.ms / 1000).toFixed(2), fmtInt(i.csvParse.rowsPerSecond), fmtMb(i.csvParse.maxRssBytes), ''],
        ['importContactsCsv, dry run (read and check, no database)', (i.parseOnly.ms / 1000).toFixed(2), fmtInt(i.parseOnly.rowsPerSecond), fmtMb(i.parseOnly.maxRssBytes), ''],
        ['import linkedin (open, read, parse, upsert, index)', (i.importCommand.ms / 1000).toFixed(2), fmtInt(i.importCommand.rowsPerSecond), fmtMb(i.importCommand.maxRssBytes), record('import', 'rows/s, memory', i.verdicts.slice(1))],
        ['import linkedin, 30,000 rows', (i.import30k.ms / 1000).toFixed(2), fmtInt(i.import30k.rowsPerSecond), fmtMb(i.import30k.maxRssBytes), record('import', '30k', i.verdicts.slice(0, 1))],
      ],
    ),
  );
}

if (results.gate) {
  const g = results.gate;
  out.push('');
  out.push(`QUALITY GATE — judgeIntro over ${fmtInt(g.requests)} labelled requests × ${g.rounds} rounds, ms per request`);
  out.push(
    table(
      ['measure', 'p50', 'p99', 'max', 'targets'],
      [
        ['wall clock', fmtMs(g.wall.p50), fmtMs(g.wall.p99), fmtMs(g.wall.max), ''],
        ['CPU time (process, incl. GC/JIT threads)', fmtMs(g.cpu.p50), fmtMs(g.cpu.p99), fmtMs(g.cpu.max), ''],
        ['steady (each request\'s median over rounds)', fmtMs(g.steady.p50), fmtMs(g.steady.p99), fmtMs(g.steady.max), ''],
        [`heap held by the gate (no model file)`, `${g.heapMegabytes.toFixed(1)} MB`, '', '', record('gate', 'time and memory', g.verdicts)],
      ],
    ),
  );
}

const met = targets.filter((t) => t.met).length;
out.push('');
out.push(`TARGETS: ${met} met, ${targets.length - met} not met.`);
for (const t of targets.filter((x) => !x.met)) out.push(`  NOT MET  ${t.section}: ${t.what} — ${t.target}`);
const seconds = (performance.now() - started) / 1000;
out.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}; load average ${machine.loadAverage.start} → ${machine.loadAverage.end}; ${seconds.toFixed(0)} s.`);
process.stdout.write(out.join('\n') + '\n');

const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const file = new URL('latest.json', resultsDir);
const tmp = new URL('latest.json.tmp', resultsDir);
writeFileSync(tmp, JSON.stringify({ machine, command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`, seconds, ...results, targets }, null, 2) + '\n');
renameSync(tmp, file);
log(`wrote bench/results/latest.json`);
