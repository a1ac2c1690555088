/**
 * Words that tell apart things reported side by side: 男子 and 女子, 全程 and 半程, 本科 and 研究生,
 * 进口 and 出口. A sentence that names the other one of a pair, and not the asked one, is about
 * something else ("女子冠军是谁?" is not answered by "男子冠军为…"). General Chinese usage, not any
 * one bulletin's wording.
 */

const GROUPS: string[][] = [
  ['男子', '女子'],
  ['男篮', '女篮'],
  ['男足', '女足'],
  ['男单', '女单', '男双', '女双', '混双'],
  ['全程', '半程'],
  ['冠军', '亚军', '季军'],
  ['金牌', '银牌', '铜牌'],
  ['第一名', '第二名', '第三名'],
  ['本科', '研究生', '硕士', '博士', '专科'],
  ['小学', '初中', '高中', '大学'],
  ['小学生', '初中生', '高中生', '大学生'],
  ['进口', '出口'],
  ['买入', '卖出'],
  ['收入', '支出'],
  ['城镇', '农村'],
  ['居民', '非居民'],
  ['第一产业', '第二产业', '第三产业'],
  ['商务座', '一等座', '二等座'],
  ['上半年', '下半年'],
  ['首轮', '次轮', '第二轮', '决赛'],
  ['批发价', '零售价'],
  ['存款', '贷款'],
  ['国内', '国外', '海外', '境外'],
  ['单日', '累计'],
  ['最高', '最低'],
  ['新增', '累计'],
  ['臭氧', 'pm2.5', 'pm10', '二氧化硫', '二氧化氮'],
  ['早稻', '中稻', '晚稻'],
  ['早籼稻', '中晚籼稻', '粳稻'],
  ['夏粮', '秋粮'],
  ['左洞', '右洞'],
  ['左线', '右线'],
  ['上行', '下行'],
  ['首班车', '末班车'],
  ['主场', '客场'],
  ['物理类', '历史类'],
  ['实际', '预计'],
  ['本土', '本地', '境外输入'],
  ['男子单打', '女子单打', '男子双打', '女子双打', '混合双打'],
  ['一星级', '二星级', '三星级', '四星级', '五星级'],
  ['播种', '收获'],
  ['开幕', '闭幕'],
  ['开幕式', '闭幕式'],
  ['开工', '竣工'],
  ['猪肉', '牛肉', '羊肉', '鸡肉'],
  ['汽油', '柴油'],
  ['最贵', '最便宜'],
  ['内车道', '外车道'],
  ['总投资', '完成投资'],
  ['公蟹', '母蟹'],
  ['库容', '蓄水量'],
];

/** Other ways prose names a word of a pair: the winner 夺冠, the second 第2名. */
const FORMS: Record<string, string[]> = {
  冠军: ['夺冠', '折桂'],
  第一名: ['第1名', '夺冠'],
  第二名: ['第2名'],
  第三名: ['第3名'],
  最便宜: ['起步价', '起价'],
  首轮: ['第一轮'],
  男子: ['男队', '男篮', '男足', '男单', '男双'],
  女子: ['女队', '女篮', '女足', '女单', '女双'],
};

const GROUP_OF = new Map<string, string[]>();
for (const g of GROUPS) for (const w of g) GROUP_OF.set(w, g);

/** The ways prose writes a word of a pair: itself and its other forms (首轮, 第一轮). */
export function formsOf(word: string): string[] {
  return [word, ...(FORMS[word] ?? [])];
}

/** The words that contrast with `word` (男子 → 女子), or none. */
export function contrasts(word: string): string[] {
  return (GROUP_OF.get(word) ?? []).filter((w) => w !== word);
}

/**
 * Whether a text names the other word of an asked pair and not the asked one (true), names the
 * asked one (false), or neither (undefined, for the caller to look further).
 *
 * @example
 * otherHalf('左洞', '右洞长8.69公里') // true
 */
export function otherHalf(asked: string, text: string): boolean | undefined {
  const names = (w: string) => formsOf(w).some((f) => text.includes(f));
  if (names(asked)) return false;
  return contrasts(asked).some(names) ? true : undefined;
}

/** English words standing for a word of a pair: "the women's 100m", "half marathon". */
const ENGLISH: Array<[RegExp, string]> = [
  [/\bmen'?s? singles\b/, '男子单打'],
  [/\bwomen'?s? singles\b/, '女子单打'],
  [/\bmen'?s? doubles\b/, '男子双打'],
  [/\bwomen'?s? doubles\b/, '女子双打'],
  [/\bmixed doubles\b/, '混合双打'],
  [/\bwomen'?s?\b/, '女子'],
  [/\bmen'?s?\b/, '男子'],
  [/\bhalf[- ]marathon\b/, '半程'],
  [/\bfull[- ]marathon\b/, '全程'],
  [/\bimports?\b/, '进口'],
  [/\bexports?\b/, '出口'],
  [/\bundergraduates?\b/, '本科'],
  [/\b(post)?graduate students?\b/, '研究生'],
  [/\bgold medals?\b/, '金牌'],
  [/\bsilver medals?\b/, '银牌'],
  [/\bbronze medals?\b/, '铜牌'],
  [/\brunners?-up\b/, '亚军'],
  [/\brural\b/, '农村'],
  [/\bleft (tube|bore)\b/, '左洞'],
  [/\bright (tube|bore)\b/, '右洞'],
  [/\bpork\b/, '猪肉'],
  [/\bbeef\b/, '牛肉'],
  [/\bdiesel\b/, '柴油'],
  [/\b(gasoline|petrol)\b/, '汽油'],
  [/\bopening (ceremony|film|match)\b/, '开幕'],
  [/\bclosing (ceremony|film|match)\b/, '闭幕'],
  [/\burban\b/, '城镇'],
  [/\bfirst round\b/, '首轮'],
  [/\bsecond round\b/, '第二轮'],
  [/\bfirst half\b/, '上半年'],
  [/\btotal investment\b/, '总投资'],
  [/\b(storage )?capacity\b/, '库容'],
  [/\bsecond half\b/, '下半年'],
];

/**
 * The words of pairs a question holds, longest first where one contains another (初中生, not 初中).
 *
 * @example
 * contrastWords('女子跳远冠军是谁', 'zh') // ['女子', '冠军']
 */
export function contrastWords(text: string, lang: 'zh' | 'en'): string[] {
  if (lang === 'en') {
    const t = text.toLowerCase();
    return ENGLISH.filter(([re]) => re.test(t)).map(([, zh]) => zh);
  }
  const found = [...GROUP_OF.keys()].filter((w) => text.includes(w));
  return found.filter((w) => !found.some((x) => x !== w && x.includes(w)));
}
