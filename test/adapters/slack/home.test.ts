// The App Home tab: published on app_home_opened for each role, once per
// event even when Slack re-sends it, and answering clicks made in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSubmit } from '../../../src/interactions.ts';
import { goodForm } from '../../support/core.ts';
import { loadSlackFixture } from '../../support/slack-http.ts';
import { ALICE, OWNER, pause, seedAnaAndAlice, startSlackTest, wire, type SlackTest } from './slack-app.ts';

let s: SlackTest;

beforeEach(async () => {
  s = await startSlackTest();
  seedAnaAndAlice(s);
  handleSubmit(s.t.ctx, { platform: 'slack', userId: ALICE, displayName: 'Alice' }, 'ib:sr:1', goodForm);
});
afterEach(async () => {
  await s.close();
});

function homeOpened(user: string, eventId = `Ev-${user}`, tab = 'home') {
  const envelope = loadSlackFixture('app-home-opened');
  envelope.event_id = eventId;
  Object.assign(envelope.event as object, { user, tab });
  return envelope;
}

const actionIds = (blocks: unknown) => (blocks as { elements?: { action_id?: string }[] }[]).flatMap((b) => b.elements?.flatMap((e) => (e.action_id ? [e.action_id] : [])) ?? []);

describe('app_home_opened', () => {
  it('shows the owner the waiting queue and the figures', async () => {
    expect((await s.event(homeOpened(OWNER))).status).toBe(200);
    const publish = await s.fake.waitFor('views.publish');
    expect(publish.body.user_id).toBe(OWNER);
    expect(publish.body.view).toMatchObject({ type: 'home' });
    const view = publish.body.view as { blocks: unknown };
    expect(wire(publish)).toContain('Waiting for you: 1 intro request');
    expect(wire(publish)).toContain('Your network');
    expect(actionIds(view.blocks)).toContain('ib:ap:1');
  });

  it('shows a member their requests with Withdraw buttons', async () => {
    await s.event(homeOpened(ALICE));
    const publish = await s.fake.waitFor('views.publish');
    expect(publish.body.user_id).toBe(ALICE);
    expect(wire(publish)).toContain('Your intro requests');
    expect(actionIds((publish.body.view as { blocks: unknown }).blocks)).toEqual(['ib:wd:1']);
  });

  it('shows a stranger the way to ask to join', async () => {
    await s.event(homeOpened('U0009STRNG'));
    const publish = await s.fake.waitFor('views.publish');
    expect(actionIds((publish.body.view as { blocks: unknown }).blocks)).toEqual(['ib:oa']);
  });

  it('handles a re-sent event once, and ignores the Messages tab', async () => {
    const envelope = homeOpened(ALICE, 'Ev0001RETRY');
    await s.event(envelope);
    await s.event(envelope, { retryNum: 1, retryReason: 'http_timeout' });
    await s.event(homeOpened(ALICE, 'Ev0002MSGS', 'messages'));
    await s.fake.waitFor('views.publish');
    await pause(150);
    expect(s.fake.callsTo('views.publish')).toHaveLength(1);
  });
});

describe('clicks in the Home tab', () => {
  it('Withdraw withdraws and publishes the home again with the answer on top', async () => {
    expect((await s.interact(loadSlackFixture('block-actions-home'))).status).toBe(200);
    const publish = await s.fake.waitFor('views.publish');
    expect(publish.body.user_id).toBe(ALICE);
    expect(wire(publish)).toContain('You withdrew your request #1');
    expect(actionIds((publish.body.view as { blocks: unknown }).blocks)).toEqual([]);
    expect(s.t.ctx.store.getRequest(1)?.status).toBe('withdrawn');
  });
});
