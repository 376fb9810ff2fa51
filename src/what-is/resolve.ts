// "What is 10.129.2.7?": the question is about its first address.
import type { Ctx, Noted } from '../family';
import type { Intent } from '../nlu/parse';
import { result, type PathResult } from '../path/result';

export interface WhatIsSubjects extends Noted {
  ip: string;
}

export async function resolve(intent: Intent, _ctx: Ctx): Promise<WhatIsSubjects | PathResult> {
  const ip = intent.ips[0];
  return ip ? { ip } : result('what-is', 'not-understood', 'Which address? For example: "what is 10.129.2.7?"');
}
