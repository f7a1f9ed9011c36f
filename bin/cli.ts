// `intro-broker …` / `npm run cli -- …`: the owner's command line.
import { existsSync } from 'node:fs';
import { runCli } from '../adapters/cli/main.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, process.env);
