// Runs before `npm test`: the report test checks the HTML report in Debian's
// headless Chromium. On a fresh machine (root, Debian) it installs it; anywhere
// else it says what to install and lets the test explain itself.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const present = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].some((p) => existsSync(p));
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!present && canInstall) {
  console.log('Installing Debian\'s chromium for the report test (once)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit' });
  } catch {
    console.warn('Could not install chromium; the report test will fail until `apt-get install chromium` works.');
  }
} else if (!present) {
  console.warn('Chromium is missing: install Debian\'s `chromium` package for the report test.');
}
