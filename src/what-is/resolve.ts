// "What is 10.129.2.7?": the question is about its first address.
import type { Ctx, Noted } from '../family';
import type { Intent } from '../nlu/parse';
import { result, type PathResult } from '../path/result';

export interface WhatIsSubjects extends Noted {
  ip: string;
}

/** "… what's 10.0.50.10?", "which frontend is 10.0.0.4": the address the question names, not a pasted line's. */
const ASKED = new RegExp(
  String.raw`\b(?:what|who|which|whose)(?:'s| is| owns| uses| has|\s+[a-z-]+\s+(?:is|was|has))\s+` +
    String.raw`(?:this |that |the )?(?:ip |address )?(\d{1,3}(?:\.\d{1,3}){3})\b`,
);

/** The address asked about: named by the question, else the first of the sentence that asks, else the first. */
function askedAddress(intent: Intent): string | undefined {
  const named = ASKED.exec(intent.asking ?? intent.text)?.[1] ?? ASKED.exec(intent.text)?.[1];
  const inAsking = intent.ips.find((ip) => intent.asking?.includes(ip));
  return [named, inAsking].find((ip) => ip && intent.ips.includes(ip)) ?? intent.ips[0];
}

export async function resolve(intent: Intent, _ctx: Ctx): Promise<WhatIsSubjects | PathResult> {
  const ip = askedAddress(intent);
  return ip ? { ip } : result('what-is', 'not-understood', 'Which address? For example: "what is 10.129.2.7?"');
}
