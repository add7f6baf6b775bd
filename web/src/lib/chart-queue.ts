// Draws charts one per task: a page of results has a dozen charts or more, and drawing them all in one
// task would block the page for hundreds of ms; between tasks the page can paint and answer input.
const queue: (() => void)[] = [];
let scheduled = false;
const channel = new MessageChannel();

channel.port1.onmessage = () => {
  const job = queue.shift();
  try {
    job?.();
  } finally {
    // A failing chart must not stop the ones after it.
    if (queue.length > 0) channel.port2.postMessage(null);
    else scheduled = false;
  }
};

/** Runs `job` in a task of its own, after the jobs queued before it; returns a function that drops it. */
export function enqueueDraw(job: () => void): () => void {
  queue.push(job);
  if (!scheduled) {
    scheduled = true;
    channel.port2.postMessage(null);
  }
  return () => {
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
  };
}
