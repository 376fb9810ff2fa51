// Text as voice-to-text writes it, and the few words of German, Spanish and French a question carries in a mixed-
// language message, turned into what the rules read: digits, dots and slashes, and English words.
import { escapeRe } from '../regex';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
// "thirty-one": a ten and a unit written with a hyphen are one number
const COMPOUND = `(?:${TENS.join('|')})-(?:${UNITS.slice(1).join('|')})`;
const NUM = `(?:${COMPOUND}|${[...UNITS, ...TEENS, 'nineteen', ...TENS, 'oh'].join('|')})`;

const valueOf = (w: string): number =>
  w.includes('-')
    ? w.split('-').reduce((a, x) => a + valueOf(x), 0)
    : w === 'oh'
      ? 0
      : UNITS.includes(w)
        ? UNITS.indexOf(w)
        : w === 'nineteen'
          ? 19
          : TEENS.includes(w)
            ? 10 + TEENS.indexOf(w)
            : 20 + 10 * TENS.indexOf(w);

/** "sixty one" → 61, "four four three" → 443, "eighty" → 80: a ten and a unit make one number, the rest are digits
 * said one after another. */
function digits(words: string[]): string {
  let out = '';
  for (let i = 0; i < words.length; i++) {
    const v = valueOf(words[i]);
    const next = words[i + 1] !== undefined ? valueOf(words[i + 1]) : undefined;
    if (v >= 20 && next !== undefined && next > 0 && next < 10) {
      out += String(v + next);
      i++;
    } else out += String(v);
  }
  return out;
}

/** One dotted part: number words ("sixty one"), or a word and the number words after it ("project one"). */
const SEG = String.raw`(?:${NUM}(?: ${NUM})*|[a-z][a-z0-9-]*(?: ${NUM})*)`;
const DOTTED = new RegExp(String.raw`(?<![\w.-])${SEG}(?: dot ${SEG})+(?![\w.-])`, 'g');
// a port said as an amount ("eight thousand eighty", "eighty-one") or digit by digit ("four four three")
const AMOUNT = String.raw`(?:${NUM}|hundred|thousand)`;
// ("tcp five four three two": a protocol names the port after it as well)
const PORT = new RegExp(String.raw`\b(port|ports|tcp|udp) (${NUM}(?:[ -]${AMOUNT})*)(?![\w-])`, 'g');

/** "eight thousand eighty" → 8080, "four hundred forty three" → 443; without those words, digit by digit. */
function amount(words: string[]): string {
  if (!words.some((w) => w === 'hundred' || w === 'thousand')) return digits(words);
  let total = 0;
  let current = 0;
  for (const w of words)
    if (w === 'thousand') [total, current] = [total + Math.max(current, 1) * 1000, 0];
    else if (w === 'hundred') current = Math.max(current, 1) * 100;
    else current += valueOf(w);
  return String(total + current);
}
// "can z/c reach x/a on eighty?", "when it talks to db-0, like on five four three two, does it …": a number said
// after "on" at a clause's end is the port, as "on 80" is (never "on one node", "on two of them")
const ON_PORT = new RegExp(
  String.raw`\bon ((?:${TENS.join('|')})|${NUM}(?:[ -]${AMOUNT})+)(?=\s*(?:[?!.,;:)]|$))`,
  'g',
);
const SLASH = /(?<![\w./-])([a-z0-9][a-z0-9-]*) slash ([a-z0-9][a-z0-9-]*)(?![\w-])/g;

const NUM_WORD = new RegExp(`^${NUM}$`);

const segment = (seg: string): string => {
  const words = seg.split(' ');
  const first = NUM_WORD.test(words[0]) ? '' : words.shift()!;
  return first + (words.length ? digits(words) : '');
};

/** A dotted chain; a word before a chain of numbers is no part of it ("is twenty dot fifty dot …"). */
function dotted(chain: string): string {
  const parts = chain.split(' dot ');
  // "the dot of it": one dot between words is English; a name is dictated with two dots or more, an address in numbers
  if (parts.length < 3 && !chain.split(' ').some((w) => NUM_WORD.test(w))) return chain;
  const head = parts[0].split(' ');
  const numeric = (p: string) => p.split(' ').every((w) => NUM_WORD.test(w));
  if (head.length > 1 && !NUM_WORD.test(head[0]) && parts.slice(1).every(numeric))
    return `${head[0]} ${[head.slice(1).join(' '), ...parts.slice(1)].map(segment).join('.')}`;
  return parts.map(segment).join('.');
}

