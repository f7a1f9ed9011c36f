// The terminal adapter: a real adapter with injectable streams, so anyone can
// walk the whole loop locally and tests can push lines in and read lines out.
// It plays every user: /as owner, /as <name>.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CoreContext } from '../../src/context.ts';
import type { Actor } from '../../src/domain.ts';
import { Dispatcher, type Messenger } from '../../src/dispatcher.ts';
import { COMMANDS, handleAction, handleCommand, handleSubmit, type Reply } from '../../src/interactions.ts';
import type { Logger, OutboxMessage } from '../../src/ports.ts';
import { runDueTasks } from '../../src/scheduler.ts';
import type { FieldErrors, FormView, View } from '../../src/views/view.ts';
import { renderFormIntro, renderView, safe } from './render.ts';

export const OWNER_ID = 'owner';

interface FormState {
  form: FormView;
  values: Record<string, string>;
  /** Fields still to ask, in order. */
  queue: string[];
  errors: FieldErrors;
}

export interface ConsoleAdapterOptions {
  ctx: CoreContext;
  input: Readable;
  output: Writable;
  logger: Logger;
  /** Who is typing at start. */
  startAs?: string;
  /** Moves the clock forward (the demo's /wait); absent where time is real. */
  timeTravel?: (days: number) => void;
}

export class ConsoleAdapter {
  private actor: Actor;
  private readonly buttons = new Map<number, string>();
  private buttonCounter = 0;
  private form: FormState | null = null;
  private readonly inbox = new Map<string, View[]>();
  /** Who got each message, by its ref, so an edit reaches the same people. */
  private readonly sentTo = new Map<string, readonly string[]>();
  readonly dispatcher: Dispatcher;

  constructor(private readonly opts: ConsoleAdapterOptions) {
    this.actor = this.actorFor(opts.startAs ?? OWNER_ID);
    const messenger: Messenger = {
      send: (m) => Promise.resolve(this.deliver(m)),
      // The terminal cannot change what it printed: an edited message (the owner's card) is shown again, marked as updated.
      update: (ref, view) => Promise.resolve(this.deliverUpdate(ref, view)),
    };
    this.dispatcher = new Dispatcher({ store: opts.ctx.store, clock: opts.ctx.clock, logger: opts.logger, messengers: { console: messenger } });
  }

  get currentUser(): string {
    return this.actor.userId;
  }

  /** Reads lines until the input ends or /quit. */
  async run(): Promise<void> {
    const rl = createInterface({ input: this.opts.input, terminal: false });
    this.prompt();
    for await (const line of rl) {
      const keepGoing = await this.handleLine(line);
      if (!keepGoing) break;
      this.prompt();
    }
    rl.close();
  }

  private write(text: string): void {
    this.opts.output.write(text + '\n');
  }

  private prompt(): void {
    if (this.form) {
      const id = this.form.queue[0];
      const field = this.form.form.fields.find((f) => f.id === id);
      if (field) {
        const current = this.form.values[field.id];
        const error = this.form.errors[field.id];
        if (error) this.write(`  ! ${safe(error)}`);
        this.write(`${safe(field.label)} — ${safe(field.hint)}${current ? `\n  [${safe(current)}]` : ''}`);
      }
    }
    this.opts.output.write(`${this.actor.userId}> `);
  }

  private actorFor(name: string): Actor {
    const userId = name.trim().toLowerCase();
    const displayName = userId === OWNER_ID ? this.opts.ctx.policy.ownerName : userId.charAt(0).toUpperCase() + userId.slice(1);
    return { platform: 'console', userId, displayName };
  }

  /** Handles one line; false when the session should end. */
  async handleLine(raw: string): Promise<boolean> {
    const line = raw.trim();
    if (this.form && !line.startsWith('/')) {
      this.answerField(raw);
    } else if (line === '/cancel' || (this.form && line !== '/quit' && line !== '/exit')) {
      // Any command leaves an open form; nothing half-typed is sent.
      this.form = null;
      this.write('Left the form; nothing was sent.');
      if (line !== '/cancel') return this.handleLine(raw);
    } else if (line === '') {
      return true;
    } else if (line === '/quit' || line === '/exit') {
      return false;
    } else if (line === '/help') {
      this.help();
    } else if (line.startsWith('/as')) {
      this.switchUser(line.slice(3));
    } else if (line.startsWith('/wait')) {
      this.wait(line.slice(5));
    } else if (/^(\/click\s+)?\d+$/.test(line)) {
      this.click(Number(line.replace('/click', '').trim()));
    } else if (line.startsWith('/')) {
      const [name = '', ...rest] = line.slice(1).split(/\s+/);
      this.show(handleCommand(this.opts.ctx, this.actor, name, rest.join(' ')));
    } else {
      this.write('Commands start with "/": try /find-contact fintech, or /help.');
    }
    await this.flushOutbox();
    return true;
  }

