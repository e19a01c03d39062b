/**
 * Dedicated module worker: decodes a dropped Parquet file row group by row group off the page's
 * thread (parquet-stream.ts holds the loop; parquet-in-worker.ts starts this worker).
 */
import { serveParquetStream, type ToParquetStream } from './parquet-stream';

const receive = serveParquetStream((message, transfer) => postMessage(message, { transfer }));
addEventListener('message', (event: MessageEvent<ToParquetStream>) => receive(event.data));
