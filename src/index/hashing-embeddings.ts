import { Embeddings } from '@langchain/core/embeddings';
import { passageTerms, questionTerms } from '../text/tokenizer.js';

/** Serialisable state of {@link HashingEmbeddings}: corpus document frequencies for IDF weights. */
export interface HashingEmbeddingsState {
  id: string;
  dimensions: number;
  docCount: number;
  df: Record<string, number>;
}

/**
 * Document frequencies the weights come from: a Map for a small corpus, an on-disk table for a
 * large archive (see `FrozenFrequencies`).
 */
export interface DocumentFrequencies {
  get(term: string): number | undefined;
  has(term: string): boolean;
}

/** Corpus terms whose features are kept at hand at question time; the bound keeps serving memory flat. */
const FEATURE_CACHE_SIZE = 200_000;

/** Bump when the features or weighting change: an index built by another version is refused. */
export const HASHING_EMBEDDINGS_VERSION = 1;

/** 32-bit FNV-1a: fast, stable across runs and platforms. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Offline embeddings: signed feature hashing of jieba words and Han bigrams, TF-IDF weighted
 * with the corpus's document frequencies, L2-normalised. No download, no network, deterministic.
 *
 * @example
 * const emb = HashingEmbeddings.fit(chunkTexts, 512);
 * const v = await emb.embedQuery('海门 续建 重大项目 复工');
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly df: DocumentFrequencies;
  /** Chunks the frequencies were counted over. */
  readonly docCount: number;
  /** Bucket and signed weight per term: terms recur across chunks, hashing them once halves ingest time. */
  private readonly features = new Map<string, [number, number]>();

  constructor(state: HashingEmbeddingsState | (Omit<HashingEmbeddingsState, 'df'> & { df: DocumentFrequencies })) {
    super({});
    if (state.id !== HashingEmbeddings.idFor(state.dimensions)) {
      throw new Error(`embedding state ${state.id} does not match ${HashingEmbeddings.idFor(state.dimensions)}`);
    }
    this.dimensions = state.dimensions;
    this.docCount = state.docCount;
    this.df =
      typeof (state.df as DocumentFrequencies).get === 'function'
        ? (state.df as DocumentFrequencies)
        : new Map(Object.entries(state.df as Record<string, number>));
  }

  /** The id recorded with an index; changes when the version or dimension changes. */
  static idFor(dimensions: number): string {
    return `local-hashing-v${HASHING_EMBEDDINGS_VERSION}-d${dimensions}`;
  }

  /** Computes document frequencies over the corpus texts. */
  static fit(texts: string[], dimensions = 512): HashingEmbeddings {
    return HashingEmbeddings.fitTerms(texts.map(passageTerms), dimensions);
  }

  /** Like {@link fit}, from terms already extracted with `passageTerms` (ingest has them). */
  static fitTerms(docs: string[][], dimensions = 512): HashingEmbeddings {
    const df: Record<string, number> = {};
    for (const terms of docs) for (const term of new Set(terms)) df[term] = (df[term] ?? 0) + 1;
    return new HashingEmbeddings({ id: HashingEmbeddings.idFor(dimensions), dimensions, docCount: docs.length, df });
  }

  /** State to save with the index (frequencies held in a Map only; a large archive keeps them in a table file). */
  toJSON(): HashingEmbeddingsState {
    if (!(this.df instanceof Map)) throw new TypeError('These embeddings keep their frequencies on disk.');
    return {
      id: HashingEmbeddings.idFor(this.dimensions),
      dimensions: this.dimensions,
      docCount: this.docCount,
      df: Object.fromEntries(this.df),
    };
  }

  /** Inverse document frequency; unseen terms get the highest weight. */
  idf(term: string): number {
    return Math.log(1 + (this.docCount + 1) / ((this.df.get(term) ?? 0) + 0.5));
  }

  /** A term's bucket and signed weight; ingest computes these once per distinct term. */
  featureOf(term: string): [number, number] {
    const sign = (fnv1a(`~${term}`) & 1) === 0 ? 1 : -1;
    // Bigrams back up word matches; they weigh less so that whole words lead.
    const kind = term.startsWith('#') ? 0.6 : 1;
    return [fnv1a(term) % this.dimensions, sign * kind * this.idf(term)];
  }

  private feature(term: string): [number, number] {
    let f = this.features.get(term);
    if (!f) {
      f = this.featureOf(term);
      // Questions bring unbounded new terms; only the corpus's own vocabulary is kept, and only so many.
      if (this.features.size < FEATURE_CACHE_SIZE && this.df.has(term)) this.features.set(term, f);
    }
    return f;
  }

  /** Embeds a list of already-extracted terms. */
  vectorOf(terms: string[]): number[] {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Float64Array(this.dimensions);
    for (const [term, n] of tf) {
      const [bucket, weight] = this.feature(term);
      v[bucket] = (v[bucket] as number) + weight * (1 + Math.log(n));
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vectorOf(passageTerms(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.vectorOf(questionTerms(text));
  }
}
