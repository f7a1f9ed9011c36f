// Drives the terminal adapter through its real streams: push a line in, wait for
// the next prompt, read what it printed.
import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.ts';
import type { CoreContext } from '../../src/context.ts';
import { silentLogger } from '../../src/ports.ts';

export class ConsoleDriver {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  readonly adapter: ConsoleAdapter;
  private buffer = '';
  readonly transcript: string[] = [];
  private readonly done: Promise<void>;

  constructor(ctx: CoreContext & { clock: { advanceDays(days: number): void } }, startAs = 'alice') {
    this.output.setEncoding('utf8');
    this.output.on('data', (chunk: string) => {
      this.buffer += chunk;
    });
    this.adapter = new ConsoleAdapter({ ctx, input: this.input, output: this.output, logger: silentLogger, startAs, timeTravel: (days) => ctx.clock.advanceDays(days) });
    this.done = this.adapter.run();
  }

  /** Types a line and returns everything printed until the next prompt. */
  async type(line: string): Promise<string> {
    await this.waitForPrompt();
    this.buffer = '';
    this.input.write(line + '\n');
    await new Promise((r) => setImmediate(r));
    const out = await this.waitForPrompt();
    this.transcript.push(`> ${line}\n${out}`);
    return out;
  }

  private async waitForPrompt(timeoutMs = 5000): Promise<string> {
    const start = Date.now();
    while (!/[\w-]+> $/.test(this.buffer)) {
      if (Date.now() - start > timeoutMs) throw new Error(`no prompt; output so far:\n${this.buffer}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return this.buffer.replace(/[\w-]+> $/, '');
  }

  /** The number shown beside a button label in some output. */
  static button(output: string, label: string | RegExp): number {
    for (const m of output.matchAll(/\[(\d+)\] ([^[\n]+?)(?=\s{3}\[|\n|$)/g)) {
      const text = m[2] ?? '';
      if (typeof label === 'string' ? text.trim() === label || text.includes(label) : label.test(text)) return Number(m[1]);
    }
    throw new Error(`no button ${String(label)} in:\n${output}`);
  }

  async close(): Promise<void> {
    this.input.end();
    await this.done;
  }
}
