// `outbox list [--failed]` and `outbox retry <id>`: what the bot could not
// deliver, and sending it again once the cause is fixed (a DM opened, a scope
// added). The running bot picks a retried message up on its next pass.
import { retryFailedMessage } from '../../../src/use-cases/delivery-failed.ts';
import { type CliContext, out, printJson, printTable, UsageError } from '../io.ts';
import type { Flags } from './contacts.ts';

export const OUTBOX_USAGE = 'outbox list [--failed] | outbox retry <id>';

export function runOutbox(c: CliContext, sub: string | undefined, args: string[], f: Flags): number {
  switch (sub) {
    case 'list': {
      const rows = c.ctx.store.listOutbox(f.failed === true ? { status: 'failed' } : {});
      // Kinds, people and errors only: message bodies may hold the owner's private notes.
      const shown = rows.map((m) => ({ id: m.id, kind: m.kind, platform: m.platform, to: m.recipients.join(','), status: m.status, attempts: m.attempts, error: m.lastError, created: m.createdAt }));
      if (c.json) return printJson(c, shown), 0;
      printTable(c, ['id', 'kind', 'to', 'status', 'attempts', 'error'], shown.map((m) => [m.id, m.kind, `${m.platform}:${m.to}`, m.status, m.attempts, m.error]));
      out(c, `${rows.length} message${rows.length === 1 ? '' : 's'}`);
      return 0;
    }
    case 'retry': {
      const id = Number(args[0]);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`Give the message's id, e.g. outbox retry 12 (got "${args[0] ?? ''}").`);
      retryFailedMessage(c.ctx, c.by, id);
      out(c, `Message #${id} will be sent again on the bot's next pass.`);
      return 0;
    }
    default:
      throw new UsageError(OUTBOX_USAGE);
  }
}
