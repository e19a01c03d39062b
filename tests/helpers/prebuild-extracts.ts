/**
 * Vitest global setup of the `unit` project: builds the extracts the test files open in
 * `beforeAll` (the synthetic fixtures and the real data/) once, before any test file runs.
 *
 * Two reasons. Test files running in parallel would otherwise race to build the same extract.
 * And for mutation testing (stryker.config.mjs): code that runs inside a test file but outside
 * any test (a `beforeAll` that builds an extract) is "static" to Stryker, which then re-runs every
 * unit test for each of its mutants — about 1,000 mutants and most of the run time — although the
 * build is cached and never re-runs per mutant anyway. Built here, outside the test workers, the
 * build is not attributed to any test; its code is tested where tests call it directly.
 */
import { buildTempExtract } from './extract';
import { APPROX_FIXTURE, REPRESENTATION_FIXTURE, SCHOOL_FIXTURE, SYNTHETIC_FIXTURE } from './fixture';

export default async function prebuildExtracts(): Promise<void> {
  await buildTempExtract(SYNTHETIC_FIXTURE);
  await buildTempExtract(SCHOOL_FIXTURE);
  await buildTempExtract(APPROX_FIXTURE);
  await buildTempExtract(REPRESENTATION_FIXTURE);
  await buildTempExtract();
}
