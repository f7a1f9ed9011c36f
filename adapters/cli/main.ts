// The owner's command line: `intro-broker <command> …` (also `npm run cli -- …`).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RestoreRefusedError, restoreFrom } from '../../db/backup.ts';
import { DatabaseUnavailableError } from '../../db/open.ts';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { DatabaseTooNewError } from '../../db/migrate.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { MEMBER_STATUSES, REQUEST_STATUSES } from '../../src/domain.ts';
import { DomainError } from '../../src/errors.ts';
import { systemClock, type Clock } from '../../src/ports.ts';
import { runBackup, runExport, runMembers, runReport, runRequests, runStats } from './commands/admin.ts';
import { runContacts, type Flags } from './commands/contacts.ts';
import { runImport } from './commands/import.ts';
import { runIntro } from './commands/intro.ts';
import { runOutbox } from './commands/outbox.ts';
import { runTriage } from './commands/triage.ts';
import { NotAContactsCsvError } from './import/generic-csv.ts';
import { NotALinkedInExportError } from './import/linkedin-csv.ts';
import { type CliContext, type CliIo, UsageError } from './io.ts';

export const USAGE = `Usage: intro-broker [--db <path>] <command> [options]

  import linkedin <Connections.csv> [--dry-run]   import LinkedIn connections (re-import updates)
  import csv <file.csv> [--dry-run]               import contacts from a CSV (columns: adapters/cli/import/README.md)
  contacts list [--unvetted|--vetted] [--company X|--company-prefix X] [--tag T] [--search words] [--limit N]
                                                  --search also finds your private email and notes
  contacts show <id>
  contacts add --name "Full Name" [--title T] [--company C] [--location L] [--tags a,b] [--topics a,b]
               [--bio B] [--email E] [--phone P] [--linkedin URL] [--notes N] [--strength close|known|acquainted]
               [--cap N|none] [--slack-user U…] [--discord-user 123…] [--vet] [--no-optin]
  contacts edit <id> [same options as add] [--unvet]
  contacts vet|unvet|opt-out|opt-in <ids…> | --company X | --company-prefix X | --tag T | --search words | --unvetted | --all
               [--yes]                            a filter shows the count and asks first; --yes for scripts
  contacts undo-batch <batch>                     take back a bulk change (also: contacts vet --undo <batch>)
  contacts tag <tag[,tag]> <ids…> | (same filters)
  contacts remove <ids…>
  contacts triage [--order recent|company] [--include-skipped] [--limit N]
                                                  one key per unvetted contact: vet, skip, tag, opt out
  intro create --contact <id> (--member "Name" | --name "Full Name" --email E) --why "…" --blurb "…" [--via slack|discord]
                                                  introduce someone yourself: both are asked first, then the intro
  members list [--status ${MEMBER_STATUSES.join('|')}]
  members show <id|platform:user-id>               a member's requests, outcomes, declines and events
  members add|remove|block <platform:user-id> [--name "Name"]
  members unblock <platform:user-id>              take back "I don't know you"
  requests list [--status ${REQUEST_STATUSES.join('|')}]
  requests show <id>                              the request, its events in order, outcome, decline reason
  outbox list [--failed]                          messages to send, sent and failed (kinds and errors, no content)
  outbox retry <id>                               send a failed message again
  stats
  export [--out file.json]                        everything, as JSON
  report --out report.html                        the funnel and outcomes over time, as charts
  backup <file>                                   an online copy of the database (safe while the bot runs; 0600)
  restore <file>                                  replace the database with a backup (stop the bot first; the old file is kept)

  --json on every listing and on stats prints JSON. --db overrides DATABASE_PATH.
  Settings come from the .env beside package.json (a relative DATABASE_PATH is there too);
  --env-file <file> reads another file instead.`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'dry-run': { type: 'boolean' },
  status: { type: 'string' },
  out: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean' },
  vetted: { type: 'boolean' },
  unvetted: { type: 'boolean' },
  vet: { type: 'boolean' },
  unvet: { type: 'boolean' },
  'no-optin': { type: 'boolean' },
  company: { type: 'string' },
  tag: { type: 'string' },
  search: { type: 'string' },
  name: { type: 'string' },
  title: { type: 'string' },
  location: { type: 'string' },
  tags: { type: 'string' },
  topics: { type: 'string' },
  bio: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  linkedin: { type: 'string' },
  notes: { type: 'string' },
  strength: { type: 'string' },
  cap: { type: 'string' },
  'slack-user': { type: 'string' },
  'discord-user': { type: 'string' },
  'company-prefix': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  undo: { type: 'string' },
  order: { type: 'string' },
  'include-skipped': { type: 'boolean' },
  contact: { type: 'string' },
  member: { type: 'string' },
  why: { type: 'string' },
  blurb: { type: 'string' },
  via: { type: 'string' },
  failed: { type: 'boolean' },
} as const;

