/**
 * What a question asks for: the kind of span that answers it (a person, a place, a figure of some
 * measure, a date, a reason…) and where its question word stands, so that the words around it can
 * name the asked thing.
 */
import type { Lang } from '../../core/types.js';
import { TITLES, tokens } from '../../text/names.js';
import type { Measure } from '../../text/units.js';
import { ALL_UNITS, unitInfo } from '../../text/units.js';
import { anyOf, EN_UNIT_WORDS, englishAsked, enMeasure } from './en/measure.js';
import { zhMeasure } from './zh/measure.js';

/** The kind of span that answers a question. */
export type Slot =
  | 'person'
  | 'org'
  | 'place'
  | 'name'
  | 'date'
  | 'number'
  | 'ordinal'
  | 'title'
  | 'reason'
  | 'method'
  | 'definition'
  | 'yesno'
  | 'what';

/** What a question asks for. */
export interface Intent {
  slot: Slot;
  /** For `number`: what the figure measures (`any` when the question does not say). */
  measure?: Measure | 'any' | 'change' | 'price';
  /** A unit the question names (`千米` in 多少千米, `jin` in how many jin). */
  unit?: string;
  /** For `date`: how precise a date it asks for (哪年, 哪个季度, 几月, 哪天); any when it does not say (什么时候). */
  grain?: 'year' | 'quarter' | 'month' | 'day' | 'time';
  /** Where the question word is in the normalised question, for finding the asked thing next to it. */
  at?: { start: number; end: number };
}

type Rule = [RegExp, (m: RegExpExecArray) => Intent];

/** How precise a date a question word asks for. */
function grainOf(word: string): Pick<Intent, 'grain'> {
  if (/几点|时刻|time/.test(word)) return { grain: 'time' };
  if (/年/.test(word)) return { grain: 'year' };
  if (/季度/.test(word)) return { grain: 'quarter' };
  if (/[天日号]/.test(word) || /几月几/.test(word)) return { grain: 'day' };
  if (/月/.test(word)) return { grain: 'month' };
  return {};
}

/** True when the word at `at` is the unit itself, not the start of a longer word (多少项目 is not 项). */
function wholeWord(text: string, at: number, unit: string): boolean {
  const t = tokens(text).find((x) => x.start <= at && x.end > at);
  return !t || t.start < at || t.word.length <= unit.length || unitInfo(t.word).measure !== 'count';
}

const ZH_RULES: Rule[] = [
  [
    /第几|排名第?几|排第几|排在第?几|几名|名次|排名(多少|怎样|如何)|排在哪|位列第?几|第多少/,
    () => ({ slot: 'ordinal' }),
  ],
  [
    /(为什么|为啥|为何)(说|讲)?|怎么会|什么原因|原因是什么|原因|因为什么|凭什么|干嘛要|为了什么|由来|从哪来|怎么来的|哪来的|因何|依据.{0,8}而来/,
    () => ({ slot: 'reason' }),
  ],
  [/几点(钟|几分)?|几时几分|什么时刻|哪个时刻/, (m) => ({ slot: 'date', ...grainOf(m[0]) })],
  [
    /什么时候|啥时候|何时|何日|哪天|哪一天|哪日|几月几[号日]|几号|哪年|哪一年|几月份?|哪个月|什么时间|哪个时间|多会儿|什么日子|截至何时|日期|哪个季度|哪一季度|什么季度/,
    (m) => ({ slot: 'date', ...grainOf(m[0]) }),
  ],
  [
    /(担任|任|是)(什么|啥|何)(职务|职位|身份|头衔|官|职|人|来头)|(什么|何种|哪种|哪一?级|啥)(样的?)?(职务|职位|身份|头衔|级别|职级)|哪个(职务|级别)/,
    () => ({ slot: 'title' }),
  ],
  [/谁|哪位|哪个人|什么人|啥人|何人|哪名|哪几位|哪些人/, () => ({ slot: 'person' })],
  // 易来通是个什么平台: what kind of thing it is (电子健康通行证), not which one.
  [/是(一?个|一家|一种|一款|一所|一座|一项)(什么|啥)/, () => ({ slot: 'definition' })],
  [
    /(哪|什么|啥)(一)?(家|个|所)?(公司|企业|单位|机构|银行|医院|学校|大学|部门|组织|协会|集团|厂|媒体|球队|队伍|代表团|代表队|俱乐部|平台|政党|党)|哪家|哪所|哪支/,
    () => ({ slot: 'org' }),
  ],
  [
    /哪里|哪儿|在哪|何地|何处|什么地方|啥地方|哪个(国家|省|市|城市|地区|区|县|镇|村|地方)|哪国|哪座城市|哪些(国家|地区|城市)/,
    () => ({ slot: 'place' }),
  ],
  // 哪部 (影片), 哪本 (书): a title, written in 《》.
  [/叫(什么|啥)(名字)?|名称|什么名字|啥名字|名字(是|叫)?(什么|啥)|哪一?[部本首篇]/, () => ({ slot: 'name' })],
  [/哪几(类|种|个|位|项|方面|部分)?|是哪(几|些)|包括(哪些|什么)|由哪些/, () => ({ slot: 'definition' })],
  // 参赛人数有什么变化: the figure now, beside the one before.
  [/(有)?(什么|啥|何)(变化|不同|区别)|怎么变(化)?|(变化|变动)(如何|怎样|怎么样|多大)/, () => ({ slot: 'number' })],
  [
    /怎么|如何|咋|怎样|通过什么|用什么(办法|方式|方法)|什么(办法|方式|方法|措施|形式|手段|途径|模式)|啥(办法|招|方式|方法|形式)|哪些(措施|办法|举措)/,
    () => ({ slot: 'method' }),
  ],
  [
    new RegExp(
      // 那几个督导组 points at them; it asks no number.
      `(?:多少|(?<![那这])几)(?:万|亿)?(${ALL_UNITS.filter((u) => !/^[万亿]/.test(u))
        .join('|')
        .replace(/[/%]/g, (c) => `\\${c}`)})?`,
    ),
    (m) => ({
      slot: 'number',
      ...(m[1] && wholeWord(m.input, m.index + m[0].length - m[1].length, m[1]) ? { unit: m[1] } : {}),
    }),
  ],
  [/多长|多高|多远|多大|多重|多快|多久|多深|多宽/, () => ({ slot: 'number' })],
  [
    anyOf(
      /(是|指)(什么|啥)(意思)?|是(个|一个)(什么|啥)|指的是|什么意思|什么叫|何为|何谓|是(个)?啥/,
      /是干(嘛|什么|啥)(用)?的|干(嘛|什么|啥)用的|有(什么|啥)用|是做什么(用)?的/,
      /包括(哪些|什么)|有哪些|由哪(几|些)|哪几(个|种|类|项)|是哪(几|些)/,
    ),
    () => ({ slot: 'definition' }),
  ],
  [/吗$|是不是|是否|有没有|能不能|会不会|可不可以|对不对|没有$|了没$|了没有$/, () => ({ slot: 'yesno' })],
  [/什么|啥|哪些|哪个|哪/, () => ({ slot: 'what' })],
  // A post with nothing else asked (临江市长？ 蓝穹航天CEO？) asks who holds it.
  [
    /(书记|市长|省长|区长|县长|镇长|主任|主席|部长|局长|厅长|院长|校长|馆长|队长|会长|行长|董事长|总经理|总裁|ceo|理事长|秘书长|主编|教练|冠军|总统|总理|首相|发言人|负责人)$/,
    (m) => ({ slot: 'person', at: { start: m.index + m[0].length, end: m.index + m[0].length } }),
  ],
];

