/**
 * Everything that reads, checks and adds a user's file, loaded by the page only when a file is
 * opened (it brings DuckDB's Arrow with it): the state in src/lib/state/own-data.svelte.ts imports
 * this module dynamically, so the first chart never waits for it.
 */
export { failureOf } from './failure';
export { isParquet, OwnFileError, stageOwnFile, stageOwnTable, todayIso } from './load';
export { addOwn, checkOwn, dropOwn, rejectedReport } from './pipeline';
export { choiceNeeded, firstChoice, localParquet, remoteParquet } from './parquet-choice';
export { prestartParquetWorker } from './parquet-in-worker';
export { readRemoteIndicators } from './remote';
