// A headless Chromium (or Chrome), for tests that check a page as a person would
// see it. Found from CHROME_PATH or the usual places on Linux (Debian, snap) and
// macOS. Without one, outside CI, the test is skipped with a printed notice; in
// CI (CI=true) a missing browser fails (.ci/run installs Debian's chromium).
// Tests never install anything themselves.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/** The browser, or an error saying how to get one (for callers that cannot skip). */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(`This test needs a headless browser: ${INSTALL}.`);
  return found;
}

const INSTALL = 'install Chromium (Debian: apt-get install chromium; macOS: Google Chrome) or set CHROME_PATH';

/** The browser, or: in CI a failure, elsewhere a skip with a visible notice. */
export function chromiumOrSkip(ctx: { skip: (note?: string) => void }, env: Record<string, string | undefined> = process.env): string {
  const found = findChromium(env);
  if (found) return found;
  const where = env.CHROME_PATH?.trim() ? `CHROME_PATH=${env.CHROME_PATH} does not exist` : 'no Chromium or Chrome found';
  if (env.CI === 'true') throw new Error(`This test needs a headless browser in CI: ${where}; ${INSTALL} (.ci/run installs it).`);
  console.warn(`\n  ⚠ SKIPPED the rendered-page check: ${where}; ${INSTALL} to run it.\n`);
  ctx.skip(`${where}; ${INSTALL}`);
  return '';
}

// Without the background-networking flags Chromium tries to reach Google's hosts,
// which a closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The DOM after the browser has loaded and rendered the page. */
export function renderedDom(url: string, browser: string = chromiumPath()): string {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  try {
    return execFileSync(browser, [...FLAGS, `--user-data-dir=${profile}`, '--dump-dom', url], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function screenshot(url: string, file: string, size = '900,1100', browser: string = chromiumPath()): void {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  try {
    execFileSync(browser, [...FLAGS, `--user-data-dir=${profile}`, `--window-size=${size}`, `--screenshot=${file}`, url], { timeout: 60_000, stdio: 'ignore' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
