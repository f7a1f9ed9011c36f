// The outbox's way out to Discord: each message is a DM to its recipient,
// opened with POST /users/@me/channels and sent without pinging anyone.
// Retries belong to the outbox (it backs off and keeps a 60 s lease on each
// message), so a failure here is thrown, never waited out:
//  - 50007 (the user's DMs are closed to the bot) waits an hour: the user has
//    to change a setting first. The recipient is remembered as unreachable so
//    the person who caused the message can be told (see run-core.ts).
//  - a rate limit longer than the client's patience (client.ts) comes back as
//    a RateLimitError and is retried after Discord's retry-after.
// Every DM carries a nonce derived from the outbox message and the recipient,
// with enforce_nonce: Discord then returns the message it already created for
// that nonce (for a few minutes) instead of creating a second one. So a retry
// after a lost answer (a timeout after Discord created the message), or a
// restart between a send and the outbox marking it sent, does not double it.
import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, RESTJSONErrorCodes, Routes, type Client } from 'discord.js';
import { DeliveryError, PermanentDeliveryError, type Messenger } from '../../src/dispatcher.ts';
import type { OutboxMessage } from '../../src/ports.ts';
import type { View } from '../../src/views/view.ts';
import { renderView } from './render.ts';
import { NO_MENTIONS } from './text.ts';

export const DMS_CLOSED_RETRY_MS = 60 * 60_000;
/** Closed DMs (50007) are tried this many times, an hour apart, then the message fails and the owner is told. */
export const DMS_CLOSED_MAX_ATTEMPTS = 4;

export interface DiscordMessenger extends Messenger {
  /** True when the last DM to this user failed because their DMs are closed. */
  isClosed(userId: string): boolean;
}

/** The distinct, non-blank user ids a message goes to (several for a group message: an intro). */
export const recipientsOf = (recipients: readonly string[]): string[] => [...new Set(recipients.map((id) => id.trim()).filter(Boolean))];

export function createDiscordMessenger(client: Client): DiscordMessenger {
  const closed = new Set<string>();
  // A bot cannot open a group DM, so a group message goes to each person alone.
  // Who already got it is kept per outbox message, so a retry after one closed
  // DM does not send the others a second copy. After a restart this memory is
  // gone; the nonce (dmNonce) makes Discord answer the re-send of a DM it
  // already created with that message instead of a copy (see README).
  const partial = new Map<number, Map<string, string>>();

  return {
    isClosed: (userId) => closed.has(userId),
    async send(message: OutboxMessage) {
      const people = recipientsOf(message.recipients);
      const refs = partial.get(message.id) ?? new Map<string, string>();
      let anyClosed = false;
      for (const userId of people) {
        if (refs.has(userId)) continue;
        try {
          refs.set(userId, await sendDm(client, userId, message.view, dmNonce(message, userId)));
          closed.delete(userId);
        } catch (err) {
          if (!isDmsClosed(err)) {
            partial.set(message.id, refs);
            throw asDeliveryError(err);
          }
          if (message.attempts >= DMS_CLOSED_MAX_ATTEMPTS) {
            partial.set(message.id, refs);
            throw new PermanentDeliveryError(`discord: DMs closed (50007) after ${message.attempts} attempts`);
          }
          closed.add(userId);
          anyClosed = true;
        }
      }
      if (anyClosed) {
        partial.set(message.id, refs);
        throw new DeliveryError('discord: DMs closed (50007)', DMS_CLOSED_RETRY_MS);
      }
      partial.delete(message.id);
      return { ref: people.map((id) => refs.get(id)).join(',') };
    },
    async update(ref, view) {
      // A group message was one DM each: every copy is edited.
      for (const one of ref.split(',')) {
        const [channelId, messageId] = one.split(':');
        if (!channelId || !messageId) throw new PermanentDeliveryError('discord: not a message reference');
        try {
          await client.rest.patch(Routes.channelMessage(channelId, messageId), { body: { ...renderView(view), allowed_mentions: { parse: [] } } });
        } catch (err) {
          throw asDeliveryError(err);
        }
      }
    },
  };
}

function isDmsClosed(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
}

/**
 * Discord errors that trying again cannot fix: the user or channel does not
 * exist (for the bot), the bot lacks access, or Discord refuses this very message.
 */
export const PERMANENT_DISCORD_ERRORS: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.UnknownUser, // 10013
  RESTJSONErrorCodes.UnknownChannel, // 10003
  RESTJSONErrorCodes.UnknownMessage, // 10008 (an edit of a message that is gone)
  RESTJSONErrorCodes.MissingAccess, // 50001
  RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser, // 50005
  RESTJSONErrorCodes.InvalidRecipients, // 50033
  RESTJSONErrorCodes.InvalidFormBodyOrContentType, // 50035
]);

function asDeliveryError(err: unknown): unknown {
  if (err instanceof RateLimitError) return new DeliveryError('discord: rate limited', err.retryAfter);
  if (err instanceof DiscordAPIError && typeof err.code === 'number' && PERMANENT_DISCORD_ERRORS.has(err.code)) {
    return new PermanentDeliveryError(`discord: ${err.message} (${err.code})`);
  }
  return err; // the dispatcher logs the error (a code, no content) and backs off
}

/**
 * The nonce of one outbox message's DM to one person: the same on every attempt
 * and in every process, different for each recipient (Discord checks a nonce
 * against everything the bot sent recently, in any channel) and at most 25
 * characters, Discord's limit.
 */
export function dmNonce(message: Pick<OutboxMessage, 'id' | 'dedupeKey'>, userId: string): string {
  const digest = createHash('sha256').update(`${message.id}\n${message.dedupeKey}\n${userId}`).digest('hex');
  return `ib${digest.slice(0, 23)}`;
}

/** Returns `channelId:messageId`, enough to edit the message later. */
async function sendDm(client: Client, userId: string, view: View, nonce: string): Promise<string> {
  // createDM caches the channel, so a second message to the same person skips the POST.
  const channel = await client.users.createDM(userId);
  const sent = await channel.send({ ...renderView(view), allowedMentions: NO_MENTIONS, nonce, enforceNonce: true });
  return `${sent.channelId}:${sent.id}`;
}
