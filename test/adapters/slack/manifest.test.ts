// The Slack app manifest declares every command the core answers, and the
// scopes the adapter calls need (users:read for people's real names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/interactions.ts';

const manifest = readFileSync(join(import.meta.dirname, '../../../adapters/slack/manifest.yml'), 'utf8');

describe('adapters/slack/manifest.yml', () => {
  it('declares every slash command the core has', () => {
    const declared = [...manifest.matchAll(/^\s*- command: (\/[\w-]+)\s*$/gm)].map((m) => m[1]);
    expect(declared.sort()).toEqual(Object.keys(COMMANDS).map((c) => `/${c}`).sort());
  });

  it('asks for users:read, for real names on cards and intros', () => {
    expect(manifest).toMatch(/^\s*- users:read\b/m);
  });
});