const EN_RULES: Rule[] = [
  [
    // (What rank of official is a grade, not a place in a ranking.)
    /\b(what|which) (rank|position|place)\b(?! of (an? )?(official|officer|cadre))|\branked?\b|\bwhere did .* (rank|finish|place)\b|\bwhat place\b/,
    () => ({ slot: 'ordinal' }),
  ],
  [/\bwhy\b|\bfor what reason\b|\bwhat (was|is) the reason\b|\bwhat reasons?\b/, () => ({ slot: 'reason' })],
  [
    /\bwhen\b|\bwhat (date|day|time(?! of)|year|month|quarter)\b|\bwhich (date|day|year|month|quarter)\b|\bon what day\b|\bby when\b/,
    (m) => ({
      slot: 'date',
      ...grainOf(
        m[0]
          .replace('year', '年')
          .replace('quarter', '季度')
          .replace('month', '月')
          .replace(/date|day/, '日'),
      ),
    }),
  ],
  [/\b(what|which) (position|post|title|job|role|rank of official|level)\b/, () => ({ slot: 'title' })],
  [/\bhow (has|have|did|does) .{2,60}\bchanged?\b|\bwhat (was|is) the change\b/, () => ({ slot: 'number' })],
  // "Which municipal leader": a word or two may describe the kind asked.
  [
    anyOf(
      /\bwho\b|\bwhom\b|\bwhich ([a-z-]+ ){0,2}(person|official|leader|player|athlete|doctor|candidate)\b/,
      /\bwhich ([a-z-]+ ){0,2}(expert|specialist|scientist|engineer|coach|designer|farmer|worker|cadre|volunteer)\b/,
      /\bwhich ([a-z-]+ ){0,2}(chairman|director|manager|mayor|secretary|president|champion|winner|teacher)\b/,
    ),
    () => ({ slot: 'person' }),
  ],
  [
    anyOf(
      /\bwhich ([a-z-]+ ){0,2}(company|firm|organi[sz]ation|body|bank|hospital|school|university|institution)\b/,
      /\bwhich ([a-z-]+ ){0,2}(department|agency|team|club|party|group|enterprise)\b/,
    ),
    () => ({ slot: 'org' }),
  ],
  [
    /\bwhere\b|\bwhich (country|city|province|district|town|county|village|region)\b|\bwhat (country|city)\b/,
    () => ({ slot: 'place' }),
  ],
  [/\bwhat is the name\b|\bwhat('s| is) it called\b|\bcalled what\b|\bname of\b/, () => ({ slot: 'name' })],
  [
    anyOf(
      /\bhow (many|much|old)\b/,
      /\bnumber of\b/,
      /\bwhat (is|was|are|were) the ([a-z]+ ){0,3}(number|amount|total|investment|cost|price|length|speed|size|value)\b/,
      /\bwhat (is|was|are|were) the ([a-z]+ ){0,3}(sum|population|rate|area|height|output|budget|progress)\b/,
      /\bhow (long|tall|high|far|fast|big|large|heavy|deep|wide)\b/,
      /\b(at|to) what (altitude|height|depth|speed|temperature)\b/,
    ),
    () => ({ slot: 'number' }),
  ],
  [
    /\bhow (do|did|does|is|are|was|were|can|could|will|has|have)\b|\bin what way\b|\bby what means\b|\bwhat (measures|steps|methods|way)\b/,
    () => ({ slot: 'method' }),
  ],
  [
    /\bwhat (is|are|was|were|does)\b.*\b(mean|stand for|refer to)\b|\bwhat (is|are) (the )?["“]|\bwhat kind of\b|^what (is|are) [a-z]/,
    () => ({ slot: 'definition' }),
  ],
  [/^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/, () => ({ slot: 'yesno' })],
  [/\bwhat\b|\bwhich\b/, () => ({ slot: 'what' })],
];

/**
 * English rules ordered by where their question word stands: in "Which company is Xu Jun, who
 * chairs…, paired with?" the question is "which company"; "who" belongs to a relative clause.
 */
function earliestFirst(rules: Rule[], text: string): Rule[] {
  const at = (r: Rule) => r[0].exec(text)?.index ?? Number.POSITIVE_INFINITY;
  return rules
    .map((r, i) => ({ r, i, at: at(r) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.r);
}

/**
 * The intent of a (normalised) question.
 *
 * @example
 * intentOf('平海公路全长多少千米', 'zh') // { slot: 'number', measure: 'length', unit: '千米', at: … }
 */
export function intentOf(q: string, lang: Lang): Intent {
  const text = lang === 'en' ? q.toLowerCase() : q.replace(/[?？。!！\s]+$/, '');
  const rules = lang === 'zh' ? ZH_RULES : earliestFirst(EN_RULES, text);
  for (const [re, make] of rules) {
    const m = re.exec(text);
    if (!m) continue;
    const intent: Intent = { at: { start: m.index, end: m.index + m[0].length }, ...make(m) };
    // 院长叫什么: the name asked is a person's, the holder of that post.
    if (intent.slot === 'name' && lang === 'zh' && TITLES.test(text.slice(0, m.index).replace(/[的是]+$/, '')))
      intent.slot = 'person';
    // 组长单位是谁: the one asked for is a body.
    if (intent.slot === 'person' && lang === 'zh' && /(单位|机构|部门|机关)(是|为)?$/.test(text.slice(0, m.index)))
      intent.slot = 'org';
    // "What is the on-grid price of…" names a measure: it asks a figure, not a definition.
    const enDefinition = lang === 'en' && intent.slot === 'definition';
    if (intent.slot === 'number' || intent.slot === 'what' || intent.slot === 'yesno' || enDefinition) {
      const measure = lang === 'zh' ? zhMeasure(text) : enMeasure(englishAsked(q));
      if (intent.slot === 'number') {
        // 多少 + a noun (有多少项目) counts that noun.
        const counted =
          lang === 'zh' &&
          !intent.unit &&
          /^\p{Script=Han}/u.test(text.slice(m.index + m[0].length)) &&
          /^(多少|几)/.test(m[0]);
        intent.measure = measure ?? (intent.unit ? unitInfo(intent.unit).measure : counted ? 'count' : 'any');
      } else if (measure && (intent.slot === 'what' || enDefinition) && lang === 'en')
        return { ...intent, slot: 'number', measure };
    }
    if (lang === 'en' && intent.slot === 'number') {
      const asked = englishAsked(q);
      const unit = Object.entries(EN_UNIT_WORDS).find(([, re]) => re.test(asked))?.[0];
      if (unit) intent.unit = unit;
    }
    return intent;
  }
  // No question word: a post named last asks who holds it (临江市长?, 平海路指挥部 副指挥长?).
  const post = lang === 'zh' ? /\p{Script=Han}{2,}$/u.exec(text) : null;
  const last = tokens(text).at(-1)?.word ?? '';
  if (post && TITLES.test(last) && !zhMeasure(last))
    return { slot: 'person', at: { start: text.length, end: text.length } };
  // No question word (平海路 总投资?): a measure named asks for its figure.
  const measure = lang === 'zh' ? zhMeasure(text) : undefined;
  if (!measure || measure === 'change') return { slot: 'what' };
  // 大白菜均价?: a measure's noun named last stands where the question word would.
  const lastToken = lang === 'zh' ? tokens(text).at(-1) : undefined;
  const at = lastToken && zhMeasure(lastToken.word) ? { start: lastToken.end, end: lastToken.end } : undefined;
  return { slot: 'number', measure, ...(at ? { at } : {}) };
}
