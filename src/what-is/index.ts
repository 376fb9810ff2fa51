import type { Family } from '../family';
import { decide, type WhatIsDecision } from './decide';
import { facts, type WhatIsFacts } from './facts';
import { narrate } from './narrate';
import { resolve, type WhatIsSubjects } from './resolve';
import { spec } from './spec';

export const whatIs: Family<'what-is', WhatIsSubjects, WhatIsFacts, WhatIsDecision> = {
  spec,
  card: 'what-is',
  resolve,
  facts,
  decide,
  narrate,
};
