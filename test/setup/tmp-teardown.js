// Removes the run's temporary folder (see tmp.js).
const { rmSync } = require('node:fs');

module.exports = async function teardown() {
  const dir = process.env.PACKET_PATH_TEST_TMP;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
