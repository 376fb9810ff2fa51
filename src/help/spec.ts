import type { IntentSpec } from '../family';

export const spec: IntentSpec<'help'> = {
  kind: 'help',
  title: 'What I can answer',
  triggers: [
    new RegExp(
      // one "?" asks for help; "???" is puzzlement, not a request ("halp": help, as it is often typed)
      String.raw`^\s*(\?(?![?!])|(help|halp|commands|usage|hi|hello|hey)\b\s*(there|bot|please|me|pls)?)\s*[!.?]*\s*` +
        String.raw`(\p{Extended_Pictographic}\s*)*$`,
      'u',
    ),
    // a bare mention (Teams: "<at>bot</at>" and nothing else)
    /^\s*$/,
    // "pharmacy chain on-call: usage pls", "drive-in cinema on-call: commands": who writes, as a label, then the word
    // that asks for help alone
    // ("wind farm ops: capabilities list pls": what the bot can do, listed)
    /^[\w' -]{1,40}:\s*(help|commands|usage|examples|capabilit(y|ies)( list)?)\s*(pls|plz|please)?\s*[?!.]*\s*$/,
    /\bwhat (can|do) (you|u) (do|know|answer)\b/,
    /\bwhat (kinds? of |sorts? of )?(questions|commands)\b/,
    /\bwhat (kinds? of |sorts? of )(stuff|things)\b.{0,20}\b(can|do|could) (you|u|i)\b/,
    // ("PLEASE LIST AVAILABLE TRANSACTIONS": a mainframe's word for its commands)
    new RegExp(
      String.raw`\b(list|show)( me)? (the |some |all )?(available |supported |valid )?` +
        String.raw`(commands|transactions|examples?|example questions)\b`,
    ),
    /\bhow (do|can) i use\b/,
    // non-native and first-day wordings: "how I use this bot?", "where do I start with this bot?"
    [/\bhow (i|we|to) use (this|the|you)\b/, 2],
    [/\b(where|how) (do|should|can) (i|we) (start|begin)\b.{0,30}\b(bot|this|you)\b/, 2],
    // ("first time here, where do I start?": where to start, asked alone, is where to start with the bot)
    [/\b(where|how) (do|should|can) (i|we) (start|begin)\s*[?!.]*\s*$/, 2],
    /\bcommands do you\b/,
    // "where's the documentation for this thing?", "got a user guide or docs link?": the bot's own docs asked for
    [
      new RegExp(
        String.raw`\b(where('s| is| are| can i find| do i find)|got|any|is there|link to|send me|point me to)\b` +
          String.raw`.{0,30}\b(docs|documentation|user ?guides?|manuals?|readme)\b|` +
          String.raw`\b(docs|documentation) (link|page|url|site)\b`,
      ),
      2,
    ],
    // meta questions about the bot itself, also after a greeting ("hi! new here, what is this bot for?")
    /^\s*(please\s+)?(show|get|need|give me|open)\s+(me\s+)?(the\s+|some\s+)?help\b/,
    /\bwhat (can|could|should|may) (i|we) ask\b/,
    // "how should I phrase a question about network policies?": how to ask outweighs the topic named
    [/\bhow (do|can|should|would) (i|we) (ask|phrase|word|formulate)\b/, 3],
    /^[\s?!.]*(help|commands|usage)[\s?!.]*$/,
    /\bwhat can (this|the) (bot|thing|app|tool) (do|answer|tell)\b/,
    /\bwhat are (my|the) options\b/,
    /\bwhat (are|r) (you|u) able to\b/,
    /\b(list|set|overview) of (the )?(commands|questions|examples)\b/,
    /\bexamples? (of )?(questions|commands|queries)\b/,
    // ("what is this tool for?": the bot called by what it is, as in "what does this tool cover?")
    /\bwhat('s| is| are) (this|the|you) (bot |thing |app |tool |assistant )?for\b/,
    /\b(which|what) (questions|commands)\b.{0,20}\b(supported|work|understood)\b/,
    // "supported commands?", "valid question forms", "short forms?": the forms the bot accepts, asked for alone
    new RegExp(
      String.raw`^[\s?!.]*(help[\s,:;-]+)?(supported|available|valid|accepted|allowed|short|terse) ` +
        String.raw`(queries|questions|commands|forms|syntax)[\s?!.]*$`,
    ),
    /\bhow does (this|this bot|the bot) work\b/,
    // "which network questions can you answer", "how can you help me debug…", "usage / syntax?"
    /\b(which|what) ((sorts?|kinds?|types?) of )?(\w+ )?(questions|commands)\b.{0,20}\b(can|could|do) (you|u)\b/,
    /\bhow (can|could|do) (you|u) help\b/,
    /^[\s?!.]*(usage|syntax|commands|help)\s*(\/|,|and|or|&)\s*(usage|syntax|commands|help|examples)[\s?!.]*$/,
    [
      new RegExp(
        String.raw`\b(things|stuff) (that )?((you|u) (can|could)|(can|could) (you|u)) ` +
          String.raw`(tell|do|answer|show|check|look( at| up| into)?|see|find|verify)\b`,
      ),
      3,
    ],
    // "an overview of what this assistant can tell us", "summarise what it can and cannot tell us"
    [
      new RegExp(
        String.raw`\b(overview|summary|summari[sz]e|rundown|list|outline)\b.{0,20}\bwhat (this |the )?` +
          String.raw`(bot|assistant|tool|it|you|u)\b.{0,20}\b(can|could|cannot|can't)\b`,
      ),
      3,
    ],
    // "help pls, what do i type" (never "what do I write for the api pods?": a value of one of ours, filled in a form;
    // nor "what do I write on the vendor's form": a form or a ticket of someone else's)
    [
      new RegExp(
        String.raw`\bwhat (do|should|can|could) (i|we) (type|write|say|enter)\b` +
          String.raw`(?!,? (for|as) (the |our |my )?[\w-]+ (pods?|workloads?|apps?|deployments?)\b)` +
          String.raw`(?! (on|in|into) (the |their |our |a |an )?[\w'-]+ ?(forms?|fields?|sheets?|tickets?|portal)\b)`,
      ),
      2,
    ],
    /\bwhat can (you|u) tell me about (my|our|the|this) (cluster|network)\b/,
    // "menu", "your capabilities", "list of things I can ask"
    /^[\s?!.]*(show (me )?(the )?)?(menu|options|capabilities)( please)?[\s?!.]*$/,
    /\b(your|the bot's|its) (capabilities|features|skills)\b/,
    /\b(capabilities|features|skills) of (this|the) (bot|app|tool|thing)\b/,
    /\b(list|set|overview|kinds?|sorts?) of (the )?(things|stuff)\b.{0,20}\b(i|we|you|u) (can|could|may)\b/,
    /\b(things|stuff) (i|we) (can|could|may) ask\b/,
    // about the bot itself, with nothing else named: "what can you tell me about?", "what does this bot answer?"
    /\bwhat can (you|u) tell (me|us)( about)?\s*[?!.]*\s*$/,
    /\bwhat (does|do|can) (this|the) (bot|app|tool) (answer|know|do)\b/,
    // "what questions do you answer? egress? firewall?": the list of topics that follows is what may be asked
    [/\b(which|what) ((sorts?|kinds?|types?) of )?(questions|commands|topics) (do|can|will|would) (you|u)\b/, 3],
    // "what are you good for?", "how to query the network bot", "summarise what this assistant can help with"
    [/\bwhat (are|r|is) (you|u|this( bot| assistant)?|the (bot|assistant)|packet-path) good (for|at)\b/, 2],
    [/\bhow (to|do i|can i|should i|do we|can we) (ask|query|use|talk to) (the |this )?([\w-]+ )?(bot|assistant)\b/, 2],
    [/\bhow (to|do i|can i|should i) ask\b.{0,30}\bquestions\b/, 2],
    [/\bwhat (this|the) (bot|assistant|tool|packet-path) (can|could) (help|do|answer|tell|check|show)\b/, 2],
    // "syntax of the terse commands?", "what's in scope for you?": the bot's own forms and scope
    [/\b(syntax|format|grammar) (of|for) (the )?([\w-]+ )?(commands|questions|queries)\b/, 2],
    [/\b(in|out of) scope (for|with) (you|u|the bot|this bot|packet-path)\b/, 2],
    // the bot's own forms named as such ("kinds of questions it answers", "supported queries", "question families",
    // "the terse forms"): a message about the bot, whatever the sentence around it
    [
      new RegExp(
        String.raw`\b((kinds?|types?|sorts?|list|families) of (supported )?(questions|queries|commands)|` +
          String.raw`question (families|kinds|types)|supported (questions|queries|commands|forms)|` +
          String.raw`(questions|queries|commands|forms) (are |r )?supported|terse (syntax|forms?|commands|queries))\b`,
      ),
      3,
    ],
    // "how am I supposed to ask you things", "how are we meant to talk to it": how the bot is used
    [/\bhow (am i|are we|is one|should i|do i|do we) (supposed|meant|expected) to (ask|talk|write|phrase|use)\b/, 3],
    // "what's the syntax for asking about a pod's public IP?": how to ask outweighs the topic named
    // ("the syntax for a pod-to-pod path question": the kind of question may be said before it)
    [/\b(syntax|format|wording) (for|of) (asking|(a |an |the )?([\w-]+ ){0,3}(questions?|query|queries))\b/, 3],
    // "is there a manual?", "do you have docs?": a manual asked for alone is one for the bot
    // ("manual pls", "the docs?": asked for by its name alone)
    new RegExp(
      String.raw`^\W*(?:(is there|are there|do (you|u) have|where(?:'s| is| are)|send me|link to) )?` +
        String.raw`(a |an |the |some |any |your )?((getting[- ]started|quick ?start|beginners?'?|starter) )?` +
        String.raw`(manual|user guide|guide|docs|documentation|readme|tutorials?|walk-?through|primer|intro)` +
        String.raw`(\s+(pls|plz|please))?\s*[?!.]*\s*$`,
    ),
    // "man packet-path", "is there a man page?": the Unix way to ask for a command's manual, asked of the bot
    /^\W*man\s+(packet[- ]?path|(this |the )?bot)\s*[?!.]*\s*$|\bman ?pages?\b/,
    // "what is packet-path?", "what's this bot and what can it answer?": the bot asked about by its name
    /\bwhat('s| is) (this bot|the bot|packet[- ]?path)\s*([?!.]|$|and\b)/,
    // "show me the cheat sheet", "is there a cheat sheet for asking you things?": a cheat sheet is the bot's own
    [/\bcheat ?sheets?\b/, 2],
    /\bwhat (information|info|kind of information|data)\b.{0,12}\b(you|u)\b.{0,20}\b(provide|give|answer|tell|offer)\b/,
  ],
  examples: ['help'],
  command: 'help',
};