/** "twenty dot fifty dot sixty one dot ten" → 20.50.61.10, "server dot project one dot svc" → server.project1.svc,
 * "y slash a" → y/a, "port eighty one" → port 81. */
// Words voice-to-text hears for ours: "egg rest" (egress), "the web pot" (pod), "which note is it on" (node)
const SLIPS: [RegExp, string][] = [
  [/\begg (?:rest|press)\b/g, 'egress'],
  [/\b(the|a|this|that|each|every|which|what|my|our|web|api|db) pot(s?)\b(?! of\b)/g, '$1 pod$2'],
  [/\b(which|what|same|the) note(s?)\b(?= (?:is|are|does|do|runs?|name|ip)\b)/g, '$1 node$2'],
];

// Chat shorthand: "w/ natgw" (with), "dns + egr" (two asks joined), and "4" for "for" after what is asked of a
// name ("egr ip 4 web", "dns 4 api"; never a count: "4 nodes", "layer 4")
const CHAT: [RegExp, string][] = [
  [/(^|\s)w\/(?=\s)/g, '$1with'],
  [/\b([a-z]+) \+ (?=[a-z])/g, '$1 and '],
  [/\b(ip|ips|dns|egr|egress|path|route|policy|lb|address|addr|node|hops?) 4 (?=[a-z])/g, '$1 for '],
];

// "how does, like, nginx get to …", "what's, uh, twenty dot …": a filler set off by commas after a word that cannot end
// a clause (a question word, an auxiliary, an article, a preposition) is no part of the sentence
const FILLER = new RegExp(
  String.raw`\b(how|what|what's|which|where|who|does|do|did|is|are|was|can|could|the|a|an|to|from|of|on|in|at)` +
    String.raw`\s*,\s*(?:like|um+|uh+|erm|er|you know)\s*,\s*`,
  'g',
);

// ("um, how does …": and a hesitation that opens the message)
const OPENING = /^\s*(?:um+|uh+|erm|er|hmm+)\s*,\s*/;

export function spoken(said: string): string {
  const t = [...SLIPS, ...CHAT].reduce(
    (x, [re, to]) => x.replace(re, to),
    said.replace(FILLER, '$1 ').replace(OPENING, ''),
  );
  if (!/\b(dot|slash|port|tcp|udp|on)\b/.test(t)) return t;
  return t
    .replace(DOTTED, dotted)
    .replace(ON_PORT, (_all: string, said: string) => `on ${amount(said.split(/[ -]/))}`)
    .replace(PORT, (all: string, port: string, said: string) =>
      /^(tcp|udp)$/.test(port) && /^(one|oh|zero)$/.test(said) ? all : `${port} ${amount(said.split(/[ -]/))}`,
    )
    .replace(SLASH, '$1/$2');
}

