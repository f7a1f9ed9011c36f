// Reading the owner's answers: single keys in a terminal (raw mode, no Enter),
// or lines when stdin is a pipe or a file, so scripts and tests drive the same
// commands. A line's first character is its key.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

interface TtyIn extends Readable {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

export const isTty = (stdin: Readable): boolean => (stdin as TtyIn).isTTY === true && typeof (stdin as TtyIn).setRawMode === 'function';

export interface Answers {
  /** The next key, lower-cased ('' for Enter); null at the end of input or on Ctrl-C / Ctrl-D. */
  key(): Promise<string | null>;
  /** A whole line (typed and echoed in a terminal); null at the end of input. */
  line(): Promise<string | null>;
  close(): void;
}

export function answersFrom(stdin: Readable, stdout: Writable): Answers {
  return isTty(stdin) ? rawKeys(stdin, stdout) : lines(stdin);
}

function lines(stdin: Readable): Answers {
  const rl = createInterface({ input: stdin, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  const line = async () => {
    const r = await it.next();
    return r.done ? null : String(r.value);
  };
  return {
    line,
    key: async () => {
      const l = await line();
      return l === null ? null : l.trim().charAt(0).toLowerCase();
    },
    close: () => rl.close(),
  };
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';

function rawKeys(stdin: TtyIn, stdout: Writable): Answers {
  const queue: string[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const onData = (chunk: Buffer | string) => {
    const text = chunk.toString();
    // An arrow or function key arrives as one escape sequence: not an answer.
    if (text.startsWith('\u001b')) return;
    queue.push(...text);
    wake?.();
  };
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  stdin.setRawMode?.(true);
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.resume();
  const next = async (): Promise<string | null> => {
    while (queue.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
    wake = null;
    const ch = queue.shift();
    return ch === undefined || ch === CTRL_C || ch === CTRL_D ? null : ch;
  };
  return {
    key: async () => {
      const ch = await next();
      if (ch === null) return null;
      stdout.write(ch === '\r' || ch === '\n' ? '\n' : `${ch}\n`);
      return ch === '\r' || ch === '\n' ? '' : ch.toLowerCase();
    },
    line: async () => {
      let text = '';
      for (;;) {
        const ch = await next();
        if (ch === null) return null;
        if (ch === '\r' || ch === '\n') {
          stdout.write('\n');
          return text;
        }
        if (ch === '\u007f' || ch === '\b') {
          if (text.length) stdout.write('\b \b');
          text = text.slice(0, -1);
        } else if (ch >= ' ') {
          text += ch;
          stdout.write(ch);
        }
      }
    },
    close: () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.setRawMode?.(false);
      stdin.pause();
    },
  };
}

/** Asks a yes/no question; only y or yes is a yes. */
export async function confirm(stdin: Readable, stdout: Writable, question: string): Promise<boolean> {
  stdout.write(`${question} [y/N] `);
  const answers = answersFrom(stdin, stdout);
  try {
    const answer = isTty(stdin) ? await answers.key() : await answers.line();
    return answer !== null && /^y(es)?$/i.test(answer.trim());
  } finally {
    answers.close();
  }
}
