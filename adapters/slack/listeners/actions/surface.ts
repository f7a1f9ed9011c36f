// Where a clicked button was, which decides how an answer reaches the clicker.
import type { BlockAction } from '@slack/bolt';

export type Surface =
  /** A message the bot posted (a DM card): it can be edited with chat.update. */
  | { kind: 'message'; channel: string; ts: string }
  /** An ephemeral message (search results): only its response_url can replace it. */
  | { kind: 'ephemeral' }
  /** The App Home tab: answered by publishing the home again. */
  | { kind: 'home' }
  /** Anywhere else (a modal, an unfurl): answered through response_url. */
  | { kind: 'other' };

export function surfaceOf(body: BlockAction): Surface {
  const c = body.container as { type?: unknown; channel_id?: unknown; message_ts?: unknown; is_ephemeral?: unknown };
  if (c.type === 'view') return body.view?.type === 'home' ? { kind: 'home' } : { kind: 'other' };
  if (c.type !== 'message') return { kind: 'other' };
  if (c.is_ephemeral === true) return { kind: 'ephemeral' };
  if (typeof c.channel_id === 'string' && typeof c.message_ts === 'string') return { kind: 'message', channel: c.channel_id, ts: c.message_ts };
  return { kind: 'ephemeral' };
}
