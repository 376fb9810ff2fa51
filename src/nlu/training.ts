// The family model's training data: the labelled questions of test/nlu (the corpus and the held-out sets), each
// read as the bot reads it (parsed, its names matched against the snapshot it was written for), so the features are
// the ones the bot sees. Used by `npm run train` (which writes src/nlu/model.json) and by the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SnapshotInventory } from '../inventory/snapshot';
import { featuresOf, type Model } from './classify';
import { findEntities } from './entities';
import { parse } from './parse';

/** The labelled files, in a fixed order; a set written later joins the list once it has been measured unseen. */
const TRAINING_FILES = [
  'corpus.jsonl',
  'corpus-fixtures.jsonl',
  'heldout.jsonl',
  // held-out sets 2–36, 38–48 and 50–61 (set 37 and the sets written later are kept out until said below: they measure
  // the model and the rules on questions neither saw; set 49, tuned on by the rules, is left out: with it the unseen
  // sets got more misroutes, twice). Sets 50 and 51 joined together: unseen sets 37, 52, 53 went 249, 271, 275 right
  // with 6, 6, 5 misroutes to 248, 273, 275 with 4, 5, 5; with set 49 as well 249, 271 with 6, 6. Set 52 was left out
  // after round 45 (set 53 went 277 → 276 right); after round 46 sets 52 and 53 joined together: unseen sets 37 and 54
  // went 250, 282 right with 5, 4 misroutes (the model retrained without them) to 252, 284 with 4, 4; cross-validation
  // 11407 → 11409 right, 38 → 37
  ...Array.from({ length: 35 }, (_, i) => `heldout-${i + 2}.jsonl`),
  'heldout-38.jsonl',
  'heldout-39.jsonl',
  'heldout-40.jsonl',
  'heldout-41.jsonl',
  'heldout-42.jsonl',
  'heldout-43.jsonl',
  'heldout-44.jsonl',
  'heldout-45.jsonl',
  'heldout-46.jsonl',
  'heldout-47.jsonl',
  'heldout-48.jsonl',
  'heldout-50.jsonl',
  'heldout-51.jsonl',
  'heldout-52.jsonl',
  'heldout-53.jsonl',
  // after rounds 47 and 48 (tuned on them) sets 54 and 55 joined together: unseen sets 37 and 56 went 250, 274 right
  // with 7, 3 misroutes (the model retrained without them) to 251, 275 with 5, 2
  'heldout-54.jsonl',
  'heldout-55.jsonl',
  // set 56 (tuned on by round 49) was left out: with it unseen sets 37 and 57 went 252, 262 right with 5, 6
  // misroutes to 251, 262 with 8, 6; set 57 (round 50) too: with it unseen sets 37 and 58 went 251, 280 right with 4,
  // 3 misroutes to 252, 280 with 5, 3
  // after rounds 51 and 52 (tuned on sets 58 and 59) sets 56–59 joined together: unseen sets 37 and 60 went 252, 296
  // right with 5, 8 misroutes (the model retrained without them; the model before the rounds: 252, 297 with 4, 7) to
  // 252, 300 with 5, 6; with sets 58 and 59 alone 252, 300 with 4, 7, but sets 20 and 34 lost a line each (the LB
  // health probe's nodes, labelled inbound in one and load-balancers in the other); set 58 alone 251, 297 with 6, 8
  'heldout-56.jsonl',
  'heldout-57.jsonl',
  'heldout-58.jsonl',
  'heldout-59.jsonl',
  // set 60 (tuned on by round 53) was left out: with it unseen sets 37 and 61 went 252, 320 right with 4, 8
  // misroutes (the model retrained on round 53's reading without it) to 252, 321 with 5, 8. After round 54 (tuned on
  // set 61) sets 60 and 61 joined together: unseen sets 62, 63, 64 went 302, 327, 288 right with 9, 4, 4 misroutes
  // (the model retrained on round 54's reading without them) to 301, 327, 291 with 7, 3, 2, and set 37 253 with 6 to
  // 253 with 5; set 60 alone 302, 327, 289 with 7, 4, 2 (37: 253, 5); set 61 alone 303, 327, 287 with 7, 4, 2 (37:
  // 252, 4). Retrained on round 55's reading (tuned on set 62) with the same files: unseen sets 63, 64 went 327, 291
  // right with 3, 2 misroutes (round 55's rules with the model before) to 327, 289 with 4, 3 (set 37: 253, 5 both);
  // with set 62 joined as well 327, 289 with 3, 3 (set 37: 252, 6), so set 62 stays out for now
  'heldout-60.jsonl',
  'heldout-61.jsonl',
  // after round 56 (tuned on sets 63 and 64), measured on unseen sets 37, 65 and 66, each retrained on round 56's
  // reading: the same files 253, 283, 307 right with 5, 2, 2 misroutes (843, 9); sets 62–64 joined 252, 281, 310 with
  // 5, 2, 1 (843, 8); set 62 alone 252, 281, 307 with 4, 5, 2 (840, 11); sets 63 and 64 alone 253, 280, 308 with 5, 4,
  // 2 (841, 11). Sets 62–64 stay out: joined, they are as many right with one misroute fewer in all, but set 65 loses
  // two lines and its inbound family falls under its floor (28/31). Retrained on the final reading with the same
  // files: 253, 283, 308 right with 5, 2, 2
  // after rounds 57 and 58 (tuned on sets 65–69), measured with round 57's reading on the sets then unseen (37, 68,
  // 69, 70), each model retrained: the same files 253, 303, 306, 292 right with 5, 3, 1, 11 misroutes (1154, 20);
  // sets 62–67 joined 252, 305, 306, 296 with 5, 3, 1, 9 (1159, 18); sets 65–67 alone 253, 302, 305, 295 with 4, 3,
  // 1, 9 (1155, 17); sets 62–64 alone 252, 300, 307, 291 with 5, 3, 1, 11 (1150, 20). Sets 62–67 stay out: joined on
  // round 58's reading (set 70 299 with 9, set 37 252 with 5), the corpus lost five lines (a nonsense line answered),
  // cross-validation misrouted more than the rules alone, and "can the internet reach web on 80?" became a pair
  // questions written for training only (never measured on): more writers and situations for the model
  'train-extra-a.jsonl',
  'train-extra-b.jsonl',
  // where a product test showed the model leaning wrong: the whole cluster's egress IPs, a client dialling a node port
  'train-extra-c.jsonl',
  // sets 62–78 (tuned on by rounds 55–67) joined together, chosen with the model alone (its family against the label)
  // on sets 79, 83 and 84, which no round tuned on: 903 → 921 of their 946 lines; sets 80–82 joined as well 919, so
  // they stay out. Through the whole pipeline (round 67's rules) sets 79, 83, 84 went 302, 283, 301 right with 5, 19,
  // 8 misroutes to 306, 284, 305 with 2, 20, 4
  ...Array.from({ length: 17 }, (_, i) => `heldout-${i + 62}.jsonl`),
];

