// The owner's command line: `intro-broker <command> …` (also `npm run cli -- …`).
import { parseArgs } from 'node:util';
import { SqliteStore } from '../../db/sqlite-store.ts';
import { DatabaseTooNewError } from '../../db/migrate.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { DomainError } from '../../src/errors.ts';
import { systemClock, type Clock } from '../../src/ports.ts';
import { runBackup, runExport, runMembers, runReport, runRequests, runStats } from './commands/admin.ts';
import { runContacts, type Flags } from './commands/contacts.ts';
import { runImport } from './commands/import.ts';
import { runTriage } from './commands/triage.ts';
import { NotAContactsCsvError } from './import/generic-csv.ts';
import { NotALinkedInExportError } from './import/linkedin-csv.ts';
import { type CliContext, type CliIo, UsageError } from './io.ts';

export const USAGE = `Usage: intro-broker [--db <path>] <command> [options]

  import linkedin <Connections.csv> [--dry-run]   import LinkedIn connections (re-import updates)
  import csv <file.csv> [--dry-run]               import contacts from a CSV (columns: adapters/cli/import/README.md)
  contacts list [--unvetted|--vetted] [--company X] [--tag T] [--search words] [--limit N]
  contacts show <id>
  contacts add --name "Full Name" [--title T] [--company C] [--location L] [--tags a,b] [--topics a,b]
               [--bio B] [--email E] [--phone P] [--linkedin URL] [--notes N] [--strength close|known|acquainted]
               [--cap N|none] [--slack-user U…] [--discord-user 123…] [--vet] [--no-optin]
  contacts edit <id> [same options as add] [--unvet]
  contacts vet|unvet|opt-out|opt-in <ids…> | --company X | --tag T | --search words | --unvetted | --all
  contacts tag <tag[,tag]> <ids…> | (same filters)
  contacts remove <ids…>
  contacts triage [--limit N]                     one key per unvetted contact: vet, skip, tag, opt out
  members list [--status member|pending|declined|blocked]
  members add|remove|block <platform:user-id> [--name "Name"]
  requests list [--status pending|approved|declined|withdrawn|expired]
  stats
  export [--out file.json]                        everything, as JSON
  report --out report.html                        the funnel and outcomes over time, as charts
  backup <file>                                   an online copy of the database

  --json on every listing and on stats prints JSON. --db overrides DATABASE_PATH.`;

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
} as const;

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
    store = SqliteStore.open(values.db ?? config.databasePath);
    const c: CliContext = {
      io,
      json: values.json === true,
      by: 'cli',
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
        return sub === 'triage' ? await runTriage(c, values.limit ? Number(values.limit) : undefined) : runContacts(c, sub, rest, flags);
      case 'members':
        return runMembers(c, sub, rest, flags);
      case 'requests':
        return runRequests(c, sub, flags);
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
  if (e instanceof DomainError || e instanceof DatabaseTooNewError || e instanceof NotALinkedInExportError || e instanceof NotAContactsCsvError) {
    line(e.message);
    return 1;
  }
  throw e;
}
