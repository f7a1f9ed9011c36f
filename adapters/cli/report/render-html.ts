// A self-contained HTML report: the funnel and outcomes over time as inline SVG
// charts (no scripts, no network), readable in any browser and easy to mail.
import type { Funnel, Stats } from '../../../src/ports.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface Step {
  label: string;
  value: number;
}

function funnelChart(steps: Step[]): string {
  const max = Math.max(1, ...steps.map((s) => s.value));
  const rowH = 34;
  const width = 640;
  const labelW = 150;
  const bars = steps
    .map((s, i) => {
      const w = Math.round(((width - labelW - 60) * s.value) / max);
      const y = i * rowH;
      const rate = i > 0 && steps[i - 1]!.value > 0 ? ` (${Math.round((100 * s.value) / steps[i - 1]!.value)}%)` : '';
      return `<g data-step="${esc(s.label)}">
  <text x="${labelW - 8}" y="${y + 21}" text-anchor="end" class="label">${esc(s.label)}</text>
  <rect x="${labelW}" y="${y + 6}" width="${Math.max(w, 2)}" height="${rowH - 12}" rx="4" class="bar bar-${i}"/>
  <text x="${labelW + Math.max(w, 2) + 8}" y="${y + 21}" class="value" data-value="${s.value}">${s.value}${rate}</text>
</g>`;
    })
    .join('\n');
  return `<svg role="img" aria-label="Funnel" viewBox="0 0 ${width} ${steps.length * rowH}" width="100%">${bars}</svg>`;
}

function weeklyChart(weeks: Funnel['weekly']): string {
  if (weeks.length === 0) return '<p class="empty">No requests yet: the chart fills in as members ask for intros.</p>';
  const max = Math.max(1, ...weeks.map((w) => w.requested));
  const h = 180;
  const slot = Math.max(18, Math.min(60, Math.floor(600 / weeks.length)));
  const width = slot * weeks.length + 40;
  const bar = (x: number, value: number, cls: string, w: number) => {
    const bh = Math.round(((h - 30) * value) / max);
    return `<rect x="${x}" y="${h - 20 - bh}" width="${w}" height="${bh}" class="${cls}"><title>${value}</title></rect>`;
  };
  const cols = weeks
    .map((w, i) => {
      const x = 30 + i * slot;
      const bw = Math.max(4, Math.floor((slot - 6) / 3));
      return `<g data-week="${esc(w.week)}">${bar(x, w.requested, 'requested', bw)}${bar(x + bw, w.introduced, 'introduced', bw)}${bar(x + 2 * bw, w.goodOutcomes, 'good', bw)}
  <text x="${x}" y="${h - 4}" class="tick">${esc(w.week.slice(5))}</text></g>`;
    })
    .join('\n');
  return `<svg role="img" aria-label="Requests, intros and good outcomes per week" viewBox="0 0 ${width} ${h}" width="100%">${cols}</svg>
<p class="legend"><span class="sw requested"></span>requested <span class="sw introduced"></span>introduced <span class="sw good"></span>opportunity or job</p>`;
}

export function renderReport(input: { funnel: Funnel; stats: Stats; ownerName: string; generatedAt: string }): string {
  const { funnel: f, stats: s } = input;
  const steps: Step[] = [
    { label: 'Requested', value: f.requested },
    { label: 'Approved', value: f.approved },
    { label: 'Contact said yes', value: f.contactYes },
    { label: 'Introduced', value: f.introduced },
    { label: 'Met', value: f.met },
    { label: 'Opportunity', value: f.opportunity },
    { label: 'Job', value: f.job },
  ];
  const rows = f.perContact
    .map((c) => `<tr><td>${esc(c.name)}</td><td>${c.requests}</td><td>${c.approved}</td><td>${c.contactYes}</td><td>${c.contactNo}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.ownerName)}'s network — intro-broker report</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 760px; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
  h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  .meta { color: #667; margin-top: 0; } .cards { display: flex; gap: .75rem; flex-wrap: wrap; }
  .card { border: 1px solid #dde; border-radius: 8px; padding: .6rem .9rem; min-width: 120px; }
  .card b { display: block; font-size: 1.4rem; }
  .label { font-size: 13px; fill: #334; } .value { font-size: 13px; fill: #223; font-weight: 600; } .tick { font-size: 10px; fill: #667; }
  .bar { fill: #4c6ef5; } .bar-0 { fill: #91a7ff; } .bar-5, .bar-6 { fill: #2f9e44; }
  .requested, .sw.requested { fill: #91a7ff; background: #91a7ff; } .introduced, .sw.introduced { fill: #4c6ef5; background: #4c6ef5; }
  .good, .sw.good { fill: #2f9e44; background: #2f9e44; } .sw { display: inline-block; width: .8em; height: .8em; margin: 0 .2em 0 .8em; }
  table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
  .empty { color: #667; }
</style></head>
<body>
<h1>What ${esc(input.ownerName)}'s network produced</h1>
<p class="meta">Generated ${esc(input.generatedAt.slice(0, 16).replace('T', ' '))} UTC by intro-broker.</p>
<div class="cards">
  <div class="card" id="contacts"><b>${s.contacts.searchable}</b>searchable contacts</div>
  <div class="card" id="members"><b>${s.members.member}</b>members</div>
  <div class="card" id="introduced"><b>${f.introduced}</b>introductions</div>
  <div class="card" id="jobs"><b>${f.job}</b>jobs</div>
</div>
<h2>The funnel</h2>
${funnelChart(steps)}
<h2>Over time</h2>
${weeklyChart(f.weekly)}
<h2>Contacts most asked for</h2>
${rows ? `<table><thead><tr><th>Contact</th><th>Asked</th><th>Approved</th><th>Said yes</th><th>Said no</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="empty">No requests yet.</p>'}
</body></html>
`;
}
