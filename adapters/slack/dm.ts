// A direct message from the bot: open (or find) the DM, then post into it. With
// a comma list of user ids (up to 8) the conversation is a group DM of them all.
import type { webApi } from '@slack/bolt';
import type { View } from '../../src/views/view.ts';
import { renderMessage } from './render.ts';

/** Marks a post as one outbox message's, so a later run can find it (see findPosted). */
export interface PostMark {
  outboxId: number;
  key: string;
}

export const METADATA_EVENT = 'intro_broker_outbox';

export async function openDm(client: webApi.WebClient, users: string): Promise<string> {
  const opened = await client.conversations.open({ users });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  return channel;
}

export async function postDm(client: webApi.WebClient, users: string, view: View, mark?: PostMark): Promise<{ channel: string; ts: string }> {
  return postTo(client, await openDm(client, users), view, mark);
}

/** Posts into a conversation already opened; `mark` goes in the message metadata. */
export async function postTo(client: webApi.WebClient, channel: string, view: View, mark?: PostMark): Promise<{ channel: string; ts: string }> {
  const metadata = mark ? { metadata: { event_type: METADATA_EVENT, event_payload: { outbox_id: mark.outboxId, key: mark.key } } } : {};
  const posted = await client.chat.postMessage({ channel, ...renderMessage(view), ...metadata });
  if (!posted.ts) throw new Error('chat.postMessage returned no ts');
  return { channel, ts: posted.ts };
}

/** How far back a re-send looks: the bot's recent posts in that one conversation. */
const LOOK_BACK = 50;

/**
 * The post an earlier attempt made for this outbox message, if Slack has it:
 * read back from the conversation's history by the metadata the post carries
 * (scopes im:history and mpim:history).
 */
export async function findPosted(client: webApi.WebClient, channel: string, mark: PostMark): Promise<string | null> {
  const history = await client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true });
  const found = (history.messages ?? []).find((m) => {
    if (m.metadata?.event_type !== METADATA_EVENT) return false;
    const payload: Record<string, unknown> = { ...m.metadata.event_payload };
    return payload.outbox_id === mark.outboxId && payload.key === mark.key;
  });
  return found?.ts ?? null;
}
