// What crosses a worker boundary: results and errors as data, never thrown exceptions (STYLE.md).
import { HashInputError } from '../hash/index.js';

export type WorkerError = { code: 'bad-input' | 'internal'; message: string; path?: string };
export type WorkerReply<T> = { ok: true; result: T } | { ok: false; error: WorkerError };

export function toReply<T>(run: () => T): WorkerReply<T> {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (error instanceof HashInputError) return { ok: false, error: { code: 'bad-input', message: error.message, path: error.argument } };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

export class WorkerFailure extends Error {
  readonly detail: WorkerError;
  constructor(detail: WorkerError) {
    super(detail.message);
    this.name = 'WorkerFailure';
    this.detail = detail;
  }
}

export function unwrapReply<T>(reply: WorkerReply<T>): T {
  if (reply.ok) return reply.result;
  throw new WorkerFailure(reply.error);
}
