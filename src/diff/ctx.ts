// A fresh question context for each representative subject: its own trace. No specs: only help reads them, and
// the registry must not be loaded from here (the changes family, in the registry, computes facts with this).
import type { Ctx } from '../family';
import type { Inventory } from '../inventory/inventory';
import { Trace } from '../path/trace';

export const newCtx = (inv: Inventory): Ctx => ({ inv, trace: new Trace(), specs: [] });
