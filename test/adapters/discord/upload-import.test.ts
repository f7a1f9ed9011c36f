// The owner sends Connections.csv to the bot in a DM on Discord: the real
// discord.js client receives a gateway MESSAGE_CREATE with an attachment (DM
// intent, Channel partial), fetches the file from the fake's CDN, imports it,
// and answers in the DM with the CLI's own summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliImportLines } from '../../support/cli-import.ts';
import { addContact } from '../../support/core.ts';
import { ALICE, dmChannelIdFor, dmMessageWithAttachment } from '../../support/fake-discord.ts';
import { addDiscordMember, expectNoPingsAnywhere, OWNER, startBot, textOf, type BotHarness } from './bot-harness.ts';

const CONNECTIONS = join(import.meta.dirname, '../../fixtures/csv/linkedin-3-preamble.csv');
let h: BotHarness;

beforeEach(async () => {
  h = await startBot();
  addDiscordMember(h);
  addContact(h.t);
});
afterEach(async () => {
  await h.close();
});

async function sendFile(user: typeof OWNER, name = 'Connections.csv', bytes: Uint8Array | string = readFileSync(CONNECTIONS)): Promise<string> {
  const url = h.fake.serveFile(name, bytes);
  await h.fake.dispatch('MESSAGE_CREATE', dmMessageWithAttachment(user, { filename: name, url, size: Buffer.from(bytes).length }));
  const answer = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/api/v10/channels/${dmChannelIdFor(user.id)}/messages`, 3000);
  // The fake records a request before answering it; wait (bounded) for the answer too.
  for (let i = 0; i < 200 && answer.response === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(answer.response?.status).toBe(200);
  return textOf(answer.body);
}

const downloads = () => h.fake.requests.filter((r) => r.path.startsWith('/attachments/'));
const contactNames = () => h.t.ctx.store.listContacts().map((c) => c.name).sort();

describe('Discord: import by upload', () => {
  it('asks the gateway for DMs', async () => {
    const identify = await h.fake.ready;
    expect(Number(identify.intents) & GatewayIntentBits.DirectMessages).toBe(GatewayIntentBits.DirectMessages);
  });

  it("imports the owner's Connections.csv and answers with the CLI's summary, echoing no private value", async () => {
    const answer = await sendFile(OWNER);
    expect(downloads()).toHaveLength(1);
    for (const line of await cliImportLines(CONNECTIONS, 'Connections.csv')) expect(answer).toContain(line.replace(/[*_~`|>]/g, (m) => `\\${m}`));
    expect(answer).toContain('Imported 4 rows from Connections.csv: 4 added');
    expect(answer).not.toMatch(/jose\.nunez@example\.com|linkedin\.com\/in/);
    expect(contactNames()).toEqual(['Ada Lovelace', 'Alan Turing', 'Ana Ferreira', 'Grace Hopper', 'José Núñez']);
    expect(JSON.stringify(h.logs)).not.toContain('Lovelace');
    expectNoPingsAnywhere(h.fake);
  });

  it("never reads a member's file, and says so kindly", async () => {
    expect(await sendFile(ALICE)).toContain('Only Sam can import contacts');
    expect(downloads()).toHaveLength(0);
    expect(contactNames()).toEqual(['Ana Ferreira']);
  });

  it('explains a file that is not a CSV', async () => {
    expect(await sendFile(OWNER, 'photo.png', 'not a csv')).toContain('was not imported');
    expect(downloads()).toHaveLength(0);
  });
});
