// Delivers the outbox. Messages were written in the same transaction as the
// change that caused them; here they are leased, sent through the platform's
// Messenger, and marked sent. A failure backs off and retries; a crash lets the
// lease run out and the message goes again. Nothing is dropped.
import type { Platform } from './domain.ts';
import type { Faults } from './faults.ts';
import type { Clock, Logger, OutboxMessage, OutboxStore } from './ports.ts';
import type { View } from './views/view.ts';

export interface Messenger {
  /** Sends a message; returns a platform reference (e.g. channel and ts) for later updates. */
  send(message: OutboxMessage): Promise<{ ref?: string }>;
  /** Replaces a message sent earlier, in place; `ref` is what `send` returned for it. */
  update(ref: string, view: View): Promise<void>;
}

/** Thrown by a Messenger when a send should be tried again later. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Thrown by a Messenger (or the dispatcher) when trying again cannot help: the message fails for good. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

const LEASE_MS = 60_000;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 3_600_000;
/** After this many attempts (about half a day of backing off) a message fails for good. */
export const MAX_ATTEMPTS = 20;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export class Dispatcher {
  private running: Promise<{ sent: number; failed: number }> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: {
      store: OutboxStore;
      clock: Clock;
      logger: Logger;
      messengers: Partial<Record<Platform, Messenger>>;
      faults?: Faults;
      /**
       * Called instead of a retry when a message fails for good: it must mark the
       * message failed (store.markGivenUp) and may tell someone, in one transaction.
       */
      onGiveUp?: (message: OutboxMessage, reason: string) => void;
    },
  ) {}

  private giveUp(msg: OutboxMessage, reason: string): void {
    const { store, clock, onGiveUp } = this.deps;
    if (onGiveUp) onGiveUp(msg, reason);
    else store.markGivenUp(msg.id, reason, clock.now().toISOString());
  }

  /**
   * At start-up, with one bot process per database: messages a crashed process
   * had leased (claimed, neither sent nor failed) are due again at once instead
   * of waiting for the lease to run out.
   */
  recover(): number {
    return this.deps.store.releaseLeases(this.deps.clock.now().toISOString());
  }

  /**
   * One pass over what is due. A call during a pass shares it, and asks for one
   * more pass right after, so a message enqueued meanwhile is not left waiting.
   */
  runOnce(limit = 25): Promise<{ sent: number; failed: number }> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      const total = await this.pass(limit);
      while (this.again) {
        this.again = false;
        const more = await this.pass(limit);
        total.sent += more.sent;
        total.failed += more.failed;
      }
      return total;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(limit: number): Promise<{ sent: number; failed: number }> {
    const { store, clock, logger, messengers } = this.deps;
    const platforms = Object.keys(messengers) as Platform[];
    let sent = 0;
    let failed = 0;
    // One message at a time: each lease starts just before its own send, so a
    // slow platform can never make a lease run out while the message still waits
    // in this pass (another process would then send it too).
    for (let i = 0; i < limit && !this.stopped; i++) {
      const now = clock.now();
      const [msg] = store.claimDueMessages(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), 1, platforms);
      if (!msg) break;
      const messenger = messengers[msg.platform];
      if (!messenger) continue;
      try {
        this.deps.faults?.('delivery:before-send');
        const ref = await this.deliver(messenger, msg);
        this.deps.faults?.('delivery:after-send');
        store.markSent(msg.id, clock.now().toISOString(), ref);
        sent++;
      } catch (err) {
        failed++;
        const reason = err instanceof Error ? err.message : String(err);
        // Only ids and kinds are logged: the message body may hold private words.
        const about = { outboxId: msg.id, kind: msg.kind, platform: msg.platform, attempts: msg.attempts, reason };
        if (err instanceof PermanentDeliveryError || msg.attempts >= MAX_ATTEMPTS) {
          const why = err instanceof PermanentDeliveryError ? reason : `gave up after ${msg.attempts} attempts (last: ${reason})`;
          logger.warn(about, 'delivery failed for good');
          this.giveUp(msg, why);
          continue;
        }
        const wait = err instanceof DeliveryError && err.retryAfterMs !== undefined ? err.retryAfterMs : backoffMs(msg.attempts);
        store.markFailed(msg.id, reason, new Date(clock.now().getTime() + wait).toISOString());
        logger.warn({ ...about, retryInMs: wait }, 'delivery failed; will retry');
      }
    }
    return { sent, failed };
  }

  /** Sends a message, or for an edit replaces the message it edits; returns the platform reference. */
  private async deliver(messenger: Messenger, msg: OutboxMessage): Promise<string | null> {
    if (!msg.edits) return (await messenger.send(msg)).ref ?? null;
    if (msg.edits.status !== 'sent' || msg.edits.ref === null) {
      // The card never reached anyone (it failed): there is nothing to edit.
      throw new PermanentDeliveryError('the message it edits was never delivered');
    }
    await messenger.update(msg.edits.ref, msg.view);
    return msg.edits.ref;
  }

  /** Polls until stopped. Errors are logged, never thrown into the timer. */
  start(intervalMs = 2_000): void {
    const tick = () => {
      this.runOnce()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'outbox pass failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the send in flight, so it is marked sent before the store closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
