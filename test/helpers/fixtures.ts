// Snapshot folders for tests: the demo, or a copy of it with edits.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDir, SnapshotInventory } from '../../src/inventory/snapshot';

export const DEMO = demoDir();

/** Copy the demo into a temp folder, so a test can change it. */
export function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'packet-path-'));
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

export const readJson = (file: string): any => JSON.parse(readFileSync(file, 'utf8'));
export const writeJson = (file: string, v: unknown): void => writeFileSync(file, JSON.stringify(v, null, 2));

/** Edit a JSON file of a snapshot folder in place. */
export function edit(dir: string, file: string, fn: (doc: any) => any): void {
  const path = join(dir, file);
  const doc = readJson(path);
  writeJson(path, fn(doc) ?? doc);
}

export const SUB = 'e7da9914-9b05-4891-893c-546cb7b0422e';
export const rgId = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/** A test fixture (test/fixtures/<name>) copied to a temp folder, changed there and loaded for `use`; the folder
 * goes when `use` is done. */
export async function onEdited<T>(
  name: string,
  change: (dir: string) => void,
  use: (inv: SnapshotInventory) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  cpSync(join(__dirname, '..', 'fixtures', name), dir, { recursive: true });
  try {
    change(dir);
    return await use(SnapshotInventory.load(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
