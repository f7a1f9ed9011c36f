// The owner's triage deck on Slack, through the real Bolt app against the fake
// Slack: /triage puts the first card in the owner's DM, every click edits that
// message in place with the next card (chat.update), Tag opens a modal whose
// submit edits it too, and no one but the owner gets a card.
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

/** /triage as the owner: the command's answer, and the deck's first card as posted to the owner's DM. */
async function triageCommand(text = '', tag = 'cmd'): Promise<{ answer: RecordedCall; card: RecordedCall }> {
  const before = s.fake.callsTo('chat.postMessage').length;
  await s.command({ command: '/triage', text, user_id: OWNER, user_name: 'sam', channel_id: 'C1', response_url: s.fake.responseUrl(tag) });
  const answer = await s.fake.waitFor('response_url', (c) => c.path === `/response/${tag}`);
  await s.fake.waitFor('chat.postMessage', () => s.fake.callsTo('chat.postMessage').length > before);
  return { answer, card: s.fake.callsTo('chat.postMessage')[before]! };
}

/** Where the deck's DM is: the outbox keeps the posted message's channel and ts. */
async function deckMessage(): Promise<{ channel: string; ts: string }> {
  for (let i = 0; i < 200; i++) {
    const sent = s.t.ctx.store.listOutbox({ status: 'sent' }).filter((m) => m.kind === 'owner.triage_card').at(-1);
    if (sent?.ref) {
      const [channel = '', ts = ''] = sent.ref.split(':');
      return { channel, ts };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the deck was not sent');
}

/** The owner clicks a button on the deck's DM; the message is edited in place with the next card. */
async function click(actionId: string, at: { channel: string; ts: string }, user = OWNER): Promise<RecordedCall> {
  const before = s.fake.callsTo('chat.update').length;
  const payload = s.click('block-actions-owner-card', actionId, { user, tag: `click${before}` });
  payload.container = { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false };
  await s.interact(payload);
  await s.fake.waitFor('chat.update', () => s.fake.callsTo('chat.update').length > before);
  return s.fake.callsTo('chat.update')[before]!;
}

describe('/triage on Slack', () => {
  it('goes through 300 generated contacts, each click editing the DM card in place with the next', async () => {
    seedRolodex(s.t.ctx.store, 300);
    const { answer, card: first } = await triageCommand();
    expect(wire(answer)).toContain('Your triage deck is in our direct messages: 300 contacts to go');
    expect(first.body.channel).toBe(`D${OWNER}`);
    expect(wire(first)).toContain('Triage 1 of 300');
    const at = await deckMessage();
    let card = first;
    const labels = ['Vet', 'Vet as close', 'Skip', 'Opt out'];
    for (let i = 0; i < 300; i++) {
      card = await click(button(card, labels[i % 4]!), at);
      expect(card.body).toMatchObject({ channel: at.channel, ts: at.ts });
      if (i < 299) expect(wire(card)).toContain(`Triage ${i + 2} of 300`);
    }
    expect(wire(card)).toContain('Done: 300 contacts handled in this deck');
    expect(wire(card)).toContain('75 skipped contacts wait');
    expect(buttons(card)).toEqual([]);
    const all = s.t.ctx.store.listContacts();
    expect(all.filter((c) => c.vetted)).toHaveLength(150);
    expect(all.filter((c) => c.strength === 'close')).toHaveLength(75);
    expect(all.filter((c) => !c.openToIntros)).toHaveLength(75);
    // Skipped ones stay out of a new deck until asked for.
    await s.command({ command: '/triage', text: '', user_id: OWNER, response_url: s.fake.responseUrl('again') });
    expect(wire(await s.fake.waitFor('response_url', (c) => c.path === '/response/again'))).toContain('Nothing to triage');
    s.t.ctx.clock.advance(60_000);
    expect(wire((await triageCommand('skipped', 'back')).card)).toContain('Triage 1 of 75 (skipped ones included)');
  }, 90_000);

  it('shows what tells namesakes apart, the LinkedIn URL to the owner only', async () => {
    seedRolodex(s.t.ctx.store, 2);
    const { card } = await triageCommand('company');
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
    expect(s.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${ALICE}`)).toEqual([]);
  });

  it('Tag opens a modal; its submit tags, vets and edits the DM card with the next', async () => {
    seedRolodex(s.t.ctx.store, 2);
    const { card } = await triageCommand();
    const at = await deckMessage();
    const payload = s.click('block-actions-owner-card', button(card, 'Tag…'), { user: OWNER, tag: 'tagclick' });
    payload.container = { type: 'message', message_ts: at.ts, channel_id: at.channel, is_ephemeral: false };
    await s.interact(payload);
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
    const next = await s.fake.waitFor('chat.update');
    expect(next.body).toMatchObject({ channel: at.channel, ts: at.ts });
    expect(wire(next)).toContain('Triage 2 of 2');
    expect(s.t.ctx.store.getContact(2)).toMatchObject({ vetted: true, tags: ['investor', 'fintech'] });
  });
});
