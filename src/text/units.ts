/**
 * Units and what they measure. A figure's unit decides whether it can answer a question
 * ("how long" wants a length, "how much did it grow" a rate) and whether two figures can be
 * compared at all (28.3千米 = 28.3 km; 28.3 miles is a different length; 6000万美元 is not 6000万元).
 */

/** What a figure measures. */
export type Measure =
  | 'money'
  | 'length'
  | 'area'
  | 'weight'
  | 'volume'
  | 'duration'
  | 'speed'
  | 'percent'
  | 'points'
  | 'temperature'
  | 'age'
  | 'energy'
  | 'power'
  | 'count'
  | 'ordinal'
  | 'score'
  | 'date'
  | 'clock'
  | 'other';

/** A unit: what it measures and its size in the measure's base unit (money: per currency). */
export interface UnitInfo {
  measure: Measure;
  /** Size in the base unit: metres, square metres, kilograms, seconds, km/h, yuan (or the currency's own unit). */
  scale: number;
  /** For money: the currency, so that 元 and 美元 never compare equal. */
  currency?: string;
  /** English rendering. */
  en?: string;
}

const u = (measure: Measure, scale = 1, en?: string, currency?: string): UnitInfo => ({
  measure,
  scale,
  ...(en ? { en } : {}),
  ...(currency ? { currency } : {}),
});

/** Chinese units, longest first where one is a prefix of another. */
export const ZH_UNITS: Record<string, UnitInfo> = {
  '公里/小时': u('speed', 1, 'km/h'),
  '千米/小时': u('speed', 1, 'km/h'),
  '米/秒': u('speed', 3.6, 'm/s'),
  万亿元: u('money', 1e12, 'yuan', 'CNY'),
  亿元: u('money', 1e8, 'yuan', 'CNY'),
  万元: u('money', 1e4, 'yuan', 'CNY'),
  千元: u('money', 1e3, 'yuan', 'CNY'),
  元: u('money', 1, 'yuan', 'CNY'),
  块钱: u('money', 1, 'yuan', 'CNY'),
  亿美元: u('money', 1e8, 'US dollars', 'USD'),
  万美元: u('money', 1e4, 'US dollars', 'USD'),
  美元: u('money', 1, 'US dollars', 'USD'),
  欧元: u('money', 1, 'euros', 'EUR'),
  英镑: u('money', 1, 'pounds', 'GBP'),
  日元: u('money', 1, 'yen', 'JPY'),
  港元: u('money', 1, 'HK dollars', 'HKD'),
  港币: u('money', 1, 'HK dollars', 'HKD'),
  韩元: u('money', 1, 'won', 'KRW'),
  卢布: u('money', 1, 'rubles', 'RUB'),
  平方公里: u('area', 1e6, 'km²'),
  平方千米: u('area', 1e6, 'km²'),
  平方米: u('area', 1, 'm²'),
  公顷: u('area', 1e4, 'hectares'),
  亩: u('area', 10000 / 15, 'mu'),
  立方米: u('volume', 1, 'm³'),
  千米: u('length', 1000, 'km'),
  公里: u('length', 1000, 'km'),
  厘米: u('length', 0.01, 'cm'),
  毫米: u('length', 0.001, 'mm'),
  英里: u('length', 1609.344, 'miles'),
  米: u('length', 1, 'm'),
  万吨: u('weight', 1e7, 'tonnes'),
  吨: u('weight', 1000, 'tonnes'),
  公斤: u('weight', 1, 'kg'),
  盎司: u('weight', 0.0311, 'ounces'),
  千克: u('weight', 1, 'kg'),
  斤: u('weight', 0.5, 'jin'),
  克: u('weight', 0.001, 'g'),
  个月: u('duration', 30 * 86400, 'months'),
  小时: u('duration', 3600, 'hours'),
  分钟: u('duration', 60, 'minutes'),
  毫秒: u('duration', 0.001, 'ms'),
  秒: u('duration', 1, 'seconds'),
  天: u('duration', 86400, 'days'),
  周: u('duration', 7 * 86400, 'weeks'),
  年: u('duration', 365 * 86400, 'years'),
  个百分点: u('points', 1, 'percentage points'),
  '%': u('percent', 1, '%'),
  摄氏度: u('temperature', 1, '°C'),
  岁: u('age', 1, 'years old'),
  '℃': u('temperature', 1, '°C'),
  千瓦时: u('energy', 1, 'kWh'),
  // Power (装机容量100万千瓦) is no energy (发电30亿千瓦时): a claim never mixes them.
  万千瓦: u('power', 1e4, 'kW'),
  兆瓦: u('power', 1e3, 'kW'),
  千瓦: u('power', 1, 'kW'),
  标准箱: u('count', 1, 'TEU'),
  人次: u('count', 1, 'visits'),
};

