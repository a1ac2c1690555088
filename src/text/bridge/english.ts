/**
 * English word handling for the English→Chinese bridge: a light stemmer applied the same way
 * to CC-CEDICT glosses and to questions, plus stopwords.
 */

/** Words that carry no topic in English questions or dictionary glosses. */
export const EN_STOPWORDS = new Set(
  (
    'a an the of to in on at for by with from and or but not no is are was were be been being am it its this that these those ' +
    'do does did done has have had having will would shall should can could may might must what which who whom whose when where why how ' +
    'many much long often there their they them he she his her him i me my we our you your one sb sth something someone etc e.g. ' +
    'about after before into onto over under up down out off as than then so such very more most some any all each every other also ' +
    'tell please give'
  ).split(' '),
);

/** Irregular verb forms, to their base. */
const IRREGULAR: Record<string, string> = {
  // Not plurals: "news" is no more "new" than "series" is "sery".
  news: 'news',
  series: 'series',
  species: 'species',
  won: 'win',
  growth: 'grow',
  sold: 'sell',
  took: 'take',
  taken: 'take',
  made: 'make',
  paid: 'pay',
  spent: 'spend',
  held: 'hold',
  built: 'build',
  brought: 'bring',
  bought: 'buy',
  lost: 'lose',
  left: 'leave',
  met: 'meet',
  ran: 'run',
  began: 'begin',
  begun: 'begin',
  became: 'become',
  grew: 'grow',
  grown: 'grow',
  fell: 'fall',
  fallen: 'fall',
  rose: 'rise',
  risen: 'rise',
  chose: 'choose',
  chosen: 'choose',
  gave: 'give',
  given: 'give',
  got: 'get',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  said: 'say',
  told: 'tell',
  found: 'find',
  kept: 'keep',
  led: 'lead',
  sent: 'send',
  struck: 'strike',
  hit: 'hit',
  shot: 'shoot',
  threw: 'throw',
  thrown: 'throw',
  wrote: 'write',
  written: 'write',
  drove: 'drive',
  driven: 'drive',
  flew: 'fly',
  flown: 'fly',
  swam: 'swim',
  caught: 'catch',
  taught: 'teach',
  thought: 'think',
  fought: 'fight',
  broke: 'break',
  broken: 'break',
  stood: 'stand',
  understood: 'understand',
  overtook: 'overtake',
  beat: 'beat',
  beaten: 'beat',
  children: 'child',
  men: 'man',
  women: 'woman',
};

/** British spellings as the dictionary's American ones: neighbouring → neighboring, centre → center, organise → organize. */
function british(w: string): string {
  if (w.length < 5) return w;
  return w
    .replace(/^([a-z]{3,})our(s|ed|ing|ly)?$/, '$1or$2')
    .replace(/^([a-z]{2,}[^aeiou])re(s|d)?$/, '$1er$2')
    .replace(/^([a-z]{3,})is(e|es|ed|ing|ation|ations)$/, '$1iz$2');
}

/**
 * Reduces an English word to a crude stem so that `resumed`, `resumes` and `resume` meet.
 *
 * @example
 * stem('farmers') // 'farmer'
 */
export function stem(word: string): string {
  const irregular = IRREGULAR[word.toLowerCase()];
  if (irregular === word.toLowerCase()) return irregular;
  if (irregular) return stem(irregular);
  let w = british(word.toLowerCase().replace(/'s$|’s$/, ''));
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) return w;
  else if (/(sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
  // winning → win, planned → plan: a doubled consonant before the ending is the spelling's, not the word's.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz|ff)$/.test(w)) return w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Content words of an English text (lower case, stopwords removed), unstemmed. */
export function englishWords(text: string): string[] {
  // Hyphenated compounds (three-star, cloud-adopting) are looked up word by word; 5th and 2nd are
  // ordinals, not the words th and nd; R&D is research and development.
  const plain = text
    .toLowerCase()
    .replace(/\b(\d+)(st|nd|rd|th)\b/g, '$1')
    .replace(/\br&d\b/g, 'research and development');
  return (plain.match(/[a-z][a-z'’]*/g) ?? [])
    .map((w) => w.replace(/['’]s$/, '').replace(/['’]+$/, ''))
    .filter((w) => w.length > 1 && !EN_STOPWORDS.has(w));
}
