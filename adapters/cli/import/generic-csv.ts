// Reads the documented generic contacts CSV (see README.md beside this file)
// into plain rows for the import CLI. Pure: no file system, no database.
// Each row is validated with zod so every problem names its line and column.
import { z } from 'zod';
import { STRENGTHS } from '../../../src/domain.ts';
import type { Contact, Strength } from '../../../src/domain.ts';
import {
  KeySet,
  byLine,
  checkWidth,
  echo,
  findLinkedInHeader,
  isPlausibleEmail,
  kept,
  nameImportKey,
  normaliseLinkedInUrl,
  normaliseNewlines,
  oneLine,
  readCsv,
  skipped,
} from './linkedin-csv.ts';
import type { ContactImportRow, CsvRecord, ImportIssue, LinkedInProfile } from './linkedin-csv.ts';

/** A contact from the generic format: everything the owner's rolodex can hold. */
/** A row of the generic format: the LinkedIn fields plus the owner's curation, as a contact holds them. */
export type GenericContactRow = ContactImportRow &
  Pick<
    Contact,
    'location' | 'tags' | 'topics' | 'bio' | 'phone' | 'notes' | 'strength' | 'vetted' | 'openToIntros' | 'introCap' | 'noOptin' | 'slackUserId' | 'discordUserId'
  >;

export interface GenericParse {
  rows: GenericContactRow[];
  issues: ImportIssue[];
}

/** The file cannot be read as contacts at all (empty, or no name column). */
export class NotAContactsCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAContactsCsvError';
  }
}

export const GENERIC_COLUMNS = [
  'name',
  'first_name',
  'last_name',
  'title',
  'company',
  'location',
  'tags',
  'topics',
  'bio',
  'email',
  'phone',
  'linkedin_url',
  'notes',
  'strength',
  'vetted',
  'open_to_intros',
  'intro_cap',
  'no_optin',
  'slack_user_id',
  'discord_user_id',
  'import_key',
] as const;

export type GenericColumn = (typeof GENERIC_COLUMNS)[number];

const README_HINT = 'see adapters/cli/import/README.md for the columns';

export function parseContactsCsv(text: string): GenericParse {
  const source = normaliseNewlines(text);
  const read = readCsv(source);
  const [first, ...data] = read.records;
  if (!first) throw new NotAContactsCsvError(EMPTY_FILE);

  const reader = new GenericRows(first, findLinkedInHeader(source) !== null);
  const issues: ImportIssue[] = [...read.issues];
  const rows: GenericContactRow[] = [];
  for (const record of data) {
    const result = reader.read(record);
    issues.push(...result.issues);
    if (result.row) rows.push(result.row);
  }
  return { rows, issues: byLine([...issues, ...reader.finish()]) };
}

export const EMPTY_FILE = `This file is empty. The first row must name the columns, e.g. name,title,company (${README_HINT}).`;

// --- header -----------------------------------------------------------------

interface GenericHeader {
  width: number;
  columns: Partial<Record<GenericColumn, number>>;
}

const KNOWN = new Set<string>(GENERIC_COLUMNS);

