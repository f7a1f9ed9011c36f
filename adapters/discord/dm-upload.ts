// The owner sends Connections.csv to the bot in a DM: a MESSAGE_CREATE with an
// attachment. Receiving DMs needs the DirectMessages intent and the Channel
// partial (DM channels are not cached; see client.ts); attachments in DMs come
// without the privileged MessageContent intent. The file is fetched from its
// CDN url, imported by the CLI's importer (adapters/cli/import/upload.ts), and
// the CLI's summary is the answer. Only the owner's files are read; nothing of
// a file is logged. Free text in DMs is not answered, as on Slack.
import { Routes, type Client, type Message } from 'discord.js';
import { importUpload, looksLikeCsv, MAX_UPLOAD_BYTES, refuseUpload } from '../cli/import/upload.ts';
import type { CoreContext } from '../../src/context.ts';
import type { Logger } from '../../src/ports.ts';
import { message } from '../../src/views/notices.ts';
import type { View } from '../../src/views/view.ts';
import { actorOf, describeError, SORRY } from './deps.ts';
import { renderView } from './render.ts';

/** Where attachments may be fetched from: Discord's CDN, and the API host configured for tests. */
export function attachmentOrigins(apiUrl: string | undefined): string[] {
  return ['https://cdn.discordapp.com', 'https://media.discordapp.net', ...(apiUrl ? [new URL(apiUrl).origin] : [])];
}

export function createDmUploadHandler(deps: { ctx: CoreContext; logger: Logger; client: Client; origins: string[] }) {
  const reply = (channelId: string, view: View) => deps.client.rest.post(Routes.channelMessages(channelId), { body: { ...renderView(view), allowed_mentions: { parse: [] } } });
  return async (msg: Message): Promise<void> => {
    if (msg.author.bot || msg.guildId !== null || msg.attachments.size === 0) return;
    const actor = actorOf(msg.author);
    try {
      const refused = refuseUpload(deps.ctx, actor);
      if (refused) return void (await reply(msg.channelId, refused));
      for (const file of msg.attachments.values()) {
        if (!looksLikeCsv(file.name, file.size)) {
          await reply(msg.channelId, message(`I import contacts from a .csv file of at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, such as LinkedIn's Connections.csv. "${file.name}" was not imported.`));
          continue;
        }
        const bytes = await download(file.url, deps.origins);
        await reply(msg.channelId, bytes ? await importUpload(deps.ctx, actor, { name: file.name, bytes }) : message("I couldn't download that file from Discord. Please send it again."));
      }
    } catch (err) {
      deps.logger.error(describeError(err), 'discord: file import failed');
      await reply(msg.channelId, message(SORRY)).catch(() => undefined);
    }
  };
}

async function download(url: string, origins: string[]): Promise<Uint8Array | null> {
  if (!origins.includes(new URL(url).origin)) return null;
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
  if (!res.ok || Number(res.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return null;
  return new Uint8Array(await res.arrayBuffer());
}
