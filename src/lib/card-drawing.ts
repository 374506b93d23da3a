import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Draws social cards (satori lays the card out as SVG, resvg rasterises it to PNG) in worker
 * threads, one per CPU up to four (each holds its own satori and resvg, some tens of MB). Both are
 * synchronous and take about 35 ms a card, so a site of a thousand
 * pages would otherwise keep one core busy for half a minute while the others wait.
 *
 * The worker is a small module in a `data:` URL, so the build output needs no file of its own for
 * it; it imports satori and resvg from the paths this module resolves, since a `data:` module has
 * no folder to resolve bare names from.
 */
export interface Drawing {
  /** satori's element tree. */
  tree: unknown;
  width: number;
  height: number;
}

export interface Face {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const satoriModule = await import(workerData.satori);
const resvgModule = await import(workerData.resvg);
const satori = satoriModule.default?.default ?? satoriModule.default;
const Resvg = resvgModule.Resvg ?? resvgModule.default.Resvg;
parentPort.on('message', async ({ drawing }) => {
  try {
    const svg = await satori(drawing.tree, { width: drawing.width, height: drawing.height, fonts: workerData.faces });
    // satori has already turned the text into paths, so resvg need not scan the machine's fonts.
    const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: drawing.width }, font: { loadSystemFonts: false } });
    const png = resvg.render().asPng();
    parentPort.postMessage({ png });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) });
  }
});
`;

interface Job {
  drawing: Drawing;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Each worker draws one card at a time; the rest wait here, as small objects. (Posted all at once,
 * a worker would start every layout together and hold them all in memory.)
 */
class DrawingPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly waiting: Job[] = [];
  private readonly drawing = new Map<Worker, Job>();
  /** Set when a worker has died: nothing more can be drawn, and saying so beats waiting forever. */
  private broken: Error | undefined;

  constructor(faces: Face[]) {
    const require = createRequire(import.meta.url);
    const workerData = {
      satori: pathToFileURL(require.resolve('satori')).href,
      resvg: pathToFileURL(require.resolve('@resvg/resvg-js')).href,
      faces: faces.map((face) => ({
        ...face,
        data: face.data.buffer.slice(face.data.byteOffset, face.data.byteOffset + face.data.byteLength),
      })),
    };
    const source = new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`);
    this.workers = Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, () => {
      const worker = new Worker(source, { workerData });
      worker.on('message', ({ png, error }: { png?: Uint8Array; error?: string }) => this.finished(worker, png, error));
      worker.on('error', (error: Error) => this.failAll(error));
      worker.unref(); // idle workers must not keep a finished build alive
      return worker;
    });
    this.idle.push(...this.workers);
  }

  draw(drawing: Drawing): Promise<Uint8Array> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ drawing, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.waiting.shift()!;
      this.drawing.set(worker, job);
      worker.ref(); // a drawing is awaited: keep the process alive until it comes back
      worker.postMessage({ drawing: job.drawing });
    }
  }

  private finished(worker: Worker, png: Uint8Array | undefined, error: string | undefined): void {
    const job = this.drawing.get(worker);
    this.drawing.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (png) job?.resolve(png);
    else job?.reject(new Error(`A social image could not be drawn: ${error}`));
    this.next();
  }

  private failAll(error: Error): void {
    this.broken = new Error(`A worker drawing social images stopped: ${error.message}`, { cause: error });
    for (const job of [...this.drawing.values(), ...this.waiting.splice(0)]) job.reject(this.broken);
    this.drawing.clear();
    for (const worker of this.workers) worker.unref();
  }
}

/** One pool per process, on globalThis: this module may be loaded twice in one build (see social-image.ts). */
const POOL = Symbol.for('footnoted-explainers.card-drawing-pool');

/** Draws a card as PNG in a worker thread. The faces are those of the first call. */
export function drawCard(drawing: Drawing, faces: Face[]): Promise<Uint8Array> {
  const holder = globalThis as { [POOL]?: DrawingPool };
  holder[POOL] ??= new DrawingPool(faces);
  return holder[POOL].draw(drawing);
}
