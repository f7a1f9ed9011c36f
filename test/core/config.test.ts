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
      SLACK_BOT_TOKEN: 'xoxb-1', SLACK_OWNER_ID: 'U1', SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: 'd', DISCORD_APPLICATION_ID: '1', DISCORD_OWNER_ID: '2', DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', ownerId: 'U1', appToken: 'xapp-1' });
    expect(c.discord).toMatchObject({ ownerId: '2', apiUrl: 'http://127.0.0.1:9/api' });
  });
});