/** "Open to intros", "LinkedIn-URL" and "open_to_intros" all name the same column. */
function columnKey(cell: string): string {
  return cell.replace(/[\uFEFF\u200B-\u200D]/g, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Reads the rows after the header one at a time (for files read as a stream).
 * What the header itself deserves a word about (unknown, unnamed or repeated
 * columns) is known at the end: an unnamed column matters only if some row
 * has a value in it.
 */
export class GenericRows {
  private readonly header: GenericHeader;
  private readonly seen = new KeySet();
  private readonly unnamed = new Set<number>();
  private readonly unnamedUsed = new Set<number>();

  /** Throws NotAContactsCsvError when the header has no name column. */
  constructor(
    private readonly first: CsvRecord,
    private readonly fromLinkedIn: boolean,
  ) {
    const columns: GenericHeader['columns'] = {};
    first.cells.forEach((cell, index) => {
      const key = columnKey(cell);
      if (key === '') this.unnamed.add(index);
      else if (KNOWN.has(key) && columns[key as GenericColumn] === undefined) columns[key as GenericColumn] = index;
    });
    requireNameColumn(columns, first.cells, fromLinkedIn);
    this.header = { width: first.cells.length, columns };
  }

  read(record: CsvRecord): { row: GenericContactRow | null; issues: ImportIssue[] } {
    for (const index of this.unnamed) if ((record.cells[index] ?? '').trim() !== '') this.unnamedUsed.add(index);
    const result = toGenericRow(record, this.header);
    if ('reason' in result) return { row: null, issues: [result] };
    const duplicate = this.seen.claim(result.importKey, result.line);
    return duplicate ? { row: null, issues: [duplicate] } : { row: result, issues: [] };
  }

  /** The header's issues, once every row has been read. */
  finish(): ImportIssue[] {
    const unknown: string[] = [];
    const repeated: string[] = [];
    const named = new Set<string>();
    this.first.cells.forEach((cell, index) => {
      const key = columnKey(cell);
      if (key === '') {
        if (this.unnamedUsed.has(index)) unknown.push(`unnamed column ${index + 1}`);
      } else if (!KNOWN.has(key)) unknown.push(columnLabel(cell, index));
      else if (named.has(key)) repeated.push(`“${key}”`);
      else named.add(key);
    });
    const issues: ImportIssue[] = [];
    const line = this.first.line;
    if (unknown.length > 0) issues.push(unknownColumns(line, unknown, this.fromLinkedIn));
    if (repeated.length > 0) issues.push(kept(line, `column ${repeated.join(', ')} appears more than once; only the first is read`));
    return issues;
  }
}

function requireNameColumn(columns: GenericHeader['columns'], cells: string[], fromLinkedIn: boolean): void {
  if (columns.name !== undefined || columns.first_name !== undefined || columns.last_name !== undefined) return;
  const found = describeFirstRow(cells);
  const hint = fromLinkedIn
    ? ' This looks like a LinkedIn Connections.csv export: use `import linkedin` for it.'
    : ` The first row must name the columns and include name (or first_name and last_name); ${README_HINT}.`;
  throw new NotAContactsCsvError(`This CSV has no name column (its first row has: ${found}).${hint}`);
}

/** A header cell as shown in messages; a file without a header would otherwise echo private data. */
function columnLabel(cell: string, index: number): string {
  return echo(cell).trim() || `column ${index + 1}`;
}

function describeFirstRow(cells: string[]): string {
  const shown = cells.map((cell) => echo(cell).trim()).filter((label) => label !== '');
  const hidden = cells.filter((cell) => cell.trim() !== '').length - shown.length;
  const parts = [...shown.slice(0, 8), ...(hidden > 0 ? [`${hidden} value${hidden > 1 ? 's' : ''} not shown`] : [])];
  return parts.join(', ') || 'nothing';
}

function unknownColumns(line: number, names: string[], fromLinkedIn: boolean): ImportIssue {
  const hint = fromLinkedIn ? 'this looks like a LinkedIn export, which `import linkedin` reads in full' : README_HINT;
  const what = names.length > 1 ? `${names.length} unsupported columns` : 'an unsupported column';
  return kept(line, `ignored ${what}: ${names.join(', ')} (${hint})`);
}

// --- rows -------------------------------------------------------------------

type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** A zod string field whose reader returns a value or a kind, column-named message. */
function checked<T>(read: (value: string) => Read<T>) {
  return z.string().transform((value, ctx) => {
    const result = read(value.trim());
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

const optionalLine = z.string().transform(oneLine);
const namepart = z.string().transform((v) => oneLine(v) ?? '');
const list = z.string().transform(splitList);
const block = z.string().transform(cleanBlock);

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

function yesNo(column: GenericColumn, fallback: boolean) {
  return checked((v) => {
    const answer = v.toLowerCase();
    if (answer === '') return ok(fallback);
    if (YES.has(answer)) return ok(true);
    if (NO.has(answer)) return ok(false);
    return fail(`${column}${echo(v)} must be yes or no (or leave it empty for ${fallback ? 'yes' : 'no'})`);
  });
}

const rowSchema = z.object({
  name: checked((v) => (v === '' ? fail('no name (fill in name, or first_name and last_name)') : ok(v))),
  first_name: namepart,
  last_name: namepart,
  title: optionalLine,
  company: optionalLine,
  location: optionalLine,
  tags: list,
  topics: list,
  bio: block,
  email: checked((v) => (v === '' || isPlausibleEmail(v) ? ok(v || null) : fail('email is not an email address'))),
  phone: optionalLine,
  linkedin_url: checked(readLinkedInUrl),
  notes: block,
  strength: checked(readStrength),
  vetted: yesNo('vetted', false),
  open_to_intros: yesNo('open_to_intros', true),
  intro_cap: checked(readIntroCap),
  no_optin: yesNo('no_optin', false),
  slack_user_id: checked(readSlackId),
  discord_user_id: checked(readDiscordId),
  import_key: optionalLine,
});

type ValidRow = z.output<typeof rowSchema>;

function readLinkedInUrl(v: string): Read<LinkedInProfile | null> {
  if (v === '') return ok(null);
  const profile = normaliseLinkedInUrl(v);
  return profile ? ok(profile) : fail('linkedin_url is not a LinkedIn profile link (like https://www.linkedin.com/in/name)');
}

function readStrength(v: string): Read<Strength> {
  const value = v.toLowerCase();
  if (value === '') return ok('known');
  const strength = STRENGTHS.find((s) => s === value);
  return strength ? ok(strength) : fail(`strength${echo(v)} must be close, known or acquainted`);
}

function readIntroCap(v: string): Read<number | null> {
  if (v === '') return ok(null);
  const cap = /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(cap) ? ok(cap) : fail(`intro_cap${echo(v)} must be a whole number, 0 or more (or empty for no cap)`);
}

/** Slack member IDs look like U012AB3CD (W… on Enterprise Grid); catching a pasted @handle here saves a failed DM later. */
function readSlackId(v: string): Read<string | null> {
  if (v === '') return ok(null);
  const id = v.toUpperCase();
  return /^[UW][A-Z0-9]{6,}$/.test(id) ? ok(id) : fail('slack_user_id is not a Slack member ID (like U012AB3CD, from the profile’s ⋮ menu → Copy member ID)');
}

function readDiscordId(v: string): Read<string | null> {
  if (v === '') return ok(null);
  return /^\d{17,20}$/.test(v) ? ok(v) : fail('discord_user_id is not a Discord user ID (a long number: Developer Mode on, right-click the user → Copy User ID)');
}

/** Tags and topics: `;` or `|` separated, trimmed, empties dropped, repeats (any case) dropped. */
function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(/[;|]/)) {
    const item = oneLine(part);
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

/** Bio and notes keep their paragraphs; control characters and runs of blank lines go. */
function cleanBlock(value: string): string | null {
  const cleaned = value
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ' '))
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cleaned === '' ? null : cleaned;
}

function toGenericRow(record: CsvRecord, header: GenericHeader): GenericContactRow | ImportIssue {
  const widthProblem = checkWidth(record, header.width);
  if (widthProblem) return widthProblem;
  const result = rowSchema.safeParse(rawRow(record, header));
  if (!result.success) {
    const problems = result.error.issues.map((i) => (i.code === 'custom' ? i.message : `${i.path.join('.')}: ${i.message}`));
    return skipped(record.line, problems.join('; '));
  }
  return buildRow(record.line, result.data);
}

/** Every known column as a string ('' when absent), with `name` already resolved from first/last if needed. */
function rawRow(record: CsvRecord, header: GenericHeader): Record<GenericColumn, string> {
  const cell = (column: GenericColumn) => {
    const index = header.columns[column];
    return index === undefined ? '' : (record.cells[index] ?? '');
  };
  const raw = Object.fromEntries(GENERIC_COLUMNS.map((c) => [c, cell(c)])) as Record<GenericColumn, string>;
  raw.name = oneLine(raw.name) ?? oneLine(`${raw.first_name} ${raw.last_name}`) ?? '';
  return raw;
}

function buildRow(line: number, v: ValidRow): GenericContactRow {
  return {
    line,
    importKey: v.import_key ?? v.linkedin_url?.key ?? nameImportKey(v.name, v.company),
    name: v.name,
    firstName: v.first_name,
    lastName: v.last_name,
    title: v.title,
    company: v.company,
    location: v.location,
    tags: v.tags,
    topics: v.topics,
    bio: v.bio,
    email: v.email,
    phone: v.phone,
    linkedinUrl: v.linkedin_url?.url ?? null,
    notes: v.notes,
    strength: v.strength,
    vetted: v.vetted,
    openToIntros: v.open_to_intros,
    introCap: v.intro_cap,
    noOptin: v.no_optin,
    slackUserId: v.slack_user_id,
    discordUserId: v.discord_user_id,
    connectedOn: null,
  };
}
