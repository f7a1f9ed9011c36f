#!/usr/bin/env node
// `npm start`: the bot (or the terminal demo) as plain JavaScript, compiled
// first when dist/ is missing or older than the sources. The bot runs in THIS
// process (no wrapper), so SIGTERM from npm, systemd or `docker stop` reaches
// it directly. `node bin/launch.mjs scripts/discord-deploy-commands` runs
// another compiled entry point the same way.
import { ensureBuilt } from './build-if-stale.mjs';

const entry = process.argv[2] ?? 'bin/start';
if (!/^(bin|scripts)\/[a-z-]+$/.test(entry)) {
  process.stderr.write(`intro-broker: unknown entry point "${entry}".\n`);
  process.exit(2);
}
ensureBuilt();
await import(`../dist/${entry}.js`);
