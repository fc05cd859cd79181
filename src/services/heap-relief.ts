import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection after whole-plan work that left much garbage behind, in the server process only.
 *
 * Computing a plan's status at 100k nodes allocates ~500 MB of short-lived rows and intermediates
 * (bench/RESULTS.md, RSS with L). V8 collects the old generation when it reaches a limit set at its last
 * collection — which falls in the middle of such a computation, while its intermediates are still live,
 * and V8's own idle-time reducer only starts after a collection that grew the heap. So an idle server
 * kept ~60–100 MB of dead intermediates resident (PostgreSQL: ~160 MB of heap in use for ~60 MB live,
 * RSS 245–278 MB) until later traffic happened to trigger a collection. One collection when the work is
 * done (~70 ms measured on the loaded 2-core bench machine, after seconds of work) returns it: RSS at rest
 * ~195 MB on both databases. Plans of ordinary size never reach the threshold.
 *
 * `gc` is obtained the way test runners obtain it (jest's leak detector): exposing it at run time and
 * reading it from a fresh context. Off unless `enableHeapRelief` is called (cli `start`), so tests and
 * tools keep V8's defaults.
 */
const GROWTH_BYTES = 48 * 1024 * 1024;
/** A full collection stops the process for tens of ms at L: at most one per interval, the next one deferred. */
const MIN_INTERVAL_MS = 10_000;

let collect: (() => void) | null = null;
let usedAfterLast = 0;
let lastAt = 0;
let scheduled = false;

export function enableHeapRelief(): void {
  if (collect) return;
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
  usedAfterLast = getHeapStatistics().used_heap_size;
}

/** Called when whole-plan work finishes: collects once the current turn is over if the heap grew enough since the last time. */
export function bulkWorkDone(): void {
  if (!collect || scheduled) return;
  const used = getHeapStatistics().used_heap_size;
  // V8's own collections lower the mark too: growth is counted from the lowest point seen.
  usedAfterLast = Math.min(usedAfterLast, used);
  if (used - usedAfterLast < GROWTH_BYTES) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    lastAt = Date.now();
    collect!();
    usedAfterLast = getHeapStatistics().used_heap_size;
  };
  const wait = lastAt + MIN_INTERVAL_MS - Date.now();
  // After the caller has used the result (the route serialises it in the same turn), so only garbage is left.
  if (wait <= 0) setImmediate(run);
  else setTimeout(run, wait).unref();
}
