import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/build/worker-pool.ts';

const options = { size: 2, tasksPerWorker: Infinity, workerData: null };

describe('WorkerPool', () => {
  it('gives each task its own result, however many are under way at once', async () => {
    const pool = new WorkerPool<number, number>('Could not square', 'async function work(n) { return n * n; }', options);
    const numbers = Array.from({ length: 50 }, (_, index) => index);
    expect(await Promise.all(numbers.map((n) => pool.run(n)))).toEqual(numbers.map((n) => n * n));
  });

  it("rejects a failed task with the pool's prefix and the reason, and goes on with the next", async () => {
    const pool = new WorkerPool<number, number>(
      'Could not invert',
      'async function work(n) { if (n === 0) throw new Error("zero"); return 1 / n; }',
      options,
    );
    await expect(pool.run(0)).rejects.toThrow(/^Could not invert: Error: zero/);
    expect(await pool.run(4)).toBe(0.25);
  });

  it('fails the waiting tasks, instead of leaving them waiting, when a worker ends', async () => {
    const pool = new WorkerPool<number, number>('Could not wait', 'async function work() { process.exit(3); }', {
      ...options,
      size: 1,
    });
    await expect(pool.run(1)).rejects.toThrow(/Could not wait: a worker thread stopped: it exited with code 3/);
    await expect(pool.run(2)).rejects.toThrow(/a worker thread stopped/);
  });
});
