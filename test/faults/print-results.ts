/** Prints the fault table from the rows the scenarios wrote: `tsx test/faults/print-results.ts full|short`. */
import { readResults, resultsTable } from './lib/results';

const suite = process.argv[2] === 'short' ? 'short' : 'full';
const results = readResults(suite);
if (results.length === 0) {
  console.log(`\nNo fault results in test-results/faults/${suite} (did the scenarios run?)`);
} else {
  console.log(`\nFault injection (${suite}):\n\n${resultsTable(results)}`);
  for (const r of results.filter((x) => x.problems.length > 0)) {
    console.log(`\n${r.scenario}:\n${r.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
