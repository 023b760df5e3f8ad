import type { SentRequest } from '../core/exchange';
import type { PastedRequest, VariableUse } from './result';

/**
 * The variables the customer's shell expanded, one entry per name, in the order they appear:
 * what the UI asks the user to type (or to compare by fingerprint).
 */
export function expandedVariables(candidate: PastedRequest): VariableUse[] {
  const seen = new Set<string>();
  return candidate.variables.filter((v) => {
    if (v.handling !== 'expanded-by-shell' || seen.has(v.name)) return false;
    seen.add(v.name);
    return true;
  });
}

/**
 * The request with the values the user typed put where the shell expanded a variable. Names
 * missing from `values` keep their written form (`$ACCOUNT_KEY`); variables sent literally are
 * never replaced: the server received that text.
 */
export function fillVariables(
  candidate: PastedRequest,
  values: Readonly<Record<string, string>>,
): SentRequest {
  const { request } = candidate;
  const fill = (text: string, uses: VariableUse[]): string => {
    // From the end backwards, so that earlier offsets stay right.
    let out = text;
    for (const v of [...uses].sort((a, b) => b.start - a.start)) {
      const value = Object.hasOwn(values, v.name) ? values[v.name] : undefined;
      if (value === undefined || v.handling !== 'expanded-by-shell') continue;
      if (out.slice(v.start, v.start + v.written.length) !== v.written) continue;
      out = out.slice(0, v.start) + value + out.slice(v.start + v.written.length);
    }
    return out;
  };
  const where = (place: VariableUse['in'], index?: number) =>
    candidate.variables.filter(
      (v) => v.in === place && (index === undefined || v.headerIndex === index),
    );
  return {
    method: request.method,
    url: fill(request.url, where('url')),
    headers: request.headers.map((h, index) => ({
      name: h.name,
      value: fill(h.value, where('header', index)),
    })),
    ...(request.body !== undefined ? { body: fill(request.body, where('body')) } : {}),
  };
}