// Words of a mixed-language question ("hoe komt api bij db op 5432?",
// "oye, puede el pod y/c llegar a x/a en el puerto 81?", "mit welcher
// öffentlichen IP geht der api pod raus?", "quel serveur DNS utilise le pod sqlapi?"): the question words, the verbs
// of reaching and leaving, and the network nouns, each read as its English word. Longer phrases come first.
const GLOSS: [string, string][] = [
  // Hinglish (Hindi written in Latin letters, as on-call chats mix it with English)
  ['kya kya kar sakte ho', 'what can you do'],
  ['kya kar sakte ho', 'what can you do'],
  ['pahunchta hai', 'reaches'],
  ['pahunchti hai', 'reaches'],
  ['jata hai', 'goes'],
  ['jaata hai', 'goes'],
  ['chal raha hai', 'runs'],
  ['chal rahi hai', 'runs'],
  ['kaise', 'how'],
  ['kahan', 'where'],
  ['kaha', 'where'],
  ['batao', 'tell me'],
  ['bataiye', 'tell me'],
  ['kripya', 'please'],
  // Indonesian and Malay ("Halo, bot ini bisa apa saja?": what can this bot do)
  ['bisa apa saja', 'what can you do'],
  ['bisa apa', 'what can you do'],
  ['apa saja', 'what'],
  ['bagaimana', 'how'],
  ['gimana', 'how'],
  ['di mana', 'where'],
  ['dimana', 'where'],
  ['tolong', 'please'],
  ['halo', 'hello'],
  // Spanish
  ['qué puedes hacer', 'what can you do'],
  ['que puedes hacer', 'what can you do'],
  ['en qué nodo', 'on which node'],
  ['en que nodo', 'on which node'],
  ['de salida', 'egress'],
  ['llegar a', 'reach'],
  ['en el puerto', 'on port'],
  ['por favor', 'please'],
  ['cuál es', 'what is'],
  ['cual es', 'what is'],
  ['una pregunta', 'a question'],
  // a few words of reaching, traffic and hops ("¿cómo llega el tráfico … a la ruta sqlapilb?")
  ['cómo llega', 'how does reach'],
  ['como llega', 'how does reach'],
  ['cómo va', 'how goes'],
  ['como va', 'how goes'],
  ['por el puerto', 'on port'],
  ['qué nodos atraviesa', 'which nodes does it cross'],
  ['que nodos atraviesa', 'which nodes does it cross'],
  ['cliente externo', 'external client'],
  ['a la', 'to the'],
  ['al', 'to the'],
  ['tráfico', 'traffic'],
  ['trafico', 'traffic'],
  ['saltos', 'hops'],
  ['nodos', 'nodes'],
  ['ruta', 'route'],
  ['necesito', 'i need'],
  ['llega', 'reaches'],
  ['puede', 'can'],
  ['escalar', 'scale'],
  ['abrir', 'open'],
  ['borrar', 'delete'],
  ['reiniciar', 'restart'],
  ['pública', 'public'],
  ['publica', 'public'],
  ['puerto', 'port'],
  ['nodo', 'node'],
  ['corre', 'runs'],
  ['ayuda', 'help'],
  ['hola', 'hi'],
  ['oye', 'hey'],
  ['qué', 'what'],
  ['cuál', 'which'],
  // German
  ['was kannst du', 'what can you do'],
  ['kurze frage', 'quick question'],
  ['gibt es', 'are there'],
  ['geht raus', 'goes out'],
  ['auf welchem node', 'on which node'],
  ['wie kommt', 'how does'],
  ['von außen', 'from outside'],
  ['aus dem', 'from the'],
  ['zu den', 'to the'],
  ['zum', 'to the'],
  ['zur', 'to the'],
  ['sehen', 'see'],
  ['echte', 'real'],
  ['echten', 'real'],
  ['von aussen', 'from outside'],
  ['bis zu den', 'reach the'],
  ['bis zum', 'reach the'],
  ['bis zur', 'reach the'],
  ['drauf zugreift', 'connects to it'],
  ['zugreift', 'connects'],
  ['läuft', 'runs'],
  ['sieht', 'sees'],
  ['wenn', 'when'],
  ['über', 'via'],
  ['ein', 'a'],
  ['die', 'the'],
  ['welchem', 'which'],
  ['welcher', 'which'],
  ['welchen', 'which'],
  ['welches', 'which'],
  ['welche', 'which'],
  ['öffentlichen', 'public'],
  ['öffentliche', 'public'],
  ['raus', 'out'],
  ['geht', 'goes'],
  ['kollege fragt', 'a colleague asks'],
  ['wofür', 'what for'],
  ['hallo', 'hello'],
  ['danke', 'thanks'],
  ['bitte', 'please'],
  ['alles', ''],
  ['skalieren', 'scale'],
  ['löschen', 'delete'],
  ['öffnen', 'open'],
  // ("welcher DNS-Server wird vom Pod api benutzt?": the passive, its agent after "vom")
  ['dns-server', 'dns server'],
  ['wird vom', 'is used by the'],
  ['benutzt', ''],
  ['verwendet', ''],
  ['mit', 'with'],
  ['und', 'and'],
  ['ist', 'is'],
  ['der', 'the'],
  // French
  ['serveur dns', 'nameserver'],
  ['est-ce que', ''],
  ['sur quel nœud', 'on which node'],
  ['sur quel noeud', 'on which node'],
  ['sur le port', 'on port'],
  ['adresse source', 'source address'],
  ['nœud', 'node'],
  ['noeud', 'node'],
  ['tourne', 'runs'],
  ['appelle', 'calls'],
  ['voit', 'sees'],
  ['sur', 'on'],
  ['quelle', 'which'],
  ['quel', 'which'],
  ['serveur', 'server'],
  ['utilise', 'uses'],
  ['adresse', 'address'],
  ['sortante', 'outbound'],
  ['salut', 'hi'],
  ['peut', 'can'],
  ['ouvrir', 'open'],
  ['supprimer', 'delete'],
  ['joindre', 'reach'],
  ['atteindre', 'reach'],
  ["tu peux m'aider", 'can you help me'],
  ["qu'est-ce que tu sais faire", 'what can you do'],
  ['aider', 'help'],
  ['trafic', 'traffic'],
  // Portuguese, Italian, Dutch, German: reaching and traffic
  ['chegar a', 'reach'],
  // ("como chega o tráfego da internet até o sqlapi pela rota sqlapilb?")
  ['como chega', 'how does reach'],
  ['chega', 'reaches'],
  ['até o', 'to the'],
  ['até a', 'to the'],
  ['até', 'to'],
  ['pela rota', 'via the route'],
  ['pela', 'via the'],
  ['rota', 'route'],
  ['da', 'from the'],
  ['tráfego', 'traffic'],
  ['raggiungere', 'reach'],
  ['traffico', 'traffic'],
  ['bereiken', 'reach'],
  ['verkeer', 'traffic'],
  ['erreichen', 'reach'],
  ['verkehr', 'traffic'],
  // Portuguese, Italian, Dutch: asking what the bot does, which address leaves, who reaches whom on which port
  ['o que você sabe fazer', 'what can you do'],
  ['o que voce sabe fazer', 'what can you do'],
  ['qual é', 'what is'],
  ['qual è', 'what is'],
  ['de saída', 'egress'],
  ['de saida', 'egress'],
  ['di uscita', 'egress'],
  ['uitgaande', 'outbound'],
  ['falar com', 'reach'],
  ['na porta', 'on port'],
  ['sulla porta', 'on port'],
  ['hoe komt', 'how does'],
  ['hoe werkt', 'how works'],
  ['deze', 'this'],
  ['vragen', 'questions'],
  ['stellen', 'ask'],
  ['caminho de', 'path from'],
  ['camino de', 'path from'],
  ['caminho', 'path'],
  ['camino', 'path'],
  ['para', 'to'],
  ['no meio', 'in between'],
  ['tem', 'is there'],
  ['bij', 'reach'],
  ['op', 'on'],
  ['porta', 'port'],
  ['poort', 'port'],
  ['pode', 'can'],
  ['può', 'can'],
  ['qual', 'which'],
  ['quale', 'which'],
  ['welke', 'which'],
  ['welk', 'which'],
  ['preciso', 'i need'],
  ['ajuda', 'help'],
  ['o', 'the'],
  // Turkish: "yol" is the path, "nedir" asks what it is, "hangi" which, "nerede" where
  ['yol', 'path'],
  ['nedir', 'what is'],
  ['hangi', 'which'],
  ['nerede', 'where'],
  // ("hangi soruları sorabilirim?": which questions can I ask; "yardım" is help)
  ['yardım', 'help'],
  ['soruları', 'questions'],
  ['sorular', 'questions'],
  ['sorabilirim', 'can i ask'],
  // ("erişebilir mi?": can it reach?; "mi", "mı", "mu", "mü" only mark the question)
  ['erişebilir', 'can reach'],
  ['mi', ''],
  ['mı', ''],
  ['mu', ''],
  ['mü', ''],
  // Italian: "percorso" is the path, "quali domande" which questions, "spiega" explains
  ['percorso', 'path'],
  ['quali', 'which'],
  ['domande', 'questions'],
  ['spiega', 'explains'],
  ['posso', 'can i'],
  // Polish: "ścieżka" is the path, "na porcie" on port, "jak" how, "jakie" which, "źródłowe" source, "widzi" sees,
  // "pytać" ask, "przykłady" examples
  ['ścieżka', 'path'],
  ['na porcie', 'on port'],
  ['jak', 'how'],
  ['jakie', 'which'],
  ['źródłowe', 'source'],
  ['widzi', 'sees'],
  ['pytać', 'ask'],
  ['przykłady', 'examples'],
  ['cię', 'you'],
  ['pytań', 'questions'],
  ['pytania', 'questions'],
  // Vietnamese: "đường đi" is the path, "từ … tới/đến …" from … to …, "qua" via, "cổng" the port
  ['xin chào', 'hello'],
  ['đường đi', 'path'],
  ['như thế nào', 'how'],
  ['từ', 'from'],
  ['tới', 'to'],
  ['đến', 'to'],
  ['qua', 'via'],
  ['cổng', 'port'],
  // Korean: the network nouns and the question endings ("web pod 의 DNS 서버는 뭐예요?": 의 joins what is whose)
  ['서버는', 'server'],
  ['서버', 'server'],
  ['뭐예요', 'what is'],
  ['뭐에요', 'what is'],
  ['무엇인가요', 'what is'],
  ['맞나요', 'right'],
  ['맞아요', 'right'],
  ['어디', 'where'],
  ['노드', 'node'],
  ['포트', 'port'],
  ['경로', 'path'],
  ['의', 'of'],
  // Russian: "может ли" asks whether it can, "подключиться к" connect to, "на порт" on port ("может ли pod y/c
  // подключиться к x/a на порт 80?": the pair and its verdict)
  ['может ли', 'can'],
  ['могут ли', 'can'],
  ['может', 'can'],
  ['могут', 'can'],
  // ("… до него достучаться?": reach it, the one said before)
  ['до него достучаться', 'reach it'],
  ['к нему подключиться', 'connect to it'],
  ['него', 'it'],
  ['нему', 'it'],
  ['подключиться к', 'connect to'],
  ['подключаться к', 'connect to'],
  ['подключается к', 'connects to'],
  ['достучаться до', 'reach'],
  ['достучится до', 'reaches'],
  ['дойти до', 'reach'],
  ['доступ к', 'access to'],
  ['на порт', 'on port'],
  ['на порту', 'on port'],
  ['по порту', 'on port'],
  ['порт', 'port'],
  ['порту', 'port'],
  ['под', 'pod'],
  ['пода', 'pod'],
  ['поды', 'pods'],
  ['из', 'from'],
  ['какой', 'which'],
  ['какая', 'which'],
  ['какие', 'which'],
  ['на какой', 'on which'],
  ['на каком', 'on which'],
  ['где', 'where'],
  ['как', 'how'],
  ['путь', 'path'],
  ['ноде', 'node'],
  ['нода', 'node'],
  ['узле', 'node'],
  ['узел', 'node'],
  ['работает', 'runs'],
  ['запущен', 'runs'],
  ['привет', 'hello'],
  // Estonian: "millises" asks which (in which), "jookseb" runs, "mul on vaja" I need, "aadressi" the address
  ['tere', 'hello'],
  ['millises', 'which'],
  ['millisel', 'which'],
  ['jookseb', 'runs'],
  ['töötab', 'runs'],
  ['praegu', 'now'],
  ['mul on vaja', 'i need'],
  ['ka', 'also'],
  ['tema', 'its'],
  ['aadressi', 'address'],
  ['aadress', 'address'],
  // articles next to a noun of ours ("el pod", "le pod", "la ip", "del pod")
  ['el', 'the'],
  ['le', 'the'],
  ['la', 'the'],
  ['del', 'of the'],
];

