// /find-contact off the event loop that acks: a worker thread searches,
// renders and answers through the command's response_url (search-thread.ts).
// The listener only acks and hands the job over, so a burst of searches never
// delays an ack. If the thread dies, answer() says so and the listener
// answers inline instead.
import { Worker } from 'node:worker_threads';
import type { Policy } from '../../src/context.ts';
import type { Logger } from '../../src/ports.ts';

/** A /find-contact command (`text`), or a click on a search page button (`actionId`, its answer replacing the results). */
export interface SearchJob {
  userId: string;
  userName?: string;
  text?: string;
  actionId?: string;
  responseUrl: string;
}

export interface SearchThreadData {
  databasePath: string;
  policy: Policy;
}

export type SearchThreadMessage = { type: 'ready' } | { type: 'error'; what: string; detail: Record<string, unknown> };

/** What the listener needs: hand a job over, or learn that it cannot be (then it answers inline). */
export interface SearchOffload {
  answer(job: SearchJob): boolean;
}

const YOUNG_GENERATION_MB = 4;

export class SlackSearchWorker implements SearchOffload {
  private readonly worker: Worker;
  private alive = true;
  /** Resolves when the thread has opened the database and built its index. */
  readonly ready: Promise<void>;

  constructor(options: SearchThreadData & { logger: Logger }) {
    const { logger, ...data } = options;
    // Under tsx (development, tests) the thread is TypeScript too and loads through tsx's API; a build runs the .js.
    const typescript = import.meta.url.endsWith('.ts');
    const script = new URL(`./search-thread.${typescript ? 'ts' : 'js'}`, import.meta.url);
    // A small young generation: searches make short-lived garbage, and V8 would otherwise grow it to tens of MB.
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
    this.worker = typescript
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(import.meta.url)}))`, {
          eval: true,
          workerData: data,
          resourceLimits,
        })
      : new Worker(script, { workerData: data, resourceLimits });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (msg: SearchThreadMessage) => {
        if (msg.type === 'ready') resolve();
        else logger.error(msg.detail, msg.what);
      });
      this.worker.once('error', (err) => {
        this.alive = false;
        logger.error({ error: err.name, message: err.message.slice(0, 200) }, 'slack search worker failed; searching on the main thread');
        reject(err);
      });
      this.worker.once('exit', () => {
        this.alive = false;
      });
    });
    this.ready.catch(() => undefined);
  }

  answer(job: SearchJob): boolean {
    if (!this.alive) return false;
    this.worker.postMessage(job);
    return true;
  }

  async stop(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }
}
