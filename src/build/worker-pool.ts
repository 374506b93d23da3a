import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads for the build's CPU-bound work (drawing social cards, formatting citations), so
 * that it runs on the cores the main thread leaves idle.
 *
 * A worker is a small module in a `data:` URL, so the build output needs no file of its own for it.
 * Its source defines `async function work(task)`; the pool adds the loop that feeds it tasks. A
 * `data:` module has no folder to resolve bare names from, so it imports packages from paths the
 * caller resolves and passes in `workerData`.
 *
 * Tasks wait here, in the order they were given, until a worker has fewer than `tasksPerWorker` of them
 * under way. One at a time suits large tasks (a card's layout holds megabytes). Small ones (a
 * citation, a millisecond) are better handed over all at once: a worker that has to wait for the
 * main thread to send its next task sits idle while the main thread renders a page. Idle workers
 * do not keep a finished build alive.
 *
 * Kept hand-written rather than taken from a pool library (piscina, tinypool): it is about a hundred
 * lines with no dependency, runs its worker from a `data:` module so that Astro's bundled build
 * needs no worker file beside it, and hands small tasks over in batches, which is what the build needs.
 */
export class WorkerPool<Task, Result> {
  private readonly workers: { thread: Worker; tasks: number }[];
  private readonly waiting: Job<Task, Result>[] = [];
  private readonly running = new Map<number, Job<Task, Result>>();
  private lastId = 0;
  /** Set when a worker has died: nothing more can be done, and saying so beats waiting forever. */
  private broken: Error | undefined;
  private readonly errorPrefix: string;
  private readonly tasksPerWorker: number;

  /**
   * @param errorPrefix what a failed task's error says first: "A social image could not be drawn"
   * @param source the worker's module: it defines `async function work(task)`
   * @param options how many workers, how many tasks each may have under way, and their `workerData`
   */
  constructor(errorPrefix: string, source: string, options: { size: number; tasksPerWorker: number; workerData: unknown }) {
    if (!(options.tasksPerWorker >= 1)) throw new Error(`WorkerPool: tasksPerWorker must be at least 1, not ${options.tasksPerWorker}`);
    this.errorPrefix = errorPrefix;
    this.tasksPerWorker = options.tasksPerWorker;
    const module = new URL(`data:text/javascript,${encodeURIComponent(source + WORK_LOOP)}`);
    this.workers = Array.from({ length: Math.max(1, options.size) }, () => {
      const worker = { thread: new Worker(module, { workerData: options.workerData }), tasks: 0 };
      worker.thread.on('message', (outcome: Outcome<Result>) => this.finished(worker, outcome));
      worker.thread.on('error', (error: Error) => this.failAll(error));
      // A result that cannot be read, or a worker that ends without an error, would leave its tasks
      // waiting for ever; and nothing would keep the build alive to wait.
      worker.thread.on('messageerror', (error: Error) => this.failAll(error));
      worker.thread.on('exit', (code) => {
        if (worker.tasks > 0 || this.waiting.length > 0) this.failAll(new Error(`it exited with code ${code}`));
      });
      worker.thread.unref();
      return worker;
    });
  }

  run(task: Task): Promise<Result> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: ++this.lastId, task, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.waiting.length > 0) {
      const worker = this.workers.reduce((least, worker) => (worker.tasks < least.tasks ? worker : least));
      if (worker.tasks >= this.tasksPerWorker) return;
      const job = this.waiting.shift()!;
      this.running.set(job.id, job);
      if (worker.tasks++ === 0) worker.thread.ref(); // results are awaited: keep the process alive until they come back
      worker.thread.postMessage({ id: job.id, task: job.task });
    }
  }

  private finished(worker: { thread: Worker; tasks: number }, outcome: Outcome<Result>): void {
    const job = this.running.get(outcome.id);
    this.running.delete(outcome.id);
    if (--worker.tasks === 0) worker.thread.unref();
    if ('result' in outcome) job?.resolve(outcome.result);
    else job?.reject(new Error(`${this.errorPrefix}: ${outcome.error}`));
    this.next();
  }

  private failAll(error: Error): void {
    if (this.broken) return;
    this.broken = new Error(`${this.errorPrefix}: a worker thread stopped: ${error.message}`, { cause: error });
    for (const job of [...this.running.values(), ...this.waiting.splice(0)]) job.reject(this.broken);
    this.running.clear();
    for (const worker of this.workers) worker.thread.unref();
  }
}

/** Where a worker imports an installed package from: a `data:` module cannot resolve bare names. */
export function packageUrl(name: string): string {
  return pathToFileURL(createRequire(import.meta.url).resolve(name)).href;
}

interface Job<Task, Result> {
  id: number;
  task: Task;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

type Outcome<Result> = { id: number } & ({ result: Result } | { error: string });

/** Appended to every worker's source: runs `work` on each task and posts back its result or its error. */
const WORK_LOOP = `
import { parentPort as __port } from 'node:worker_threads';
__port.on('message', async ({ id, task }) => {
  try {
    __port.postMessage({ id, result: await work(task) });
  } catch (error) {
    __port.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
`;
