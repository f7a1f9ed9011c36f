// The owner uploads Connections.csv in a DM with the bot (a message.im event
// with subtype file_share). The file is downloaded from url_private_download
// with the bot token (scope files:read), imported by the CLI's importer
// (adapters/cli/import/upload.ts), and the CLI's summary goes back as a DM.
// Only the owner's files are read; the bot token is only ever sent to Slack's
// file host (or the configured test API host). Nothing of the file is logged.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { importUpload, looksLikeCsv, MAX_UPLOAD_BYTES, refuseUpload } from '../../../cli/import/upload.ts';
import { message } from '../../../../src/views/notices.ts';
import { describeError, slackActor, SORRY, type SlackDeps } from '../../deps.ts';
import { postDm } from '../../dm.ts';

export type MessageArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

interface SharedFile {
  name?: string;
  size?: number;
  url_private_download?: string;
}

interface FileShareEvent {
  subtype?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  files?: SharedFile[];
}

/** The hosts the bot token may be sent to: Slack's file host, and the API host configured for tests. */
export function fileOrigins(apiUrl: string | undefined): string[] {
  return ['https://files.slack.com', ...(apiUrl ? [new URL(apiUrl).origin] : [])];
}

export function fileShared(deps: SlackDeps, files: { token: string; origins: string[] }) {
  return async ({ event, body, client }: MessageArgs): Promise<void> => {
    const e = event as FileShareEvent;
    if (e.channel_type !== 'im' || e.subtype !== 'file_share' || !e.user || e.bot_id || !e.files?.length) return;
    if (!deps.seen.add(`event:${(body as { event_id?: string }).event_id ?? ''}`)) return;
    const actor = slackActor(e.user);
    try {
      const refused = refuseUpload(deps.ctx, actor);
      if (refused) return void (await postDm(client, e.user, refused));
      for (const file of e.files) {
        const name = file.name ?? 'file';
        if (!looksLikeCsv(name, file.size) || !file.url_private_download) {
          await postDm(client, e.user, message(`I import contacts from a .csv file of at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, such as LinkedIn's Connections.csv. "${name}" was not imported.`));
          continue;
        }
        const bytes = await download(file.url_private_download, files);
        await postDm(client, e.user, bytes ? await importUpload(deps.ctx, actor, { name, bytes }) : message(DOWNLOAD_FAILED));
      }
    } catch (err) {
      deps.logger.error({ ...describeError(err) }, 'slack file import failed');
      await postDm(client, e.user, message(SORRY)).catch(() => undefined);
    }
  };
}

const DOWNLOAD_FAILED =
  "I couldn't download that file from Slack. If this keeps happening, the app may lack the files:read scope: add it in the app's settings and reinstall the app.";

/** The file's bytes, or null when Slack did not hand them over (no scope: Slack answers with an HTML page). */
async function download(url: string, files: { token: string; origins: string[] }): Promise<Uint8Array | null> {
  if (!files.origins.includes(new URL(url).origin)) return null;
  const res = await fetch(url, { headers: { authorization: `Bearer ${files.token}` }, redirect: 'error', signal: AbortSignal.timeout(30_000) });
  if (!res.ok || (res.headers.get('content-type') ?? '').includes('text/html')) return null;
  if (Number(res.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return null;
  return new Uint8Array(await res.arrayBuffer());
}
