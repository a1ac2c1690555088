import { describe, expect, it } from 'vitest';
import { findNames } from '../../src/text/names.js';

const names = (text: string) => findNames(text).map((n) => `${n.kind}:${n.text}`);

describe('findNames', () => {
  it('finds people, bodies and places of news prose', () => {
    expect(names('副市长、市公安局局长张轩参加调研')).toEqual(['org:市公安局', 'person:张轩']);
    expect(names('市水利局局长薛长河表示')).toContain('person:薛长河');
    // 曾 is a surname jieba reads as an adverb; after an adverb, 慕名 is no name.
    expect(names('海洋生态学家曾海燕教授担任')).toContain('person:曾海燕');
    expect(names('养殖户也慕名向老薛求助')).not.toContain('person:慕名');
    // jieba glues 以 to a name before a figure (吴迪以, 豪以).
    expect(names('广东选手吴迪以10秒09夺冠，福建选手林子豪以10秒15获得亚军')).toEqual([
      'place:广东',
      'person:吴迪',
      'place:福建',
      'person:林子豪',
    ]);
    expect(names('保守党得票率为31.5%，绿党为12.4%')).toEqual(['org:保守党', 'org:绿党']);
    expect(names('南溟航空的董事长是谁')).toContain('org:南溟航空');
    expect(names('岚川航空客座率多少')).toContain('org:岚川航空');
    // A score's number and the verb between two teams end a name.
    expect(names('海州港湾队2比1战胜临江队')).toEqual(expect.arrayContaining(['org:海州港湾队', 'org:临江队']));
    // After a known place, the trade word modifies the next noun: no firm called 南通电子.
    expect(names('南通电子健康通行证叫啥名字')).toEqual(['place:南通']);
    // jieba tags the verb 印发 as a proper noun: used as a verb, it is no place.
    expect(names('通知是哪天印发的')).toEqual([]);
    expect(names('海门印发《方案》')).toEqual([]);
    expect(names('瓦卢纳总理托维塔在开幕式上呼吁')).toContain('person:托维塔');
  });

  it('takes no verb, particle or locative for part of a name', () => {
    expect(names('后来启东是怎么方便养殖户办通行证的')).toEqual(['place:启东']);
    expect(names('为企业复工复产保驾护航')).toEqual([]);
    expect(names('女子60米栏亚军跑了多少秒')).toEqual([]);
    expect(names('戏剧节一共卖了 张票').some((n) => n.includes('张票'))).toBe(false);
    expect(names('诺维卡那边组个政府谈了多久').some((n) => n.includes('组个'))).toBe(false);
    expect(names('曹荣琪在川姜先后去了几家企业')).not.toContain('person:姜先后');
    expect(names('市水利局局长薛永年表示')).toContain('person:薛永年');
    expect(names('冠军被江苏选手顾清扬以2分08秒11获得')).toContain('person:顾清扬');
    expect(names('老薛是怎么帮的').some((n) => n.startsWith('person:'))).toBe(false);
    expect(names('全国游泳冠军赛上浙江队一共拿了几块金牌')).toContain('org:浙江队');
    expect(names('市委政法委会同市公安局共组建了多少个督导组')).not.toContain('org:市委政法委会同市公安局');
  });
});
