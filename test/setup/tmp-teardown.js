// Removes the run's temporary folder (see tmp.js).
const { rmSync } = require('node:fs');

module.exports = async function teardown() {
  const dir = process.env.PACKET_PATH_TEST_TMP;
  if (!dir) return;
  // a child a test started (a browser, a fake server) may still be writing its last files: removal retries, and a
  // folder left behind is reported, never a failed run
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (e) {
    process.stderr.write(`test teardown: could not remove ${dir}: ${e.message}\n`);
  }
};
