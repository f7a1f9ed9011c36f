// What the report computes: a funnel of true subsets, every week on the axis,
// pending requests oldest first, and totals that agree with the store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport, weekOf } from '../../src/use-cases/report.ts';
import { makeCore, type TestCore } from '../support/core.ts';
import { seedHistory } from '../support/report-history.ts';

let t: TestCore;
beforeEach(() => {
  t = makeCore();
});
afterEach(() => t.cleanup());

describe('buildReport', () => {
  it('counts intros that needed no opt-in as introduced, never above approved', () => {
    seedHistory(t, 8);
    const r = buildReport(t.ctx);
    const [requested, approved, introduced, met, opportunity, job] = r.funnel.map((s) => s.value);
    const all = t.ctx.store.listRequests();
    expect(requested).toBe(all.length);
    expect(approved).toBe(all.filter((x) => x.status === 'approved').length);
    expect(introduced).toBe(all.filter((x) => x.stage === 'introduced').length);
    expect([approved, introduced, met, opportunity, job].every((v, i, a) => v! <= (i ? a[i - 1]! : requested!))).toBe(true);
    expect(r.funnel.every((s) => s.pctOfPrevious === null || s.pctOfPrevious <= 100)).toBe(true);
    // Both kinds of intro are in "introduced": asked and said yes, or no opt-in needed.
    expect(r.optIn.yes + r.optIn.notNeeded).toBe(introduced);
    expect(r.optIn.notNeeded).toBeGreaterThan(0);
  });

  it('puts every week from the first request to now on the axis, empty ones too', () => {
    seedHistory(t, 8);
    t.ctx.clock.advanceDays(21); // three quiet weeks since
    const r = buildReport(t.ctx);
    expect(r.weekly[0]?.week).toBe(weekOf(t.ctx.store.listRequests()[0]!.createdAt));
    expect(r.weekly.at(-1)?.week).toBe(weekOf(t.ctx.clock.now().toISOString()));
    for (let i = 1; i < r.weekly.length; i++) expect(Date.parse(r.weekly[i]!.week) - Date.parse(r.weekly[i - 1]!.week)).toBe(7 * 86_400_000);
    expect(r.weekly.slice(-3).map((w) => w.requested)).toEqual([0, 0, 0]);
    expect(r.weekly.reduce((s, w) => s + w.requested, 0)).toBe(t.ctx.store.listRequests().length);
  });

  it('lists pending requests oldest first, and decline, decision and outcome totals that add up', () => {
    seedHistory(t, 8);
    t.ctx.clock.advanceDays(3);
    const r = buildReport(t.ctx);
    const all = t.ctx.store.listRequests();
    expect(r.pending.map((p) => p.id).sort()).toEqual(all.filter((x) => x.status === 'pending').map((x) => x.id).sort());
    expect(r.pending.every((p, i, a) => i === 0 || a[i - 1]!.ageDays >= p.ageDays)).toBe(true);
    expect(r.pending[0]!.ageDays).toBeGreaterThanOrEqual(3);
    expect(r.declines.reduce((s, d) => s + d.count, 0)).toBe(all.filter((x) => x.status === 'declined').length);
    expect(r.declines.every((d) => d.count > 0)).toBe(true);
    expect(r.decisionTime.decided).toBe(all.filter((x) => x.decidedAt).length);
    expect(r.decisionTime.buckets.reduce((s, b) => s + b.count, 0)).toBe(r.decisionTime.decided);
    expect(r.decisionTime.medianHours).toBeLessThanOrEqual(r.decisionTime.p90Hours!);
    expect(r.outcomes.reduce((s, o) => s + o.count, 0)).toBe(all.filter((x) => x.outcome).length);
  });

  it('is empty, not wrong, with no requests', () => {
    const r = buildReport(t.ctx);
    expect(r.weekly).toEqual([]);
    expect(r.funnel.map((s) => s.value)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.decisionTime).toMatchObject({ decided: 0, medianHours: null });
  });
});
