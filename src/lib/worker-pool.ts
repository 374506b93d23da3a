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
 * Tasks wait here, in the order they were given, until a worker has fewer than `tasksEach` of them
 * under way. One at a time suits large tasks (a card's layout holds megabytes). Small ones (a
 * citation, a millisecond) are better handed over all at once: a worker that has to wait for the
 * main thread to send its next task sits idle while the main thread renders a page. Idle workers
 * do not keep a finished build alive.
 */
export class WorkerPool<Task, Result> {
  private readonly workers: { thread: Worker; tasks: number }[];
  private readonly waiting: Job<Task, Result>[] = [];
  private readonly running = new Map<number, Job<Task, Result>>();
  private lastId = 0;
  /** Set when a worker has died: nothing more can be done, and saying so beats waiting forever. */
  private broken: Error | undefined;
  private readonly failure: string;
  private readonly tasksEach: number;

  /**
   * @param failure what a failed task's error says first: "A social image could not be drawn"
   * @param source the worker's module: it defines `async function work(task)`
   * @param options how many workers, how many tasks each may have under way, and their `workerData`
   */
  constructor(failure: string, source: string, options: { size: number; tasksEach: number; workerData: unknown }) {
    this.failure = failure;
    this.tasksEach = options.tasksEach;
    const module = new URL(`data:text/javascript,${encodeURIComponent(source + WORK_LOOP)}`);
    this.workers = Array.from({ length: Math.max(1, options.size) }, () => {
      const worker = { thread: new Worker(module, { workerData: options.workerData }), tasks: 0 };
      worker.thread.on('message', (outcome: Outcome<Result>) => this.finished(worker, outcome));
      worker.thread.on('error', (error: Error) => this.failAll(error));
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
      if (worker.tasks >= this.tasksEach) return;
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
    else job?.reject(new Error(`${this.failure}: ${outcome.error}`));
    this.next();
  }

  private failAll(error: Error): void {
    this.broken = new Error(`${this.failure}: a worker thread stopped: ${error.message}`, { cause: error });
    for (const job of [...this.running.values(), ...this.waiting.splice(0)]) job.reject(this.broken);
    this.running.clear();
    for (const worker of this.workers) worker.thread.unref();
  }
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
