import type { IntentSpec } from '../family';

export const spec: IntentSpec<'help'> = {
  kind: 'help',
  title: 'What I can answer',
  triggers: [
    new RegExp(
      String.raw`^\s*(\?|(help|commands|usage|hi|hello|hey)\b\s*(there|bot|please|me|pls)?)\s*[!.?]*\s*` +
        String.raw`(\p{Extended_Pictographic}\s*)*$`,
      'u',
    ),
    // a bare mention (Teams: "<at>bot</at>" and nothing else)
    /^\s*$/,
    /\bwhat (can|do) (you|u) (do|know|answer)\b/,
    /\bwhat (kinds? of |sorts? of )?(questions|commands)\b/,
    /\b(list|show)( me)? (the |some )?(commands|examples?|example questions)\b/,
    /\bhow (do|can) i use\b/,
    /\bcommands do you\b/,
  ],
  examples: ['help'],
  command: 'help',
};
