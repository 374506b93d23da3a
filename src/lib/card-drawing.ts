import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Draws social cards (satori lays the card out as SVG, resvg rasterises it to PNG) in worker
 * threads, one per CPU. Both are synchronous and take about 35 ms a card, so a site of a thousand
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
parentPort.on('message', async ({ id, drawing }) => {
  try {
    const svg = await satori(drawing.tree, { width: drawing.width, height: drawing.height, fonts: workerData.faces });
    // satori has already turned the text into paths, so resvg need not scan the machine's fonts.
    const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: drawing.width }, font: { loadSystemFonts: false } });
    const png = resvg.render().asPng();
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
`;

interface Job {
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

class DrawingPool {
  private readonly workers: Worker[];
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

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
    this.workers = Array.from({ length: Math.max(1, availableParallelism()) }, () => {
      const worker = new Worker(source, { workerData });
      worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => this.settle(id, png, error));
      worker.on('error', (error) => this.failAll(error));
      worker.unref(); // idle workers must not keep a finished build alive
      return worker;
    });
  }

  draw(drawing: Drawing): Promise<Uint8Array> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      this.updateRefs();
      worker.postMessage({ id, drawing });
    });
  }

  private settle(id: number, png: Uint8Array | undefined, error: string | undefined): void {
    const job = this.jobs.get(id);
    this.jobs.delete(id);
    this.updateRefs();
    if (png) job?.resolve(png);
    else job?.reject(new Error(`A social image could not be drawn: ${error}`));
  }

  private failAll(error: Error): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
    this.updateRefs();
  }

  /** While a drawing is awaited, the workers keep the process alive; once none is, they let it end. */
  private updateRefs(): void {
    for (const worker of this.workers) {
      if (this.jobs.size > 0) worker.ref();
      else worker.unref();
    }
  }
}

let pool: DrawingPool | undefined;

/** Draws a card as PNG in a worker thread. The faces are those of the first call. */
export function drawCard(drawing: Drawing, faces: Face[]): Promise<Uint8Array> {
  pool ??= new DrawingPool(faces);
  return pool.draw(drawing);
}
