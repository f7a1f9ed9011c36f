// /find-contact and its autocomplete through the real discord.js Client and the fake Discord.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAction } from '../../../src/actions.ts';
import { addContact, PRIVATE } from '../../support/core.ts';
import { ALICE, autocomplete, button, slashCommand } from '../../support/fake-discord.ts';
import { addDiscordMember, buttonLabelled, buttonsOf, dataOf, expectNoPingsAnywhere, startBot, STRANGER, textOf, type BotHarness } from './bot-harness.ts';

let h: BotHarness;
beforeEach(async () => {
  h = await startBot();
});
afterEach(async () => {
  await h.close();
});

const search = (query: string, user = ALICE) => h.interact(slashCommand({ name: 'find-contact', user, options: { query } }));

describe('/find-contact', () => {
  it('shows a member ephemeral results with Request intro and paging buttons, and no private field', async () => {
    addDiscordMember(h);
    addContact(h.t);
    for (let i = 1; i <= 6; i++) addContact(h.t, { name: `Payments Person ${i}`, company: 'Lumen Pay', email: null });
    const response = await search('payments');
    expect(response.type).toBe(4);
    const data = dataOf(response);
    expect(data.flags).toBe(64);
    expect(textOf(data)).toMatch(/Results 1–5 for "payments"/);
    const actions = buttonsOf(data).map((b) => decodeAction(b.custom_id ?? ''));
    expect(actions.filter((a) => a?.type === 'open_request_form')).toHaveLength(5);
    expect(actions).toContainEqual({ type: 'search_page', page: 2, query: 'payments' });
    // Five contacts and a paging row would be six rows: the renderer packs them into Discord's five.
    expect(data.components?.length).toBeLessThanOrEqual(5);
    for (const secret of Object.values(PRIVATE)) expect(JSON.stringify(response)).not.toContain(secret);
    expectNoPingsAnywhere(h.fake);
  });

  it('pages by updating the ephemeral message in place', async () => {
    addDiscordMember(h);
    for (let i = 1; i <= 7; i++) addContact(h.t, { name: `Payments Person ${i}` });
    const first = dataOf(await search('payments'));
    const more = buttonLabelled(first, 'More results');
    const page2 = await h.interact(button({ user: ALICE, customId: more }));
    expect(page2.type).toBe(7);
    expect(textOf(dataOf(page2))).toMatch(/Results 6–7/);
    expect(buttonsOf(dataOf(page2)).map((b) => b.label)).toContain('Previous');
  });

  it('offers a stranger the way in instead of results', async () => {
    addContact(h.t);
    const data = dataOf(await search('payments', STRANGER));
    expect(data.flags).toBe(64);
    expect(textOf(data)).not.toContain('Ana Ferreira');
    expect(decodeAction(buttonLabelled(data, 'Ask to join'))).toEqual({ type: 'open_admission_form' });
  });

  it('explains an empty query and a query with no match', async () => {
    addDiscordMember(h);
    addContact(h.t);
    expect(textOf(dataOf(await search('   ')))).toMatch(/Search Sam's vetted contacts/);
    const none = dataOf(await search('zzyzx'));
    expect(textOf(none)).toMatch(/No vetted contacts match "zzyzx"/);
    expect(none.flags).toBe(64);
    expect(buttonsOf(none)).toEqual([]);
  });

  it('escapes markdown and mentions a contact or query could carry', async () => {
    addDiscordMember(h);
    addContact(h.t, { name: 'Ana *Bold* Ferreira', bio: 'Ask @everyone at <@&123> about [this](https://evil.example)' });
    const text = textOf(dataOf(await search('ferreira')));
    expect(text).toContain('Ana \\*Bold\\* Ferreira');
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@&123>');
    expect(text).not.toContain('[this](');
  });
});

describe('/find-contact autocomplete', () => {
  const suggest = async (value: string, user = ALICE) => {
    const response = await h.interact(autocomplete({ name: 'find-contact', user, focused: { name: 'query', value } }));
    expect(response.type).toBe(8);
    return (response as { data: { choices: { name: string; value: string }[] } }).data.choices;
  };

  it('suggests names and companies of searchable contacts to a member', async () => {
    addDiscordMember(h);
    addContact(h.t);
    addContact(h.t, { name: 'Hidden Person', company: 'Lumen Pay', vetted: false });
    addContact(h.t, { name: 'Closed Person', company: 'Lumen Pay', openToIntros: false });
    const choices = await suggest('lum');
    expect(choices).toContainEqual({ name: 'Ana Ferreira · Head of Payments at Lumen Pay', value: 'Ana Ferreira' });
    expect(choices).toContainEqual({ name: 'Lumen Pay (company)', value: 'Lumen Pay' });
    expect(JSON.stringify(choices)).not.toMatch(/Hidden|Closed|example\.com/);
  });

  it('suggests nothing to a stranger', async () => {
    addContact(h.t);
    expect(await suggest('ana', STRANGER)).toEqual([]);
  });
});
