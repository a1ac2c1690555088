/** The English bridge of a segmented index: glosses in memory, pinyin keys read from each segment. */
import { Lexicon, type LexiconState } from '../../text/bridge/lexicon.js';
import type { Archive } from './archive.js';

/**
 * English stems and glosses are bounded by the dictionary and stay in memory; the pinyin of the
 * corpus's n-grams grows with the archive (every name, every place), so it stays on disk.
 */
export class ArchiveLexicon extends Lexicon {
  constructor(
    state: Omit<LexiconState, 'pinyin'>,
    private readonly archive: Archive,
  ) {
    super({ ...state, pinyin: {} });
  }

  override byPinyin(key: string): string[] {
    const k = key.toLowerCase().replace(/[^a-z]/g, '');
    const out = new Set<string>();
    for (const s of this.archive.segments) for (const w of s.pinyin(k)) out.add(w);
    return [...out];
  }
}