  private help(): void {
    this.write(
      [
        ...Object.entries(COMMANDS).map(([name, what]) => `  /${name.padEnd(13)} ${what}`),
        '  /as <name>      Act as someone else: /as owner, /as alice, /as a-new-name',
        ...(this.opts.timeTravel ? ['  /wait <days>    Let days pass (reminders, expiries, follow-ups)'] : []),
        '  <number>        Click the button shown with that number',
        '  /cancel         Leave a form without sending',
        '  /quit           Leave',
      ].join('\n'),
    );
  }

  private switchUser(name: string): void {
    if (!name.trim()) return this.write('Who? For example: /as owner, /as alice');
    this.actor = this.actorFor(name);
    this.form = null;
    this.write(`You are now ${this.actor.displayName}${this.actor.userId === OWNER_ID ? ' (the owner)' : ''}.`);
    const waiting = this.inbox.get(this.actor.userId) ?? [];
    this.inbox.delete(this.actor.userId);
    for (const view of waiting) this.printMessage(view);
  }

  /** Demo time travel, so reminders, expiries and follow-ups can be seen without waiting days. */
  private wait(arg: string): void {
    const days = Number(arg.trim() || '1');
    if (!this.opts.timeTravel || !Number.isFinite(days) || days <= 0 || days > 365) {
      return this.write(this.opts.timeTravel ? 'Usage: /wait <days>, e.g. /wait 14' : 'Time travel is only for the demo.');
    }
    this.opts.timeTravel(days);
    this.write(`(${days} day${days === 1 ? '' : 's'} pass…)`);
  }

  private click(number: number): void {
    const action = this.buttons.get(number);
    if (action === undefined) return this.write(`There is no button [${number}] on screen.`);
    this.show(handleAction(this.opts.ctx, this.actor, action));
  }

  private show(reply: Reply): void {
    switch (reply.type) {
      case 'show':
      case 'update':
      case 'form_done':
        this.form = null;
        return this.printView(reply.view);
      case 'form': {
        // A prefilled field (a form sent back for changes, the intro draft) keeps its text on an empty line.
        const values = Object.fromEntries(reply.form.fields.flatMap((f) => (f.value ? [[f.id, f.value]] : [])));
        this.form = { form: reply.form, values, queue: reply.form.fields.map((f) => f.id), errors: {} };
        const kept = Object.keys(values).length ? '\n(Press Enter on a line to keep the text shown in [brackets].)' : '';
        return this.write(renderFormIntro(reply.form) + kept);
      }
      case 'form_errors': {
        const values = Object.fromEntries(reply.form.fields.map((f) => [f.id, f.value ?? '']));
        // Ask again only what bounced; everything typed is kept.
        this.form = { form: reply.form, values, queue: reply.form.fields.filter((f) => reply.errors[f.id]).map((f) => f.id), errors: reply.errors };
        return this.write('Almost there. A few answers need more before this goes to the owner:');
      }
    }
  }

  private answerField(raw: string): void {
    const state = this.form;
    const id = state?.queue[0];
    if (!state || id === undefined) return;
    const typed = raw.trim();
    if (typed !== '') state.values[id] = typed.replace(/\\n/g, '\n');
    const optional = state.form.fields.find((f) => f.id === id)?.minLength === 0;
    // An optional field may be left empty (Enter); "-" clears a value shown in brackets.
    if (optional && typed === '-') state.values[id] = '';
    else if (optional && !state.values[id]) state.values[id] = '';
    else if (!state.values[id]) return this.write('Please type an answer (or /cancel).');
    state.queue.shift();
    delete state.errors[id];
    if (state.queue.length === 0) this.show(handleSubmit(this.opts.ctx, this.actor, state.form.action, state.values));
  }

  private printView(view: View): void {
    const { text, buttons } = renderView(view, () => ++this.buttonCounter);
    for (const b of buttons) this.buttons.set(b.number, b.action);
    this.write(text);
  }

  private printMessage(view: View): void {
    this.write('--- new message ---');
    this.printView(view);
  }

  private deliverUpdate(ref: string, view: View): void {
    this.deliverTo(this.sentTo.get(ref) ?? [], { ...view, blocks: [{ kind: 'context', text: '(updated)' }, ...view.blocks] });
  }

  /** A group message (the intro itself) goes to each of its recipients. */
  private deliver(m: OutboxMessage): { ref: string } {
    const ref = `console:${m.id}`;
    this.sentTo.set(ref, m.recipients);
    this.deliverTo(m.recipients, m.view);
    return { ref };
  }

  private deliverTo(recipients: readonly string[], view: View): void {
    const m = { view };
    for (const recipient of recipients) {
      if (recipient === this.actor.userId) {
        this.printMessage(m.view);
      } else {
        const list = this.inbox.get(recipient) ?? [];
        list.push(m.view);
        this.inbox.set(recipient, list);
        this.write(`(a message is waiting for ${safe(recipient)}: /as ${safe(recipient)} to read it)`);
      }
    }
  }

  private async flushOutbox(): Promise<void> {
    runDueTasks(this.opts.ctx);
    // Deliver everything due now; the console is its own platform, so it never fails.
    for (;;) {
      const { sent } = await this.dispatcher.runOnce();
      if (sent === 0) return;
    }
  }
}
