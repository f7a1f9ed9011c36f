// Asking for an intro in Slack: the button opens the modal, the quality gate
// answers inline, a good request reaches the owner's DM through the outbox.
import { describe, expect, it } from 'vitest';
import { goodForm } from '../../support/core.ts';
import { ALICE, OWNER, pause, postsTo, seededSlackTestPerTest, submission, wire, type SlackTest } from './slack-app.ts';

let s: SlackTest;

seededSlackTestPerTest((started) => (s = started));

const OWNER_DM = `D${OWNER}`;
const ALICE_DM = `D${ALICE}`;

interface ModalBody {
  view: { type: string; callback_id: string; private_metadata: string; title: { text: string }; blocks: { type: string; block_id?: string }[] };
  trigger_id: string;
}

describe('Request intro button', () => {
  it('opens the request modal with the click trigger_id', async () => {
    const payload = s.click('block-actions-request-intro', 'ib:or:1');
    expect((await s.interact(payload)).status).toBe(200);
    const open = await s.fake.waitFor('views.open');
    const body = open.body as unknown as ModalBody;
    expect(body.trigger_id).toBe(payload.trigger_id);
    expect(body.view.type).toBe('modal');
    expect(body.view.callback_id).toBe('ib_form');
    expect(body.view.title.text.length).toBeLessThanOrEqual(24);
    // It remembers the ephemeral message it came from (its response_url), so an answer can replace it.
    expect(JSON.parse(body.view.private_metadata)).toEqual({ action: 'ib:sr:1', origin: { responseUrl: expect.stringMatching(/\/response\/click$/) as unknown } });
    expect(body.view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['howKnow', 'whyContact', 'blurb']);
  });

  it('tells a stranger kindly instead of opening a form', async () => {
    await s.interact(s.click('block-actions-request-intro', 'ib:or:1', { user: 'U0009STRNG', tag: 'stranger' }));
    const answer = await s.fake.waitFor('response_url', (c) => c.path === '/response/stranger');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(wire(answer)).toContain("Only members of Sam's network");
    expect(s.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('submitting the modal', () => {
  it('bounces a weak request inline, field by field, and stores nothing', async () => {
    const res = await s.interact(submission({ ...goodForm, whyContact: 'I would like to pick her brain.' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response_action: 'errors', errors: { whyContact: expect.any(String) as string } });
    expect(Object.keys((res.body as { errors: object }).errors)).toEqual(['whyContact']);
    expect(s.t.ctx.store.listRequests()).toHaveLength(0);
    await pause(100);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('closes on a good request, stores it, DMs the owner a card and confirms to the requester', async () => {
    const res = await s.interact(submission(goodForm));
    expect(res.status).toBe(200);
    expect(res.text).toBe(''); // a bare ack closes the modal

    const [request] = s.t.ctx.store.listRequests();
    expect(request).toMatchObject({ status: 'pending', whyContact: goodForm.whyContact });

    const card = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM);
    expect(s.fake.callsTo('conversations.open').map((c) => c.body.users)).toContain(OWNER);
    expect(wire(card)).toContain('Intro request #1');
    // What carried it through the gate, so the owner learns to trust it.
    expect(wire(card)).toContain('Why it passed the gate: shared history: Northwind, 2019–2021 · ask: twenty minutes to ask how she hires analysts for it.');
    const actionIds = (card.body.blocks as { type: string; elements?: { action_id: string }[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements?.map((e) => e.action_id) ?? []);
    expect(actionIds).toEqual(['ib:ap:1', 'ib:ac:1', 'ib:dc:1:n', 'ib:dc:1:c', 'ib:dc:1:y', 'ib:hi:1']);

    const confirmation = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM);
    expect(wire(confirmation)).toContain('Your request for an intro to Ana Ferreira is with Sam');
    await s.dispatcher.runOnce(); // joins the pass the submit kicked off
    // The card and the confirmation both went through the outbox.
    expect(s.t.ctx.store.listOutbox({ status: 'sent' }).map((m) => m.kind)).toEqual(['owner.request_card', 'member.request_sent']);
    // No one's words in the logs.
    expect(JSON.stringify(s.logs)).not.toContain('Northwind');
  });

  it('a retried submission makes one request and one owner card', async () => {
    const payload = submission(goodForm);
    expect((await s.interact(payload)).status).toBe(200);
    expect((await s.interact(payload, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM);
    await pause(150);
    await s.dispatcher.runOnce();
    expect(s.t.ctx.store.listRequests()).toHaveLength(1);
    expect(postsTo(s.fake, OWNER_DM)).toHaveLength(1);
    expect(postsTo(s.fake, ALICE_DM)).toHaveLength(1);
  });

  it('escapes mentions and links in the owner card', async () => {
    const hostile = `${goodForm.whyContact} <!channel> <@U123> <https://evil|click>`;
    await s.interact(submission({ ...goodForm, whyContact: hostile }));
    const card = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM);
    const body = JSON.stringify({ blocks: card.body.blocks, text: card.body.text });
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).toContain('&lt;@U123&gt;');
    expect(body).toContain('&lt;https://evil|click&gt;');
    expect(body).not.toContain('<!channel>');
    expect(body).not.toContain('<@U123>');
    expect(body).not.toContain('<https://evil');
  });
});

describe('a stranger asks to join', () => {
  it('opens the join modal, then sends the owner an admission card', async () => {
    const stranger = 'U0009STRNG';
    await s.interact(s.click('block-actions-request-intro', 'ib:oa', { user: stranger }));
    const open = await s.fake.waitFor('views.open');
    expect(JSON.parse((open.body as unknown as ModalBody).view.private_metadata)).toEqual({ action: 'ib:sa', origin: { responseUrl: expect.stringMatching(/\/response\/click$/) as unknown } });

    const answers = { howKnow: 'We worked together at Northwind in 2024, on the payments launch.', why: 'I am looking for a mentor in product design.' };
    const payload = submission(answers, { action: 'ib:sa' });
    payload.user = { id: stranger, username: 'zed', name: 'zed', team_id: 'T0001AAAA' };
    const res = await s.interact(payload);
    expect(res.text).toBe('');
    const card = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM);
    // The name is the person's real name from users.info, not the payload's handle ("zed").
    expect(wire(card)).toContain('Real U0009STRNG asks to join your network');
    expect(wire(card)).not.toContain('zed asks');
    expect(s.t.ctx.store.findMember('slack', stranger)?.status).toBe('pending');
  });
});
