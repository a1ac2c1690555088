/**
 * Names in Chinese text — people, organisations, places — found with jieba's part-of-speech tags,
 * common surnames, titles and name suffixes. General rules of Chinese news prose; nothing here is
 * written for one corpus.
 */
import { TRANSLIT } from './bridge/transliteration.js';
import { segmenter } from './tokenizer.js';

/** A kind of name. */
export type NameKind = 'person' | 'org' | 'place';

/** A name in a text, with offsets into it. */
export interface NameSpan {
  start: number;
  end: number;
  text: string;
  kind: NameKind;
}

/** A jieba token with its offsets. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

const SURNAMES = new Set(
  [
    '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余',
    '杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史',
    '陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟',
    '殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游',
    '辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫',
    '费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明',
    '佘 池 查 麻 苑 迟 邝 封 封 郁 欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 司徒 夏侯 端木 长孙 宇文',
  ]
    .join(' ')
    .split(' '),
);

/** Words that come right before a person's name in news prose: posts, roles, honours. */
/** Titles and roles that stand before or after a person's name (书记, 局长, 冠军). */
export const TITLES = new RegExp(
  `(${[
    '书记 常委 市长 省长 区长 县长 镇长 乡长 村长 主任 主席 部长 局长 厅长 处长 科长 所长 院长 校长 馆长 站长',
    '队长 组长 会长 社长 台长 行长 董事长 总经理 经理 总裁 理事长 秘书长 总监 主编 教练 主教练 领队 记者 通讯员',
    '委员 代表 发言人 负责人 创始人 研究员 教授 博士 医生 医师 护士 专家 工程师 选手 运动员 队员 球员 冠军 亚军',
    '季军 得主 总统 总理 首相 外长 大使 议长 主持人 作者 导演 演员 村民 市民 居民 老人 师傅 员 长',
  ]
    .join(' ')
    .split(' ')
    .join('|')})$`,
);

/** Words that end organisation names: 公司, 集团, 医院…; and 局, 委, 部… when they end a longer word (公安局, not 干部). */
const ORG_WORD =
  /^(有限公司|股份公司|公司|集团|银行|医院|大学|学院|学校|中学|小学|研究院|研究所|科学院|实验室|委员会|协会|联合会|商会|俱乐部|代表团|代表队|基金会|管理局|中心|联盟|电视台|法院|检察院|政府|交易所|合作社|局|厅|委|办|部|党|队|馆|社|署)$/;
const ORG_SUFFIX =
  /(有限公司|股份公司|公司|集团|银行|医院|大学|学院|研究院|研究所|委员会|协会|联合会|俱乐部|基金会|管理局|电视台|法院|检察院|交易所)$|^.{2,}(局|厅|委|办|部|党|队|馆|社|署)$/;
/** Surnames that are also classifiers (张 in 几张票, 位 in 几位). */
const CLASSIFIER_SURNAME = /^[张条位名台部家所座辆架艘只头根块片份件项届次场万]/;

/** Trades that follow a proper name to make a company's short name (南溟航空, 远航汽车). */
const INDUSTRY =
  /^(航空|药业|汽车|科技|电子|能源|证券|保险|地产|物流|传媒|航天|重工|钢铁|化工|制药|实业|控股|置业|港务|智能|电气|光电|医药|矿业|水务|燃气|建工|航运)$/;
/** A party by a one-character name (绿党, 工党); not 政党, 入党 or 全党. */
const SHORT_PARTY = /^[^政入建全我该本各两多一党]党$/;
const NOT_ORG = /(干部|全部|内部|外部|局部|部分|本部|部门|委员|队员|社员|社会|社区|党员|报告|馆长|队长|社长)$/;

/** Suffixes of place names. */
const PLACE_SUFFIX =
  /(省|市|区|县|镇|乡|村|街道|州|国|岛|湾|港|河|江|湖|山|路|公路|大道|大街|街|桥|大桥|隧道|园区|开发区|新区|示范区|社区)$/;
