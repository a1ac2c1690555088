import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question/analyze.js';
import { useSeed } from '../helpers.js';

const seeded = useSeed();
const analyze = (q: string) => analyzeQuestion(q, seeded.index.keyword, seeded.index.lexicon);

describe('analyzeQuestion: what is asked', () => {
  it.each([
    ['海门有多少项目2月底全面复工?', 'number', 'count', undefined],
    ['平海公路全长多少千米?', 'number', 'length', '千米'],
    ['平海公路这次改造一共要花多少钱啊', 'number', 'money', undefined],
    ['平海公路預計什麼時候交工通車?', 'date', undefined, undefined],
    ['通州区委书记是谁?', 'person', undefined, undefined],
    ['许君挂钩的是哪家企业?', 'org', undefined, undefined],
    ['张轩担任什么职务?', 'title', undefined, undefined],
    ['平海公路项目受疫情影响耽误了多长工期?', 'number', 'duration', undefined],
    ['复工率是多少?', 'number', 'percent', undefined],
    ['海上风电一年能发多少电？', 'number', 'energy', undefined],
    ['风电场装机容量是多少？', 'number', 'power', undefined],
    ['1至2月汽车制造业增加值增长多少?', 'number', 'change', undefined],
    ['北辰猛龙队排在第几位?', 'ordinal', undefined, undefined],
    ['扣蟹为啥叫扣蟹', 'reason', undefined, undefined],
    ['养殖户的扣蟹是怎么运出去的?', 'method', undefined, undefined],
    ['“四员”指的是什么?', 'definition', undefined, undefined],
    ['易来通是个什么平台?', 'definition', undefined, undefined],
    ['农业农村局于何日决定开具通行证?', 'date', undefined, undefined],
    ['首轮对手是什么球队?', 'org', undefined, undefined],
    ['惠萍镇节后没卖掉的扣蟹后来卖完了吗?', 'yesno', undefined, undefined],
    ['临江市长？', 'person', undefined, undefined],
    ['how many Haimen projects resume by end of February', 'number', 'any', undefined],
    ['How long is the Pinghai road?', 'number', 'length', undefined],
    ['How many pairs of trains will run daily on the high-speed railway?', 'number', 'count', undefined],
    ['Which municipal leader looked at how big data was being used?', 'person', undefined, undefined],
    ['Which state-owned company won the bid?', 'org', undefined, undefined],
    ['Which retired fisheries expert helped the farmers?', 'person', undefined, undefined],
    ['How much is a ticket to the opening play?', 'number', 'price', undefined],
    ['How old is Xue Weisheng?', 'number', 'age', undefined],
    ['薛卫生多大年纪了?', 'number', 'age', undefined],
    ['How many losses did the passes save for farmers?', 'number', 'money', undefined],
    ['How long may the Pinghai road be?', 'number', 'length', undefined],
    ['How much did charity groups collect?', 'number', 'money', undefined],
    ['Which company is Xu Jun, who chairs the federation, paired with?', 'org', undefined, undefined],
    ['Why were the crab farmers worried?', 'reason', undefined, undefined],
    ["What was Kiprotich's winning time at the marathon?", 'number', 'duration', undefined],
    ['How much water did Bailu Lake Reservoir hold on March 11?', 'number', 'volume', undefined],
    ['What was the turnout in the first round?', 'number', 'percent', undefined],
    ['What is the on-grid electricity price of the offshore wind farm?', 'number', 'price', undefined],
    ['员工超过200人的企业派驻何种职级的干部?', 'title', undefined, undefined],
    ['南屿儿童医院院长叫什么？', 'person', undefined, undefined],
    ['涉疫案件数 截至2.11?', 'number', 'count', undefined],
    ['平海公路改好了,从骑岸出口开到通州湾能省多少时间?', 'number', 'duration', undefined],
    ['岚川航空2023年的客座率达到多少？', 'number', 'percent', undefined],
    ['“星河二号”遥感卫星的全色分辨率是多少？', 'number', 'any', undefined],
    ['玄机一号从设计到建成花了多长时间？', 'number', 'duration', undefined],
    ['女子铅球冠军冯佳怡的成绩是多少？', 'number', 'length', undefined],
    ['招聘会岗位平均月薪多少？', 'number', 'money', undefined],
    ['女子足球冠军是哪个代表团？', 'org', undefined, undefined],
    ['电影节的闭幕影片是哪部？', 'name', undefined, undefined],
    ['平海路指挥部 副指挥长?', 'person', undefined, undefined],
    ['社会及社区防控组的组长单位是谁?', 'org', undefined, undefined],
    ['那几个督导组是用啥方式下去检查的?', 'method', undefined, undefined],
    ['How much does the new center weigh?', 'number', 'weight', undefined],
    ['What is the storage capacity of the reservoir?', 'number', 'volume', undefined],
    ['How long is the guard expected to be sidelined?', 'number', 'duration', undefined],
    ['How much gold did China hold in its reserves?', 'number', 'weight', undefined],
    ['What rank of official is assigned to a big firm?', 'title', undefined, undefined],
  ])('%s → %s %s', (question, slot, measure, unit) => {
    const { intent } = analyze(question);
    expect(intent.slot).toBe(slot);
    expect(intent.measure).toBe(measure);
    expect(intent.unit).toBe(unit);
  });
});

