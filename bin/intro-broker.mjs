#!/usr/bin/env node
// The installed `intro-broker` command (and `npm run cli`): the owner's CLI as
// compiled JavaScript, built first when dist/ is missing or stale.
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt();
await import('../dist/bin/cli.js');
