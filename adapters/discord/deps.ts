// What every handler receives. Built once in client.ts; a test can build its own.
import type { User } from 'discord.js';
import type { CoreContext } from '../../src/context.ts';
import type { Dispatcher } from '../../src/dispatcher.ts';
import type { Actor } from '../../src/domain.ts';
import type { Logger } from '../../src/ports.ts';
import type { GuildGate } from './access.ts';

export interface DiscordDeps {
  ctx: CoreContext;
  logger: Logger;
  /** The outbox: run a pass right after an interaction queued something (owner cards, notices). */
  outbox: Pick<Dispatcher, 'runOnce'>;
  /** Whose DMs were closed (50007) the last time the messenger tried them. */
  dms: { isClosed(userId: string): boolean };
  /** Who may use the bot (DISCORD_GUILD_ID); absent: everyone who reaches it. */
  gate?: GuildGate;
}

export function actorOf(user: Pick<User, 'id' | 'globalName' | 'username'>): Actor {
  return { platform: 'discord', userId: user.id, displayName: user.globalName ?? user.username };
}

/** Only what is safe to log: an error's name, code and first words; never form values or payloads. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: typeof err };
  const { code, status } = err as { code?: unknown; status?: unknown };
  return {
    error: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    message: err.message.slice(0, 200),
  };
}

/** Shown when something failed on our side; the details went to the log. */
export const SORRY = 'Sorry, something went wrong on our side. Please try again in a minute.';
