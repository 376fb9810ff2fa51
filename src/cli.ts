// `packet-path ask "<question>" [--snapshot DIR] [--json]` — the bot's pipeline without Teams.
import { ask, understandWith } from './answer';
import { renderText } from './cards/text';
import { loadConfig, type Config } from './config';
import { diffCommand } from './diff/command';
import { capture } from './inventory/capture';
import { configForSource } from './inventory/clusters';
import { LookupError } from './inventory/inventory';
import { openInventory, type Opened } from './inventory/open';
import { DEMO_SOURCE, SnapshotError } from './inventory/snapshot';
import { parse } from './nlu/parse';
import { toJson } from './path/result';

const USAGE = `usage:
  packet-path ask "<question>" [--snapshot DIR | --live [--context CTX] | --cluster NAME] [--json]
      answer a question about the demo cluster, a snapshot folder
      (kubernetes/*.json from kubectl, azure/*.json from az; see README),
      or the live cluster of your kubeconfig and its Azure subscription(s)
  packet-path capture DIR [--context CTX]
      write a snapshot folder of the live cluster and subscription (secrets stripped)
  packet-path parse "<question>" [--snapshot DIR]
      print how the question is understood (intent, entities found, roles, family scores,
      the trained model's top families and which rule decided) as JSON
  packet-path diff OLD NEW [--json]
      the path-relevant changes between two snapshot folders (egress IPs, hosts,
      load balancers, SNAT budget, policy verdicts)
  packet-path help`;

interface Args {
  command?: string;
  words: string[];
  snapshot?: string;
  json: boolean;
  live: boolean;
  context?: string;
  cluster?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { words: [], json: false, live: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--live') a.live = true;
    else if (x === '--context') a.context = argv[++i];
    else if (x === '--cluster') a.cluster = argv[++i];
    else if (x === '--snapshot') a.snapshot = argv[++i];
    else if (x.startsWith('--snapshot=')) a.snapshot = x.slice('--snapshot='.length);
    else if (!a.command) a.command = x;
    else a.words.push(x);
  }
  return a;
}

function configFor(a: Args): Config {
  const c = loadConfig();
  if (a.snapshot)
    return {
      ...c,
      PACKET_PATH_SNAPSHOT: a.snapshot,
      PACKET_PATH_LIVE: false,
      PACKET_PATH_KUBE_CONTEXT: undefined,
    };
  if (a.live || a.context)
    return {
      ...c,
      PACKET_PATH_LIVE: true,
      PACKET_PATH_KUBE_CONTEXT: a.context ?? c.PACKET_PATH_KUBE_CONTEXT,
    };
  return c;
}

const reason = (e: unknown) =>
  e instanceof SnapshotError ? e.message : e instanceof LookupError ? `${e.lookup}: ${e.reason}` : (e as Error).message;

export async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (!a.command || a.command === 'help' || a.command === '--help' || a.command === '-h') {
    process.stdout.write(USAGE + '\n');
    return a.command ? 0 : 2;
  }
  if (a.command === 'parse') return parseCommand(a);
  if (a.command === 'capture') return captureCommand(a);
  if (a.command === 'ask') return askCommand(a);
  if (a.command === 'diff') return diffCommand(a.words, a.json, USAGE);
  process.stderr.write(`packet-path: unknown command "${a.command}"\n${USAGE}\n`);
  return 2;
}

/** How a question is read: the parse, the entities found in the inventory (what each matched) and the roles. */
async function parseCommand(a: Args): Promise<number> {
  const question = a.words.join(' ');
  let intent = parse(question);
  let opened: Opened | undefined;
  try {
    opened = await openFor(a);
    intent = await understandWith(question, opened.inventory);
  } catch (e) {
    process.stderr.write(`packet-path: names not matched against an inventory: ${reason(e)}\n`);
  } finally {
    await opened?.stop();
  }
  const { text, ...understood } = intent;
  process.stdout.write(JSON.stringify({ ...understood, text }, null, 2) + '\n');
  return understood.kind === 'unknown' ? 1 : 0;
}

async function captureCommand(a: Args): Promise<number> {
  const dir = a.words[0];
  if (!dir) {
    process.stderr.write(`packet-path: capture needs a folder\n${USAGE}\n`);
    return 2;
  }
  let opened: Opened | undefined;
  try {
    opened = await openInventory({ ...configFor(a), PACKET_PATH_LIVE: true }, { waitForSync: true });
    const summary = await capture(opened.inventory, opened.live!.azure, dir);
    const files = summary.files.map((f) => `  ${f}`).join('\n');
    process.stdout.write(`wrote ${summary.files.length} files to ${dir}\n${files}\n`);
    for (const f of summary.failures) process.stderr.write(`could not capture ${f.lookup}: ${f.reason}\n`);
    return summary.failures.length ? 1 : 0;
  } catch (e) {
    process.stderr.write(`packet-path: cannot capture: ${reason(e)}\n`);
    return 2;
  } finally {
    await opened?.stop();
  }
}

/** The inventory to answer from: --snapshot/--live, else the cluster named with --cluster (or the first). */
function openFor(a: Args): Promise<Opened> {
  const c = configFor(a);
  if (!c.PACKET_PATH_CLUSTERS.length || a.snapshot || a.live || a.context)
    return openInventory(c, { waitForSync: true });
  const entry = a.cluster ? c.PACKET_PATH_CLUSTERS.find((x) => x.name === a.cluster) : c.PACKET_PATH_CLUSTERS[0];
  if (!entry) {
    const names = c.PACKET_PATH_CLUSTERS.map((x) => x.name).join(', ');
    throw new Error(`no cluster "${a.cluster}"; clusters: ${names}`);
  }
  return openInventory(configForSource(c, entry.source), { waitForSync: true });
}

async function askCommand(a: Args): Promise<number> {
  const question = a.words.join(' ').trim();
  if (!question) {
    process.stderr.write(`packet-path: ask needs a question\n${USAGE}\n`);
    return 2;
  }
  let opened: Opened;
  try {
    opened = await openFor(a);
  } catch (e) {
    const what = a.live || a.context ? 'live inventory' : 'snapshot';
    process.stderr.write(`packet-path: cannot load the ${what}: ${reason(e)}\n`);
    return 2;
  }
  try {
    const r = await ask(question, opened.inventory);
    process.stdout.write(
      (a.json ? JSON.stringify(toJson(r), null, 2) : renderText(r, { demo: opened.inventory.source === DEMO_SOURCE })) +
        '\n',
    );
    return r.status === 'answered' ? 0 : 1;
  } finally {
    await opened.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`packet-path: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
