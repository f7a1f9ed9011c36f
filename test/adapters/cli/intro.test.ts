// `intro create` and the owner's `contacts list --search` over his private
// fields, run in-process with real streams over a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../db/sqlite-store.ts';
import { runCliCaptured, withStoreAt, type CliResult } from '../../support/cli.ts';
import { tempDbPath } from '../../support/core.ts';

let tmp: ReturnType<typeof tempDbPath>;

const cli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCliCaptured(tmp.path, args, { env });
const withStore = <T>(fn: (s: SqliteStore) => T): T => withStoreAt(tmp.path, fn);

const why = 'You both rebuilt fraud teams after a merger and could compare notes on hiring analysts.';
const blurb = 'Jordan is a risk lead at a lender, looking at payments companies in Lisbon.';
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_OWNER_ID: 'U0001OWNER', SLACK_APP_TOKEN: 'xapp-test' };

beforeEach(async () => {
  tmp = tempDbPath();
  await cli(['contacts', 'add', '--name', 'Ana Ferreira', '--company', 'Lumen Pay', '--email', 'ana@lumen.example', '--notes', 'owes me a favour']);
});
afterEach(() => tmp.cleanup());

describe('intro create', () => {
  it('starts an intro for someone outside the network: the owner gets both email drafts in his Slack DMs', async () => {
    const r = await cli(['intro', 'create', '--contact', '1', '--name', 'Jordan Lee', '--email', 'jordan@example.org', '--why', why, '--blurb', blurb], SLACK);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Intro #1 started');
    withStore((s) => {
      expect(s.getRequest(1)).toMatchObject({ origin: 'owner', status: 'approved', personName: 'Jordan Lee', personEmail: 'jordan@example.org' });
      expect(s.listOutbox().map((m) => `${m.platform}:${m.kind}→${m.recipients.join(",")}`)).toEqual(['slack:owner.optin_email→U0001OWNER', 'slack:owner.person_optin_email→U0001OWNER']);
    });
  });

  it('says what is missing, field by field, and starts nothing', async () => {
    const r = await cli(['intro', 'create', '--contact', '1', '--name', 'Nobody', '--why', 'short'], SLACK);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--member/--name: No member here is called "Nobody"');
    expect(r.stderr).toContain('--why:');
    expect(r.stderr).toContain('--blurb:');
    withStore((s) => expect(s.listRequests()).toEqual([]));
  });

  it('an unknown contact id is an error, not a silent nothing', async () => {
    const r = await cli(['intro', 'create', '--contact', '99', '--name', 'Jordan Lee', '--email', 'jordan@example.org', '--why', why, '--blurb', blurb], SLACK);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('That contact no longer exists');
  });
});

describe('contacts list --search', () => {
  it('finds the owner\'s contacts by his private email and notes too, vetted or not', async () => {
    expect((await cli(['contacts', 'list', '--search', 'favour'])).stdout).toContain('Ana Ferreira');
    expect((await cli(['contacts', 'list', '--search', 'lumen.example'])).stdout).toContain('Ana Ferreira');
    // LIKE wildcards are literals.
    expect((await cli(['contacts', 'list', '--search', '%'])).stdout).toContain('0 contacts');
  });
});
