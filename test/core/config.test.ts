import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefghijklmnopqrstuvwxyz012345';
const APP_ID = '123456789012345678';
const OWNER_ID = '223456789012345678';
const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_OWNER_ID: 'U0123ABCD', SLACK_SIGNING_SECRET: 's' };

describe('configuration', () => {
  it('has working defaults with no platform', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ databasePath: './data/intro-broker.db', accessPolicy: 'request', limits: { maxOpenRequestsPerMember: 3, contactIntrosPer90Days: 3, requestExpiryDays: 14 } });
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('names the variable in one clear line per problem', () => {
    expect(problems({ ACCESS_POLICY: 'everyone' })).toEqual([expect.stringMatching(/^ACCESS_POLICY: .*"request".*\(got "everyone"\)$/)]);
    expect(problems({ MAX_OPEN_REQUESTS_PER_MEMBER: 'lots' })[0]).toMatch(/^MAX_OPEN_REQUESTS_PER_MEMBER: /);
    expect(problems({ SLACK_API_URL: 'not a url', SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toMatch(/^SLACK_API_URL: /);
  });

  it('asks for what a half-configured platform is missing, without echoing secrets', () => {
    const p = problems({ SLACK_BOT_TOKEN: 'xoxb-secret-value' });
    expect(p.join('\n')).toContain('SLACK_OWNER_ID: required');
    expect(p.join('\n')).toContain('SLACK_SIGNING_SECRET: required for HTTP mode');
    expect(p.join('\n')).not.toContain('xoxb-secret-value');
    expect(problems({ DISCORD_TOKEN: 't' }).join('\n')).toMatch(/DISCORD_APPLICATION_ID.*\n.*DISCORD_OWNER_ID/);
  });

  it('reads Slack in HTTP or Socket Mode, and Discord', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1', SLACK_OWNER_ID: 'U0123ABCD', SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_OWNER_ID: OWNER_ID, DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', ownerId: 'U0123ABCD', appToken: 'xapp-1' });
    expect(c.discord).toMatchObject({ ownerId: OWNER_ID, apiUrl: 'http://127.0.0.1:9/api' });
  });

  it('catches swapped and mistyped Slack tokens without echoing them', () => {
    const swapped = problems({ SLACK_BOT_TOKEN: 'xapp-1-secret', SLACK_APP_TOKEN: 'xoxb-2-secret', SLACK_OWNER_ID: 'U0123ABCD' });
    expect(swapped).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: this is an app-level token \(xapp-…\), it belongs in SLACK_APP_TOKEN/),
      expect.stringMatching(/^SLACK_APP_TOKEN: this is the bot token \(xoxb-…\), it belongs in SLACK_BOT_TOKEN/),
    ]);
    expect(swapped.join('\n')).not.toMatch(/secret/);
    expect(problems({ ...SLACK_HTTP, SLACK_BOT_TOKEN: 'xoxp-user' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: this is a user token/)]);
  });

  it('wants ids, not names: Slack member ids and Discord snowflakes', () => {
    expect(problems({ ...SLACK_HTTP, SLACK_OWNER_ID: '@sam' })).toEqual([expect.stringMatching(/^SLACK_OWNER_ID: must be a Slack member id like U0123ABCD.*\(got "@sam"\)$/)]);
    expect(loadConfig({ ...SLACK_HTTP, SLACK_OWNER_ID: 'W0123ABCD' }).slack?.ownerId).toBe('W0123ABCD');
    const discord = problems({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: 'my-app', DISCORD_OWNER_ID: 'sam#1234', DISCORD_GUILD_ID: '12' });
    expect(discord.map((p) => p.split(':')[0])).toEqual(['DISCORD_OWNER_ID', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID']);
    expect(problems({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_OWNER_ID: OWNER_ID, DISCORD_GUILD_ID: `${APP_ID},${OWNER_ID}` })).toEqual([]);
    expect(problems({ DISCORD_TOKEN: 'Bot ' + DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_OWNER_ID: OWNER_ID })).toEqual(['DISCORD_TOKEN: leave out the "Bot " prefix, paste only the token']);
    expect(problems({ DISCORD_TOKEN: 'client-secret-value', DISCORD_APPLICATION_ID: APP_ID, DISCORD_OWNER_ID: OWNER_ID })[0]).toMatch(/^DISCORD_TOKEN: does not look like a bot token/);
  });

  it('needs a real PORT in Slack HTTP mode only; the demo and Socket Mode ignore it', () => {
    expect(problems({ ...SLACK_HTTP, PORT: '' })).toEqual([expect.stringMatching(/^PORT: .*set a number from 1 to 65535.*\(it is empty\)$/)]);
    expect(problems({ ...SLACK_HTTP, PORT: 'abc' })).toEqual([expect.stringMatching(/^PORT: .*\(got "abc"\)$/)]);
    expect(loadConfig({ ...SLACK_HTTP }).slack?.port).toBe(3000);
    expect(loadConfig({ ...SLACK_HTTP, PORT: '8080' }).slack?.port).toBe(8080);
    expect(problems({ PORT: 'abc' })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_OWNER_ID: 'U0123ABCD', SLACK_APP_TOKEN: 'xapp-1', PORT: '' })).toEqual([]);
  });

  it('reads an optional HEALTH_PORT', () => {
    expect(loadConfig({ HEALTH_PORT: '9090' }).healthPort).toBe(9090);
    expect(loadConfig({ HEALTH_PORT: '' }).healthPort).toBeUndefined();
    expect(problems({ HEALTH_PORT: 'x' })).toEqual([expect.stringMatching(/^HEALTH_PORT: /)]);
  });
});
