/** The bulletin shipped in corpus/, the only corpus tests rely on. */
export const SEED = 'corpus/nantong-bulletin-2020-02.txt';