export interface Example {
  x: string[];
  y: string;
  file: string;
}

/** Every labelled line of `files` (in test/nlu under `root`) as features and its family. */
export async function examples(root: string, files = TRAINING_FILES): Promise<Example[]> {
  const dir = join(root, 'test', 'nlu');
  const snapshots = new Map<string, SnapshotInventory>();
  const inventory = (name: string): SnapshotInventory => {
    const folder =
      name === 'netpol-e2e' ? join(dir, 'fixtures', name) : name === 'demo' ? '' : join(root, 'test', 'fixtures', name);
    if (!snapshots.has(name)) snapshots.set(name, folder ? SnapshotInventory.load(folder) : SnapshotInventory.demo());
    return snapshots.get(name)!;
  };
  const out: Example[] = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const line of lines) {
      const { text, intent: y, snapshot } = JSON.parse(line) as { text: string; intent: string; snapshot: string };
      const intent = parse(text);
      if (intent.kind !== 'help') await findEntities(intent, inventory(snapshot));
      out.push({ x: featuresOf(intent), y, file });
    }
  }
  return out;
}

/** The model as written to src/nlu/model.json: one feature and one row per line (a change reads as a diff), laid
 * out as Prettier lays out JSON.
 * @public (scripts/train-nlu.js calls it through dist) */
export function serialize(m: Model): string {
  const list = (xs: string[]) => `[\n${xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  const classes = `[${m.classes.map((c) => JSON.stringify(c)).join(', ')}]`;
  const fields = [`"classes": ${classes.length < 100 ? classes : list(m.classes)}`];
  fields.push(`"features": ${list(m.features)}`, `"weights": ${list(m.weights)}`);
  return `{\n${fields.map((f) => `  ${f}`).join(',\n')}\n}\n`;
}
