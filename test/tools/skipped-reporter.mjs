/**
 * A jest reporter that lists every skipped test by name after the summary. A skipped test's name says why it
 * was skipped (../shared not beside the clone, Agents Playground not installed), but jest's default reporter
 * shows only a count when several files run.
 */
export default class SkippedReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) => file.testResults.filter((t) => t.status === 'pending' || t.status === 'skipped').map((t) => t.fullName));
    if (skipped.length === 0) return;
    process.stderr.write(`\nSkipped tests (${skipped.length}):\n${skipped.map((name) => `  - ${name}\n`).join('')}\n`);
  }
}
