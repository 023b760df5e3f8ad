/** The request engine, fetched once, on first need. */
export type Engine = typeof import('./engine');

let engine: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  engine ??= import('./engine').catch((error: unknown) => {
    // A failed load (offline, a new version replaced the files) must not stick: try again next time.
    engine = undefined;
    throw error;
  });
  return engine;
}
