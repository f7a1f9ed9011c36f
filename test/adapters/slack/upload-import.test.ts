// The owner sends Connections.csv to the bot in a DM: the real Bolt app gets
// the message.im file_share event, downloads the file from the fake Slack with
// the bot token, imports it and answers with the CLI's own summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliImportLines } from '../../support/cli-import.ts';
import { loadSlackFixture } from '../../support/slack-http.ts';
import { ALICE, OWNER, pause, postsTo, seededSlackTestPerTest, wire, type SlackTest } from './slack-app.ts';

const CONNECTIONS = join(import.meta.dirname, '../../fixtures/csv/linkedin-3-preamble.csv');
let s: SlackTest;

seededSlackTestPerTest((started) => (s = started));

/** The fixture event: `user` shares a file served by the fake. */
function fileShare(user: string, opts: { eventId?: string; name?: string; body?: string; contentType?: string } = {}): Record<string, unknown> {
  const envelope = loadSlackFixture('message-im-file-share');
  const event = envelope.event as { user: string; channel: string; files: Record<string, unknown>[] };
  const name = opts.name ?? 'Connections.csv';
  event.user = user;
  event.channel = `D${user}`;
  event.files[0] = { ...event.files[0], user, name, url_private_download: s.fake.serveFile(name, opts.body ?? readFileSync(CONNECTIONS), opts.contentType) };
  envelope.event_id = opts.eventId ?? 'Ev0001FILE';
  return envelope;
}

const contactNames = () => s.t.ctx.store.listContacts().map((c) => c.name).sort();

describe('Slack: import by upload', () => {
  it("imports the owner's Connections.csv and answers with the CLI's summary, echoing no private value", async () => {
    expect((await s.event(fileShare(OWNER))).status).toBe(200);
    const download = await s.fake.waitFor('file_download');
    expect(download.headers.authorization).toBe('Bearer xoxb-test');
    const answer = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${OWNER}`);
    for (const line of await cliImportLines(CONNECTIONS, 'Connections.csv')) expect(wire(answer)).toContain(JSON.stringify(line).slice(1, -1));
    expect(wire(answer)).toContain('Imported 4 rows from Connections.csv: 4 added');
    expect(wire(answer)).not.toMatch(/jose\.nunez@example\.com|linkedin\.com\/in/);
    expect(contactNames()).toEqual(['Ada Lovelace', 'Alan Turing', 'Ana Ferreira', 'Grace Hopper', 'José Núñez']);
    expect(JSON.stringify(s.logs)).not.toContain('Lovelace');
  });

  it('handles a re-sent event once (Slack retries; Bolt does not dedupe)', async () => {
    await s.event(fileShare(OWNER));
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${OWNER}`);
    await s.event(fileShare(OWNER), { retryNum: 1, retryReason: 'http_timeout' });
    await pause(200);
    expect(s.fake.callsTo('file_download')).toHaveLength(1);
    expect(postsTo(s.fake, `D${OWNER}`)).toHaveLength(1);
  });

  it("never reads a member's file, and says so kindly", async () => {
    await s.event(fileShare(ALICE, { eventId: 'Ev0002FILE' }));
    const answer = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${ALICE}`);
    expect(wire(answer)).toContain('Only Sam can import contacts');
    expect(s.fake.callsTo('file_download')).toHaveLength(0);
    expect(contactNames()).toEqual(['Ana Ferreira']);
  });

  it('explains a file that is not a CSV, and a download Slack refused (no files:read)', async () => {
    await s.event(fileShare(OWNER, { eventId: 'Ev0003FILE', name: 'photo.png' }));
    expect(wire(await s.fake.waitFor('chat.postMessage'))).toContain('photo.png\\" was not imported');
    await s.event(fileShare(OWNER, { eventId: 'Ev0004FILE', body: '<html>Sign in</html>', contentType: 'text/html' }));
    expect(wire(await s.fake.waitFor('chat.postMessage', (c) => wire(c).includes('files:read')))).toContain('reinstall');
    expect(contactNames()).toEqual(['Ana Ferreira']);
  });
});
