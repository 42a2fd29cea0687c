// Mocha reporter: the spec output, then one line `N passed, N failed` (also written to LINTEL_TEST_SUMMARY if set).
'use strict';
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => { passed++; });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => { failed++; });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const line = `${passed} passed, ${failed} failed`;
      if (process.env.LINTEL_TEST_SUMMARY) writeFileSync(process.env.LINTEL_TEST_SUMMARY, line + '\n');
      process.stdout.write(`\n${line}\n`);
    });
  }
}

module.exports = SummaryReporter;
