// Parses the paste boxes away from the page's thread; see diagnose-parse.ts.
import { parseBoth, type PasteInput } from '../lib/inspect/parse-paste';

// The project's types are the page's (DOM); a worker's global scope needs only these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; input: PasteInput }>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => {
  const { id, input } = event.data;
  scope.postMessage({ id, output: parseBoth(input) });
};
