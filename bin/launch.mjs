#!/usr/bin/env node
// `npm start`: the bot (or the terminal demo) as plain JavaScript, compiled
// first when dist/ is missing or older than the sources. The bot runs in THIS
// process (no wrapper), so SIGTERM from npm, systemd or `docker stop` reaches
// it directly. `node bin/launch.mjs scripts/discord-deploy-commands` runs
// another compiled entry point the same way; other arguments (--env-file) pass on.
import { ensureBuilt } from './build-if-stale.mjs';

const ENTRY = /^(bin|scripts)\/[a-z-]+$/;
const entry = ENTRY.test(process.argv[2] ?? '') ? process.argv.splice(2, 1)[0] : 'bin/start';
ensureBuilt();
await import(`../dist/${entry}.js`);
