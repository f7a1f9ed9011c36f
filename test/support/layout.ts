// Checks a page's layout in headless Chromium (the system's, through
// playwright-core; no browser is downloaded): text that overflows its box or
// the page, text that is clipped, text that overlaps other text, and charts
// taller than the viewport. Returns the problems, described for a person.
import { chromium, type Browser } from 'playwright-core';

/** `executablePath`: the system browser, from findChromium() / chromiumOrSkip() in ./chromium.ts. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  // Without these, Chromium tries to reach Google's hosts, which this closed network refuses.
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

export interface LayoutReport {
  problems: string[];
  /** How many text boxes were checked (a check over nothing proves nothing). */
  texts: number;
  charts: number;
}

export async function checkLayout(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<LayoutReport> {
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(url);
    return await page.evaluate<LayoutReport>(INSPECT);
  } finally {
    await page.close();
  }
}

// Runs in the page, as plain JavaScript: this project's TypeScript has no DOM types.
const INSPECT = `(() => {
  const problems = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  if (document.documentElement.scrollWidth > vw + 1) problems.push(\`the page scrolls sideways (\${document.documentElement.scrollWidth} > \${vw} px)\`);
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const el = node.parentElement;
    if (!text || !el || getComputedStyle(el).visibility === 'hidden') continue;
    const name = \`"\${text.slice(0, 40)}"\`;
    // The block that holds the text: inline elements wrap their text by definition.
    let block = el;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const b = (block ?? document.body).getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      if (r.left < b.left - 1 || r.right > b.right + 1) problems.push(\`\${name} overflows its box (\${Math.round(r.left)}–\${Math.round(r.right)} in \${Math.round(b.left)}–\${Math.round(b.right)})\`);
      if (r.left < -1 || r.right > vw + 1) problems.push(\`\${name} runs off the page\`);
      boxes.push({ r, node, name });
    }
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.textOverflow === 'ellipsis';
      if (clips && (a.scrollWidth > a.clientWidth + 1 || a.scrollHeight > a.clientHeight + 1)) problems.push(\`\${name} is clipped by <\${a.tagName.toLowerCase()} class="\${a.className}">\`);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const p = boxes[i];
      const q = boxes[j];
      if (p.node === q.node) continue;
      const w = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
      const h = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
      if (w > 1 && h > 1) problems.push(\`\${p.name} overlaps \${q.name}\`);
    }
  }
  const charts = Array.from(document.querySelectorAll('[data-chart]'));
  for (const c of charts) {
    const h = c.getBoundingClientRect().height;
    if (h > vh) problems.push(\`chart \${c.getAttribute('data-chart')} is \${Math.round(h)} px tall, taller than the \${vh} px viewport\`);
  }
  return { problems, texts: boxes.length, charts: charts.length };
})()`;
