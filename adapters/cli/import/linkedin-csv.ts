// Reads LinkedIn's Connections.csv export into plain rows for the import CLI.
// Pure: no file system, no database. Every row and every problem carries the
// 1-based line number in the original file, so the owner can find it in a
// spreadsheet. The CSV plumbing at the bottom is shared with generic-csv.ts.
import { parse } from 'csv-parse/sync';
import type { CsvError, InfoRecord } from 'csv-parse/sync';

/** One contact read from an import file, ready to be upserted by `importKey`. */
export interface ContactImportRow {
  /** 1-based line in the original file where this row starts. */
  line: number;
  /** Stable identity so a re-import updates instead of duplicating. */
  importKey: string;
  name: string;
  firstName: string;
  lastName: string;
  title: string | null;
  company: string | null;
  linkedinUrl: string | null;
  email: string | null;
  /** ISO date (YYYY-MM-DD). */
  connectedOn: string | null;
}

/**
 * A problem found while reading a file. `reason` is ready to print and starts
 * with "line N:"; it never quotes an email, phone or URL from the file.
 * `skipped` says whether the row was left out (true) or imported anyway with a
 * field left empty, or the problem is about the file as a whole (false).
 */
export interface ImportIssue {
  line: number;
  reason: string;
  skipped: boolean;
}

export interface LinkedInParse {
  rows: ContactImportRow[];
  issues: ImportIssue[];
}

export class NotALinkedInExportError extends Error {
  constructor() {
    super(
      "This file doesn't look like a LinkedIn Connections.csv export: none of its first " +
        `${HEADER_SEARCH_LINES} lines is a header row like "${LINKEDIN_HEADER_EXAMPLE}". ` +
        'Download it from LinkedIn (Settings → Data privacy → Get a copy of your data → Connections), ' +
        'or, for any other spreadsheet of contacts, use `import csv` instead.',
    );
    this.name = 'NotALinkedInExportError';
  }
}

const LINKEDIN_HEADER_EXAMPLE = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
/** LinkedIn's preamble is a handful of lines; 50 leaves room without scanning a whole unrelated file. */
export const HEADER_SEARCH_LINES = 50;

export type LinkedInField = 'firstName' | 'lastName' | 'url' | 'email' | 'company' | 'position' | 'connectedOn';

const LINKEDIN_COLUMNS: Record<string, LinkedInField> = {
  'first name': 'firstName',
  'last name': 'lastName',
  url: 'url',
  'profile url': 'url',
  'email address': 'email',
  email: 'email',
  company: 'company',
  position: 'position',
  'connected on': 'connectedOn',
};

/** Column names as the owner sees them in the file, for messages. */
const COLUMN_LABEL: Record<LinkedInField, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  url: 'URL',
  email: 'Email Address',
  company: 'Company',
  position: 'Position',
  connectedOn: 'Connected On',
};

export type ColumnMap = Partial<Record<LinkedInField, number>>;

export function parseLinkedInConnections(text: string): LinkedInParse {
  const source = normaliseNewlines(text);
  const header = findLinkedInHeader(source);
  if (!header) throw new NotALinkedInExportError();

  const read = readCsv(source, header.line);
  const reader = new LinkedInRows(header);
  const issues: ImportIssue[] = [...read.issues];
  const rows: ContactImportRow[] = [];
  for (const record of read.records.slice(1)) {
    // the first record read is the header itself
    const result = reader.read(record);
    issues.push(...result.issues);
    if (result.row) rows.push(result.row);
  }
  return { rows, issues: byLine(issues) };
}

/** Turns the records after a LinkedIn header into rows, one at a time (for files read as a stream), remembering keys to report duplicates. */
export class LinkedInRows {
  private readonly seen = new KeySet();

  constructor(readonly header: LinkedInHeader) {}

  read(record: CsvRecord): RowResult<ContactImportRow> {
    const result = toLinkedInRow(record, this.header);
    if (!result.row) return result;
    const duplicate = this.seen.claim(result.row.importKey, result.row.line);
    return duplicate ? { row: null, issues: [...result.issues, duplicate] } : result;
  }
}

export interface LinkedInHeader {
  line: number;
  width: number;
  columns: ColumnMap;
}

