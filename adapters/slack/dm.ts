// A direct message from the bot: open (or find) the DM, then post into it. With
// a comma list of user ids (up to 8) the conversation is a group DM of them all.
import type { webApi } from '@slack/bolt';
import type { View } from '../../src/views/view.ts';
import { renderMessage } from './render.ts';

export async function postDm(client: webApi.WebClient, users: string, view: View): Promise<{ channel: string; ts: string }> {
  const opened = await client.conversations.open({ users });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  const posted = await client.chat.postMessage({ channel, ...renderMessage(view) });
  if (!posted.ts) throw new Error('chat.postMessage returned no ts');
  return { channel, ts: posted.ts };
}
