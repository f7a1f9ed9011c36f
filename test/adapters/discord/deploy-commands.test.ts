// deploy-commands registers the same definitions the handler routes on, via REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, deployCommands } from '../../../adapters/discord/index.ts';
import { FAKE_IDS, startFakeDiscord, type FakeDiscord } from '../../support/fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake.close();
});

const config = () => ({ token: 'test-token', applicationId: FAKE_IDS.applicationId, apiUrl: fake.apiUrl });

describe('deployCommands', () => {
  it('registers the commands at the guild endpoint when a guild id is set', async () => {
    const result = await deployCommands({ ...config(), guildId: FAKE_IDS.guildId });
    expect(result).toEqual({ scope: 'guild', names: ['find-contact', 'intros', 'stats', 'profile'] });
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${FAKE_IDS.applicationId}/guilds/${FAKE_IDS.guildId}/commands`);
    expect(put.headers.authorization).toBe('Bot test-token');
    expect(put.body).toEqual(commands.map((c) => c.data));
    const [findContact] = put.body as { name: string; description: string; options: unknown[]; contexts: number[] }[];
    expect(findContact).toMatchObject({
      name: 'find-contact',
      contexts: [0, 1],
      options: [{ name: 'query', type: 3, required: true, autocomplete: true, max_length: 200 }],
    });
    for (const c of put.body as { description: string }[]) expect(c.description.length).toBeLessThanOrEqual(100);
  });

  it('registers globally without a guild id', async () => {
    const before = fake.requests.length;
    expect(await deployCommands(config())).toMatchObject({ scope: 'global' });
    const put = fake.requests.slice(before).find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/api/v10/applications/${FAKE_IDS.applicationId}/commands`);
  });
});
