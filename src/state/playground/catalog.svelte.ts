import type { Operation, OperationMatch } from '../../lib/api/catalog';

/** The catalog functions the Playground uses; they arrive with the request engine. */
export interface CatalogApi {
  matchOperation(method: string, path: string): OperationMatch | undefined;
  searchOperations(query: string): Operation[];
  operationsByTag(): ReadonlyMap<string, readonly Operation[]>;
}

export interface OperationGroup {
  tag: string;
  operations: readonly Operation[];
}

/**
 * The endpoint catalog, loaded on first need (it is most of the request engine's weight), and
 * the picker's search. Until it has loaded, nothing matches and the picker lists nothing.
 */
export class EndpointCatalog {
  query = $state('');
  #api = $state.raw<CatalogApi | null>(null);
  #loading: Promise<void> | null = null;
  #failed = $state(false);
  #load: () => Promise<CatalogApi>;

  constructor(load: () => Promise<CatalogApi>) {
    this.#load = load;
  }

  get loaded(): boolean {
    return this.#api !== null;
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Starts loading once; later calls return the same promise. */
  load(): Promise<void> {
    this.#loading ??= this.#load().then(
      (api) => {
        this.#api = api;
      },
      () => {
        this.#failed = true;
        this.#loading = null;
      },
    );
    return this.#loading;
  }

  match(method: string, path: string): OperationMatch | undefined {
    return this.#api?.matchOperation(method, path);
  }

  /** The search's hits grouped by tag, tags in order of their best hit; all of them when empty. */
  get groups(): OperationGroup[] {
    const api = this.#api;
    if (!api) return [];
    if (this.query.trim() === '') {
      return [...api.operationsByTag()].map(([tag, operations]) => ({ tag, operations }));
    }
    const groups: { tag: string; operations: Operation[] }[] = [];
    for (const operation of api.searchOperations(this.query)) {
      const group = groups.find((g) => g.tag === operation.tag);
      if (group) group.operations.push(operation);
      else groups.push({ tag: operation.tag, operations: [operation] });
    }
    return groups;
  }

  get count(): number {
    return this.groups.reduce((n, g) => n + g.operations.length, 0);
  }
}
