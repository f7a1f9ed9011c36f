// `members show` and `requests show`: a member's and a request's history from
// the event log, as text and as JSON, over a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/actions.ts';
import { handleAction } from '../../../src/interactions.ts';
import { decideIntro } from '../../../src/use-cases/decide-intro.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import { runCliCaptured, type CliResult } from '../../support/cli.ts';
import { addContact, addMember, alice, goodForm, makeCore, owner, PRIVATE, type TestCore } from '../../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
  addMember(t, alice);
  const ana = addContact(t, { noOptin: true });
  const ben = addContact(t, { name: 'Ben Ortiz', noOptin: true });
  expect(submitIntroRequest(t.ctx, alice, ana.id, goodForm).ok).toBe(true);
  t.ctx.clock.advanceDays(1);
  const whyBen = 'Ben designed the Lumen Pay merchant onboarding flow, and I want to ask him which verification steps merchants abandon most.';
  expect(submitIntroRequest(t.ctx, alice, ben.id, { ...goodForm, whyContact: whyBen }).ok).toBe(true);
  decideIntro(t.ctx, owner, 1, { kind: 'approve' });
  decideIntro(t.ctx, owner, 2, { kind: 'decline', reason: 'dont_know_contact' });
  handleAction(t.ctx, alice, encodeAction({ type: 'outcome', requestId: 1, outcome: 'met' }));
  t.ctx.store.close();
});
afterEach(() => t.cleanup());

const cli = (args: string[]): Promise<CliResult> => runCliCaptured(t.path, args, { clock: t.ctx.clock });

describe('members show', () => {
  it('lists the requests with outcomes and decline reasons, then the events in order', async () => {
    for (const spec of ['1', 'console:alice']) {
      const r = await cli(['members', 'show', spec]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('#1 Alice (console:alice): member');
      expect(r.stdout).toMatch(/1 +Ana Ferreira +approved +introduced +We met/);
      expect(r.stdout).toMatch(/2 +Ben Ortiz +declined +I don't know the contact well enough/);
      const kinds = [...r.stdout.matchAll(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}(\S+)/gm)].map((m) => m[1]);
      expect(kinds.indexOf('request.created')).toBeLessThan(kinds.indexOf('outcome.met'));
      for (const secret of Object.values(PRIVATE)) expect(r.stdout).not.toContain(secret);
    }
    const json = JSON.parse((await cli(['members', 'show', '1', '--json'])).stdout) as { member: { id: number }; requests: { contactName: string; outcome: string | null }[]; events: unknown[] };
    expect(json.member.id).toBe(1);
    expect(json.requests.map((r) => [r.contactName, r.outcome])).toEqual([['Ana Ferreira', 'met'], ['Ben Ortiz', null]]);
    expect(json.events.length).toBeGreaterThan(3);
  });

  it('says how to name a member', async () => {
    expect((await cli(['members', 'show', '9'])).stderr).toBe('No member #9. `members list` shows the ids.\n');
    expect((await cli(['members', 'show', 'slack:UNOBODY'])).stderr).toContain('No member slack:UNOBODY');
    expect((await cli(['members', 'show', 'alice'])).stderr).toContain('members show <id|platform:user-id>');
  });
});

describe('requests show', () => {
  it('shows the request, its answers and its events in order', async () => {
    const r = await cli(['requests', 'show', '1']);
    expect(r.stdout).toContain('Request #1: Alice → Ana Ferreira');
    expect(r.stdout).toMatch(/status +approved/);
    expect(r.stdout).toMatch(/outcome +We met/);
    expect(r.stdout).toContain(goodForm.blurb);
    const kinds = [...r.stdout.matchAll(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}(\S+)/gm)].map((m) => m[1]);
    expect(kinds).toEqual(['request.created', 'request.approved', 'intro.made', 'outcome.met']);
    expect((await cli(['requests', 'show', '2'])).stdout).toMatch(/decline reason +I don't know the contact well enough/);
  });

  it('prints JSON and refuses unknown ids in one line', async () => {
    const json = JSON.parse((await cli(['requests', 'show', '2', '--json'])).stdout) as { request: { declineReason: string }; contact: { name: string }; events: { kind: string }[] };
    expect(json).toMatchObject({ request: { declineReason: 'dont_know_contact' }, contact: { name: 'Ben Ortiz' } });
    expect(json.events.map((e) => e.kind)).toEqual(['request.created', 'request.declined']);
    expect(await cli(['requests', 'show', '77'])).toMatchObject({ code: 2, stderr: 'No request #77. `requests list` shows the ids.\n' });
  });
});
