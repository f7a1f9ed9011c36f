// Ask for changes, undo and unblock in Slack: the real Bolt app against the
// fake Slack. The owner's card is one message, edited in place (chat.update)
// through the outbox when the member resubmits.
import { describe, expect, it } from 'vitest';
import { handleSubmit } from '../../../src/interactions.ts';
import { goodForm } from '../../support/core.ts';
import { ALICE, OWNER, postsTo, seededSlackTestPerTest, submission, wire, type SlackTest } from './slack-app.ts';

let s: SlackTest;
let card: { channel: string; ts: string };

const OWNER_DM = `D${OWNER}`;
const ALICE_DM = `D${ALICE}`;

seededSlackTestPerTest((started) => (s = started));

/** Alice's request, through the modal; the owner's card as the outbox posted it. */
async function requestThroughModal(): Promise<void> {
  expect((await s.interact(submission(goodForm))).status).toBe(200);
  const posted = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM && wire(c).includes('Intro request #1'));
  await s.dispatcher.runOnce();
  const [channel = '', sentTs = ''] = (s.t.ctx.store.listOutbox({ status: 'sent' }).find((m) => m.kind === 'owner.request_card')?.ref ?? '').split(':');
  expect(channel).toBe(posted.body.channel);
  card = { channel, ts: sentTs };
}

function clickCard(actionId: string, opts: { user?: string; tag?: string } = {}) {
  const payload = s.click('block-actions-owner-card', actionId, { user: OWNER, ...opts });
  payload.container = { type: 'message', message_ts: card.ts, channel_id: card.channel, is_ephemeral: false };
  return payload;
}

interface ModalBody {
  view: { private_metadata: string; blocks: { type: string; block_id?: string; text?: { text: string }; element?: { initial_value?: string } }[] };
}

const note = 'Please say what exactly you would ask Ana, and why her rather than anyone on her team.';
const sharper = `${goodForm.whyContact} The one question: how she sized her first fraud analyst team.`;

describe('Slack: ask for changes', () => {
  it('the note reaches Alice, the form reopens with her answers, and her new version edits the same card', async () => {
    await requestThroughModal();
    await s.interact(clickCard('ib:ac:1'));
    const noteModal = (await s.fake.waitFor('views.open')).body as unknown as ModalBody;
    // It remembers the card it came from.
    expect(JSON.parse(noteModal.view.private_metadata)).toEqual({ action: 'ib:sc:1', origin: card });

    const sent = submission({ note }, { action: 'ib:sc:1', viewId: 'V-NOTE' });
    sent.user = { id: OWNER, username: 'sam', name: 'sam', team_id: 'T1' };
    const ack = await s.interact(sent);
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(s.t.ctx.store.getRequest(1)).toMatchObject({ status: 'pending', changesNote: note });

    // Alice is told, with the note; the owner's card is edited in place (no buttons to decide while it is with Alice).
    const told = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM && wire(c).includes('would like a few changes'));
    expect(wire(told)).toContain(note);
    const edited = await s.fake.waitFor('chat.update', (c) => wire(c).includes('You asked for changes'));
    expect(edited.body).toMatchObject({ channel: card.channel, ts: card.ts });

    // Her button reopens the form with her answers and the note.
    s.fake.reset();
    await s.interact(s.click('block-actions-button', 'ib:or:1', { user: ALICE, tag: 'alice' }));
    const form = (await s.fake.waitFor('views.open')).body as unknown as ModalBody;
    expect(JSON.stringify(form.view.blocks)).toContain(note);
    expect(form.view.blocks.find((b) => b.block_id === 'howKnow')?.element?.initial_value).toBe(goodForm.howKnow);

    // A weak version bounces inline; a good one goes back to the same card.
    const weak = await s.interact(submission({ ...goodForm, whyContact: 'pls intro' }, { viewId: 'V-WEAK' }));
    expect(weak.body).toMatchObject({ response_action: 'errors' });
    expect((await s.interact(submission({ ...goodForm, whyContact: sharper }, { viewId: 'V-GOOD' }))).text).toBe('');
    const revised = await s.fake.waitFor('chat.update', (c) => wire(c).includes('revised the request after your note'));
    // Alice's confirmation comes as a DM (through the outbox, like a new request's).
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM && wire(c).includes('Your revised request for an intro to Ana Ferreira is with Sam'));
    expect(revised.body).toMatchObject({ channel: card.channel, ts: card.ts });
    expect(wire(revised)).toContain('ib:ap:1');
    await s.dispatcher.runOnce();
    // No second card for the owner (calls since the reset), one request.
    expect(postsTo(s.fake, OWNER_DM).filter((c) => wire(c).includes('Intro request #1'))).toHaveLength(0);
    expect(s.t.ctx.store.listRequests()).toHaveLength(1);
    expect(s.t.ctx.store.listEvents({ requestId: 1 }).map((e) => e.kind)).toEqual(['request.created', 'request.changes_requested', 'request.resubmitted']);
  });
});

