/*
 * The registry of readers, in detection order (DESIGN.md, "Reading a paste"): the first strong
 * match wins; a weak match (a command word inside other text) counts only when no strong one
 * follows. Adding a format is one file, one line here and one folder of samples.
 */
import { ANSWER_READERS } from './answers';
import { curlReader } from './curl';
import { curlVerboseReader } from './curl-verbose';
import { insomniaReader, postmanReader } from './collections';
import { harReader } from './har';
import { httpReader } from './http';
import { httpieReader } from './httpie';
import { javascriptReader } from './javascript';
import { powershellReader } from './powershell';
import { pythonReader } from './python';
import type { Match, Reader, RequestReader } from './reader';
import { redisctlReader } from './redisctl';
import { terraformProviderReader } from './terraform-provider';
import { goClientReader, redisInsightReader, terraformLogReader } from './tool-logs';
import { wgetReader } from './wget';

export const REQUEST_READERS: readonly RequestReader[] = [
  postmanReader,
  insomniaReader,
  harReader,
  terraformLogReader,
  redisInsightReader,
  goClientReader,
  terraformProviderReader,
  redisctlReader,
  curlReader,
  curlVerboseReader,
  httpReader,
  powershellReader,
  pythonReader,
  javascriptReader,
  httpieReader,
  wgetReader,
];

export { ANSWER_READERS };

export const READERS: readonly Reader[] = [...REQUEST_READERS, ...ANSWER_READERS];

/** The reader that takes `text`: the first strong match, else the first weak one. */
export function detectReader<R extends Reader>(
  text: string,
  readers: readonly R[],
): { reader: R; match: Match } | null {
  let weak: { reader: R; match: Match } | null = null;
  for (const reader of readers) {
    const match = reader.detect(text);
    if (!match) continue;
    if (!match.weak) return { reader, match };
    weak ??= { reader, match };
  }
  return weak;
}
