// Issue 10, situation 8 on Slack: with SLACK_TEAM_ID set, a request from any
// other workspace is refused politely, under every access policy, before the
// core sees it; the bot's own workspace works as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact, goodForm } from '../../support/core.ts';
import { ALICE, startSlackTest, submission, wire, type SlackTest } from './slack-app.ts';

const HOME = 'T0001AAAA';
const OTHER = 'T0009OTHER';
let s: SlackTest;

beforeEach(async () => {
  // Open: anyone who reaches the bot would be a member, which is exactly what the team check must hold back.
  s = await startSlackTest({ config: { teamId: HOME }, policy: { accessPolicy: 'open' } });
  addContact(s.t, { vetted: true });
});
afterEach(async () => {
  await s.close();
});

describe('8. SLACK_TEAM_ID limits the bot to one workspace', () => {
  it('a slash command from another workspace gets a polite refusal and no results; from the home workspace it searches', async () => {
    const refused = await s.command({ command: '/find-contact', text: 'payments', team_id: OTHER, user_id: 'U0009OUTSD' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining("only serves Sam's own workspace") as string });
    expect(JSON.stringify(refused.body)).not.toContain('Ana Ferreira');
    expect(s.t.ctx.store.listMembers()).toEqual([]); // not admitted, even under the open policy

    expect((await s.command({ command: '/find-contact', text: 'payments', team_id: HOME, user_id: ALICE, response_url: s.fake.responseUrl('home') })).status).toBe(200);
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/home'))).toContain('Ana Ferreira');
  });

  it('a modal submitted from another workspace is refused in the form and makes no request', async () => {
    const payload = submission(goodForm);
    payload.team = { id: OTHER, domain: 'other' };
    payload.user = { id: 'U0009OUTSD', username: 'out', name: 'out', team_id: OTHER };
    const res = await s.interact(payload);
    expect(res.body).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(res.body)).toContain("only serves Sam's own workspace");
    expect(s.t.ctx.store.listRequests()).toEqual([]);
  });

  it('a button clicked from another workspace is answered through its response_url with the refusal', async () => {
    const click = s.click('block-actions-request-intro', 'ib:or:1', { user: 'U0009OUTSD', tag: 'outside' });
    click.team = { id: OTHER, domain: 'other' };
    (click.user as Record<string, unknown>).team_id = OTHER;
    expect((await s.interact(click)).status).toBe(200);
    const answer = await s.fake.waitFor('response_url', (c) => c.path === '/response/outside');
    expect(wire(answer)).toContain("only serves Sam's own workspace");
    expect(s.fake.callsTo('views.open')).toEqual([]);
  });
});
