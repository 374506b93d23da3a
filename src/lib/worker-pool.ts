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
 * Each worker does one task at a time; the rest wait here, in the order they were given, as small
 * objects. (Posted all at once, a worker would start every task together and hold them all in
 * memory.) Idle workers do not keep a finished build alive.
 */
export class WorkerPool<Task, Result> {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly waiting: Job<Task, Result>[] = [];
  private readonly running = new Map<Worker, Job<Task, Result>>();
  /** Set when a worker has died: nothing more can be done, and saying so beats waiting forever. */
  private broken: Error | undefined;
  private readonly failure: string;

  /**
   * @param failure what a failed task's error says first: "A social image could not be drawn"
   * @param source the worker's module: it defines `async function work(task)`
   */
  constructor(failure: string, source: string, options: { size: number; workerData: unknown }) {
    this.failure = failure;
    const module = new URL(`data:text/javascript,${encodeURIComponent(source + WORK_LOOP)}`);
    this.workers = Array.from({ length: Math.max(1, options.size) }, () => {
      const worker = new Worker(module, { workerData: options.workerData });
      worker.on('message', (message: Outcome<Result>) => this.finished(worker, message));
      worker.on('error', (error: Error) => this.failAll(error));
      worker.unref();
      return worker;
    });
    this.idle.push(...this.workers);
  }

  run(task: Task): Promise<Result> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.running.set(worker, job);
      worker.ref(); // a result is awaited: keep the process alive until it comes back
      worker.postMessage(job.task);
    }
  }

  private finished(worker: Worker, outcome: Outcome<Result>): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if ('result' in outcome) job?.resolve(outcome.result);
    else job?.reject(new Error(`${this.failure}: ${outcome.error}`));
    this.next();
  }

  private failAll(error: Error): void {
    this.broken = new Error(`${this.failure}: a worker thread stopped: ${error.message}`, { cause: error });
    for (const job of [...this.running.values(), ...this.waiting.splice(0)]) job.reject(this.broken);
    this.running.clear();
    for (const worker of this.workers) worker.unref();
  }
}

interface Job<Task, Result> {
  task: Task;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

type Outcome<Result> = { result: Result } | { error: string };

/** Appended to every worker's source: runs `work` on each task and posts back its result or its error. */
const WORK_LOOP = `
import { parentPort as __port } from 'node:worker_threads';
__port.on('message', async (task) => {
  try {
    __port.postMessage({ result: await work(task) });
  } catch (error) {
    __port.postMessage({ error: String(error?.stack ?? error) });
  }
});
`;
