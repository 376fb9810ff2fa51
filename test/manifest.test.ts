// The Teams app package: manifest valid against the official v1.17 schema
// (vendored in manifest/schema/), icons of the required sizes, commands from
// the intent registry.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { INTENTS } from '../src/nlu/intents';

const ROOT = join(__dirname, '..');
const pkg = (env: Record<string, string>) => {
  const out = join(mkdtempSync(join(tmpdir(), 'pkg-')), 'appPackage.zip');
  const p = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.js'), '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ...p, out };
};

/** Width and height from a PNG's IHDR chunk, and whether it has an alpha channel. */
function png(buf: Buffer) {
  expect(buf.subarray(1, 4).toString()).toBe('PNG');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    alpha: buf[25] === 6 || buf[25] === 4,
  };
}

test('npm run package builds a package whose manifest validates against the Teams schema', () => {
  const p = pkg({
    MICROSOFT_APP_ID: '3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f',
    BOT_DOMAIN: 'packet-path.contoso.com',
  });
  expect(p.stderr).toBe('');
  expect(p.status).toBe(0);
  const zip = new AdmZip(p.out);
  expect(
    zip
      .getEntries()
      .map((e) => e.entryName)
      .sort(),
  ).toEqual(['color.png', 'manifest.json', 'outline.png']);
  const manifest = JSON.parse(zip.readAsText('manifest.json'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(require('../manifest/schema/MicrosoftTeams.v1.17.schema.json'));
  expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  expect(manifest.id).toBe('3f2c1d5e-8a7b-4c6d-9e0f-1a2b3c4d5e6f');
  expect(manifest.bots[0].botId).toBe(manifest.id);
  expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  expect(manifest.validDomains).toEqual(['packet-path.contoso.com']);
  expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(
    INTENTS.map((i) => i.command.split(' ')[0]),
  );
  expect(png(zip.readFile('color.png')!)).toMatchObject({
    width: 192,
    height: 192,
  });
  expect(png(zip.readFile('outline.png')!)).toEqual({
    width: 32,
    height: 32,
    alpha: true,
  });
});

test('the schema catches a broken manifest (the check can fail)', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(require('../manifest/schema/MicrosoftTeams.v1.17.schema.json'));
  expect(validate({ manifestVersion: '1.17', id: 'not-a-guid' })).toBe(false);
});

test('missing ids are refused with a clear message', () => {
  const p = pkg({ MICROSOFT_APP_ID: '', BOT_DOMAIN: '' });
  expect(p.status).toBe(2);
  expect(p.stderr).toMatch(/set MICROSOFT_APP_ID/);
});
