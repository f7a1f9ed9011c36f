// What every listener receives. Built once in app.ts; a test can build its own.
import type { CoreContext } from '../../src/context.ts';
import type { Actor } from '../../src/domain.ts';
import type { Logger } from '../../src/ports.ts';
import type { RecentKeys } from './recent-keys.ts';
import type { SlackNames } from './names.ts';
import type { SearchOffload } from './search-worker.ts';

export interface SlackDeps {
  ctx: CoreContext;
  logger: Logger;
  /** Delivers what an interaction queued (owner cards, notices) now, not at the next poll. */
  kick(): void;
  /** Deliveries already handled: Slack re-sends events, and Bolt does not dedupe them. */
  seen: RecentKeys;
  /** Real names from users.info, cached (see names.ts). */
  names: SlackNames;
  /** Where /find-contact is searched off the acking event loop; inline when absent. */
  search?: SearchOffload;
}

export const slackActor = (userId: string, displayName?: string): Actor => ({
  platform: 'slack',
  userId,
  ...(displayName ? { displayName } : {}),
});

/** Only what is safe to log: no message text, no form values, no payloads. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: typeof err };
  const code = (err as { code?: unknown }).code;
  return { error: err.name, ...(typeof code === 'string' ? { code } : {}), message: err.message.slice(0, 200) };
}

/** Shown when something failed on our side; the details went to the log. */
export const SORRY = 'Sorry, something went wrong on our side. Please try again in a minute.';
