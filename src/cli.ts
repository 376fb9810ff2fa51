// `packet-path ask "<question>" [--snapshot DIR] [--json]` — the bot's pipeline without Teams.
import { ask } from './answer';
import { renderText } from './cards/text';
import type { Inventory } from './inventory/inventory';
import { SnapshotError, SnapshotInventory } from './inventory/snapshot';
import { parse } from './nlu/parse';
import { toJson } from './path/result';

const USAGE = `usage:
  packet-path ask "<question>" [--snapshot DIR] [--json]
      answer a question about the demo cluster, or about a snapshot folder
      (kubernetes/*.json from kubectl, azure/*.json from az; see README)
  packet-path parse "<question>"
      print how the question is understood (intent and entities) as JSON
  packet-path help`;

interface Args {
  command?: string;
  words: string[];
  snapshot?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { words: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--snapshot') a.snapshot = argv[++i];
    else if (x.startsWith('--snapshot=')) a.snapshot = x.slice('--snapshot='.length);
    else if (!a.command) a.command = x;
    else a.words.push(x);
  }
  return a;
}

function inventory(a: Args): Inventory {
  const dir = a.snapshot ?? process.env.PACKET_PATH_SNAPSHOT;
  return dir ? SnapshotInventory.load(dir) : SnapshotInventory.demo();
}

export async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (!a.command || a.command === 'help' || a.command === '--help' || a.command === '-h') {
    process.stdout.write(USAGE + '\n');
    return a.command ? 0 : 2;
  }
  if (a.command === 'parse') {
    const { text, ...understood } = parse(a.words.join(' '));
    process.stdout.write(JSON.stringify({ ...understood, text }, null, 2) + '\n');
    return understood.kind === 'unknown' ? 1 : 0;
  }
  if (a.command !== 'ask') {
    process.stderr.write(`packet-path: unknown command "${a.command}"\n${USAGE}\n`);
    return 2;
  }
  const question = a.words.join(' ').trim();
  if (!question) {
    process.stderr.write(`packet-path: ask needs a question\n${USAGE}\n`);
    return 2;
  }
  let inv: Inventory;
  try {
    inv = inventory(a);
  } catch (e) {
    process.stderr.write(`packet-path: cannot load the snapshot: ${e instanceof SnapshotError ? e.message : (e as Error).message}\n`);
    return 2;
  }
  const r = await ask(question, inv);
  process.stdout.write((a.json ? JSON.stringify(toJson(r), null, 2) : renderText(r)) + '\n');
  return r.status === 'answered' ? 0 : 1;
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
