/** A fake static server for `fetch`: answers from a map of paths to bytes, and records what was asked. */
import type { Table } from 'apache-arrow';

export interface FakeServer {
  fetch: typeof fetch;
  /** Every request: its URL and the init it came with. */
  requests: { url: string; init?: RequestInit }[];
}

/** Serve `files` (path under `base` → bytes or text); any other path is a 404, `status` overrides per path. */
export function fakeServer(base: string, files: Record<string, ArrayBuffer | string>, status: Record<string, number> = {}): FakeServer {
  const requests: FakeServer['requests'] = [];
  const serve = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ url, init });
    const path = url.startsWith(base) ? url.slice(base.length).replace(/\?.*$/, '') : null;
    if (path !== null && status[path]) return new Response('failed', { status: status[path] });
    const body = path === null ? undefined : files[path];
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200 });
  };
  return { fetch: serve as typeof fetch, requests };
}

/** An engine that only records the tables inserted into it. */
export function recordingEngine() {
  const inserted = new Map<string, Table>();
  return {
    inserted,
    async insertTable(name: string, table: Table) {
      inserted.set(name, table);
    },
    async query(): Promise<never[]> {
      throw new Error('this fake engine answers no queries');
    },
  };
}
