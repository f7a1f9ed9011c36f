// The owner's triage deck on Slack, through the real Bolt app against the fake
// Slack: /triage answers with the first card, every click replaces the card with
// the next (through the click's response_url), Tag opens a modal whose submit
// replaces the card too, and no one but the owner gets a card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../support/fake-slack.ts';
import { seedRolodex } from '../../support/rolodex.ts';
import { ALICE, OWNER, startSlackTest, wire, type SlackTest } from './slack-app.ts';

let s: SlackTest;
beforeEach(async () => {
  s = await startSlackTest();
});
afterEach(async () => {
  await s.close();
});

interface SlackBlock {
  type: string;
  text?: { text: string };
  elements?: { action_id: string; text: { text: string } }[];
}

const blocksOf = (call: RecordedCall) => call.body.blocks as SlackBlock[];
const buttons = (call: RecordedCall) => blocksOf(call).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
const button = (call: RecordedCall, label: string) => {
  const b = buttons(call).find((e) => e.text.text === label);
  if (!b) throw new Error(`no "${label}" button in ${wire(call)}`);
  return b.action_id;
};

async function triageCommand(text = '', tag = 'cmd'): Promise<RecordedCall> {
  await s.command({ command: '/triage', text, user_id: OWNER, user_name: 'sam', channel_id: `D${OWNER}`, response_url: s.fake.responseUrl(tag) });
  return s.fake.waitFor('response_url', (c) => c.path === `/response/${tag}`);
}

/** The owner clicks a button on the (ephemeral) card; the next card comes back through that click's response_url. */
async function click(actionId: string, tag: string): Promise<RecordedCall> {
  await s.interact(s.click('block-actions-ephemeral', actionId, { user: OWNER, tag }));
  return s.fake.waitFor('response_url', (c) => c.path === `/response/${tag}`);
}

describe('/triage on Slack', () => {
  it('goes through 300 generated contacts, each click replacing the card with the next', async () => {
    seedRolodex(s.t.ctx.store, 300);
    let card = await triageCommand();
    expect(wire(card)).toContain('Triage 1 of 300');
    const labels = ['Vet', 'Vet as close', 'Skip', 'Opt out'];
    for (let i = 0; i < 300; i++) {
      card = await click(button(card, labels[i % 4]!), `c${i}`);
      expect(card.body.replace_original).toBe(true);
      if (i < 299) expect(wire(card)).toContain(`Triage ${i + 2} of 300`);
    }
    expect(wire(card)).toContain('Done: 300 contacts handled in this deck');
    expect(wire(card)).toContain('75 skipped contacts wait');
    const all = s.t.ctx.store.listContacts();
    expect(all.filter((c) => c.vetted)).toHaveLength(150);
    expect(all.filter((c) => c.strength === 'close')).toHaveLength(75);
    expect(all.filter((c) => !c.openToIntros)).toHaveLength(75);
    // Skipped ones stay out of a new deck until asked for.
    expect(wire(await triageCommand('', 'again'))).toContain('Nothing to triage');
    expect(wire(await triageCommand('skipped', 'back'))).toContain('Triage 1 of 75 (skipped ones included)');
  }, 90_000);

  it('shows what tells namesakes apart, the LinkedIn URL to the owner only', async () => {
    seedRolodex(s.t.ctx.store, 2);
    const card = await triageCommand('company');
    const text = wire(card);
    // By company: Goodyear before Google.
    expect(text).toMatch(/#2 Aisha Andersson/);
    expect(text).toContain('Goodyear');
    expect(text).toContain('Connected on');
    expect(text).toContain('4 Jan 2020');
    expect(text).toContain('https://www.linkedin.com/in/generated-1');
    expect(buttons(card).map((b) => b.text.text)).toEqual(['Vet', 'Vet as close', 'Skip', 'Opt out', 'Tag…']);

    s.t.ctx.store.saveMember({ platform: 'slack', userId: ALICE, displayName: 'Alice', status: 'member', at: s.t.ctx.clock.now().toISOString() });
    await s.command({ command: '/triage', text: '', user_id: ALICE, response_url: s.fake.responseUrl('alice') });
    const refused = wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/alice'));
    expect(refused).toContain('Only Sam can do that');
    expect(refused).not.toContain('linkedin');
    // A member replaying the owner's button changes nothing.
    await s.interact(s.click('block-actions-ephemeral', button(card, 'Vet'), { user: ALICE, tag: 'forged' }));
    await s.fake.waitFor('response_url', (c) => c.path === '/response/forged');
    expect(s.t.ctx.store.listContacts({ vetted: true })).toEqual([]);
  });

  it('Tag opens a modal; its submit tags, vets and replaces the card with the next', async () => {
    seedRolodex(s.t.ctx.store, 2);
    const card = await triageCommand();
    await s.interact(s.click('block-actions-ephemeral', button(card, 'Tag…'), { user: OWNER, tag: 'tagclick' }));
    const open = await s.fake.waitFor('views.open');
    const view = open.body.view as { private_metadata: string; title: { text: string } };
    expect(view.title.text).toBe('Tag and vet');
    const submit = {
      type: 'view_submission',
      team: { id: 'T1', domain: 'fake' },
      user: { id: OWNER, username: 'sam', name: 'sam', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: '1.2.3',
      view: { id: 'VTAG1', type: 'modal', callback_id: 'ib_form', private_metadata: view.private_metadata, state: { values: { tags: { tags: { type: 'plain_text_input', value: 'investor, fintech' } } } } },
    };
    expect((await s.interact(submit)).status).toBe(200);
    const next = await s.fake.waitFor('response_url', (c) => c.path === '/response/tagclick');
    expect(next.body.replace_original).toBe(true);
    expect(wire(next)).toContain('Triage 2 of 2');
    expect(s.t.ctx.store.getContact(2)).toMatchObject({ vetted: true, tags: ['investor', 'fintech'] });
  });
});
