/**
 * Concepts of a Chinese question: the figures and names it gives, the thing it asks about (next to
 * its question word), and its other content words, each with the ways a passage may write it
 * (as typed, in written rather than spoken words, or as the corpus word with the same reading when
 * the question has a typo). Fillers and question words are left out.
 */
import type { KeywordSearch } from '../../../index/loaded-index.js';
import type { Lexicon } from '../../../text/bridge/lexicon.js';
import { contrasts } from '../../../text/contrasts.js';
import { findMentions, parseNumber } from '../../../text/figures.js';
import { findNames, TITLES, tokens } from '../../../text/names.js';
import { type Concept, dedupe, exact, periodConcept, weightOf } from '../concept.js';
import type { Intent } from '../intent.js';
import { type AskedTime, askedTime } from '../when.js';
import { askedPhrase, type Placed } from './asked-phrase.js';
import { zhMeasure } from './measure.js';
import { segment } from './segment.js';
import { altsOf, PLACE_KINDS, placeAlts, placeOfOrg } from './wordings.js';

/** Question words, fillers and frames of spoken questions: they say how something is asked, not what. */
const FILLERS = new RegExp(
  [
    '什么时候|啥时候|多长时间|多少钱|为什么|为啥|怎么样|怎么|怎样|如何|多少|多长|多久|多大|多高|多远|多重|多快|几个|几家|几名|几位|几',
    '哪些|哪个|哪位|哪家|哪里|哪儿|哪天|哪年|哪一|哪|是否|是不是|有没有|能不能|会不会|对不对|什么|啥|何时|何地|为何|谁|咋',
    '有什么变化|有何变化|怎么变化|怎样变化|变化如何|相比|相较|比较|达到了|达到',
    '报纸上说|报纸说|报上说|新闻说|报道说|据报道|报纸上|报纸里|报纸|报上|新闻里|这一期|这期|本期|最新一期',
    '请问|请|告诉我|我想知道|想知道|想问一下|想问|问一下|听说|据说|帮我|帮忙查|查一下|查下|说说|讲讲|你知道|知道|到底|究竟|一共|总共|一下',
    '那个|这个|那些|这些|那边|这边|那块|那一块|那会儿|那时候|那阵子|这阵子|那段时间|那几天|那次|这次|那里|这里|那位|这位|那家|这家|咱们|咱|我们|你们',
    '最新|最近|近期|近来|当前|如今|眼下|至今|迄今|是从|来着|的话|左右|大概|差不多|具体|现在|目前|当时|后来|最后|还有|一般|算是|属于|情况|东西|意思|名字叫|叫做|名叫',
    '吗|呢|啊|呀|吧|嘛|哦|哈|啦|么|呗|咯|哇|噢|诶',
  ].join('|'),
  'g',
);

/** Words that weigh nothing as concepts. */
const STOP = new Set(
  '的 了 和 与 及 在 是 有 为 对 把 被 将 也 都 等 之 其 这 那 该 此 并 而 或 从 以 于 向 到 由 着 过 就 又 还 已 中 上 下 个 要 能 会 可以 可 让 给 得 地 去 来 做 干 搞 弄 里 头 呢 么 被 所 啊 多'.split(
    ' ',
  ),
);

/** Words that single one out: 最高, 最多, 首位. */
const SUPERLATIVE = /^(最高|最低|最多|最少|最大|最小|最快|最慢|最长|最短|最早|最晚|首位|第一|最佳|最强)$/;

/** Words of expectation and plan: 预计什么时候通车 asks about 通车. */
const MODAL = /^(预计|计划|预期|打算|准备|将要|将会|有望|可望|能够|应该|应当|估计|争取|力争)$/;

const GIVEN_FIGURE = (text: string) => /\d|[一二三四五六七八九十两百千万亿]/.test(text);

/** Nouns that only say "the number of": the figure answers them. */
const GENERIC_MEASURE = /^(数|数量|数目|总数|总量|数字|数额|数据|情况|多少|人数|个数|家数|数值)$/;

/** True when a name stands right after the question word of a who/which question (哪家[食品公司]). */
function focusAtAnswer(intent: Intent, start: number): boolean {
  return (
    (intent.slot === 'org' || intent.slot === 'place' || intent.slot === 'person') &&
    !!intent.at &&
    start - intent.at.end <= 1 &&
    start >= intent.at.start
  );
}

