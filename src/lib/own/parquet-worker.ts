/**
 * Dedicated module worker: decodes a dropped Parquet file row group by row group off the page's
 * thread (parquet-stream.ts holds the loop; parquet-in-worker.ts starts this worker).
 */
import { preloadCompressors } from '../db/parquet-to-arrow';
import { serveParquetStream, type ToParquetStream } from './parquet-stream';

// Most files a user drops are zstd: the decoders load while the worker waits for its file.
preloadCompressors();

const receive = serveParquetStream((message, transfer) => postMessage(message, { transfer }));
addEventListener('message', (event: MessageEvent<ToParquetStream>) => receive(event.data));
