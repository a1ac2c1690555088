/** The answer span chosen in a sentence. */
import type { Mention } from '../../text/figures.js';
import type { ScoredSentence } from '../scorer.js';

/** The extracted answer: a span of a sentence, the clause around it, and how well it fits the question. */
export interface Extraction {
  sentence: ScoredSentence;
  /** The answer itself, verbatim from the sentence. */
  span: string;
  /** The clause around the span, verbatim, to show what the figure counts. */
  context: string;
  mention?: Mention;
  /** For a yes-no question: whether the sentence says yes. */
  yes?: boolean;
  /** Overall score: sentence coverage plus how well the span fits and binds. */
  score: number;
  /** 0–1: how well the span is of the asked kind. */
  fit: number;
}
