/** A bulletin's article, as parsed from one corpus file. Offsets index into `Paragraph.text`. */
export interface Article {
  /**
   * Stable id derived from the article's content (file name, headline and text), never from its
   * position: a re-ingest that adds or reorders files keeps every id, and a changed article gets a new one.
   */
  id: string;
  /** Main headline (the line that reads as the title). */
  title: string;
  /** Kicker / sub-headlines, in order. */
  subtitles: string[];
  /** Byline and credit lines (reporters, correspondents). */
  credits: string[];
  /** Body paragraphs, in order, with lines broken mid-sentence joined back. */
  paragraphs: Paragraph[];
  /** Photo captions found inside or next to the article. */
  captions: string[];
  /** True when the article continues from another page, e.g. `(上接A1版)`. */
  continued: boolean;
  /** Corpus file name (relative to the corpus folder). */
  source: string;
  /** The issue date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as given); undefined when unknown. */
  date?: string;
  /** Optional bulletin name from the file's front matter. */
  publication?: string;
}

/** One paragraph of an article: verbatim bulletin text after line repair. */
export interface Paragraph {
  /** 1-based paragraph number within the article. */
  n: number;
  text: string;
  /** `body` for article text, `caption` for a photo caption. */
  kind: 'body' | 'caption';
}

/** Where an issue date was read from: the file's front matter, its banner's date line, or its path. */
export type DateOrigin = 'front-matter' | 'banner' | 'path';

/** A parsed bulletin file. */
export interface Bulletin {
  source: string;
  /** The issue date, from the front matter, the banner's date line or the path, as precise as given. */
  date?: string;
  /** Where `date` was read from. */
  dateOrigin?: DateOrigin;
  /** For the operator: a date that cannot be read or lies in the future. */
  warning?: string;
  publication?: string;
  articles: Article[];
  /** Page banners and editor-credit lines recognised and kept out of articles. */
  furniture: string[];
}

/** A retrieval unit: a few consecutive sentences of one paragraph. */
export interface Chunk {
  /** `<article id>:p<paragraph>:<start>` */
  id: string;
  articleId: string;
  title: string;
  source: string;
  paragraph: number;
  /** Character offsets of the chunk in the paragraph text. */
  start: number;
  end: number;
  /** Verbatim text of the chunk. */
  text: string;
  /** The article's issue date, if known (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as given). */
  date?: string;
}

/** One quoted source shown with an answer. */
export interface Citation {
  n: number;
  articleId: string;
  title: string;
  /** Verbatim bulletin sentence(s). */
  quote: string;
  source: string;
  paragraph: number;
  /** The issue date of the quoted article (`YYYY-MM-DD`, or less precise); undefined when unknown. */
  date?: string;
}

/** Question language, as detected from its characters. */
export type Lang = 'zh' | 'en';

/** The result of answering a question. */
export interface Answer {
  question: string;
  lang: Lang;
  found: boolean;
  /** Short direct answer (< 200 characters), or a plain "not in the bulletin" message. */
  answer: string;
  citations: Citation[];
  /** Closest passages shown when `found` is false, labelled as such by front ends. */
  related?: Citation[];
  /** Confidence in [0, 1] used for abstention. */
  confidence: number;
  elapsedMs: number;
  /** Who wrote the answer text: the extractive answerer, or an LLM whose citations and figures were checked. */
  source?: 'extractive' | 'llm';
  /** Why an LLM answer was rejected (the extractive answer is shown instead), e.g. `unsupported-figure`. */
  fallback?: string;
  fallbackDetail?: string;
  /** Set when the vector search was skipped (a neural embeddings provider failed): keyword retrieval only. */
  vectorError?: string;
}

/** Claim-check verdicts. */
export type Verdict = 'supported' | 'contradicted' | 'not_found';

/** The result of checking a claim against the bulletin. */
export interface CheckResult {
  claim: string;
  lang: Lang;
  verdict: Verdict;
  answer: string;
  citations: Citation[];
  elapsedMs: number;
}
