// The report's style sheet, inline in the page. Text wraps anywhere rather than
// overflowing; charts have fixed heights, so none is taller than a phone screen.
export const STYLE = `
  * { box-sizing: border-box; }
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 760px; margin: 0 auto; padding: 16px; color: #1d2433; overflow-wrap: anywhere; }
  h1 { font-size: 1.4rem; line-height: 1.25; margin: .5rem 0 .2rem; }
  h2 { font-size: 1.1rem; margin: 1.8rem 0 .6rem; }
  .meta, .empty, .note, .legend { color: #5b6478; }
  .meta { margin: .3rem 0; font-size: .9rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 8px; }
  .card { border: 1px solid #dde1ea; border-radius: 8px; padding: .5rem .75rem; }
  .card b { display: block; font-size: 1.4rem; }
  .rows { display: grid; gap: 8px; }
  .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 12px; }
  .label { font-weight: 600; }
  .value { font-variant-numeric: tabular-nums; }
  .note { font-size: .85rem; }
  .track { height: 10px; background: #edf0f7; border-radius: 5px; margin-top: 2px; }
  .fill { height: 100%; background: #4c6ef5; border-radius: 5px; min-width: 2px; }
  .weekly { width: 100%; }
  .plot { display: flex; align-items: flex-end; gap: 1px; height: 160px; border-bottom: 1px solid #c9cfdb; }
  .col { flex: 1 1 0; min-width: 0; height: 100%; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; }
  .with-values .col { padding-top: 18px; }
  .colvalue { font-size: 11px; line-height: 16px; color: #5b6478; }
  .req { width: 100%; background: #91a7ff; display: flex; align-items: flex-end; border-radius: 2px 2px 0 0; }
  .intro { width: 100%; background: #4c6ef5; }
  .axis { display: grid; margin-top: 4px; }
  .tick { font-size: 11px; color: #5b6478; white-space: nowrap; }
  .legend { font-size: .85rem; }
  .sw { display: inline-block; width: .8em; height: .8em; margin: 0 .25em 0 .6em; vertical-align: -.05em; }
  .sw.requested { background: #91a7ff; } .sw.introduced { background: #4c6ef5; }
  .list { list-style: none; padding: 0; margin: 0; }
  .list li { padding: .3rem 0; border-bottom: 1px solid #edf0f7; }
  .what { margin-right: .4rem; }
`;
