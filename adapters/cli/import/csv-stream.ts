// Reading a CSV file as a stream (csv-parse's stream API), so an import of
// any size holds a few chunks and one batch of rows in memory, never the
// whole file. Lines are numbered as in the original file, as readCsv does.
import { parse } from 'csv-parse';
import type { CsvError, Options } from 'csv-parse';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CSV_OPTIONS, type CsvRecord, type ImportIssue, newlinesIn, unreadable } from './linkedin-csv.ts';

/** A file's content: a stream (a file, an upload), or the whole text. */
export type CsvInput = Readable | AsyncIterable<string | Buffer> | string | Buffer;

/** The input as text chunks: UTF-8, without a byte order mark, every line ending a plain "\n" (see normaliseNewlines). */
export async function* textChunks(input: CsvInput): AsyncGenerator<string> {
  // A whole text is one chunk (it is in memory already; cutting it could split a character).
  const source: AsyncIterable<string | Buffer> | Iterable<string | Buffer> = typeof input === 'string' || Buffer.isBuffer(input) ? [input] : input;
  const decoder = new StringDecoder('utf8');
  let started = false;
  let carry = ''; // a "\r" at the end of a chunk may be half of a "\r\n"
  for await (const chunk of source) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    carry = '';
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    if (!started && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      started = true;
    }
    if (text.length > 0) yield text.replace(/\r\n?/g, '\n');
  }
  const rest = (carry + decoder.end()).replace(/\r\n?/g, '\n');
  if (rest.length > 0) yield started ? rest : rest.replace(/^\uFEFF/, '');
}

/** Takes chunks until they hold `lines` line ends (or the text ends); returns them joined. */
export async function readLines(chunks: AsyncIterator<string>, lines: number): Promise<string> {
  let prefix = '';
  let count = 0;
  while (count < lines) {
    const next = await chunks.next();
    if (next.done) break;
    prefix += next.value;
    for (let i = next.value.indexOf('\n'); i >= 0; i = next.value.indexOf('\n', i + 1)) count++;
  }
  return prefix;
}

/**
 * CSV records from line `fromLine` on, reading `prefix` and then the rest of
 * `chunks`. Rows that cannot be read (a quote never closed) are added to
 * `issues` with their line.
 */
export async function* csvRecords(prefix: string, chunks: AsyncIterator<string>, fromLine: number, issues: ImportIssue[]): AsyncGenerator<CsvRecord> {
  let lines = 1;
  const counted = async function* (): AsyncGenerator<string> {
    for (let text: string | undefined = prefix; text !== undefined; ) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      yield text;
      const next = await chunks.next();
      text = next.done ? undefined : next.value;
    }
  };
  const parser = parse({
    ...CSV_OPTIONS,
    from_line: fromLine,
    // With `raw` on, csv-parse hands each record as { record, raw }; context.lines is the line it ends on.
    on_record: (r: unknown, context: { lines: number }) => {
      const cells = (r as { record: string[] }).record;
      return { line: context.lines - newlinesIn(cells), cells };
    },
    // Only a quote never closed is left to fail: it runs to the end, so every line has been counted by then.
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (error) issues.push(unreadable(lines, error, raw));
    },
  } as unknown as Options); // its typings know neither a record reshaped by on_record nor on_skip's raw text
  const source = Readable.from(counted());
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  for await (const record of parser) yield record as CsvRecord;
}