/** True when the words after a rank name the thing ranked (第二[阶梯]), not an idiom (第一时间). */
const namesWhich = (after: string) => /^\p{Script=Han}/u.test(after) && !/^(时间|手|线|步|次|个|位|名)/.test(after);

/** Replaces a span with spaces, keeping every offset. */
const blank = (text: string, start: number, end: number) =>
  text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);

/**
 * Concepts of a normalised Chinese question.
 *
 * @example
 * zhConcepts('平海公路总投资多少?', intent, keyword, lexicon).map((c) => c.label) // ['平海公路', '总投资']
 */
export function zhConcepts(
  norm: string,
  intent: Intent,
  keyword: KeywordSearch,
  lexicon: Lexicon,
  time: AskedTime = askedTime(norm, 'zh'),
): Concept[] {
  const concepts: Concept[] = [];
  let rest = norm;
  for (const p of time.periods) {
    // Periods compared with each other choose the issues to answer from, not the sentence.
    if (!time.compare) concepts.push(periodConcept(p));
    // 3月1日时, 节前: the word after a time belongs to it.
    const tail = /^(的时候|之前|之后|以来|期间|时|前|后|起)/.exec(rest.slice(p.end))?.[0].length ?? 0;
    rest = blank(rest, p.start, p.end + tail);
  }
  // 灵雀四号, 长征六号: a numbered name is one name; 灵雀五号 is another.
  for (const m of rest.matchAll(
    /(\p{Script=Han}{2,4}?)([一二三四五六七八九十]{1,3}|\d{1,3})号(?!线|楼|院|文件|令)/gu,
  )) {
    const [whole, stemName = '', n = ''] = m;
    const digits = parseNumber(n);
    // 灵鹊四号 with a typo is 灵雀四号.
    const known = altsOf(stemName, keyword, lexicon).find((a) => keyword.docFrequency(a.text) > 0);
    if (!known || digits === undefined) continue;
    const alts = [...new Set([stemName, known.text])].flatMap((name) => [
      { text: `${name}${n}号`, quality: known.quality },
      { text: `${name}${digits}号`, quality: known.quality },
    ]);
    concepts.push({ label: whole, alts, weight: 1.5, kind: 'entity', required: true });
    rest = blank(rest, m.index, m.index + whole.length);
  }
  for (const m of findMentions(rest)) {
    if (!GIVEN_FIGURE(m.text) || m.kind === 'date') continue;
    // PM2.5, 5G, C919: a number inside a name is no figure.
    if (/[a-z]$/.test(rest.slice(0, m.start)) || /^[a-z]/.test(rest.slice(m.end))) continue;
    const figure = { value: m.value, kind: m.kind, measure: m.measure };
    // 一个, 四种, 那一块: a number in words is mostly an article or part of the question ("which four"), not a given.
    // A rank with its measure word (第二名, 第三届) is given however it is written.
    // 第二阶梯, 第三产业: a rank in words that names which thing is asked about is given too.
    const ranked = m.kind === 'ordinal' && (/^第.+[名位届次轮批号]$/.test(m.text) || namesWhich(rest.slice(m.end)));
    const given = /\d/.test(m.text) || ranked;
    concepts.push({
      label: m.text,
      alts: [exact(m.text)],
      weight: given ? 1 : 0.3,
      kind: 'figure',
      required: given,
      figure,
    });
    rest = blank(rest, m.start, m.end);
  }
  // 易来通是干嘛用的: the thing to define is the whole run before 是, however jieba would cut it.
  const defined =
    intent.slot === 'definition' ? /^([\p{Script=Han}A-Za-z\d]{2,8}?)(到底|究竟)?(是|指)/u.exec(rest) : null;
  if (defined?.[1] && !/[“"「『《]/.test(defined[1])) {
    concepts.push({
      label: defined[1],
      alts: altsOf(defined[1], keyword, lexicon),
      weight: 1.5,
      kind: 'entity',
      required: true,
    });
    rest = blank(rest, 0, defined[1].length);
  }
  for (const m of norm.matchAll(/[“"「『《]([^”"」』》]{1,20})[”"」』》]/g)) {
    const inner = m[1] ?? '';
    if (!inner.trim()) continue;
    concepts.push({ label: inner, alts: altsOf(inner, keyword, lexicon), weight: 1.5, kind: 'entity', required: true });
    rest = blank(rest, m.index, m.index + m[0].length);
  }
  rest = rest.replace(FILLERS, (f) => ' '.repeat(f.length));
  const names = [...findNames(rest)];
  // 汀阳 in 汀阳今年…: a word the corpus writes as a place (汀阳市) is that place.
  for (const t of tokens(rest)) {
    if (!/^\p{Script=Han}{2,3}$/u.test(t.word) || !/^(x|ns|nz|j|nr)$/.test(t.tag)) continue;
    if (names.some((n) => t.start < n.end && t.end > n.start)) continue;
    const suffix = PLACE_KINDS.find((k) => keyword.docFrequency(t.word + k) > 0);
    if (suffix) names.push({ start: t.start, end: t.end, text: t.word, kind: 'place' });
  }
  for (const n of names) {
    const alts = n.kind === 'place' ? placeAlts(n.text, keyword, lexicon) : altsOf(n.text, keyword, lexicon);
    const place = n.kind === 'place' && alts.some((a) => keyword.docFrequency(a.text) > 0);
    // A unit of a body (规划局工作队) is written after the body is named as 该局工作队.
    const unit =
      n.kind === 'org' ? /^\p{Script=Han}+?(局|委|院|厅|公司|集团|中心)(\p{Script=Han}{2,})$/u.exec(n.text) : null;
    if (unit) alts.push({ text: `该${unit[1]}${unit[2]}`, quality: 0.8 });
    const own = n.kind === 'org' ? placeOfOrg(n.text, keyword) : undefined;
    if (own) {
      // The place stands for itself (in the sentence or its context); the rest names the body there.
      alts.push({ text: own.rest, quality: 0.85 });
      const where = placeAlts(own.place, keyword, lexicon);
      const weight = 0.75 + 1.25 * weightOf(where, keyword, 0);
      concepts.push({ label: own.place, alts: where, weight, kind: 'entity', required: true, place: true });
    }
    // The kind of thing asked for (哪家[食品公司], 哪个[城市]): the answer's type, not something it must contain.
    const typed = focusAtAnswer(intent, n.start);
    if (typed) concepts.push({ label: n.text, alts, weight: 0.3, kind: 'content', required: false });
    else
      concepts.push({
        label: n.text,
        alts,
        weight: 0.75 + 1.25 * weightOf(alts, keyword, 0),
        kind: 'entity',
        required: true,
        place,
      });
    rest = blank(rest, n.start, n.end);
  }
  const focusAt = intent.at;
  let focus: Concept | undefined;
  let focusDistance = Number.POSITIVE_INFINITY;
  let focusDone = false;
  const placed: Placed[] = [];
  for (const t of segment(rest, keyword, lexicon)) {
    // Adverbs, pronouns, conjunctions, particles and prepositions carry no topic (必须, 赶紧, 这样).
    // 数据是多少 asks a figure by a word for any figure; 怎么用好大数据 asks about data.
    const generic = GENERIC_MEASURE.test(t.word) && ['number', 'ordinal', 'date'].includes(intent.slot);
    if (!/[\p{L}\p{N}]/u.test(t.word) || STOP.has(t.word) || generic) continue;
    // 本地病例: a word that tells apart figures reported side by side is content, whatever jieba tags it.
    if (/^(d|r|c|u\w*|p|y|e|o|zg|ul|uj|ud|ug|uz|uv)$/.test(t.tag) && !contrasts(t.word).length) continue;
    if (focusAt && t.start >= focusAt.start && t.end <= focusAt.end) continue;
    const alts = altsOf(t.word, keyword, lexicon);
    const known = alts.some((a) => keyword.docFrequency(a.text) > 0);
    // A word the corpus never uses: a dictionary word (小学, 人口) may be what the bulletin lacks;
    // a one-character or unknown one (跑, 那块) is more likely a spoken paraphrase or a filler.
    const weight = known ? weightOf(alts, keyword) : t.word.length >= 2 && t.tag !== 'x' ? 0.6 : 0.15;
    // 预计, 计划: how sure the news is, never what the question is about.
    const modal = MODAL.test(t.word);
    // 哪个区…最高: the sentence that names the highest is the one that answers.
    const superlative = SUPERLATIVE.test(t.word) && ['place', 'org', 'person', 'what'].includes(intent.slot);
    // 区长是谁: the answer holds that office; a 书记 is no answer.
    const office = intent.slot === 'person' && TITLES.test(t.word);
    const concept: Concept = {
      label: t.word,
      alts,
      weight: modal ? 0.3 : superlative ? 1.5 : weight,
      kind: 'content',
      required: false,
      ...(office || superlative ? { inSentence: true } : {}),
      // 副市长张宣: jieba cuts 副 off the post, which is then a deputy's.
      ...(TITLES.test(t.word) && norm.charAt(t.start - 1) === '副' ? { deputyToo: true } : {}),
    };
    concepts.push(concept);
    if (modal) continue;
    // The asked thing may be a word the corpus lacks (人口): then nothing can answer the question.
    if (known || (t.word.length >= 2 && t.tag !== 'x'))
      placed.push({ concept, start: t.start, end: t.end, tag: t.tag });
    // 跑了多少秒: a one-character verb is how a measure was earned, not the thing asked.
    const measuredVerb =
      t.word.length === 1 && /^v/.test(t.tag) && !['count', 'any', undefined].includes(intent.measure);
    if (focusAt && known && !measuredVerb) {
      const gap = t.end <= focusAt.start ? focusAt.start - t.end : t.start >= focusAt.end ? t.start - focusAt.end : 0;
      const between = t.end <= focusAt.start ? norm.slice(t.end, focusAt.start) : norm.slice(focusAt.end, t.start);
      // 联赛啥时候结束: asked when, the event named after the question word is what is asked.
      const event =
        intent.slot === 'date' &&
        gap === focusDistance &&
        t.start >= focusAt.end &&
        /^v/.test(t.tag) &&
        t.word.length > 1;
      // 公安机关怎么用好大数据: asked how, what is done (数据), after the question word, is what is asked.
      const done = intent.slot === 'method' && t.start >= focusAt.end && t.word.length > 1;
      if (!/[,，。;；]/.test(between) && (gap < focusDistance || event || (done && !focusDone)) && gap <= 6) {
        focus = concept;
        focusDistance = gap;
        focusDone ||= done;
      }
    }
  }
  if (focus) {
    focus.kind = 'focus';
    focus.weight += 0.5;
    // 出口日本多少吨: a name right after the asked word is what it is of; the answer's sentence names it.
    const at = placed.find((p) => p.concept === focus);
    const object = names.find((n) => at && n.start === at.end && n.kind === 'place');
    const c = object && concepts.find((x) => x.label === object.text && x.kind === 'entity');
    if (c) c.inSentence = true;
    // 在什么地方登陆: where the asked event happened is said where the event is.
    if (intent.slot === 'place' && at && /^v/.test(at.tag)) focus.inSentence = true;
  }
  if (focusAt && ['number', 'ordinal', 'person'].includes(intent.slot)) {
    // A figure of the asked measure stands for the measure's own noun (成绩, 发行价, 全长); its modifiers must be there.
    const measured = intent.measure !== undefined && intent.measure !== 'any' && intent.measure !== 'count';
    // A post is named by its last words (男子攀石赛冠军); the event before them (锦标赛) may be in the context.
    const phrase = askedPhrase(norm, placed, focusAt, focus, intent.measure === 'change');
    // 大白菜均价? asks with no question word, in shorthand: only the noun the measure is of must be there.
    const bare = focusAt.start === focusAt.end && intent.slot === 'number';
    const known = (c: Concept) => c.alts.some((a) => keyword.docFrequency(a.text) > 0);
    const thing = phrase.find((c) => c !== focus && known(c) && placed.find((p) => p.concept === c)?.tag === 'n');
    const asked = bare ? phrase.filter((c) => c === focus || c === thing) : phrase;
    for (const [i, c] of (intent.slot === 'person' ? phrase.slice(0, 3) : asked).entries()) {
      const unknown = !known(c);
      // A measure's own noun the corpus words otherwise (发行价 for 每股38.6元) is stood for by the figure;
      // any other word the corpus lacks (茄子) is what the bulletin does not report.
      if (unknown && measured && zhMeasure(c.label)) continue;
      if (!(measured && c === focus)) c.inSentence = i < 2 || intent.slot === 'person' ? true : 'head';
    }
  }
  return dedupe(concepts);
}