/** Tokens that make the word before them a place: 会萍 + 镇, 平海 + 公路. */
const PLACE_TAIL = /^(省|市|区|县|镇|乡|村|街道|州|路|公路|大道|大街|街|桥|大桥|隧道|港|湾|岛|新区|园区)$/;

const NOUNISH = /^(n|nr|nrfg|nrt|ns|nt|nz|x|j|vn|an|b|f|s|ng|l|eng|m)$/;

const han = (w: string) => /^\p{Script=Han}+$/u.test(w);

/** jieba tokens of a text with their offsets. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const t of segmenter().tag(text, true)) {
    const start = text.indexOf(t.word, at);
    if (start < 0) continue;
    at = start + t.word.length;
    // 吴迪以10秒09夺冠: jieba glues the preposition 以 to the name before a figure.
    if (t.word.length >= 2 && t.word.endsWith('以') && /^\s*\d/.test(text.slice(at))) {
      out.push(
        { word: t.word.slice(0, -1), tag: 'x', start, end: at - 1 },
        { word: '以', tag: 'p', start: at - 1, end: at },
      );
      continue;
    }
    out.push({ word: t.word, tag: t.tag, start, end: at });
  }
  return out;
}

function surnameOf(name: string): boolean {
  return SURNAMES.has(name.slice(0, 1)) || SURNAMES.has(name.slice(0, 2));
}

/** True when a word after its first character is one common word that is no given name (先后, 一起). */
function commonRest(word: string): boolean {
  const rest = segmenter().tag(word.slice(1), true);
  return rest.length === 1 && rest[0]?.word.length === word.length - 1 && /^(d|v|c|p|r|u\w*|m|q|t)$/.test(rest[0].tag);
}

/** A person's name starting at token i (or undefined): 2–4 Han characters, by tag or by surname. */
function personAt(ts: Token[], i: number, afterTitle: boolean): { end: number; text: string } | undefined {
  const t = ts[i];
  if (!t || !han(t.word)) return undefined;
  const next = ts[i + 1];
  // Four characters tagged as a name are mostly an idiom (保驾护航), unless the surname is a double one (欧阳).
  const fits = t.word.length <= 3 || (t.word.length === 4 && SURNAMES.has(t.word.slice(0, 2))) || t.tag === 'nrt';
  if (/^(nr|nrfg|nrt)$/.test(t.tag) && t.word.length >= 2 && fits) {
    // 林子 + 豪 (cut from 豪以): a lone unknown character after a two-character name ends it.
    if (t.word.length === 2 && next?.tag === 'x' && next.word.length === 1 && han(next.word))
      return { end: i + 2, text: t.word + next.word };
    return { end: i + 1, text: t.word };
  }
  // A one-character surname tagged as a name, followed by a one- or two-character given name (吴 + 欣然).
  if (
    t.word.length === 1 &&
    SURNAMES.has(t.word) &&
    next &&
    han(next.word) &&
    next.word.length <= 2 &&
    (next.tag !== 'v' || afterTitle) &&
    // 姜 + 先后: a function word, or a time word not after a post (局长薛永年), is no given name.
    !/^(c|p|u\w*)$/.test(next.tag) &&
    (next.tag !== 't' || afterTitle)
  ) {
    if (/^(nr|x)$/.test(t.tag) || afterTitle) return { end: i + 2, text: t.word + next.word };
  }
  // An unknown word opening with a surname, unless the rest is a word of its own (姜 + 先后).
  if (t.tag === 'x' && t.word.length >= 2 && t.word.length <= 4 && surnameOf(t.word) && !commonRest(t.word))
    return { end: i + 1, text: t.word };
  if (
    afterTitle &&
    t.word.length >= 2 &&
    t.word.length <= 3 &&
    surnameOf(t.word) &&
    /^(n|nr|x|an|nz|a|ns)$/.test(t.tag)
  ) {
    return { end: i + 1, text: t.word };
  }
  return undefined;
}

