/** The request engine, fetched once, on first need. */
export type Engine = typeof import('./engine');

let engine: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  engine ??= import('./engine');
  return engine;
}
