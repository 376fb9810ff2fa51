// Every run of the suite gets its own temporary folder, removed when the run ends: the tests copy fixtures, write
// kubeconfigs and certificates under os.tmpdir() (thousands of folders a run), and none of it should outlive the run.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// globalSetup runs before the workers start, so they inherit TMPDIR (os.tmpdir() reads it on every call)
module.exports = async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'packet-path-tests-'));
  process.env.PACKET_PATH_TEST_TMP = dir;
  process.env.TMPDIR = dir;
};
