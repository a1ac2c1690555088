/**
 * Foreign names heard in their Chinese transliterations: Kiprotich in 基普罗蒂奇, Reed in 里德.
 * Both spellings are reduced to a skeleton of consonant classes (the vowels and the exact consonants
 * a transliteration keeps vary too much), compared with a one-sound tolerance for longer names.
 */
import { pinyin } from 'pinyin-pro';

/** Characters Xinhua uses to transliterate foreign names. */
export const TRANSLIT = new Set(
  [
    '阿埃艾安奥巴拜班邦保贝本比彼毕波伯博布查达戴丹道德迪蒂丁东杜多厄恩法范菲费芬丰弗福夫盖冈戈格贡古圭哈海汉豪赫亨胡华霍',
    '基吉加贾杰金卡凯坎康考科克肯库拉莱赖兰朗劳勒雷里利莉列林琳卢鲁路伦罗洛略马玛迈麦曼梅门蒙米密明莫姆穆纳娜南内尼妮涅宁纽努',
    '诺欧帕潘佩彭皮普齐奇恰乔切琼丘萨塞桑瑟森沙舍什施史斯苏索塔泰坦汤特提图托瓦万旺威韦维温沃乌武西希谢辛休雅亚扬耶伊尤约泽',
    '扎詹朱兹佐丽娅黛蕾莎芙卓雅茨佛奈费尔',
  ].join(''),
);

/** The consonant classes of an English name: Kiprotich → KPLTK, Marcus → MKS. */
export function englishSkeleton(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/th/g, 't')
    .replace(/sh|ss/g, 's')
    .replace(/ch/g, 'k')
    .replace(/gh/g, '')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/x/g, 'ks')
    .replace(/e$/, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w.charAt(i);
    // An r before a consonant or at the end is seldom written (Marcus → 马库斯, Peter → 彼得).
    if (ch === 'r' && !/[aeiouy]/.test(w.charAt(i + 1))) continue;
    out += CLASS[ch] ?? '';
  }
  return out.replace(/(.)\1+/g, '$1');
}

const CLASS: Record<string, string> = {
  b: 'P',
  p: 'P',
  d: 'T',
  t: 'T',
  g: 'K',
  k: 'K',
  c: 'K',
  q: 'K',
  j: 'K',
  s: 'S',
  z: 'S',
  f: 'F',
  v: 'W',
  w: 'W',
  l: 'L',
  r: 'L',
  m: 'M',
  n: 'N',
  h: 'H',
};

const PINYIN_INITIAL: Array<[RegExp, string]> = [
  [/^(zh|ch|sh|z|c|s|x)/, 'S'],
  [/^[jqgk]/, 'K'],
  [/^[bp]/, 'P'],
  [/^[dt]/, 'T'],
  [/^[lr]/, 'L'],
  [/^m/, 'M'],
  [/^n/, 'N'],
  [/^f/, 'F'],
  [/^w/, 'W'],
  [/^h/, 'H'],
];

const HAN_SKELETONS = new Map<string, string>();

/** The consonant classes of a transliteration: 基普罗蒂奇 → KPLTK, 尔 (er) → L. */
export function hanSkeleton(han: string): string {
  let out = HAN_SKELETONS.get(han);
  if (out !== undefined) return out;
  out = '';
  for (const syllable of pinyin(han, { toneType: 'none', type: 'array' })) {
    if (syllable === 'er') out += 'L';
    else out += PINYIN_INITIAL.find(([re]) => re.test(syllable))?.[1] ?? '';
    // A final n in a syllable (本 ben, 森 sen) stands for an n in the name.
    if (/n$/.test(syllable)) out += 'N';
  }
  out = out.replace(/(.)\1+/g, '$1');
  if (HAN_SKELETONS.size > 20_000) HAN_SKELETONS.clear();
  HAN_SKELETONS.set(han, out);
  return out;
}

/** Edit distance of two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** True when a transliteration may render the English name: the same skeleton, one sound apart for long ones. */
export function soundsLike(english: string, han: string): boolean {
  const e = englishSkeleton(english);
  const h = hanSkeleton(han);
  if (e.length < 2 || h.length < 2) return false;
  return e === h || (e.length >= 4 && distance(e, h) <= 1);
}

/**
 * Where a text transliterates an English name: a run of transliteration characters (or a stretch
 * of one) that sounds like it.
 *
 * @example
 * findSound('Kiprotich', '肯尼亚选手基普罗蒂奇以2小时07分33秒夺冠') // { at: 5, length: 5 }
 */
export function findSound(english: string, text: string): { at: number; length: number } | undefined {
  for (const m of text.matchAll(/\p{Script=Han}{2,}/gu)) {
    const run = m[0];
    for (let a = 0; a < run.length; a++) {
      let end = a;
      while (end < run.length && end - a < 6 && TRANSLIT.has(run.charAt(end))) end++;
      // The longest stretch first: 基普罗蒂奇, not 基普罗蒂.
      for (let b = end; b >= a + 2; b--) {
        if (soundsLike(english, run.slice(a, b))) return { at: m.index + a, length: b - a };
      }
    }
  }
  return undefined;
}
