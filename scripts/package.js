#!/usr/bin/env node
// Builds appPackage.zip (the Teams app package): manifest.json with the bot's
// id, domain and the command list of the intent registry, plus the icons.
//   MICROSOFT_APP_ID=<guid> BOT_DOMAIN=<host> [PACKET_PATH_PRIVACY_URL=https://…] [PACKET_PATH_TERMS_URL=https://…] \
//     npm run package [-- --out FILE]
// Teams requires a privacy and a terms-of-use URL in the manifest: by default the pages the bot serves itself
// (https://<BOT_DOMAIN>/privacy and /terms), else the organisation's own pages, which must be https.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const AdmZip = require('adm-zip');
const { INTENTS } = require('../dist/src/nlu/intents');
const { PAGE_PATHS } = require('../dist/src/bot/pages');

const ROOT = join(__dirname, '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(2);
}

const appId = process.env.MICROSOFT_APP_ID ?? '';
const domain = (process.env.BOT_DOMAIN ?? '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
if (!GUID.test(appId)) fail('set MICROSOFT_APP_ID to the bot’s Microsoft app (client) id, a GUID');
if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain))
  fail('set BOT_DOMAIN to the host name that serves /api/messages, e.g. packet-path.contoso.com');

/** An https URL of at most 2048 characters (the manifest schema's limit), else a failure naming the variable. */
function httpsUrl(name, fallback) {
  // PRIVACY_URL and TERMS_URL: the names earlier versions read
  const value = process.env[name] || process.env[name.replace(/^PACKET_PATH_/, '')];
  if (!value) return fallback;
  let u;
  try {
    u = new URL(value);
  } catch {
    return fail(`${name} is not a URL`);
  }
  // the value is not echoed: user info in it could be a password
  if (u.protocol !== 'https:') fail(`${name} must be an https URL (Teams requires https), not ${u.protocol}`);
  if (u.username || u.password) fail(`${name} must not carry user info`);
  if (value.length > 2048) fail(`${name} is longer than 2048 characters`);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(u.hostname)) fail(`${name} must name a public host, not ${u.hostname}`);
  return u.toString();
}
const privacyUrl = httpsUrl('PACKET_PATH_PRIVACY_URL', `https://${domain}${PAGE_PATHS.privacy}`);
const termsUrl = httpsUrl('PACKET_PATH_TERMS_URL', `https://${domain}${PAGE_PATHS.terms}`);

const template = readFileSync(join(ROOT, 'manifest', 'manifest.json'), 'utf8');
const manifest = JSON.parse(template.replace(/\$\{MICROSOFT_APP_ID\}/g, appId).replace(/\$\{BOT_DOMAIN\}/g, domain));
manifest.version = require(join(ROOT, 'package.json')).version;
manifest.developer.privacyUrl = privacyUrl;
manifest.developer.termsOfUseUrl = termsUrl;
// the command menu comes from the intent registry (Teams shows at most 10, titles ≤ 32, descriptions ≤ 128)
const commands = INTENTS.map((i) => ({
  title: i.command.split(' ')[0],
  description: `${i.title} — e.g. ${i.examples[0]}`.slice(0, 128),
}));
for (const list of manifest.bots[0].commandLists) list.commands = commands.slice(0, 10);

const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(ROOT, 'appPackage.zip');
const zip = new AdmZip();
zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
zip.addLocalFile(join(ROOT, 'manifest', 'color.png'));
zip.addLocalFile(join(ROOT, 'manifest', 'outline.png'));
zip.writeZip(out);
process.stdout.write(`wrote ${out} (manifest ${manifest.manifestVersion}, ${commands.length} commands)\n`);
process.stdout.write(`privacy: ${privacyUrl}\nterms: ${termsUrl}\n`);
