// The baseline for the bot's memory: a Node process with the TypeScript loader
// (as `npm start` runs the bot) and nothing else. Answers 'rss' and 'stop'.
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'rss') {
    const m = process.memoryUsage();
    process.send?.({ type: 'rss', rss: m.rss, heapUsed: m.heapUsed, external: m.external });
  } else if (msg.type === 'stop') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
