/**
 * One step at a time, in two lanes: every `now` step in the order it was asked for, a `later` step
 * only when no `now` step waits. DuckDB-WASM answers one query at a time per connection; a user's
 * choice must never wait behind a queue of prefetches, only behind the one step already running.
 */
export type Lane = 'now' | 'later';

export type Enqueue = <T>(step: () => Promise<T>, lane?: Lane) => Promise<T>;

export function createLanes(): Enqueue {
  const waiting: Record<Lane, (() => void)[]> = { now: [], later: [] };
  let busy = false;
  function runNext(): void {
    const step = waiting.now.shift() ?? waiting.later.shift();
    busy = step !== undefined;
    step?.();
  }
  return <T>(step: () => Promise<T>, lane: Lane = 'now') =>
    new Promise<T>((resolve, reject) => {
      waiting[lane].push(() => {
        // A step that throws before its promise exists still frees the lane.
        let running: Promise<T>;
        try {
          running = step();
        } catch (e) {
          running = Promise.reject(e);
        }
        void running.then(resolve, reject).finally(runNext);
      });
      if (!busy) runNext();
    });
}
