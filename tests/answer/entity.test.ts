import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { buildIndex } from '../../src/index/store/build.js';
import { loadIndex } from '../../src/index/store/load.js';
import { workspace } from '../helpers.js';

/** Three issues of an invented paper: figures compared with earlier ones, posts, lists of parties and sectors. */
const ISSUES: Record<string, string> = {
  '2023-03-14.txt': `---
date: 2023-03-14
---

1至2月岚州工业生产平稳

本报讯 1月至2月，岚州全市规模以上工业增加值同比增长5.8%。

全市固定资产投资同比增长7.2%。
`,
  '2023-08-20.txt': `---
date: 2023-08-20
---

上半年全球国际游客人次恢复至疫情前的84%

本报讯 全球旅游业理事会发布报告，上半年全球国际游客人次恢复至2019年同期的84%。

分地区看，中东地区恢复至2019年同期的120%，欧洲恢复至95%，亚太地区恢复至54%。

理事会主席门多萨预计，全年国际游客人次将恢复至疫情前的80%至95%。
`,
  '2023-05-25.txt': `---
date: 2023-05-25
---

河南麦收全面展开

新华社郑州5月24日电 随着联合收割机开进驻马店市田间，河南省2023年麦收工作全面展开。今年全省小麦播种面积8520万亩。
`,
  '2023-04-12.txt': `---
date: 2023-04-12
---

安澜外贸开局良好

本报讯 4月11日，安澜市商务局通报，今年一季度全市外贸进出口总额为1286.7亿元，同比增长6.3%。

日本客商来安澜洽谈

本报讯 来自日本的20家企业客商4月10日到安澜考察。
`,
  '2023-12-15.txt': `---
date: 2023-12-15
---

灵雀五号卫星成功发射

灵雀五号总设计师单雪梅介绍，卫星运行在高度645公里的轨道上。
岚州航空董事长蒋丰年表示，公司计划明年新开国际航线9条。
岚州调查总队副总队长鲁文渊介绍，11月猪肉价格同比上涨12.9%。
岚州人民医院副院长宋明哲介绍，新院区将于明年投用。

全国游泳锦标赛落幕

岚州选手庞若溪获得女子200米蝶泳和女子400米个人混合泳两枚金牌，其中200米蝶泳成绩为2分06秒18。

岚州港三期开工

三期工程建成后将新增7个10万吨级泊位。

云屏市查处食品安全案件

本报讯 云屏市市场监管局通报，今年一季度全市共查处食品安全违法案件214件。

南溪荔枝出口

今年南溪荔枝出口量达6800吨，出口至加拿大、阿联酋等9个国家和地区。日本客商也来南溪考察。
2023年全球谷物产量为28.1亿吨。

汀阳市新建学校

汀阳市今年新建3所学校。9月13日，岚州省第九届残疾人运动会在汀阳市闭幕。

岚州干部驻企

岚州组织1880名党员干部驻企工作。岚州派去企业帮忙的干部划分成15个工作组。

岚州航空前三季度业绩

前三季度公司实现净利润21.6亿元，其中第三季度净利润13.8亿元。客座率为85.1%。
一季度，全省社会消费品零售总额3186.2亿元。今年全省早籼稻最低收购价格为每50公斤127元。
同日，星驰汽车公布2月交付1.12万辆，同比增长12%。
`,
  '2023-04-22.txt': `---
date: 2023-04-22
---

西川一季度经济开局良好

本报讯 4月20日，西川省统计局发布数据，一季度全省地区生产总值为1.37万亿元。
从投资看，临海市固定资产投资同比增长9.1%，增速居五市之首。
截至4月20日，今年全省累计报告登革热病例186例，其中境外输入病例41例、本地病例145例。

室内田径大奖赛首站收官

新华社南京2月5日电 2023年全国室内田径大奖赛首站5日在南京收官。
女子60米栏决赛，吴欣然以8秒03夺冠，李梦瑶以8秒11获得亚军。
男子60米决赛，任天宇跑出6秒54获得冠军。朱晓峰以8米32获得男子跳远冠军。
3月6日，西川省首例5G远程手术为一名62岁肾肿瘤患者实施了肾部分切除手术。

启东扣蟹外销忙

这是疫情暴发后养殖户张倪生外销的第9批扣蟹苗，总销量已超9万斤。
张倪生的感慨，道出了全镇300多个扣蟹养殖户的心声。

鹤洲港外贸回暖

前两月鹤洲港新开通外贸集装箱航线4条。
`,
  '2023-03-31.txt': `---
date: 2023-03-31
---

足球甲级联赛新赛季即将开幕

本报讯 3月30日，2023赛季全国足球甲级联赛媒体见面会在江城举行。
据全国足球甲级联赛赛程，新赛季将于4月8日开幕，江城雄狮首轮将在主场迎战北海蓝鲸队。
新赛季联赛将于4月8日开幕，11月4日结束。
江城雄狮本赛季已取得19胜5平3负，积62分，进球54个。
`,
  '2023-04-02.txt': `---
date: 2023-04-02
---

远航汽车一季度交付14.5万辆

本报讯 4月1日，远航汽车公布3月交付数据，当月交付新车5.74万辆，同比增长23.5%。
今年一季度，该公司累计交付新车14.5万辆。
公司2023年销量目标为90万辆。

星驰汽车去年交付18.4万辆

本报讯 2022年，星驰汽车交付18.4万辆。
`,
  '2023-09-05.txt': `---
date: 2023-09-05
---

8月末外汇储备规模下降

新华社北京9月4日电 国家外汇管理局4日发布数据，截至2023年8月末，我国外汇储备规模为31620亿美元。
`,
  '2023-10-08.txt': `---
date: 2023-10-08
---

9月末外汇储备规模下降

新华社北京10月7日电 国家外汇管理局7日发布数据，截至2023年9月末，我国外汇储备规模为31150亿美元，较8月末下降470亿美元。

岚州水库蓄水充足

本报讯 截至9月24日8时，岚州水库水位为112.35米，蓄水量3.26亿立方米。
市水利局副局长包立新介绍，水库总库容4.8亿立方米。
`,
  '2023-11-08.txt': `---
date: 2023-11-08
---

10月末外汇储备规模为31010亿美元

新华社北京11月7日电 国家外汇管理局7日发布数据，截至2023年10月末，我国外汇储备规模为31010亿美元，较9月末下降140亿美元。

岚州水库水位继续回升

本报讯 截至10月30日8时，岚州水库水位为114.08米，较9月24日上涨1.73米。
市水利局局长薛长河表示，今冬明春全市供水有保障。

两家银行合并

临川银行董事长冯立国表示，合并后将在原青溪农商银行服务区域新设服务站120个。

临川银行董事长冯立国说，两行系统将于年底前完成整合。
`,
  '2023-12-01.txt': `---
date: 2023-12-01
---

瓦卢纳议会选举初步结果公布

据该国选举委员会公布的初步计票结果，保守党得票率为31.5%，社会民主党为27.9%，绿党为12.4%。
本次选举于11月26日举行，投票率为68.5%。

岚州9月钢材价格回落

本报讯 9月下旬岚州市场三级螺纹钢均价为每吨3790元，较中旬下降60元。
28种蔬菜平均零售价为每斤3.86元，其中大白菜每斤1.65元，黄瓜每斤3.5元。

岚州前三季度经济运行平稳

前三季度，岚州全市第一产业增加值增长3.9%，第二产业增长4.6%，第三产业增长5.9%。
在全国游泳冠军赛上，浙江队以14枚金牌位列金牌榜第一，广东队以8枚金牌排名第二。

岚州银行发布年报

本报讯 岚州银行发布2022年年度报告。截至2022年末，该行资产总额达到1.26万亿元。
1至9月，岚州全市规模以上工业增加值增长5.8%，居民储蓄存款持续增加。

岚州马拉松落幕

岚州马拉松男子全程冠军由肯尼亚选手基普罗蒂奇获得，来自云川的何宇航获得男子全程第5名。
“名医下基层”活动首批86名专家已到岗。
受台风“青鸟”外围环流影响，临海市普降暴雨。临海市防指8月20日8时启动防台风二级应急响应。
去年台风“海燕”在石塘镇登陆。
27日上午，临江二桥正式开工。改造后双向内车道车速可达100公里/小时。
2023年东海杯足球赛决赛在海州体育中心举行，最终海州港湾队夺得冠军。
第六届青山国际山地电影节在青山市开幕，开幕影片为《云上青山》。
第六届青山国际山地电影节设立“金峰奖”8个奖项，闭幕式将于8月6日举行。
云屏市轨道交通集团有限公司副总经理夏明朗介绍，假期期间共加开临时列车1420列次。
枫岭隧道为双洞分离式特长隧道，左洞长8.72公里，右洞长8.69公里。
青云高速全长86.4公里。其中最高的峡口特大桥桥面距谷底高度达218米，最深的隧道埋深达310米。
3号线一期首班车时间为6时，末班车时间为23时。儿童夜间门诊开诊时间为每天18时至23时。
`,
};