/**
 * Finds the header row by its content: the preamble's length varies between
 * exports, so skipping a fixed number of lines would eat contacts or keep notes.
 * Each physical line is read on its own so a stray quote in the preamble
 * cannot swallow the header.
 */
export function findLinkedInHeader(source: string): LinkedInHeader | null {
  const lines = source.split('\n', HEADER_SEARCH_LINES);
  for (const [index, line] of lines.entries()) {
    const cells = cellsOfOneLine(line);
    const columns = linkedInColumns(cells);
    if (columns) return { line: index + 1, width: cells.length, columns };
  }
  return null;
}

function cellsOfOneLine(line: string): string[] {
  if (!line.includes(',')) return [];
  const records = parse(line, { relax_quotes: true, relax_column_count: true, skip_records_with_error: true });
  return records[0] ?? [];
}

/** A LinkedIn header names both name columns and at least two of the others (older exports lack URL). */
function linkedInColumns(cells: string[]): ColumnMap | null {
  const columns: ColumnMap = {};
  cells.forEach((cell, index) => {
    const field = LINKEDIN_COLUMNS[normaliseHeaderCell(cell)];
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const others = Object.keys(columns).filter((f) => f !== 'firstName' && f !== 'lastName').length;
  const looksRight = columns.firstName !== undefined && columns.lastName !== undefined && others >= 2;
  return looksRight ? columns : null;
}

function normaliseHeaderCell(cell: string): string {
  return cell.replace(/[\uFEFF\u200B-\u200D]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface RowResult<T> {
  row: T | null;
  issues: ImportIssue[];
}

function toLinkedInRow(record: CsvRecord, header: LinkedInHeader): RowResult<ContactImportRow> {
  const { line } = record;
  const widthProblem = checkWidth(record, header.width);
  if (widthProblem) return { row: null, issues: [widthProblem] };
  const reject = (why: string): RowResult<ContactImportRow> => ({ row: null, issues: [skipped(line, why)] });

  const cell = (field: LinkedInField): string | null => {
    const index = header.columns[field];
    return index === undefined ? null : oneLine(record.cells[index] ?? '');
  };
  const firstName = cell('firstName') ?? '';
  const lastName = cell('lastName') ?? '';
  const name = oneLine(`${firstName} ${lastName}`);
  if (name === null) return reject('no first or last name');
  const url = cell('url');
  const profile = url === null ? null : normaliseLinkedInUrl(url);
  const email = cell('email');
  const problem = contactDetailsProblem(url !== null && !profile, email);
  if (problem) return reject(problem);

  const company = cell('company');
  const date = readConnectedOn(line, cell('connectedOn'));
  const row: ContactImportRow = {
    line,
    importKey: profile ? profile.key : nameImportKey(name, company),
    name,
    firstName,
    lastName,
    title: cell('position'),
    company,
    linkedinUrl: profile ? profile.url : null,
    email,
    connectedOn: date.value,
  };
  return { row, issues: date.issues };
}

/** Names the column at fault, never its value: links and emails are private. */
function contactDetailsProblem(badUrl: boolean, email: string | null): string | null {
  if (badUrl) return `the ${COLUMN_LABEL.url} column is not a LinkedIn profile link`;
  if (email !== null && !isPlausibleEmail(email)) return `the ${COLUMN_LABEL.email} column is not an email address`;
  return null;
}

/** A bad date should not cost the owner a contact: keep the row, leave the date empty, say so. */
function readConnectedOn(line: number, raw: string | null): { value: string | null; issues: ImportIssue[] } {
  if (raw === null) return { value: null, issues: [] };
  const value = parseConnectedOn(raw);
  if (value) return { value, issues: [] };
  const reason = `imported without a connection date — ${COLUMN_LABEL.connectedOn}${echo(raw)} is not a date like 15 Mar 2024`;
  return { value: null, issues: [kept(line, reason)] };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `15 Mar 2024` (LinkedIn), `15-Mar-2024`, `15 March 2024` or `2024-03-15` → `2024-03-15`; anything else → null. */
export function parseConnectedOn(raw: string): string | null {
  // An export has a few thousand distinct dates for tens of thousands of rows.
  let date = dateCache.get(raw);
  if (date === undefined) {
    date = readDate(raw.trim());
    if (dateCache.size >= 50_000) dateCache.clear();
    dateCache.set(raw, date);
  }
  return date;
}
const dateCache = new Map<string, string | null>();

function readDate(value: string): string | null {
  const dmy = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})$/i.exec(value);
  if (dmy) return isoDate(Number(dmy[3]), monthNumber(dmy[2] ?? ''), Number(dmy[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1; // 0 when unknown
}

/** Round-trips through Date so 31 Feb is refused rather than rolled into March. */
function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  const same = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date.toISOString().slice(0, 10) : null;
}

// ---------------------------------------------------------------------------
// Shared with generic-csv.ts: CSV reading with line numbers, identity keys,
// value checks and issue wording, so both importers behave the same.
// ---------------------------------------------------------------------------

/** One CSV record and the 1-based line of the original file it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvRead {
  records: CsvRecord[];
  issues: ImportIssue[];
}

/** What csv-parse returns with `info` and `raw` on; its typings only describe plain string[][]. */
interface ParsedRecord {
  record: string[];
  info: InfoRecord;
}

/**
 * One line ending everywhere: csv-parse guesses the record delimiter from the
 * first one it meets, so a file mixing CRLF and LF (Excel's newline inside a
 * cell) would otherwise be misread. Line numbers are unchanged by this.
 */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Reads records from `fromLine` on (line numbers stay those of the whole file).
 * Tolerant by design: rows with too few or too many values and stray quotes
 * inside values are kept for the caller to judge; blank lines are dropped.
 */
export function readCsv(source: string, fromLine = 1): CsvRead {
  const issues: ImportIssue[] = [];
  const lastLine = source.split('\n').length;
  const parsed = parse(source, {
    ...CSV_OPTIONS,
    from_line: fromLine,
    info: true,
    on_skip: (error, raw) => {
      if (error) issues.push(unreadable(lastLine, error, raw));
    },
  }) as unknown as ParsedRecord[];
  const records = parsed.map(({ record, info }) => ({ line: info.lines - newlinesIn(record), cells: record }));
  return { records, issues };
}

/** How both importers read CSV, from a string or a stream (see csv-stream.ts). */
export const CSV_OPTIONS = {
  record_delimiter: '\n',
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  skip_records_with_error: true,
  raw: true,
} as const;

/** csv-parse reports the line a record ends on; a quoted field with newlines started earlier. */
export function newlinesIn(cells: string[]): number {
  return cells.reduce((sum, cell) => sum + (cell.split('\n').length - 1), 0);
}

/**
 * With relaxed quotes the only error left is a quote never closed, which runs
 * to the end of the file; the unread text (`raw`) tells where it began.
 */
export function unreadable(lastLine: number, error: CsvError, raw: string | undefined): ImportIssue {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' && raw !== undefined) {
    const line = lastLine - (raw.replace(/^\n+/, '').split('\n').length - 1);
    const span = line < lastLine ? `lines ${line}–${lastLine}` : `line ${line}`;
    return skipped(line, `a double quote (") opened on this line is never closed, so ${span} could not be read`);
  }
  const line = typeof error.lines === 'number' ? error.lines : lastLine;
  return skipped(line, 'this row could not be read as CSV');
}

/**
 * A row with more values than the header cannot be lined up with its columns
 * (usually a comma inside an unquoted value); one with fewer was cut short (a
 * line break inside a value that is not quoted, or a damaged file), and its
 * values may be in the wrong columns. Both are skipped. Extra empty values (a
 * trailing comma) are harmless.
 */
export function checkWidth(record: CsvRecord, width: number): ImportIssue | null {
  const values = record.cells.length;
  if (values < width) {
    return skipped(
      record.line,
      `it has ${values} value${values === 1 ? '' : 's'} but the header has ${width} columns ` +
        '(the line is cut short: a value with a line break in it must be wrapped in double quotes)',
    );
  }
  const extra = record.cells.slice(width).some((cell) => cell.trim() !== '');
  if (!extra) return null;
  return skipped(
    record.line,
    `it has ${values} values but the header has ${width} columns ` +
      '(a value that contains a comma must be wrapped in double quotes)',
  );
}

/** Trims and collapses inner whitespace (including newlines); empty becomes null. */
export function oneLine(value: string): string | null {
  // Most values are already clean: one test instead of a replace and a trim.
  if (value !== '' && !NEEDS_CLEANING.test(value)) return value;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}
/** Leading or trailing whitespace, two in a row, or any but a plain space. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[^\S ]/;

export interface LinkedInProfile {
  /** Cleaned link: https, www.linkedin.com, no query, fragment or trailing slash. */
  url: string;
  /** Lowercased, percent-decoded form of `url`, used as the import key. */
  key: string;
}

/** Accepts `/in/slug` and old `/pub/...` profile links on any linkedin.com host, with or without a scheme. */
export function normaliseLinkedInUrl(raw: string): LinkedInProfile | null {
  const value = raw.trim();
  // LinkedIn's own export writes https://www.linkedin.com/in/slug: read that without a URL parser.
  const plain = PLAIN_PROFILE.exec(value);
  if (plain) {
    const url = `https://www.linkedin.com/in/${plain[1]!}`;
    return { url, key: safeDecode(url).toLowerCase() };
  }
  if (value === '' || /\s/.test(value)) return null;
  const parsed = tryUrl(/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return null;
  const host = parsed.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const path = profilePath(parsed.pathname);
  if (!path) return null;
  const url = `https://www.linkedin.com${path}`;
  return { url, key: safeDecode(url).toLowerCase() };
}

/** A profile link already in the stored form (a slug with at least one letter or digit, so never "." or ".."). */
const PLAIN_PROFILE = /^https:\/\/www\.linkedin\.com\/in\/([A-Za-z0-9_.~%-]*[A-Za-z0-9][A-Za-z0-9_.~%-]*)\/?$/;

function tryUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function profilePath(pathname: string): string | null {
  const segments = pathname.split('/').filter((s) => s !== '');
  const [kind, slug] = segments;
  if (slug === undefined) return null;
  if (kind?.toLowerCase() === 'in') return `/in/${slug}`; // drop sub-pages like /details/experience
  if (kind?.toLowerCase() === 'pub') return `/${segments.join('/')}`;
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Lowercase, accents removed, single spaces: "José  Núñez" and "jose nunez" are the same person. */
export function foldForKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The identity of a contact without a profile link: the same in both importers, so formats can mix. */
export function nameImportKey(name: string, company: string | null): string {
  return `name:${foldForKey(name)}|${foldForKey(company ?? '')}`;
}

/** Deliberately loose: one @, something either side, a dot in the domain, no spaces or brackets. */
export function isPlausibleEmail(value: string): boolean {
  return /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/u.test(value);
}

/** Remembers which line first used each import key, so a later duplicate is reported, not silently merged. */
export class KeySet {
  private readonly firstLine = new Map<string, number>();

  /** Returns an issue when the key was already used, else records it. */
  claim(key: string, line: number): ImportIssue | null {
    const earlier = this.firstLine.get(key);
    if (earlier === undefined) {
      this.firstLine.set(key, line);
      return null;
    }
    return skipped(line, `same contact as line ${earlier} (${describeKey(key)})`);
  }
}

function describeKey(key: string): string {
  if (key.startsWith('name:')) return 'same name and company';
  if (key.startsWith('https://www.linkedin.com/')) return 'same LinkedIn profile';
  return 'same import key';
}

export function skipped(line: number, why: string): ImportIssue {
  return { line, reason: `line ${line}: skipped — ${why}`, skipped: true };
}

export function kept(line: number, what: string): ImportIssue {
  return { line, reason: `line ${line}: ${what}`, skipped: false };
}

/**
 * Quotes a value back to the owner when that helps ("strength “bff” …"),
 * but never anything that looks like an email, link or phone number, and
 * nothing long: issue text ends up in terminals and logs.
 */
export function echo(value: string): string {
  const shown = value.replace(/\s+/g, ' ').trim();
  const looksPrivate = /@|:\/\/|www\.|\.[a-z]{2,}\b|\/|(?:\d[\s().-]*){7,}/i.test(shown);
  if (shown === '' || looksPrivate || shown.length > 30) return '';
  return ` “${shown}”`;
}

/** Issues in file order; a stable sort keeps the order of several issues on one line. */
export function byLine(issues: ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}