const GLOSS_RE = new RegExp(
  String.raw`(?<![\p{L}\d/.-])(${GLOSS.map(([w]) => escapeRe(w)).join('|')})(?![\p{L}\d/.-])`,
  'gu',
);
const GLOSSED = new Map(GLOSS);
/** The sign of a message in another language: a word only German, Spanish or French has. */
const FOREIGN = new RegExp(
  String.raw`(?<![\p{L}\d-])(puede|puedes|pública|publica|puerto|nodo|corre|cuál|qué|oye|hola|ayuda|welche[rns]?|` +
    String.raw`öffentlichen?|kannst|geht|raus|bitte|hallo|kollege|skalieren|löschen|öffnen|läuft|welchem|sieht|` +
    String.raw`außen|zugreift|nœud|noeud|tourne|appelle|voit|est-ce|` +
    String.raw`salut|quel(le)?|serveur|utilise|aider|trafic|` +
    String.raw`llega|tráfico|trafico|saltos|nodos|atraviesa|tráfego|chegar|raggiungere|traffico|bereiken|verkeer|` +
    String.raw`erreichen|verkehr|kommt|sehen|echten?|caminho|camino|werkt|vragen|` +
    String.raw`서버는|서버|뭐예요|뭐에요|무엇인가요|맞나요|맞아요|어디|노드|포트|경로|` +
    String.raw`qual|quale|saída|saida|uscita|preciso|pode|può|falar|porta|você|voce|fazer|ajuda|hoe|komt|welke|` +
    String.raw`poort|uitgaande|peut|joindre|atteindre|chega|benutzt|verwendet|arasındaki|nedir|hangi|nerede|` +
    String.raw`yardım|sorabilirim|erişebilir|percorso|quali|domande|ścieżka|porcie|jakie|źródłowe|pytać|pytań|` +
    String.raw`pytania|przykłady|` +
    String.raw`escalar|abrir|borrar|reiniciar|ouvrir|supprimer|` +
    String.raw`đường|từ|tới|đến|nào|cổng|` +
    String.raw`bisa|saja|bagaimana|gimana|dimana|tolong|` +
    String.raw`kaise|kahan|kaha|batao|bataiye|kripya|pahunchta|pahunchti|sakte|` +
    String.raw`tere|millises|millisel|jookseb|töötab|praegu|aadressi)(?![\p{L}\d-])`,
  'u',
);

