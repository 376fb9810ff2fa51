// The `diff` command of the CLI: two snapshot folders in, the path-relevant changes out (text or --json).
import { SnapshotInventory } from '../inventory/snapshot';
import { diffInventories, renderDiff } from './index';

export interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const std: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** Exit code: 0 with the changes (none is fine), 2 when a folder cannot be read as a snapshot. */
export async function diffCommand(folders: string[], json: boolean, usage: string, out: Out = std): Promise<number> {
  if (folders.length !== 2) {
    out.stderr(`packet-path: diff needs two snapshot folders (OLD NEW)\n${usage}\n`);
    return 2;
  }
  const [oldDir, newDir] = folders;
  let inventories: [SnapshotInventory, SnapshotInventory];
  try {
    inventories = [SnapshotInventory.load(oldDir), SnapshotInventory.load(newDir)];
  } catch (e) {
    out.stderr(`packet-path: cannot load the snapshot: ${(e as Error).message}\n`);
    return 2;
  }
  const d = await diffInventories(...inventories);
  out.stdout((json ? JSON.stringify(d, null, 2) : renderDiff(d, oldDir, newDir)) + '\n');
  return 0;
}
