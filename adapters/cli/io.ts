// What a CLI command gets: its streams, the core context, and printing helpers.
import type { Readable, Writable } from 'node:stream';
import type { CoreContext } from '../../src/context.ts';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface CliContext {
  io: CliIo;
  ctx: CoreContext;
  json: boolean;
  /** Who the event log records for CLI changes. */
  by: string;
  /** The database file in use (absolute), shown by `stats`. */
  databasePath?: string;
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const out = (c: CliContext, text: string) => c.io.stdout.write(text + '\n');
export const err = (c: CliContext, text: string) => c.io.stderr.write(text + '\n');

export function printJson(c: CliContext, value: unknown): void {
  out(c, JSON.stringify(value, null, 2));
}

/** A plain aligned table; cells are cut to keep rows on one line. */
export function printTable(c: CliContext, headers: string[], rows: (string | number | null)[][]): void {
  const cells = rows.map((r) => r.map((v) => (v === null ? '' : String(v)).replace(/\s+/g, ' ').slice(0, 40)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  out(c, line(headers));
  for (const r of cells) out(c, line(r));
}
