// Slash commands through the real Bolt app: signed requests in, ephemeral
// answers out through response_url, a fresh SQLite file per test.
import { describe, expect, it } from 'vitest';
import { addContact, goodForm, PRIVATE } from '../../support/core.ts';
import { loadSlackFixture, postInteraction, postSlashCommand } from '../../support/slack-http.ts';
import { ALICE, OWNER, pause, seededSlackTestPerTest, submission, wire, type SlackTest } from './slack-app.ts';

let s: SlackTest;

seededSlackTestPerTest((started) => (s = started));

type Blocks = { type: string; elements?: { action_id: string; text: { text: string } }[] }[];
const buttons = (blocks: unknown) => (blocks as Blocks).flatMap((b) => b.elements?.filter((e) => 'action_id' in e) ?? []);

async function search(text: string, user = ALICE, tag = 'search') {
  const fields = loadSlackFixture<Record<string, string>>('slash-command', { responseUrl: s.fake.responseUrl(tag) });
  const res = await s.command({ ...fields, text, user_id: user });
  expect(res.status).toBe(200);
  expect(res.text).toBe(''); // acked at once; the answer follows through response_url
  return s.fake.waitFor('response_url', (c) => c.path === `/response/${tag}`);
}

describe('/find-contact', () => {
  it('shows a member ephemeral results with a Request intro button, escaped and without private fields', async () => {
    addContact(s.t, { name: 'Lucas Silva', company: 'Samba <Fintech> & Co', title: 'CTO', tags: ['fintech'], email: null, phone: null, linkedinUrl: null, notes: null });
    const answer = await search('fintech');
    expect(answer.body.response_type).toBe('ephemeral');
    const body = wire(answer);
    expect(body).toContain('Ana Ferreira');
    expect(body).toContain('Samba &lt;Fintech&gt; &amp; Co');
    expect(body).not.toContain('<Fintech>');
    for (const secret of Object.values(PRIVATE)) expect(body).not.toContain(secret);
    expect(buttons(answer.body.blocks).map((b) => b.action_id)).toEqual(expect.arrayContaining(['ib:or:1', 'ib:or:2']));
    expect(buttons(answer.body.blocks)[0]?.text.text).toMatch(/^Request intro to /);
    expect(typeof answer.body.text).toBe('string');
  });

  it('offers a stranger the way to ask to join, not results', async () => {
    const answer = await search('fintech', 'U0009STRNG');
    expect(wire(answer)).not.toContain('Ana Ferreira');
    expect(buttons(answer.body.blocks).map((b) => b.action_id)).toEqual(['ib:oa']);
  });

  it('helps with an empty query and a query with no match', async () => {
    expect(wire(await search('', ALICE, 'empty'))).toContain("Search Sam's vetted contacts");
    expect(wire(await search('zzzqqq', ALICE, 'none'))).toContain('No vetted contacts match');
  });
});

describe('paging', () => {
  it('More results replaces the ephemeral results in place', async () => {
    for (let i = 0; i < 6; i++) addContact(s.t, { name: `Fintech Person ${i}`, company: 'Fintech Co', tags: ['fintech'] });
    const first = await search('fintech');
    const more = buttons(first.body.blocks).find((b) => b.text.text === 'More results');
    expect(more?.action_id).toBe('ib:sp:2:fintech');
    await s.interact(s.click('block-actions-ephemeral', more!.action_id, { tag: 'page2' }));
    const page2 = await s.fake.waitFor('response_url', (c) => c.path === '/response/page2');
    expect(page2.body.replace_original).toBe(true);
    expect(wire(page2)).toContain('Results 6–');
  });
});

describe('/intros and /stats', () => {
  it('/intros lists a member its requests; /stats is for the owner only', async () => {
    const res = await s.command({ command: '/intros', text: '', response_url: s.fake.responseUrl('i') });
    expect(res.status).toBe(200);
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/i'))).toContain("You haven't asked for any introductions yet");

    await s.command({ command: '/stats', text: '', response_url: s.fake.responseUrl('st-member') });
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/st-member'))).toContain('Only Sam can do that');

    await s.command({ command: '/stats', text: '', user_id: OWNER, user_name: 'sam', response_url: s.fake.responseUrl('st-owner') });
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/st-owner'))).toContain('Your network');
  });
});

describe('request verification', () => {
  it('answers 401 to a bad signature and does nothing, even for a good form', async () => {
    const res = await postInteraction(s.url, 'wrong-secret', submission(goodForm));
    expect(res.status).toBe(401);
    const cmd = await postSlashCommand(s.url, 'wrong-secret', { user_id: ALICE, text: 'fintech', response_url: s.fake.responseUrl('bad') });
    expect(cmd.status).toBe(401);
    await pause(150);
    expect(s.t.ctx.store.listRequests()).toHaveLength(0);
    expect(s.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });
});
