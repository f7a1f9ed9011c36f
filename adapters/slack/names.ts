// People's real names, from users.info (scope users:read), not the payload's
// `user_name`: that is the deprecated handle ("jdoe47"), and cards and intros
// should say "Jordan Doe". Names are cached in memory for an hour, so a busy
// owner's clicks do not cost a Web API call each; a lookup that fails or is
// slow falls back to the payload's name (never blocks an answer: a modal
// submit must be acknowledged within 3 s).
import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/domain.ts';
import type { Logger } from '../../src/ports.ts';
import { describeError, slackActor } from './deps.ts';

const TTL_MS = 60 * 60_000;
const LOOKUP_BUDGET_MS = 1_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  name: string;
  until: number;
}

export class SlackNames {
  private readonly cache = new Map<string, Entry>();
  /** Lookups under way: a burst of clicks from one person costs one users.info call. */
  private readonly inFlight = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person's real name (else display name), or undefined when Slack could not say in time. */
  async lookup(client: webApi.WebClient, userId: string): Promise<string | undefined> {
    const hit = this.cache.get(userId);
    if (hit && hit.until > this.now()) return hit.name;
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOOKUP_BUDGET_MS);
    });
    try {
      return await Promise.race([this.fetchOnce(client, userId), budget]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The actor with their real name when Slack gives one, else the payload's. */
  async actor(client: webApi.WebClient, userId: string, payloadName?: string): Promise<Actor> {
    return slackActor(userId, (await this.lookup(client, userId)) ?? payloadName);
  }

  private fetchOnce(client: webApi.WebClient, userId: string): Promise<string | undefined> {
    let pending = this.inFlight.get(userId);
    if (!pending) {
      pending = this.fetch(client, userId).then((name) => {
        this.inFlight.delete(userId);
        if (name) this.remember(userId, name);
        return name;
      });
      this.inFlight.set(userId, pending);
    }
    return pending;
  }

  private async fetch(client: webApi.WebClient, userId: string): Promise<string | undefined> {
    try {
      const res = await client.users.info({ user: userId });
      const u = res.user;
      const name = [u?.profile?.real_name, u?.real_name, u?.profile?.display_name].map((s) => s?.trim()).find((s) => !!s);
      return name ?? undefined;
    } catch (err) {
      this.logger.warn({ ...describeError(err) }, 'slack users.info failed; using the payload name');
      return undefined;
    }
  }

  private remember(userId: string, name: string): void {
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(userId, { name, until: this.now() + TTL_MS });
  }
}
