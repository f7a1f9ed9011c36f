// The HTML report, checked in a real headless browser: the funnel's numbers
// must be on the rendered page.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../adapters/cli/main.ts';
import { encodeAction } from '../../../src/actions.ts';
import { handleAction } from '../../../src/interactions.ts';
import { decideIntro } from '../../../src/use-cases/decide-intro.ts';
import { submitIntroRequest } from '../../../src/use-cases/submit-intro-request.ts';
import { chromiumOrSkip, renderedDom } from '../../support/chromium.ts';
import { addContact, addMember, alice, goodForm, makeCore, owner, type TestCore } from '../../support/core.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

/** Four requests: one declined, three approved; two introduced; one led to a job. */
function buildHistory(): void {
  const members = ['alice', 'bob', 'cara', 'dan'].map((userId) => addMember(t, { platform: 'console', userId, displayName: userId }));
  const ana = addContact(t, { noOptin: true, name: 'Ana <b>Ferreira</b>', introCap: 10 });
  for (const m of members) {
    const r = submitIntroRequest(t.ctx, { platform: 'console', userId: m.userId }, ana.id, {
      ...goodForm,
      whyContact: `${goodForm.whyContact} (${m.userId})`,
    });
    expect(r.ok).toBe(true);
    t.ctx.clock.advanceDays(8);
  }
  decideIntro(t.ctx, owner, 1, { kind: 'approve' });
  decideIntro(t.ctx, owner, 2, { kind: 'approve' });
  decideIntro(t.ctx, owner, 4, { kind: 'decline', reason: 'not_now' });
  handleAction(t.ctx, alice, encodeAction({ type: 'outcome', requestId: 1, outcome: 'job' }));
}

async function report(file: string): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  const code = await runCli(['--db', t.path, 'report', '--out', file], { stdin: new PassThrough(), stdout: out, stderr: out }, {}, t.ctx.clock);
  expect(code).toBe(0);
  return text;
}

describe('intro-broker report', () => {
  it('writes a self-contained page whose rendered funnel shows the numbers', async (ctx) => {
    buildHistory();
    t.ctx.store.close();
    const file = `${t.path}.report.html`;
    expect(await report(file)).toContain('Wrote');
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\//);
    // A contact name with markup is shown as text, not run as HTML.
    expect(html).toContain('Ana &lt;b&gt;Ferreira&lt;/b&gt;');

    const dom = renderedDom(pathToFileURL(file).href, chromiumOrSkip(ctx));
    const value = (step: string) => new RegExp(`data-step="${step}"[\\s\\S]*?data-value="(\\d+)"`).exec(dom)?.[1];
    // No opt-in was needed, so "Introduced" follows "Approved" directly: each step a subset of the last.
    expect([value('Requested'), value('Approved'), value('Introduced'), value('Met'), value('Opportunity'), value('Job')]).toEqual(['4', '2', '2', '1', '1', '1']);
    expect(dom).toContain('2 intros needed no opt-in');
    expect(dom).toMatch(/<b>2<\/b>introductions/);
    expect(dom).toMatch(/<b>1<\/b>jobs/);
    // Requests fell in four weeks eight days apart; every week up to now is on the axis, empty ones too.
    expect(dom.match(/data-week="/g)).toHaveLength(5);
    expect(dom).toMatch(/#3 cara → Ana &lt;b&gt;Ferreira&lt;\/b&gt;<\/span> <span class="note">waiting 16 days/);
    expect(dom).toMatch(/Not now[\s\S]*?data-value="1"/);
  });

  it('still renders, with a kind word, when nothing has happened yet', async (ctx) => {
    addContact(t);
    const file = `${t.path}.empty.html`;
    await report(file);
    const dom = renderedDom(pathToFileURL(file).href, chromiumOrSkip(ctx));
    expect(dom).toContain('No requests yet: the funnel fills in');
    expect(dom).toContain('Nothing is waiting for your decision.');
  });
});
