// A worker thread of the prime pool (./prime-pool.ts), served by ./pool-worker.ts: a job is prepared
// once with the core's PRIME_TASKS (src/math/zerodim/prime-tasks.ts: the table, the trace and the
// normal set), a task is a prime, and the reply is its image (the buffer transferred).
import { PRIME_TASKS, type PreparedTask, type PrimeImage, type PrimeJob } from '../lang/prime-runner.js';
import { serveTasks } from './pool-worker.js';

serveTasks<PrimeJob, number, PreparedTask, PrimeImage>({
  prepare: (job, signal) => PRIME_TASKS[job.task](job.setup, signal),
  run: (task, p, signal) => task.image(p, signal),
  transfer: (image) => (image.image ? [image.image.buffer as ArrayBuffer] : []),
});
