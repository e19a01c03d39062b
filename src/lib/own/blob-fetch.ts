/**
 * A local file answered as a web server with Range support would answer: the range-request reader
 * of a remote Parquet file (remote.ts) then reads a dropped file the same way, footer first and
 * only the row groups asked for, without reading the file whole into the page.
 */
export function blobFetch(blob: Blob): typeof fetch {
  return async (_input, init) => {
    init?.signal?.throwIfAborted();
    const headers = new Headers(init?.headers);
    if ((init?.method ?? 'GET').toUpperCase() === 'HEAD')
      return new Response(null, { status: 200, headers: { 'Content-Length': String(blob.size) } });
    const range = /^bytes=(\d+)-(\d*)$/.exec(headers.get('Range') ?? '');
    if (!range) return new Response(blob, { status: 200, headers: { 'Content-Length': String(blob.size) } });
    const start = Number(range[1]);
    const end = range[2] === '' ? blob.size - 1 : Math.min(Number(range[2]), blob.size - 1);
    if (start >= blob.size || end < start) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${blob.size}` } });
    return new Response(blob.slice(start, end + 1), {
      status: 206,
      headers: { 'Content-Range': `bytes ${start}-${end}/${blob.size}`, 'Content-Length': String(end - start + 1) },
    });
  };
}