describe('analyzeQuestion: what it is about', () => {
  it.each([
    ['平海公路总投资多少?', ['平海公路', '总', '投资']],
    ['平海公路多长啊', ['平海公路']],
    ['那个最美渔技员干这行多少年了', ['渔技员']],
    ['公安那边查了多少起跟疫情有关的案子', ['公安', '疫情', '案子']],
    ['海们有几个重大项目一季度要开工', ['海们', '重大项目', '开工']],
    // A post named last is what is asked: it stays a concept.
    ['海门市长？', ['市长']],
  ])('%s → %j', (question, labels) => {
    const concepts = analyze(question).concepts.map((c) => c.label);
    for (const l of labels) expect(concepts).toContain(l);
    // Fillers and question words never become concepts.
    for (const filler of ['啊', '那个', '那边', '多少', '几个', '了']) expect(concepts).not.toContain(filler);
  });

  it('asked when or how, takes what follows the question word as the asked thing (啥时候复工), not the noun before', () => {
    const focus = (q: string) => analyze(q).concepts.find((c) => c.kind === 'focus')?.label;
    expect(focus('重大项目啥时候复工?')).toBe('复工');
    expect(focus('重大项目有多少个?')).toBe('重大项目');
    // Asked how, what is done after the question word; 数据 is a topic there, not a word for any figure.
    expect(focus('公安机关怎么用好大数据?')).toBe('数据');
  });

  it('gives an English question the words a Chinese one would hold: the dimension asked (全长), a pair word (左洞)', () => {
    const labels = analyze('How long is the left tube of the tunnel?').concepts.map((c) => c.label);
    expect(labels).toContain('全长');
    expect(labels).toContain('左洞');
  });

  it('reads a typo by its pronunciation and a spoken word by its written forms', () => {
    const typo = analyze('海们有几个重大项目一季度要开工').concepts.find((c) => c.label === '海们');
    expect(typo?.alts.map((a) => a.text)).toContain('海门');
    // A long name whose first part reads as a corpus word (冬清路 → 冬青路).
    const part = analyze('冬清路隧道什么时候交工?').concepts.find((c) => c.label === '冬清路隧道');
    expect(part?.alts.map((a) => a.text)).toContain('冬青路隧道');
    // A near sound (za for zha) when nothing reads the same.
    const near = analyze('港匝区获评三星级上云企业的有多少家?').concepts.find((c) => c.label === '港匝区');
    expect(near?.alts.map((a) => a.text)).toContain('港闸区');
    const spoken = analyze('公安查了多少起案子').concepts.find((c) => c.label === '案子');
    expect(spoken?.alts.map((a) => a.text)).toContain('案件');
    const sold = analyze('戏剧节一共卖了多少张票').concepts.find((c) => c.label.startsWith('卖'));
    expect(sold?.alts.map((a) => a.text)).toContain('售出');
  });

  it('gives a rank that names which thing is asked about (第二阶梯), not an idiom (第一时间)', () => {
    const ranks = (q: string) => analyze(q).concepts.filter((c) => c.figure?.kind === 'ordinal');
    expect(ranks('第二阶梯水价拟调整为每吨多少元？')[0]).toMatchObject({ label: '第二', required: true });
    expect(ranks('第一时间赶到现场的是谁？')[0]?.required ?? false).toBe(false);
  });

  it('reads spoken shorthand: a month and day written as a decimal after 截至, 10个亿', () => {
    expect(analyze('涉疫案件数 截至2.11?').concepts.find((c) => c.period)?.period).toMatchObject({ months: [2, 2] });
    expect(analyze('海门那些投资超10个亿的续建项目有几个啊?').concepts.map((c) => c.label)).toContain('超10亿');
  });

  it('gives names and figures as required concepts, and periods as periods', () => {
    const q = analyze('2023年一季度通州区有多少家企业复工?');
    const period = q.concepts.find((c) => c.period);
    expect(period?.period).toMatchObject({ year: 2023, months: [1, 3] });
    expect(q.concepts.find((c) => c.label === '通州区')).toMatchObject({ kind: 'entity', required: true });
  });

  it('bridges English names by pinyin and words by the lexicon, to corpus words', () => {
    const q = analyze('How many crab farmers in Huiping?');
    const alts = q.concepts.flatMap((c) => c.alts.map((a) => a.text));
    expect(alts).toContain('惠萍');
    expect(alts.some((a) => a.includes('蟹'))).toBe(true);
  });

  it('keeps an English code whole (PM10, T3) and reads Q1 as a period', () => {
    const labels = analyze("What was Nantong's average PM10 concentration in Q1 2022?").concepts.map((c) => c.label);
    expect(labels).toContain('pm10');
    expect(labels).not.toContain('10');
    expect(labels).not.toContain('q1');
  });

  it('reads 几点 and "what time" as asking a time of day', () => {
    expect(analyze('What time does the last train of Line 3 leave?').intent).toMatchObject({
      slot: 'date',
      grain: 'time',
    });
    expect(analyze('3号线末班车几点啊？').intent).toMatchObject({ slot: 'date', grain: 'time' });
  });

  it("requires the noun the question word counts (院区有多少个停车位) in the answer's sentence", () => {
    const parking = analyze('院区有多少个停车位？').concepts.find((c) => c.label === '停车位');
    expect(parking?.inSentence).toBe(true);
  });

  it('reads English names as the bulletin writes them', () => {
    const concept = (q: string, label: string) => analyze(q).concepts.find((c) => c.label === label);
    // Line 3 is 3号线, and its number is no figure of its own.
    const line = analyze('What time does the last train of Line 3 leave?');
    expect(line.concepts.find((c) => c.label === 'Line 3')?.alts.map((a) => a.text)).toEqual(['3号线']);
    expect(line.concepts.map((c) => c.label)).not.toContain('3');
    // GDP is written out, and the answer's sentence must state it.
    const gdp = concept("What was Haimen's GDP in 2019?", 'gdp');
    expect(gdp?.alts.map((a) => a.text)).toContain('地区生产总值');
    expect(gdp?.inSentence).toBe(true);
    // "Airlines" in a name is the kind of body (航空), not a name the bulletin lacks.
    const airline = concept('How many routes did Haimen Airlines open?', 'airlines');
    expect(airline).toMatchObject({ kind: 'content', required: false });
    expect(airline?.alts.map((a) => a.text)).toEqual(['航空']);
    // The 20th fair is an ordinal (第二十届); on the 26th is a day.
    const fair = concept('Which country is the guest of honour at the 20th Haimen trade fair?', '20');
    expect(fair?.figure).toMatchObject({ value: 20, kind: 'ordinal' });
    expect(concept('Who visited the police bureau on the 26th to see the data?', '26')?.figure).toBeUndefined();
    // Haimen-3 is a name's series number (海门三号); 01 and 02 label things; at what altitude asks a length.
    const serial = analyze('At what altitude do the Haimen-3 01 and 02 satellites orbit?');
    expect(serial.concepts.find((c) => c.label === 'Haimen-3')?.alts.map((a) => a.text)).toEqual([
      '海门三号',
      '海门3号',
    ]);
    expect(serial.concepts.filter((c) => c.kind === 'figure')).toEqual([]);
    expect(serial.intent).toMatchObject({ slot: 'number', measure: 'length' });
    // A month is no unknown name, capitalised as it is.
    const launch = analyze('At its January launch, when did Haimen plan to start?');
    expect(launch.concepts.some((c) => c.label === 'january' && c.required)).toBe(false);
    // A capitalised word next to a name the bulletin spells says what kind of body it is.
    expect(concept('How much did Haimen Aerospace spend?', 'aerospace')?.required).toBe(false);
  });

  it('reads the words of an English figure as that figure only ("worth over 1 billion yuan")', () => {
    const q = analyze('How many major projects worth over 1 billion yuan will resume in Haimen?');
    const labels = q.concepts.map((c) => c.label);
    expect(labels).toContain('1 billion yuan');
    expect(labels.filter((l) => ['billion', 'yuan', 'worth'].includes(l))).toEqual([]);
  });

  it('never bridges an English word to a Chinese particle (的, 了), which every sentence holds', () => {
    const alts = analyze('How many new cases did Nantong report?').concepts.flatMap((c) => c.alts.map((a) => a.text));
    for (const particle of ['的', '了', '是', '在', '和']) expect(alts).not.toContain(particle);
  });

  it('leaves question words out of the query terms, and sees a denial', () => {
    const q = analyze('平海公路总投资是多少?');
    expect([...q.terms.keys()].some((t) => t.includes('多少'))).toBe(false);
    expect(analyze('通州区还有多少家企业没有复工?').negated).toBe(true);
    expect(analyze('扣蟹卖完了没有?').negated).toBe(false);
  });
});
