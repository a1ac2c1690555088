/**
 * A fetch that gives up after `ms`: Ollama's client has no timeout of its own, and a provider that
 * hangs must not hold a question or an ingest forever.
 */
export function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