function triageOptions(v: { limit?: string; order?: string; 'include-skipped'?: boolean }) {
  if (v.limit !== undefined && !/^[1-9][0-9]*$/.test(v.limit)) throw new UsageError('--limit must be a whole number of cards.');
  return { ...(v.limit ? { limit: Number(v.limit) } : {}), ...(v.order ? { order: v.order } : {}), includeSkipped: v['include-skipped'] === true };
}

export async function runCli(argv: string[], io: CliIo, env: Record<string, string | undefined>, clock: Clock = systemClock): Promise<number> {
  let store: SqliteStore | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, sub, ...rest] = positionals;
    if (values.help || !command) {
      io.stdout.write(USAGE + '\n');
      return command || values.help ? 0 : 2;
    }
    const config = loadConfig(env);
    const databasePath = values.db ?? config.databasePath;
    // Before the store opens: a restore replaces the file, and holds the bot lock while it does.
    if (command === 'restore') return await runRestore(io, databasePath, sub, clock);
    store = SqliteStore.open(databasePath);
    const c: CliContext = {
      io,
      json: values.json === true,
      by: 'cli',
      databasePath: resolve(databasePath),
      ctx: {
        store,
        clock,
        policy: { accessPolicy: config.accessPolicy, ownerName: config.ownerName, limits: config.limits, owners: {} },
      },
    };
    const flags = values as Flags;
    switch (command) {
      case 'import':
        return await runImport(c, sub, rest[0], { dryRun: values['dry-run'] === true });
      case 'contacts':
        return sub === 'triage' ? await runTriage(c, triageOptions(values)) : await runContacts(c, sub, rest, flags);
      case 'intro':
        return runIntro(c, sub, flags, config);
      case 'members':
        return runMembers(c, sub, rest, flags);
      case 'requests':
        return runRequests(c, sub, flags, rest);
      case 'outbox':
        return runOutbox(c, sub, rest, flags);
      case 'stats':
        return runStats(c);
      case 'export':
        return runExport(c, flags);
      case 'report':
        return runReport(c, flags);
      case 'backup':
        return await runBackup(c, store, sub);
      default:
        throw new UsageError(`Unknown command "${command}". Run intro-broker --help for the list.`);
    }
  } catch (e) {
    return report(io, e);
  } finally {
    store?.close();
  }
}

/** Known problems are one kind line; anything else is a bug worth a stack. */
function report(io: CliIo, e: unknown): number {
  const line = (s: string) => io.stderr.write(s + '\n');
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    line(e.message);
    return 2;
  }
  if (e instanceof ConfigError) {
    line(`Please fix your configuration:\n${e.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  if (e instanceof DatabaseUnavailableError || e instanceof RestoreRefusedError) {
    line(e.message);
    return 1;
  }
  if (e instanceof DomainError || e instanceof DatabaseTooNewError || e instanceof NotALinkedInExportError || e instanceof NotAContactsCsvError) {
    line(e.message);
    return 1;
  }
  throw e;
}

/** `restore <file>`: checks the backup, keeps the current file beside it, then swaps the backup in. */
async function runRestore(io: CliIo, databasePath: string, file: string | undefined, clock: Clock): Promise<number> {
  if (!file) throw new UsageError('restore <file>: the backup to restore, e.g. restore ./backups/intro-broker-2026-11-27.db');
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  const r = await restoreFrom(resolve(databasePath), file, stamp);
  io.stdout.write(`Restored ${resolve(databasePath)} from ${file} (schema version ${r.version}, ${r.contacts} contacts).\n`);
  if (r.previous) io.stdout.write(`The database it replaced is kept at ${r.previous}.\n`);
  return 0;
}
