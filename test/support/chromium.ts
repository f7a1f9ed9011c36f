// Debian's headless Chromium, for tests that check a page as a person would see it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error('This test needs Debian\'s headless Chromium: run `apt-get install -y --no-install-recommends chromium` (npm test tries this itself when run as root).');
  }
  return found;
}

// Without the background-networking flags Chromium tries to reach Google's hosts,
// which this closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The DOM after Chromium has loaded and rendered the page. */
export function renderedDom(url: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  try {
    return execFileSync(chromiumPath(), [...FLAGS, `--user-data-dir=${profile}`, '--dump-dom', url], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function screenshot(url: string, file: string, size = '900,1100'): void {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  try {
    execFileSync(chromiumPath(), [...FLAGS, `--user-data-dir=${profile}`, `--window-size=${size}`, `--screenshot=${file}`, url], { timeout: 60_000, stdio: 'ignore' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
