#!/usr/bin/env node
// Prints one "tests: N passed, N failed" line over Jest JSON result files (`jest --json --outputFile=…`).
import { readFileSync } from 'node:fs';

const runs = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')));
const passed = runs.reduce((sum, run) => sum + run.numPassedTests, 0);
const failed = runs.reduce((sum, run) => sum + run.numFailedTests, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
