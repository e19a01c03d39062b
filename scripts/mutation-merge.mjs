/**
 * Merge StrykerJS incremental reports of runs made in parts into one, so that `npm run mutate`
 * re-tests only what changed since any part ran:
 *
 *   node scripts/mutation-merge.mjs reports/stryker-incremental.json 'src/lib/views/*:reports/inc-views.json' …
 *
 * Each argument after the output names the source files a part mutated (a glob with `*`, comma
 * separated) and that part's incremental file. A part's report also carries older results of files
 * it did not mutate; only the files it mutated are taken from it. Test ids are per report, so each
 * is renamed to its test file and name, and numbered anew.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...parts] = process.argv.slice(2);
if (!out || parts.length === 0) throw new Error('usage: mutation-merge.mjs <out.json> <globs>:<report.json> …');

const globToRegExp = (g) =>
  new RegExp(
    `^${g
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );

const merged = { files: {}, testFiles: {} };
const ids = new Map(); // "file\0name" -> new id
const idOf = (file, name) => {
  const key = `${file}\u0000${name}`;
  if (!ids.has(key)) ids.set(key, String(ids.size));
  return ids.get(key);
};

for (const part of parts) {
  const at = part.lastIndexOf(':');
  const globs = part.slice(0, at).split(',').map(globToRegExp);
  const report = JSON.parse(readFileSync(part.slice(at + 1), 'utf8'));
  merged.schemaVersion ??= report.schemaVersion;
  merged.thresholds ??= report.thresholds;
  merged.projectRoot ??= report.projectRoot;
  // This report's test ids, by file and name.
  const rename = new Map();
  for (const [file, tf] of Object.entries(report.testFiles ?? {})) {
    for (const t of tf.tests) rename.set(t.id, idOf(file, t.name));
    // The newest report's copy of a test file wins (later parts ran on newer tests).
    const tests = new Map((merged.testFiles[file]?.tests ?? []).map((t) => [t.name, t]));
    for (const t of tf.tests) tests.set(t.name, { ...t, id: idOf(file, t.name) });
    merged.testFiles[file] = { ...tf, tests: [...tests.values()] };
  }
  const mapIds = (list) => list?.map((id) => rename.get(id)).filter((x) => x !== undefined);
  for (const [file, result] of Object.entries(report.files)) {
    if (!globs.some((g) => g.test(file))) continue;
    merged.files[file] = {
      ...result,
      mutants: result.mutants.map((m) => ({ ...m, coveredBy: mapIds(m.coveredBy), killedBy: mapIds(m.killedBy) })),
    };
  }
}
writeFileSync(out, JSON.stringify(merged));
const mutants = Object.values(merged.files).reduce((a, f) => a + f.mutants.length, 0);
console.log(`${out}: ${Object.keys(merged.files).length} files, ${mutants} mutants, ${ids.size} tests`);
