import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Place names swapped in and out of the seed bulletin; the seed's own come first. */
export const PLACES = [
  '海门',
  '通州',
  '启东',
  '港闸',
  '南通',
  '如东',
  '如皋',
  '海安',
  '崇川',
  '狼山',
  '平潮',
  '石港',
  '二甲',
  '三余',
  '余东',
  '吕四',
  '掘港',
  '栟茶',
  '双甸',
  '白蒲',
  '李堡',
  '角斜',
  '唐闸',
  '天生港',
  '观音山',
  '竹行',
  '新开',
  '小海',
  '兴东',
  '川姜',
];
const SEED_PLACES = PLACES.slice(0, 5);
/** Chunks the seed bulletin yields; used to size the corpus. */
export const SEED_CHUNKS = 53;

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE = /[^。！？]+[。！？]/g;
const isBody = (line: string) => line.length > 60 && /[。！？]$/.test(line);

/** Every sentence of the seed's body paragraphs: the pool synthetic paragraphs are drawn from. */
function sentencePool(seed: string): string[] {
  return seed
    .split('\n')
    .filter(isBody)
    .flatMap((l) => l.match(SENTENCE) ?? []);
}

/**
 * One synthetic bulletin: the seed page's layout (headlines, bylines, captions, banners) with each
 * body paragraph rebuilt from as many sentences drawn from the whole seed, then place names
 * swapped, and every figure and date changed. Deterministic in `i`.
 */
export function syntheticBulletin(seed: string, i: number, pool = sentencePool(seed)): string {
  const random = rng(1000 + i);
  const places = [...PLACES].sort(() => random() - 0.5);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  let text = seed
    .split('\n')
    .map((l) =>
      isBody(l) ? (l.match(SENTENCE) ?? [l]).map(() => pool[Math.floor(random() * pool.length)] ?? '').join('') : l,
    )
    .join('\n');
  text = text.replace(new RegExp(SEED_PLACES.join('|'), 'g'), (p) => places[SEED_PLACES.indexOf(p)] ?? p);
  text = text.replace(
    /(\d{1,2})月(\d{1,2})日/g,
    () => `${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日`,
  );
  text = text.replace(/\d+(\.\d+)?/g, (d) => {
    const digits = (d.split('.')[0] ?? d).length;
    const n = Math.floor(random() * 10 ** digits) || 1;
    return d.includes('.') ? `${n}.${Math.floor(random() * 100)}` : String(n);
  });
  return `---\ndate: 2020-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}\nsource: 合成公报 ${i}\n---\n${text}`;
}

/** Writes enough synthetic bulletins into `dir` for about `chunks` chunks; returns the file count. */
export function writeSyntheticCorpus(
  dir: string,
  chunks: number,
  seedPath = 'corpus/nantong-bulletin-2020-02.txt',
): number {
  const seed = readFileSync(seedPath, 'utf8');
  const pool = sentencePool(seed);
  mkdirSync(dir, { recursive: true });
  const files = Math.max(1, Math.round(chunks / SEED_CHUNKS));
  for (let i = 0; i < files; i++)
    writeFileSync(join(dir, `synthetic-${String(i).padStart(5, '0')}.txt`), syntheticBulletin(seed, i, pool));
  return files;
}

/** Questions for the synthetic corpus: the project's eval questions with their places swapped. */
export function syntheticQuestions(base: string[], n: number): string[] {
  const random = rng(7);
  return Array.from({ length: n }, (_, i) => {
    const q = base[i % base.length] ?? '';
    const place = () => PLACES[Math.floor(random() * PLACES.length)] ?? '';
    return i < base.length ? q : q.replace(new RegExp(SEED_PLACES.join('|'), 'g'), place);
  });
}
