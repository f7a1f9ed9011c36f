// Issue 10, situation 8 on Discord: DISCORD_GUILD_ID (one or more servers)
// decides who is a member under every access policy. An interaction from
// another server, or a DM from someone who shares none of them, is refused
// politely; the servers' own people and the owner go on as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../support/core.ts';
import { ALICE, apiUser, FAKE_IDS, slashCommand } from '../../support/fake-discord.ts';
import { dataOf, OWNER, startBot, textOf, type BotHarness } from './bot-harness.ts';

const SECOND_GUILD = '1200000000000000002';
const ELSEWHERE = '1299999999999999999';
const OUTSIDER = apiUser('1100000000000000077', 'out.sider', 'Out Sider');

let h: BotHarness;
beforeEach(async () => {
  // Open: anyone who reaches the bot would be a member, which is exactly what the server check must hold back.
  h = await startBot({ accessPolicy: 'open' }, { config: { guildIds: [FAKE_IDS.guildId, SECOND_GUILD] } });
  addContact(h.t, { vetted: true });
  // Discord's GET /guilds/{guild}/members/{user}: Alice is in the second server; no one else is anywhere.
  h.fake.on('GET', /\/guilds\/(\d+)\/members\/(\d+)$/, (_req, m) =>
    m[1] === SECOND_GUILD && m[2] === ALICE.id ? { status: 200, body: { user: ALICE, roles: [], joined_at: new Date().toISOString() } } : { status: 404, body: { code: 10007, message: 'Unknown Member' } },
  );
});
afterEach(async () => {
  await h.close();
});

const search = (user = ALICE, guildId: string | null = FAKE_IDS.guildId) => h.interact(slashCommand({ name: 'find-contact', user, guildId, options: { query: 'payments' } }));
const REFUSAL = /only serves Sam's own workspace or server/;

describe('8. DISCORD_GUILD_ID decides who may use the bot', () => {
  it('in a configured server (either of them), a search works', async () => {
    expect(textOf(dataOf(await search(ALICE, FAKE_IDS.guildId)))).toContain('Ana Ferreira');
    expect(textOf(dataOf(await search(OUTSIDER, SECOND_GUILD)))).toContain('Ana Ferreira');
  });

  it('from another server, a polite ephemeral refusal, no results, and no one admitted (even under the open policy)', async () => {
    const data = dataOf(await search(OUTSIDER, ELSEWHERE));
    expect(data.flags).toBe(64);
    expect(textOf(data)).toMatch(REFUSAL);
    expect(textOf(data)).not.toContain('Ana Ferreira');
    expect(h.t.ctx.store.listMembers()).toEqual([]);
  });

  it('in a DM: someone who shares an allowed server is served, someone who shares none is refused, the owner always', async () => {
    expect(textOf(dataOf(await search(ALICE, null)))).toContain('Ana Ferreira');
    const refused = dataOf(await search(OUTSIDER, null));
    expect(textOf(refused)).toMatch(REFUSAL);
    expect(textOf(dataOf(await h.interact(slashCommand({ name: 'intros', user: OWNER, guildId: null }))))).not.toMatch(REFUSAL);
    expect(h.t.ctx.store.listMembers().map((m) => m.userId)).toEqual([ALICE.id]);
  });
});

describe('6. a Discord display name is cleaned like form text', () => {
  it('a right-to-left override and zero-width characters in global_name never reach the store or a card', async () => {
    const tricky = apiUser('1100000000000000078', 'tricky', 'Zed \u202Efdp.exe\u202C\u200B');
    expect(textOf(dataOf(await search(tricky, FAKE_IDS.guildId)))).toContain('Ana Ferreira');
    expect(h.t.ctx.store.findMember('discord', tricky.id)?.displayName).toBe('Zed fdp.exe');
  });
});
