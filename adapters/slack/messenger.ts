// The outbox's way out to Slack: each message is a DM to its recipient. Several
// recipients (the intro: owner, requester, contact) make one group DM with all
// of them: conversations.open takes them as a comma list (mpim:write) and
// answers with the group's channel. An edit is chat.update of the message sent
// earlier (its ref is `channel:ts`).
// Exactly once across crashes: every post carries the outbox id in its message
// metadata, and a message that was tried before is first looked for in the
// conversation's history (conversations.history), then marked sent if found.
// The outbox owns retries (it backs off, and keeps a lease of 60 s on each
// message), so this client never retries or waits on its own: a rate limit
// becomes a DeliveryError carrying Slack's Retry-After, any other failure is
// thrown and the dispatcher backs off. A client that slept through a
// Retry-After or retried 5xx for 30 minutes (WebClient's default) would outlive
// the lease, and the message could be sent twice.
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.ts';
import { DeliveryError, PermanentDeliveryError, type Messenger } from '../../src/dispatcher.ts';
import type { Logger } from '../../src/ports.ts';
import { boltLogger } from './bolt-logger.ts';
import { findPosted, openDm, postTo } from './dm.ts';
import { renderMessage } from './render.ts';

const SEND_TIMEOUT_MS = 10_000;

export interface MessengerClientOptions {
  /** Per Web API call (default 10 s); kept well under the outbox's 60 s lease. Tests use a shorter one. */
  timeoutMs?: number;
}

export function createMessengerClient(config: SlackConfig, logger: Logger, options: MessengerClientOptions = {}): webApi.WebClient {
  return new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? SEND_TIMEOUT_MS,
    logger: boltLogger(logger),
  });
}

function isRateLimited(err: unknown): err is webApi.WebAPIRateLimitedError {
  return err instanceof Error && (err as { code?: unknown }).code === webApi.ErrorCode.RateLimitedError;
}

/**
 * The users to open a conversation with: one id, or a comma list with no blanks
 * and no repeats (Slack does not document what it does with either).
 */
export function usersOf(recipients: readonly string[]): string {
  return [...new Set(recipients.map((id) => id.trim()).filter((id) => id !== ''))].join(',');
}

/**
 * Slack errors that trying again cannot fix: the person is gone or unreachable
 * by the bot, the conversation does not exist for it, the app lacks a scope, or
 * Slack refuses this very message. The message fails for good and the owner is told.
 */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'user_not_found',
  'users_not_found',
  'cannot_dm_bot',
  'user_disabled',
  'account_inactive',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'not_allowed_token_type',
  'restricted_action',
  'messages_tab_disabled',
  'msg_too_long',
  'invalid_blocks',
  'cant_update_message',
  'message_not_found',
  'edit_window_closed',
]);

function platformErrorCode(err: unknown): string | undefined {
  if (!(err instanceof Error) || (err as { code?: unknown }).code !== webApi.ErrorCode.PlatformError) return undefined;
  const code = (err as webApi.WebAPIPlatformError).data.error;
  return typeof code === 'string' ? code : undefined;
}

function asDeliveryError(err: unknown): unknown {
  if (isRateLimited(err)) return new DeliveryError('slack: rate limited', err.retryAfter * 1000);
  const code = platformErrorCode(err);
  if (code !== undefined && PERMANENT_SLACK_ERRORS.has(code)) return new PermanentDeliveryError(`slack: ${code}`);
  return err; // the dispatcher logs the message (an API error code, no content) and backs off
}

export function createSlackMessenger(client: webApi.WebClient): Messenger {
  return {
    async send(message) {
      try {
        const users = usersOf(message.recipients);
        const mark = { outboxId: message.id, key: message.dedupeKey };
        // An earlier attempt (a crash after Slack accepted the post, or an answer
        // lost to a timeout) may have posted it already: look before posting again.
        const channel = await openDm(client, users);
        const earlier = message.attempts > 1 ? await findPosted(client, channel, mark) : null;
        if (earlier) return { ref: `${channel}:${earlier}` };
        const { ts } = await postTo(client, channel, message.view, mark);
        return { ref: `${channel}:${ts}` };
      } catch (err) {
        throw asDeliveryError(err);
      }
    },
    async update(ref, view) {
      const [channel, ts] = ref.split(':');
      if (!channel || !ts) throw new PermanentDeliveryError('slack: not a message reference');
      try {
        await client.chat.update({ channel, ts, ...renderMessage(view) });
      } catch (err) {
        throw asDeliveryError(err);
      }
    },
  };
}