/** Foreign names joined by a middle dot (玛丽亚·卡斯蒂略): runs of transliteration characters around each dot. */
function dottedNames(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(/[·•・]/g)) {
    let a = m.index;
    while (a > 0 && TRANSLIT.has(text.charAt(a - 1)) && m.index - a < 6) a--;
    let b = m.index + 1;
    while (b < text.length && (TRANSLIT.has(text.charAt(b)) || /[·•・]/.test(text.charAt(b))) && b - m.index < 12) b++;
    if (a === m.index || b === m.index + 1) continue;
    const prev = out.at(-1);
    if (prev && prev.end >= a) prev.end = b;
    else out.push({ start: a, end: b, text: '', kind: 'person' });
  }
  return out.map((n) => ({ ...n, text: text.slice(n.start, n.end) }));
}

/** True when the token at `i` is used as a verb: after a question word or an adverb, or before 了 or 《. */
function verbal(ts: Token[], i: number): boolean {
  return /^(r|d)$/.test(ts[i - 1]?.tag ?? '') || /^(了|过|《)/.test(ts[i + 1]?.word ?? '');
}

/**
 * Names of people, organisations and places in a text.
 *
 * @example
 * findNames('副市长、市公安局局长张轩参加调研').map((n) => `${n.kind}:${n.text}`)
 * // ['org:市公安局', 'person:张轩']
 */