/** German puts the infinitive last ("bitte den web deployment auf 5 replicas skalieren"): the request's verb */
const LAST_VERB = /(?<![\p{L}\d-])(skalieren|löschen|öffnen)\W*$/u;

export function glossed(t: string): string {
  // (Japanese kana join the words around them with no space: any of them marks the message)
  // (and so do Cyrillic letters: a Russian question is marked by its script)
  if (!FOREIGN.test(t) && !/[\u3040-\u30ff\u0400-\u04ff]/u.test(t)) return t;
  const verb = LAST_VERB.exec(t)?.[1];
  // Hindi puts "from" and "to" after their nouns ("api se db-0 tak", "5432 pe"): read in English order
  const ordered = t
    .replace(/(?<![\p{L}\d-])([\w./-]+) se ([\w./-]+(?: service| pods?| svc)?) tak(?![\p{L}\d-])/gu, 'from $1 to $2')
    .replace(/\b(\d{2,5}) pe\b/g, 'on port $1')
    // and Turkish "between" ("sqlapi ile server arasındaki yol": the path between sqlapi and server)
    // and Vietnamese "which" after its noun ("qua node nào": via which node)
    .replace(/(?<![\p{L}\d-])([\w./-]+) nào(?![\p{L}\d-])/gu, 'which $1')
    .replace(/(?<![\p{L}\d-])([\w./-]+) ile ([\w./-]+) arasındaki(?![\p{L}\d-])/gu, 'between $1 and $2')
    // and Japanese "from … to …" after their nouns ("internet から sqlapi pod まで": from the internet to sqlapi)
    .replace(/(?<![\p{L}\d-])([\w./-]+)\s*から\s*([\w./-]+(?: service| pods?| svc)?)\s*まで/gu, 'from $1 to $2 ')
    // ("どう" is how, "教えてください" please tell; "は", "を" only mark the noun before them)
    .replace(/どう/gu, ' how ')
    .replace(/教えてください/gu, ' please show ')
    .replace(/(?<=[\w\s])[はを](?=\s|$)/gu, ' ')
    // and Polish "from … to …" ("od web do api"; "do" alone may be English)
    .replace(/(?<![\p{L}\d-])od ([\w./-]+) do ([\w./-]+)(?![\p{L}\d-])/gu, 'from $1 to $2')
    // Turkish joins a case ending to a name with an apostrophe ("x/a'ya": to x/a, "web'den": from web, "pod'u": the
    // pod), and to "port" without one ("80 portundan", "portuna"): the name, the way said as an English preposition
    .replace(/([\w./-]+)['’](?:y?[ae])(?![\p{L}\d-])/gu, 'to $1')
    .replace(/([\w./-]+)['’](?:[dt][ae]n)(?![\p{L}\d-])/gu, 'from $1')
    .replace(/([\w./-]+)['’](?:n?[ıiuü]n|y?[ıiuü]|[dt][ae])(?![\p{L}\d-])/gu, '$1')
    // (Estonian does the same: "node'is", in the node; "pod'il", on the pod)
    .replace(/([\w./-]+)['’](?:is|il|ist|ilt|ile)(?![\p{L}\d-])/gu, '$1')
    .replace(/\b(\d{2,5}) port(?:u|una|undan|unda)(?![\p{L}\d-])/gu, 'on port $1');
  const read = ordered.replace(GLOSS_RE, (w: string) => GLOSSED.get(w) ?? w).replace(/ {2,}/g, ' ');
  return verb ? `please ${GLOSSED.get(verb)} ${read}` : read;
}