/** Measure words that count things (个, 家, 名…): a figure with one is a count. */
export const COUNTERS = [
  ...'个 家 名 位 人 户 项 座 批 辆 只 头 起 种 条 次 组 所 间 台 件 份 场 倍 支 片 处 道 例 张 块'.split(' '),
  ...'枚 艘 架 套 栋 幢 列 本 部 篇 首 棵 株 匹 口 副 对 双 轮 届 期 类 款 环 球 分 票 席 票'.split(' '),
];

/** Every known unit and counter, longest first, for pattern building. */
export const ALL_UNITS = [...new Set([...Object.keys(ZH_UNITS), ...COUNTERS])].sort((a, b) => b.length - a.length);

/** English unit words → the same unit information. */
export const EN_UNITS: Array<[RegExp, UnitInfo]> = [
  [/^(yuan|rmb|renminbi|cny)$/, u('money', 1, 'yuan', 'CNY')],
  [/^(dollars?|usd|us dollars?)$/, u('money', 1, 'US dollars', 'USD')],
  [/^(euros?|eur)$/, u('money', 1, 'euros', 'EUR')],
  [/^(pounds?|gbp)$/, u('money', 1, 'pounds', 'GBP')],
  [/^(km|kilomet(er|re)s?)$/, u('length', 1000, 'km')],
  [/^(miles?)$/, u('length', 1609.344, 'miles')],
  [/^(m|met(er|re)s?)$/, u('length', 1, 'm')],
  [/^(cm|centimet(er|re)s?)$/, u('length', 0.01, 'cm')],
  [/^(mu)$/, u('area', 10000 / 15, 'mu')],
  [/^(hectares?|ha)$/, u('area', 1e4, 'hectares')],
  [/^(square (km|kilomet(er|re)s?)|km2|sq km)$/, u('area', 1e6, 'km²')],
  [/^(square met(er|re)s?|m2|sq m)$/, u('area', 1, 'm²')],
  [/^(tons?|tonnes?)$/, u('weight', 1000, 'tonnes')],
  [/^(kg|kilograms?|kilos?)$/, u('weight', 1, 'kg')],
  [/^(jin|catty|catties)$/, u('weight', 0.5, 'jin')],
  [/^(days?)$/, u('duration', 86400, 'days')],
  [/^(weeks?)$/, u('duration', 7 * 86400, 'weeks')],
  [/^(months?)$/, u('duration', 30 * 86400, 'months')],
  [/^(years?)$/, u('duration', 365 * 86400, 'years')],
  [/^(hours?)$/, u('duration', 3600, 'hours')],
  [/^(minutes?|mins?)$/, u('duration', 60, 'minutes')],
  [/^(seconds?|secs?)$/, u('duration', 1, 'seconds')],
  [/^(percent|per cent|%)$/, u('percent', 1, '%')],
  [/^(percentage points?|points?)$/, u('points', 1, 'percentage points')],
  [/^(km\/h|kph|kilomet(er|re)s per hour)$/, u('speed', 1, 'km/h')],
  [/^(degrees?|°c)$/, u('temperature', 1, '°C')],
];

/** What a Chinese unit or counter measures; counters and unknown measure words count things. */
export function unitInfo(unit: string): UnitInfo {
  return ZH_UNITS[unit] ?? (unit ? u('count', 1) : u('other', 1));
}

/** The unit of an English unit word, if it is one. */
export function englishUnit(word: string): UnitInfo | undefined {
  const w = word.toLowerCase();
  return EN_UNITS.find(([re]) => re.test(w))?.[1];
}