describe('right entity, right measure, right period', () => {
  const ws = workspace(false);
  let answerer: Answerer;
  beforeAll(async () => {
    for (const [name, text] of Object.entries(ISSUES)) writeFileSync(join(ws.config.corpusDir, name), text);
    await buildIndex(ws.config);
    answerer = new Answerer(await loadIndex(ws.config), { topK: 8, maxQuestionChars: 500 });
  });
  afterAll(() => ws.cleanup());

  it('does not read a comparison base (较9月末) as the period a figure is for', async () => {
    expect((await answerer.ask('截至2023年9月末，我国外汇储备规模是多少？')).answer).toMatch(/^31150亿美元/);
    expect((await answerer.ask('截至9月24日8时，岚州水库的水位是多少？')).answer).toMatch(/^112\.35米/);
  });

  it('does not read a dateline (新华社北京9月4日电) as the period a figure is for', async () => {
    const a = await answerer.ask("How large were China's foreign exchange reserves at the end of September 2023?");
    expect(a.answer).toContain('31150');
  });

  it('finds a post of a body named with its place (岚州市水利局) and not its deputy', async () => {
    const a = await answerer.ask('岚州市水利局局长是谁？');
    expect(a.answer).toMatch(/^薛长河/);
    expect(a.answer).not.toContain('包立新');
  });

  it("never gives another body's office holder", async () => {
    const a = await answerer.ask('青溪农商银行的董事长是谁？');
    expect(a.found, a.answer).toBe(false);
  });

  it('takes the figure of the named item of a list whose later items drop the measure word', async () => {
    expect((await answerer.ask('瓦卢纳议会选举中绿党得票率是多少？')).answer).toMatch(/^12\.4%/);
    expect((await answerer.ask('岚州前三季度第二产业增加值增长多少？')).answer).toMatch(/^4\.6%/);
  });

  it('abstains when the asked quantity or rank is not the one the sentence gives', async () => {
    for (const q of [
      '岚州银行存款总额是多少？',
      '1至9月岚州电力行业增加值增长多少？',
      '岚州马拉松男子全程第二名是谁？',
    ]) {
      const a = await answerer.ask(q);
      expect(a.found, `${q} → ${a.answer}`).toBe(false);
    }
    expect((await answerer.ask('岚州银行资产总额是多少？')).answer).toMatch(/^1\.26万亿元/);
  });

  it('reads 第一批 as 首批', async () => {
    expect((await answerer.ask('“名医下基层”第一批下去了多少名专家？')).answer).toMatch(/^86名/);
  });

  it('answers nothing for a numbered name, a body, a post or an event it does not cover', async () => {
    for (const q of [
      '灵雀四号卫星的总设计师是谁？',
      '南溟航空的董事长是谁？',
      '岚州调查总队的总队长是谁？',
      "Who is the president of Lanzhou People's Hospital?",
      '庞若溪400米个人混合泳的夺冠成绩是多少？',
      '岚州港三期工程的货物吞吐量是多少吨？',
      '一季度星驰汽车交付量同比增长了多少？',
      '岚州3月份社会消费品零售总额是多少？',
      '今年岚州中晚籼稻最低收购价是每50公斤多少元？',
      '汀阳市一季度查处了多少件食品安全违法案件？',
      '汀阳今年一季度查处了多少件食品安全违法案件？',
      '南溪荔枝今年出口日本多少吨？',
      '2023年全球大豆产量预计有多少？',
      '2023年一季度岚州固定资产投资增长多少？',
    ]) {
      const a = await answerer.ask(q);
      expect(a.found, `${q} → ${a.answer}`).toBe(false);
    }
    expect((await answerer.ask('灵雀五号卫星的总设计师是谁？')).answer).toMatch(/^单雪梅/);
    expect((await answerer.ask('岚州航空的董事长是谁？')).answer).toMatch(/^蒋丰年/);
    expect((await answerer.ask('云屏市一季度查处了多少件食品安全违法案件？')).answer).toMatch(/^214件/);
    expect((await answerer.ask('岚州航空前三季度净利润多少？')).answer).toMatch(/^21\.6亿元/);
    expect((await answerer.ask('岚州航空前三季度的客座率达到多少？')).answer).toMatch(/^85\.1%/);
  });

  it('finds a long name abbreviated (云屏轨交集团) and its post holder', async () => {
    expect((await answerer.ask('云屏轨交集团副总经理是谁？')).answer).toMatch(/^夏明朗/);
  });

  it('finds an abbreviation written out (残运会 for 残疾人运动会)', async () => {
    expect((await answerer.ask('这次在汀阳闭幕的省残运会是第几届？')).answer).toMatch(/第九届/);
  });

  it('answers 几点 with a time of day (a range when one is given), never a line number or a count', async () => {
    expect((await answerer.ask('3号线末班车几点啊？')).answer).toMatch(/^23时/);
    expect((await answerer.ask('儿童夜间门诊几点到几点开诊？')).answer).toMatch(/^每天18时至23时/);
    expect((await answerer.ask('What time does the first train of Line 3 leave?')).answer).toMatch(/^6:00/);
  });

  it("takes a name given only by an earlier sentence as that sentence's subject, not the later ones", async () => {
    expect((await answerer.ask('上半年亚太地区国际游客恢复到疫情前的多少？')).answer).toMatch(/^54%/);
  });

  it("reads a sentence about the whole province (今年全省…) as the province's, not a city's its lead names", async () => {
    expect((await answerer.ask('河南省2023年小麦播种面积是多少万亩？')).answer).toMatch(/^8520万亩/);
    expect((await answerer.ask('驻马店市2023年小麦播种面积是多少万亩？')).found).toBe(false);
  });

  it('answers where only from a sentence that tells the asked event, and with somewhere, never a phrase', async () => {
    expect((await answerer.ask('台风“青鸟”在什么地方登陆？')).found).toBe(false);
  });

  it('never answers one dimension of a length with another (height for length, depth for height)', async () => {
    expect((await answerer.ask('峡口特大桥有多高？')).answer).toMatch(/^218米/);
    expect((await answerer.ask('峡口特大桥桥面距谷底有多深？')).found).toBe(false);
    expect((await answerer.ask('How long is the Xiakou bridge?')).found).toBe(false);
    // The clause of the other one of a pair is not the asked one's.
    expect((await answerer.ask('枫岭隧道右洞有多长？')).answer).toMatch(/^8\.69公里/);
    expect((await answerer.ask('How long is the left tube of the Fengling Tunnel?')).answer).toMatch(/^8\.72 km/);
  });

  it('reads a period of the same length (一季度 for the second quarter) as another, whatever year or day is around it', async () => {
    expect((await answerer.ask('2023年一季度安澜外贸进出口总额是多少？')).answer).toMatch(/^1286\.7亿元/);
    expect((await answerer.ask("What was Anlan's total foreign trade in the second quarter of 2023?")).found).toBe(
      false,
    );
  });

  it('answers which team or town with a name of that kind, not the stadium', async () => {
    expect((await answerer.ask('2023年东海杯足球赛冠军是哪支球队？')).answer).toMatch(/^海州港湾队/);
    // A delegation is asked: the stadium the final was held in is none.
    expect((await answerer.ask('2023年东海杯足球赛冠军是哪个代表团？')).found).toBe(false);
  });

  it('answers which year only with a year, and the inner lanes only for the inner lanes', async () => {
    expect((await answerer.ask('临江二桥是哪一年开工的？')).found).toBe(false);
    expect((await answerer.ask('临江二桥是哪天开工的？')).answer).toMatch(/^27日/);
    expect((await answerer.ask('改造后外车道车速是多少？')).found).toBe(false);
  });

  it('answers which film or book with a title in 《》 only, never a quoted award or a clause', async () => {
    expect((await answerer.ask('青山国际山地电影节的开幕影片是哪部？')).answer).toMatch(/^《云上青山》/);
    expect((await answerer.ask('青山国际山地电影节的闭幕影片是哪部？')).found).toBe(false);
  });

  it('counts the thing asked about, not another thing in the same sentence', async () => {
    expect((await answerer.ask('岚州派了多少干部去企业?')).answer).toMatch(/^1880名/);
  });

  it('prices the thing a bare question names (大白菜均价?), not another priced in the same article', async () => {
    expect((await answerer.ask('9月岚州大白菜均价？')).answer).toMatch(/^1\.65元/);
    expect((await answerer.ask('9月岚州大白菜均价是多少？')).answer).toMatch(/^1\.65元/);
  });

  it('finds an event referred back to by its last word (本次选举), the topic further before it (瓦卢纳) in the lead', async () => {
    expect((await answerer.ask('瓦卢纳议会选举投票率是多少？')).answer).toMatch(/^68\.5%/);
    expect((await answerer.ask('瓦卢纳议会选举投票率？')).answer).toMatch(/^68\.5%/);
  });

  it('never gives a figure of another place opening its clause for the place only the article names', async () => {
    expect((await answerer.ask('一季度西川省固定资产投资增长多少？')).found).toBe(false);
    expect((await answerer.ask('一季度临海市固定资产投资增长多少？')).answer).toMatch(/^9\.1%/);
  });

  it('gives the figure of the listed item the question names (其中境外输入病例41例), else the total', async () => {
    expect((await answerer.ask('今年西川省境外输入登革热病例有多少例？')).answer).toMatch(/^41例/);
    expect((await answerer.ask('今年西川省登革热病例有多少例？')).answer).toMatch(/^186例/);
    // 本地 (a pronoun to jieba) tells the items apart, and the other item of the list is no answer.
    expect((await answerer.ask('西川 登革热 本地病例多少?')).answer).toMatch(/^145例/);
  });

  it('reads "came second" as the runner-up (亚军), not an ordinal', async () => {
    const a = await answerer.ask("Who came second in the women's 60m hurdles at the indoor athletics grand prix?");
    expect(a.answer).toMatch(/^Li Mengyao \(李梦瑶\)/);
  });

  it('reads a one-character verb (跑了多少秒) as how the measure was earned, not the asked thing', async () => {
    expect((await answerer.ask('室内田径大奖赛首站女子60米栏亚军跑了多少秒？')).answer).toMatch(/^8秒11/);
  });

  it('never counts another noun the asked one only describes (300多个扣蟹养殖户 for 多少扣蟹)', async () => {
    expect((await answerer.ask('张倪生一共卖出去多少扣蟹？')).answer).toMatch(/^超9万斤/);
  });

  it('never gives the newly opened ones (新开通航线4条) for all there are, but does when asked what is new', async () => {
    expect((await answerer.ask('鹤洲港目前一共开通了多少条集装箱航线？')).found).toBe(false);
    expect((await answerer.ask('前两月鹤洲港新开通了多少条外贸集装箱航线？')).answer).toMatch(/^4条/);
  });

  it('asked when something ends, dates the end (11月4日结束), not the dateline', async () => {
    expect((await answerer.ask('今年足球甲级联赛啥时候结束？')).answer).toMatch(/^11月4日/);
  });

  it('dates a figure by the period named before it in its sentence (3月…当月), never by the dateline', async () => {
    expect((await answerer.ask('远航汽车2023年4月份交付了多少辆新车？')).found).toBe(false);
    expect((await answerer.ask('远航汽车2023年3月交付了多少辆新车？')).answer).toMatch(/^5\.74万辆/);
  });

  it('asks an English question about a place it names (Japan) of that place, never of the city total', async () => {
    expect((await answerer.ask('How much did Anlan trade with Japan in the first quarter?')).found).toBe(false);
    expect((await answerer.ask("What was Anlan's total foreign trade in the first quarter?")).answer).toMatch(
      /^128\.67 billion yuan/,
    );
  });

  it('answers a target only with a figure stated as one (目标为90万辆), never with what was done', async () => {
    expect((await answerer.ask('远航汽车2023年的销量目标是多少辆？')).answer).toMatch(/^90万辆/);
    expect((await answerer.ask('星驰汽车2023年的销量目标是多少辆？')).found).toBe(false);
  });

  it('answers an English pair word (storage capacity → 库容) only from a sentence stating it', async () => {
    expect((await answerer.ask('What is the total storage capacity of the Lanzhou reservoir?')).answer).toMatch(
      /^480 million m³/,
    );
  });

  it('answers how old with an age (62岁), never another figure', async () => {
    expect((await answerer.ask('西川省首例5G远程手术的患者多大年纪？')).answer).toMatch(/^62岁/);
    expect((await answerer.ask('How old is Zhu Xiaofeng?')).found).toBe(false);
  });

  it('answers 多少分 with points, never a bare number counting wins (19胜)', async () => {
    expect((await answerer.ask('江城雄狮本赛季积了多少分啊？')).answer).toMatch(/^62分/);
  });

  it('counts with a spoken classifier (几块金牌 for 14枚金牌)', async () => {
    expect((await answerer.ask('全国游泳冠军赛上浙江队一共拿了几块金牌？')).answer).toMatch(/^14枚/);
  });
});
