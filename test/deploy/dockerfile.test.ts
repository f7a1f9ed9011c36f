// No Docker engine here, so this runs the Dockerfile's steps as written, each
// stage in a folder of its own that stands for the image's filesystem: COPY
// copies, RUN runs, ENV and WORKDIR apply, then CMD starts the bot and the
// HEALTHCHECK command must pass, and SIGTERM (docker stop) must stop it. A
// broken step fails here instead of on an owner's server.
//
// Two kinds of RUN are not run: OS set-up (apt-get, chown: tests never change
// the system; a missing toolchain or user fails the real build loudly anyway),
// and `npm ci`, whose result is the lockfile's install this test already runs
// in, so it is copied (hard links) instead of installed again from the network.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, groupAlive, ROOT, spawnChild, type Child } from '../support/child.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

interface Instruction {
  op: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\w+)\s+(.*)$/.exec(l) as RegExpExecArray;
      return { op: (m[1] as string).toUpperCase(), args: (m[2] as string).trim() };
    });
}

interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  cmd?: string[];
  healthcheck?: string[];
  user?: string;
  volumes: string[];
}

const SKIPPED_RUN = /^(apt-get|.*\bchown\b)/;

let dir: string;
let fake: FakeSlack;
const children: Child[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intro-broker-docker-'));
  fake = await startFakeSlack();
});
afterAll(async () => {
  for (const c of children) await c.kill();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** An absolute path inside a stage's image, as a path in its folder. */
const inStage = (stage: Stage, path: string) => join(stage.root, path.startsWith('/') ? path : join(stage.workdir, path));

/** COPY: hard links for folders (node_modules is large), which is a copy as far as the image's steps can tell. */
function copy(from: string, to: string): void {
  mkdirSync(join(to, '..'), { recursive: true });
  if (from.endsWith('node_modules')) expect(spawnSync('cp', ['-al', from, to]).status).toBe(0);
  else cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

function runStep(stage: Stage, command: string): void {
  const cwd = inStage(stage, '.');
  if (/^npm ci\b/.test(command)) {
    // Same lockfile, same result: hard links to this checkout's install (.package-lock.json copied, as npm rewrites it).
    expect(readFileSync(join(cwd, 'package-lock.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    expect(spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(cwd, 'node_modules')]).status).toBe(0);
    rmSync(join(cwd, 'node_modules/.package-lock.json'), { force: true });
    copyFileSync(join(ROOT, 'node_modules/.package-lock.json'), join(cwd, 'node_modules/.package-lock.json'));
    return;
  }
  const started = Date.now();
  const r = spawnSync('sh', ['-c', command], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...stage.env }, encoding: 'utf8' });
  expect(r.status, `RUN ${command}\n${r.stdout}\n${r.stderr}`).toBe(0);
  if (process.env.DOCKERFILE_TEST_TIMES) console.log(`RUN ${command}: ${Date.now() - started} ms`);
}

function apply(stages: Stage[], ins: Instruction): void {
  const stage = stages.at(-1) as Stage;
  switch (ins.op) {
    case 'FROM': {
      const [image, , name] = ins.args.split(/\s+/);
      expect(image).toBe('node:20-slim');
      stages.push({ name: name ?? `stage${stages.length}`, root: join(dir, `stage-${stages.length}`), workdir: '/', env: {}, volumes: [] });
      return;
    }
    case 'WORKDIR':
      stage.workdir = ins.args;
      mkdirSync(inStage(stage, '.'), { recursive: true });
      return;
    case 'ENV':
      for (const m of ins.args.matchAll(/(\w+)=(\S+)/g)) stage.env[m[1] as string] = m[2] as string;
      return;
    case 'COPY': {
      const parts = ins.args.split(/\s+/);
      const from = parts[0]?.startsWith('--from=') ? stages.find((s) => s.name === parts.shift()?.slice('--from='.length)) : undefined;
      const dest = parts.pop() as string;
      for (const src of parts) {
        const source = from ? inStage(from, src) : join(ROOT, src);
        const target = dest.endsWith('/') ? join(inStage(stage, dest), basename(src)) : inStage(stage, dest);
        copy(source, dest === './' || dest.endsWith('/') ? target : target);
      }
      return;
    }
    case 'RUN':
      if (!SKIPPED_RUN.test(ins.args)) runStep(stage, ins.args);
      return;
    case 'USER':
      stage.user = ins.args;
      return;
    case 'VOLUME':
      stage.volumes.push(...(JSON.parse(ins.args) as string[]));
      return;
    case 'HEALTHCHECK':
      stage.healthcheck = JSON.parse(ins.args.slice(ins.args.indexOf('CMD') + 3).trim()) as string[];
      return;
    case 'CMD':
      stage.cmd = JSON.parse(ins.args) as string[];
      return;
    case 'EXPOSE':
      return;
    default:
      throw new Error(`the Dockerfile test does not know ${ins.op}; teach it`);
  }
}

describe('the Dockerfile', () => {
  it('builds (production install, compile), starts as its CMD says, passes its HEALTHCHECK and stops on SIGTERM', async () => {
    const stages: Stage[] = [];
    for (const ins of parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))) apply(stages, ins);
    expect(stages.map((s) => s.name)).toEqual(['build', 'stage1']);
    const image = stages[1] as Stage;
    expect(image.user).toBe('node');
    expect(image.volumes).toEqual(['/app/data']);

    // The runtime image holds the compiled code and production dependencies only.
    const app = inStage(image, '.');
    expect(existsSync(join(app, 'dist/bin/start.js'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/better-sqlite3'))).toBe(true);
    for (const dev of ['typescript', 'tsx', 'vitest']) expect(existsSync(join(app, 'node_modules', dev))).toBe(false);

    // `docker run --env-file .env`: Slack in HTTP mode against the fake; the image's own ENV for the rest.
    const port = await freePort();
    const healthPort = await freePort();
    const env = {
      ...image.env,
      DATABASE_PATH: inStage(image, image.env.DATABASE_PATH as string),
      HEALTH_PORT: String(healthPort),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_OWNER_ID: 'U0001OWNER',
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    };
    const [cmd, ...args] = image.cmd as string[];
    expect(cmd).toBe('node');
    const bot = spawnChild(process.execPath, args, env, { cwd: app });
    children.push(bot);
    await bot.waitFor(/intro-broker is running/, 30_000);
    expect(bot.stderr()).not.toContain('compiling');

    const [hcCmd, ...hcArgs] = image.healthcheck as string[];
    expect(hcCmd).toBe('node');
    const check = spawnChild(process.execPath, hcArgs, env, { cwd: app });
    expect((await check.exited).code).toBe(0);
    expect(check.stdout()).toMatch(/^200 \{"status":"ok","database":"ok","platforms":\{"slack":"listening"\}\}/);
    expect(existsSync(join(app, 'data/intro-broker.db'))).toBe(true);

    // docker stop: SIGTERM to the bot, which exits well within docker's 10 s.
    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(groupAlive(bot.proc.pid as number)).toBe(false);
  }, 180_000);
});

describe('the systemd unit', () => {
  it('passes systemd-analyze verify (where systemd is installed)', (ctx) => {
    const unit = readFileSync(join(ROOT, 'deploy/intro-broker.service'), 'utf8');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node bin\/launch\.mjs$/m);
    const analyze = spawnSync('systemd-analyze', ['--version']);
    if (analyze.status !== 0) {
      console.warn('\n  ⚠ SKIPPED systemd-analyze verify: systemd-analyze is not installed here.\n');
      ctx.skip();
      return;
    }
    // Node's path differs between machines; the rest is verified as shipped.
    const copyPath = join(dir, 'intro-broker.service');
    writeFileSync(copyPath, unit.replace('/usr/bin/node', process.execPath));
    const r = spawnSync('systemd-analyze', ['verify', copyPath], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});