describe('Slack: undo', () => {
  it('undoes an approval on the card; Alice, already told, hears it was reopened', async () => {
    await requestThroughModal();
    await s.interact(clickCard('ib:ap:1', { tag: 'approve' }));
    await s.fake.waitFor('chat.update', (c) => wire(c).includes('Approved on'));
    await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM && wire(c).includes('approved your request'));
    await s.dispatcher.runOnce();

    await s.interact(clickCard('ib:ud:1', { tag: 'undo' }));
    const undone = await s.fake.waitFor('chat.update', (c) => wire(c).includes('Decision undone'));
    expect(undone.body).toMatchObject({ channel: card.channel, ts: card.ts });
    expect(wire(undone)).toContain('ib:ap:1');
    expect(s.t.ctx.store.getRequest(1)).toMatchObject({ status: 'pending', stage: null });
    const reopened = await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === ALICE_DM && wire(c).includes('reopened'));
    expect(wire(reopened)).toContain('waiting for a decision again');
  });

  it('refuses kindly after 10 minutes and changes nothing', async () => {
    await requestThroughModal();
    await s.interact(clickCard('ib:dc:1:n', { tag: 'decline' }));
    await s.fake.waitFor('chat.update');
    s.t.ctx.clock.advance(10 * 60_000 + 1);
    await s.interact(clickCard('ib:ud:1', { tag: 'late' }));
    const refusal = await s.fake.waitFor('response_url', (c) => c.path === '/response/late');
    expect(wire(refusal)).toContain('can be undone for 10 minutes');
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('declined');
  });
});

describe('Slack: the intro in the owner\'s words', () => {
  it('Edit the intro text opens a modal prefilled with the draft; the saved text is what the intro carries', async () => {
    await requestThroughModal();
    await s.interact(clickCard('ib:ap:1', { tag: 'approve' }));
    await s.fake.waitFor('chat.update', (c) => wire(c).includes('ib:ei:1'));
    s.fake.reset();
    await s.interact(clickCard('ib:ei:1', { tag: 'edit' }));
    const modal = (await s.fake.waitFor('views.open')).body as unknown as ModalBody;
    expect(JSON.parse(modal.view.private_metadata)).toMatchObject({ action: 'ib:it:1', origin: { channel: OWNER_DM } });
    expect(modal.view.blocks.find((b) => b.block_id === 'text')?.element?.initial_value).toContain('Ana, meet Alice.');
    const mine = 'Ana, meet Alice: we worked together at Northwind, and she has one sharp question on fraud hiring.';
    const saved = submission({ text: mine }, { action: 'ib:it:1', viewId: 'V-INTRO' });
    saved.user = { id: OWNER, username: 'sam', name: 'sam', team_id: 'T1' };
    expect((await s.interact(saved)).text).toBe('');
    expect(wire(await s.fake.waitFor('chat.postMessage', (c) => c.body.channel === OWNER_DM))).toContain('will go in your words');
    expect(s.t.ctx.store.getRequest(1)?.introText).toBe(mine);
  });
});

describe('Slack: unblock', () => {
  it('"I don\'t know you" is taken back with Unblock, and the Admit button works again', async () => {
    const zed = { platform: 'slack' as const, userId: 'U0009ZEDZED', displayName: 'Zed' };
    expect(handleSubmit(s.t.ctx, zed, 'ib:sa', { howKnow: 'We worked together at Northwind in 2021, on the payments launch.', why: 'I am looking for a mentor in payments.' }).type).toBe('form_done');
    await s.dispatcher.runOnce();
    const id = s.t.ctx.store.findMember('slack', zed.userId)!.id;
    const [channel = '', ts = ''] = (s.t.ctx.store.listOutbox({ status: 'sent' })[0]?.ref ?? '').split(':');
    card = { channel, ts };

    await s.interact(clickCard(`ib:bl:${id}`, { tag: 'block' }));
    expect(wire(await s.fake.waitFor('chat.update', (c) => wire(c).includes("I don't know you")))).toContain(`ib:ub:${id}`);
    await s.interact(clickCard(`ib:ub:${id}`, { tag: 'unblock' }));
    const back = await s.fake.waitFor('chat.update', (c) => wire(c).includes(`ib:ad:${id}`));
    expect(back.body).toMatchObject({ channel, ts });
    expect(s.t.ctx.store.getMember(id)?.status).toBe('pending');
    await s.interact(clickCard(`ib:ad:${id}`, { tag: 'admit' }));
    await s.fake.waitFor('chat.update', (c) => wire(c).includes('Admitted on'));
    expect(s.t.ctx.store.getMember(id)?.status).toBe('member');
  });
});
