/** The measure a Chinese question names by its words (总投资 money, 全长 length), whatever its question word. */
import type { Intent } from '../intent.js';

/**
 * The measure a Chinese question names by its words, whatever its question word.
 *
 * @example
 * zhMeasure('平海公路总投资多少') // 'money'
 */
export function zhMeasure(q: string): Intent['measure'] {
  if (
    /(增长|增加|下降|减少|上涨|下跌|提高|降低|涨|跌|增幅|降幅|涨幅|增速|同比|环比)了?(多少|几)|增速|增幅|降幅|涨幅|变化了?(多少|几)/.test(
      q,
    )
  )
    return 'change';
  if (/人数|人次|多少人|几个人|几人|多少名/.test(q)) return 'count';
  if (
    /(比例|占比|比重|百分之|百分比|(?<!分辨|频|功|效)率(?!先))(是|为|达到?|有|升至|降至|提高到|下降到)?(多少|几)|百分之几|(多少|几)成/.test(
      q,
    ) ||
    /率$/.test(q)
  )
    return 'percent';
  if (/价格|单价|票价|售价|均价|房价|油价|收费|每斤|一斤|每吨|每公斤|多少钱一|钱一|发行价|收购价|股价|每股/.test(q))
    return 'price';
  // 花了多长时间: time spent, not money.
  if (/多长时间|多少时间|多久/.test(q)) return 'duration';
  // A field event's result is a distance (19米06), a race's a time.
  if (/(铅球|跳远|跳高|三级跳|标枪|铁饼|链球|撑竿跳).*成绩/.test(q)) return 'length';
  if (/成绩/.test(q) && !/射击|步枪|手枪|射箭|体操|跳水/.test(q)) return 'duration';
  if (
    /钱|投资|投入|资金|金额|月薪|年薪|薪资|薪酬|工资|费用|花了|花费|成本|造价|收入|营收|利润|产值|销售额|总额|资产|存款/.test(
      q,
    ) ||
    /贷款|融资|经费|补贴|奖金|市值|gdp|增加值|预算|拨款|捐款|损失|罚款|出口额|进口额|进出口|贸易额|交易额/.test(q)
  )
    return 'money';
  if (
    /天数|时长|年限|多长时间|多少时间|多久|几天|多少天|几个月|多少个月|几年|多少年|几小时|多少小时|多少分钟|几分钟|多少秒|工期|耗时|用时|历时|时长/.test(
      q,
    )
  )
    return 'duration';
  // 多大年纪, 几岁: an age (62岁), not an area.
  if (/多大年纪|多大岁数|几岁|多少岁|年龄|岁数|年纪/.test(q)) return 'age';
  if (/多快|时速|车速|速度/.test(q)) return 'speed';
  // 一年能发多少电: electricity, in 千瓦时 (度), not a count of anything.
  if (/(发|用|耗|供)了?(多少|几)(度)?电|电量/.test(q)) return 'energy';
  if (/装机容量|单机容量|装机|功率/.test(q)) return 'power';
  if (/库容|容量|容积|体积|蓄水量|多少立方/.test(q)) return 'volume';
  if (/面积|多大(面积|地方)?|几亩|多少亩|多少平方|多少公顷/.test(q)) return 'area';
  if (/多长|多高|多远|多深|多宽|长度|高度|全长|距离|深度|宽度|海拔|身高|跳了多远|多少米|多少公里|多少千米/.test(q))
    return 'length';
  // 吞吐量 is counted in 吨, 标准箱 or 人次 alike: it names no measure.
  if (/多重|重量|多少万?吨|多少万?斤|多少公斤|多少千克|产量|销量/.test(q)) return 'weight';
  if (/气温|温度|多少度|最高温|最低温/.test(q)) return 'temperature';
  if (/比分|几比几/.test(q)) return 'score';
  // 案件数, 企业数量: the number of a counted thing.
  if (/\p{Script=Han}(数|数量|总数)(\s|$)/u.test(q)) return 'count';
  return undefined;
}