export function findNames(text: string): NameSpan[] {
  const ts = tokens(text);
  const dotted = dottedNames(text);
  const out: NameSpan[] = [...dotted];
  const inDotted = (t: Token) => dotted.some((d) => t.start < d.end && t.end > d.start);
  const push = (from: number, to: number, kind: NameKind) => {
    const first = ts[from];
    const last = ts[to - 1];
    if (!first || !last) return;
    // jieba may glue a preposition onto an unknown name (为惠萍 + 镇): it is not part of the name.
    const lead =
      first.tag === 'x' && /^[为在对向从给跟和与把被让将于到]/.test(first.word) && first.word.length >= 3 ? 1 : 0;
    const start = first.start + lead;
    out.push({ start, end: last.end, text: text.slice(start, last.end), kind });
  };
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Token;
    if (inDotted(t)) continue;
    const afterTitle = i > 0 && TITLES.test(ts[i - 1]?.word ?? '');
    // jieba cuts the first syllable off a foreign name after a post (总理托 + 维塔).
    if (afterTitle && t.word.length === 1 && TRANSLIT.has(t.word) && ts[i + 1]?.tag === 'nrt') {
      push(i, i + 2, 'person');
      i++;
      continue;
    }
    // 曾 + 海燕: a surname that jieba reads as an adverb (曾 once) before a given name.
    const prevWord = ts[i - 1];
    if (
      prevWord?.tag === 'd' &&
      prevWord.word.length === 1 &&
      SURNAMES.has(prevWord.word) &&
      t.tag === 'nr' &&
      t.word.length <= 2
    ) {
      push(i - 1, i + 1, 'person');
      continue;
    }
    const person = personAt(ts, i, afterTitle);
    // Right after a post, a surname and given name may end like a place (局长薛长河, 主任王江);
    // no name ends in a particle or a copula (老薛是 is 老薛 + 是), is itself a post (亚军), or follows
    // a number (60米栏: 米 is the unit).
    if (
      person &&
      !/[是的了在把被和与给将也都就]$/.test(person.text) &&
      !TITLES.test(person.text) &&
      ts[i - 1]?.tag !== 'm' &&
      // 也慕名向老薛求助: after an adverb, a word jieba calls a name is used as a verb.
      ts[i - 1]?.tag !== 'd' &&
      // 多少张票: after a number or a question word, 张 counts tickets.
      !(CLASSIFIER_SURNAME.test(person.text) && /[\d\s几多少两]$/.test(text.slice(0, t.start))) &&
      (afterTitle || (!PLACE_SUFFIX.test(person.text) && !ORG_SUFFIX.test(person.text)))
    ) {
      push(i, person.end, 'person');
      i = person.end - 1;
      continue;
    }
    // 南溟航空, 汀阳药业: a proper name and the firm's trade make a company's short name.
    const prev = ts[i - 1];
    // 南通电子健康通行证: after a known place, a trade word before another noun modifies that noun.
    const modifies = /^(ns|nz)$/.test(prev?.tag ?? '') && /^(n|a|an|vn)$/.test(ts[i + 1]?.tag ?? '');
    if (
      INDUSTRY.test(t.word) &&
      !modifies &&
      prev &&
      /^(ns|nz|x|j|nr|nrt)$/.test(prev.tag) &&
      prev.word.length >= 2 &&
      han(prev.word)
    ) {
      push(i - 1, i + 1, 'org');
      continue;
    }
    // 办 in 养殖户办通行证 is a verb, not a 台办.
    const verb = t.word.length === 1 && t.tag.startsWith('v');
    if (
      !NOT_ORG.test(t.word) &&
      !verb &&
      (ORG_WORD.test(t.word) || ORG_SUFFIX.test(t.word) || SHORT_PARTY.test(t.word) || t.tag === 'nt')
    ) {
      // The organisation's name runs back over the nouns before its suffix: 南屿 重工 船舶 有限公司.
      let a = i;
      const joins = (x: Token | undefined) =>
        x !== undefined &&
        NOUNISH.test(x.tag) &&
        // 冠军赛上浙江队: a one-character locative ends the name before it.
        !(x.tag === 'f' && x.word.length === 1) &&
        /^[\p{Script=Han}\dA-Za-z]+$/u.test(x.word) &&
        !/^(的|和|与|及|等|在|为|是|会同|联合|连同|协同|携手|以及|战胜|击败|负于|战平|对阵|迎战)$/.test(x.word) &&
        // 组个政府: a classifier ends the name; 2比1战胜临江队: so does a score's number.
        !x.word.includes('个') &&
        !/^\d+$/.test(x.word);
      while (a > 0 && i - a < 5 && joins(ts[a - 1])) {
        a--;
      }
      if (a < i || t.tag === 'nt' || t.word.length >= 3 || SHORT_PARTY.test(t.word)) push(a, i + 1, 'org');
      continue;
    }
    // 平 + 海路: jieba cuts an unknown road or bridge name before its last syllable.
    const next = ts[i + 1];
    if (
      han(t.word) &&
      t.word.length === 1 &&
      /^(n|x|nr|ns|nz|j)$/.test(t.tag) &&
      next &&
      /^\p{Script=Han}[路桥港湾镇村]$/u.test(next.word) &&
      !PLACE_TAIL.test(next.word)
    ) {
      push(i, i + 2, 'place');
      i++;
      continue;
    }
    // 会萍 + 镇, 平海 + 公路, 江州 + 市: a proper or unknown word followed by a place word.
    if (han(t.word) && /^(ns|nr|nz|x|j)$/.test(t.tag) && PLACE_TAIL.test(ts[i + 1]?.word ?? '')) {
      push(i, i + 2, 'place');
      i++;
      continue;
    }
    if (t.tag === 'ns' || (han(t.word) && PLACE_SUFFIX.test(t.word) && t.word.length >= 3)) {
      push(i, i + 1, 'place');
      continue;
    }
    if (/^(ns|nt)$/.test(t.tag) && han(t.word) && t.word.length >= 2) push(i, i + 1, t.tag === 'nt' ? 'org' : 'place');
    // jieba tags some cities as other proper nouns (南通/nz); a two-character one is most often a place,
    // unless used as a verb: after a question word or an adverb (哪天印发的, 已印发), before 了 or 《.
    else if (t.tag === 'nz' && han(t.word) && t.word.length === 2 && !verbal(ts, i)) push(i, i + 1, 'place');
  }
  return out.sort((x, y) => x.start - y.start);
}
