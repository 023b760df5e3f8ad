// Runs the whole Diagnose pipeline away from the page's thread; see paste-worker.ts.
import { diagnosePaste, type DiagnoseInput } from '../lib/inspect/diagnose-paste';

// The project's types are the page's (DOM); a worker's global scope needs only these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; input: DiagnoseInput }>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => {
  const { id, input } = event.data;
  diagnosePaste(input).then(
    (output) => scope.postMessage({ id, output }),
    // The error's own words may quote the paste: only that it failed crosses back.
    () => scope.postMessage({ id, failed: true }),
  );
};
