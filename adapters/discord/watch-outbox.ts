// Which Discord users an interaction queued messages for. After the outbox pass
// that follows the interaction, the bot can then tell the person who acted,
// ephemerally, that one of those people has closed their DMs (error 50007).
// The store is wrapped rather than diffed: listing the whole outbox before and
// after every click would grow with the outbox.
import type { CoreContext } from '../../src/context.ts';
import type { NewOutboxMessage, Store } from '../../src/ports.ts';
import { recipientsOf } from './messenger.ts';

export interface WatchedContext {
  ctx: CoreContext;
  /** Discord recipients of the messages queued through `ctx` so far. */
  recipients(): string[];
}

export function watchOutbox(ctx: CoreContext): WatchedContext {
  const recipients = new Set<string>();
  const store = new Proxy(ctx.store, {
    get(target, prop): unknown {
      if (prop === 'enqueue') {
        return (msg: NewOutboxMessage): void => {
          target.enqueue(msg);
          if (msg.platform === 'discord') recipientsOf(msg.recipients).forEach((id) => recipients.add(id));
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) satisfies Store;
  return { ctx: { ...ctx, store }, recipients: () => [...recipients] };
}
