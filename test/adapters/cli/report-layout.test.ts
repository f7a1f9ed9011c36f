// The report as a person sees it, by layout: at 0, 1, 8 and 60 weeks of
// history, on a phone (390 px) and a desktop, no text overflows its box or the
// page, none is clipped, none overlaps other text, and no chart is taller than
// the screen. The funnel's steps are true subsets: never above 100 %.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../adapters/cli/main.ts';
import { makeCore } from '../../support/core.ts';
import { chromiumOrSkip, findChromium } from '../../support/chromium.ts';
import { checkLayout, launchChromium } from '../../support/layout.ts';
import { seedHistory } from '../../support/report-history.ts';

// Outside CI, a machine with no browser skips these with a notice (chromiumOrSkip); in CI it is required.
const browserPath = findChromium();
let browser: Browser | undefined;
beforeAll(async () => {
  if (browserPath) browser = await launchChromium(browserPath);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});
const open = (ctx: { skip: (note?: string) => void }): Browser => {
  chromiumOrSkip(ctx);
  if (!browser) throw new Error('Chromium was found but did not start.');
  return browser;
};

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

async function reportFor(weeks: number): Promise<{ file: string; cleanup: () => void }> {
  const t = makeCore();
  seedHistory(t, weeks);
  const file = `${t.path}.report.html`;
  const code = await runCli(['--db', t.path, 'report', '--out', file], { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() }, {}, t.ctx.clock);
  expect(code).toBe(0);
  return { file, cleanup: t.cleanup };
}

describe.each([0, 1, 8, 60])('the report with %i weeks of history', (weeks) => {
  for (const size of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) it(`lays out cleanly on a ${size}`, async (ctx) => {
    const browser = open(ctx);
    const { file, cleanup } = await reportFor(weeks);
    try {
      const html = readFileSync(file, 'utf8');
      expect(html).not.toMatch(/<script|<link|<img|https?:\/\//);
      const layout = await checkLayout(browser, pathToFileURL(file).href, VIEWPORTS[size]);
      expect(layout.problems).toEqual([]);
      expect(layout.texts).toBeGreaterThan(weeks ? 60 : 20);
      if (weeks) expect(layout.charts).toBeGreaterThanOrEqual(5);
      // Every step of the funnel is at most the one before.
      const values = [...html.matchAll(/data-step="[^"]+"[\s\S]*?data-value="(\d+)"/g)].map((m) => Number(m[1]));
      if (weeks) expect(values).toHaveLength(6);
      values.forEach((v, i) => expect(v).toBeLessThanOrEqual(values[i - 1] ?? v));
      expect(html).not.toMatch(/\b(1[0-9]{2}|[2-9][0-9]{2})% of the step before/);
    } finally {
      cleanup();
    }
  }, 60_000);
});

describe('the layout check itself', () => {
  it('finds overflowing, clipped and overlapping text and a chart taller than the screen', async (ctx) => {
    const browser = open(ctx);
    const page = `<!doctype html><meta charset="utf-8"><body style="margin:0;font:16px sans-serif">
<div style="width:60px;white-space:nowrap">Introduced 69 (110 %)</div>
<div style="width:60px;overflow:hidden;white-space:nowrap">1 (100%</div>
<svg width="300" height="40"><text x="10" y="20">03-02</text><text x="22" y="20">03-09</text></svg>
<div data-chart="weekly" style="height:1300px"></div>`;
    const url = `data:text/html;base64,${Buffer.from(page).toString('base64')}`;
    const { problems } = await checkLayout(browser, url, VIEWPORTS.phone);
    expect(problems.some((p) => p.startsWith('"Introduced 69 (110 %)" overflows its box'))).toBe(true);
    expect(problems.some((p) => p.startsWith('"1 (100%" is clipped'))).toBe(true);
    expect(problems).toContain('"03-02" overlaps "03-09"');
    expect(problems.some((p) => p.startsWith('chart weekly is 1300 px tall'))).toBe(true);
  }, 60_000);
});
