import { availableParallelism } from 'node:os';
import { processShared } from '../build/process-shared.ts';
import { packageUrl, WorkerPool } from '../build/worker-pool.ts';

/**
 * Draws social cards (satori lays the card out as SVG, resvg rasterises it to PNG) in worker
 * threads, one per CPU up to four (each holds its own satori and resvg, some tens of MB). Both are
 * synchronous and take about 35 ms a card, so many cards would otherwise keep the main thread busy
 * while the other cores wait. The workers import satori and resvg from the paths resolved here.
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
import { workerData } from 'node:worker_threads';
const satoriModule = await import(workerData.satori);
const resvgModule = await import(workerData.resvg);
const satori = satoriModule.default?.default ?? satoriModule.default;
const Resvg = resvgModule.Resvg ?? resvgModule.default.Resvg;
async function work(drawing) {
  const svg = await satori(drawing.tree, { width: drawing.width, height: drawing.height, fonts: workerData.faces });
  // satori has already turned the text into paths, so resvg need not scan the machine's fonts.
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: drawing.width }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}
`;

function drawingPool(faces: Face[]): WorkerPool<Drawing, Uint8Array> {
  return new WorkerPool<Drawing, Uint8Array>('A social image could not be drawn', WORKER, {
    size: Math.min(4, availableParallelism()),
    tasksPerWorker: 1,
    workerData: {
      satori: packageUrl('satori'),
      resvg: packageUrl('@resvg/resvg-js'),
      faces: faces.map((face) => ({
        ...face,
        data: face.data.buffer.slice(face.data.byteOffset, face.data.byteOffset + face.data.byteLength),
      })),
    },
  });
}

/** Draws a card as PNG in a worker thread. The faces are those of the first call; one pool per process (see social-image.ts). */
export function drawCard(drawing: Drawing, faces: Face[]): Promise<Uint8Array> {
  return processShared('card-drawing-pool', () => drawingPool(faces)).run(drawing);
}
