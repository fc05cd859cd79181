#!/usr/bin/env node
// The test command (`npm test`): runs vitest once, then prints how many tests ran on each database and a
// closing "N passed, N failed" line. TEST_PG_URL adds the PostgreSQL leg; TEST_BROWSER=1 builds the web
// app and adds the browser journeys.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const extra = process.argv.slice(2);
if (process.env.TEST_BROWSER === '1') {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const out = '.vitest-result.json';
rmSync(out, { force: true });
spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...extra], { stdio: 'inherit' });
if (!existsSync(out)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(out, 'utf8'));
const tests = r.testResults.flatMap((f) => f.assertionResults.map((a) => ({ ...a, file: f.name })));
const count = (pred) => tests.filter((t) => pred(t) && t.status === 'passed').length;
console.log('');
console.log(`tests on sqlite:     ${count((t) => t.fullName.includes('[sqlite]'))}`);
console.log(`tests on postgres:   ${count((t) => t.fullName.includes('[postgres]'))}${process.env.TEST_PG_URL ? '' : ' (set TEST_PG_URL to run them)'}`);
console.log(`browser journeys:    ${count((t) => t.file.includes('/test/browser/'))}${process.env.TEST_BROWSER === '1' ? '' : ' (set TEST_BROWSER=1 to run them)'}`);
console.log(`other (unit, cli):   ${count((t) => !t.fullName.includes('[sqlite]') && !t.fullName.includes('[postgres]') && !t.file.includes('/test/browser/'))}`);
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
process.exit(r.success && r.numTotalTests > 0 && r.numFailedTests === 0 ? 0 : 1);
