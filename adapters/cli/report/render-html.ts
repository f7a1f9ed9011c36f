// The owner's report as ONE self-contained HTML file: no script, no network, no
// images; every chart is HTML and CSS, so text wraps instead of being clipped
// and the page reads the same at a phone's 390 px as on a desktop.
import type { Count, ReportData } from '../../../src/use-cases/report.ts';
import { type Html, html, raw } from './html.ts';
import { STYLE } from './style.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const n = (v: number) => v.toLocaleString('en-US');
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/** A row per item: the label and its figure on one line (wrapping when narrow), a bar below. */
function barRows(items: { label: string; value: number; note?: string; attrs?: Html }[], max: number): Html {
  return html`<div class="rows">${items.map(
    (it) => html`<div class="row"${it.attrs ?? ''}>
  <div class="head"><span class="label">${it.label}</span><span class="value" data-value="${it.value}">${n(it.value)}${it.note ? html` <span class="note">${it.note}</span>` : ''}</span></div>
  <div class="track">${it.value > 0 ? html`<div class="fill" style="width:${((100 * it.value) / max).toFixed(1)}%"></div>` : ''}</div>
</div>`,
  )}</div>`;
}

function funnel(d: ReportData): Html {
  const top = d.funnel[0]?.value ?? 0;
  if (top === 0) return html`<p class="empty">No requests yet: the funnel fills in as members ask for intros.</p>`;
  return html`<div data-chart="funnel">${barRows(
    d.funnel.map((s) => ({ label: s.label, value: s.value, note: s.pctOfPrevious === null ? s.hint : `${s.pctOfPrevious}% of the step before · ${s.hint}`, attrs: html` data-step="${s.label}"` })),
    top,
  )}</div>`;
}

function optIn(d: ReportData): Html {
  const o = d.optIn;
  if (o.asked + o.notNeeded === 0) return html``;
  return html`<p class="meta">Contacts asked first: ${n(o.asked)} (${n(o.yes)} said yes, ${n(o.no)} no, ${n(o.expired)} did not answer in time, ${n(o.waiting)} waiting). ${plural(o.notNeeded, 'intro')} needed no opt-in.</p>`;
}

/** Labels: at most five, each over the weeks up to the next, so they never overlap. */
function axisLabels(weeks: ReportData['weekly']): Html {
  const count = weeks.length;
  const step = Math.ceil(count / 5);
  const long = count > 20;
  const labels: Html[] = [];
  for (let i = 0; i + step <= count || (i === 0 && count > 0); i += step) {
    const [y, m, day] = (weeks[i]?.week ?? '').split('-').map(Number);
    const text = long ? `${MONTHS[(m ?? 1) - 1]} ${y}` : `${day} ${MONTHS[(m ?? 1) - 1]}`;
    labels.push(html`<span class="tick" style="grid-column:${i + 1} / span ${Math.min(step, count - i)}">${text}</span>`);
  }
  return html`<div class="axis" style="grid-template-columns:repeat(${count}, minmax(0, 1fr))">${labels}</div>`;
}

function weekly(d: ReportData): Html {
  const weeks = d.weekly;
  if (weeks.length === 0) return html`<p class="empty">No requests yet: the chart fills in week by week.</p>`;
  const max = Math.max(1, ...weeks.map((w) => w.requested));
  const showValues = weeks.length <= 12;
  // Columns are at most 40 px wide, so one week is a bar, not a wall.
  const cols = weeks.map(
    (w) => html`<div class="col" data-week="${w.week}" title="Week of ${w.week}: ${w.requested} requested, ${w.introduced} introduced">
  ${showValues ? html`<span class="colvalue">${w.requested}</span>` : ''}<div class="req" style="height:${((100 * w.requested) / max).toFixed(1)}%"><div class="intro" style="height:${w.requested ? ((100 * w.introduced) / w.requested).toFixed(1) : 0}%"></div></div>
</div>`,
  );
  return html`<p class="meta">Most in one week: ${plural(max, 'request')}. ${plural(weeks.length, 'week')}.</p>
<div class="weekly" data-chart="weekly" style="max-width:${weeks.length * 41}px">
<div class="plot${showValues ? ' with-values' : ''}">${cols}</div>
${axisLabels(weeks)}
</div>
<p class="legend"><span class="sw requested"></span>requested <span class="sw introduced"></span>of which introduced</p>`;
}

function pending(d: ReportData): Html {
  if (d.pending.length === 0) return html`<p class="empty">Nothing is waiting for your decision.</p>`;
  return html`<ul class="list" data-chart="pending">${d.pending.map(
    (p) => html`<li data-request="${p.id}"><span class="what">#${p.id} ${p.requester} → ${p.contact}</span> <span class="note">waiting ${plural(p.ageDays, 'day')}</span></li>`,
  )}</ul>`;
}

function counts(items: Count[], empty: string, chart: string): Html {
  const total = items.reduce((s, c) => s + c.count, 0);
  if (total === 0) return html`<p class="empty">${empty}</p>`;
  return html`<div data-chart="${chart}">${barRows(
    items.map((c) => ({ label: c.label, value: c.count, note: `${Math.round((100 * c.count) / total)}%` })),
    Math.max(...items.map((c) => c.count)),
  )}</div>`;
}

function duration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return 'under an hour';
  if (hours < 48) return plural(Math.round(hours), 'hour');
  return plural(Math.round(hours / 24), 'day');
}

function decisionTime(d: ReportData): Html {
  const t = d.decisionTime;
  if (t.decided === 0) return html`<p class="empty">No decisions yet.</p>`;
  return html`<p class="meta">Half of ${plural(t.decided, 'decision')} took ${duration(t.medianHours)} or less; nine in ten took ${duration(t.p90Hours)} or less.</p>
${counts(t.buckets, '', 'decision-time')}`;
}

function perContact(d: ReportData): Html {
  if (d.perContact.length === 0) return html`<p class="empty">No requests yet.</p>`;
  return html`<ul class="list">${d.perContact.map(
    (c) => html`<li><span class="what">${c.name}</span> <span class="note">${n(c.requests)} asked, ${n(c.approved)} approved, ${n(c.introduced)} introduced</span></li>`,
  )}</ul>`;
}

export function renderReport(d: ReportData): string {
  const h = d.headline;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.ownerName}'s network — intro-broker report</title>
<style>${raw(STYLE)}</style></head>
<body>
<h1>What ${d.ownerName}'s network produced</h1>
<p class="meta">Generated ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC by intro-broker.</p>
<div class="cards">
  <div class="card" id="contacts"><b>${n(h.searchable)}</b>searchable contacts</div>
  <div class="card" id="members"><b>${n(h.members)}</b>members</div>
  <div class="card" id="introduced"><b>${n(h.introduced)}</b>introductions</div>
  <div class="card" id="jobs"><b>${n(h.jobs)}</b>jobs</div>
</div>
<h2>The funnel</h2>
${funnel(d)}
${optIn(d)}
<h2>Requests over time</h2>
${weekly(d)}
<h2>Waiting for your decision</h2>
${pending(d)}
<h2>Why requests were declined</h2>
${counts(d.declines, 'No declines.', 'declines')}
<h2>Time to decision</h2>
${decisionTime(d)}
<h2>What intros led to</h2>
${counts(d.outcomes, 'No outcomes reported yet: requesters are asked two weeks after an intro.', 'outcomes')}
<h2>Contacts most asked for</h2>
${perContact(d)}
</body></html>
`.text;
}
