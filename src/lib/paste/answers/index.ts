/**
 * The answer readers, in detection order: what each tool prints as the answer or as its failure
 * (FACTS.md, "What customers paste as the answer"). The registry in `../readers.ts` lists them.
 * The most telling formats come first: an error line that names its tool wins over words any
 * tool could print.
 */
import type { AnswerReader } from '../reader';
import { curlAnswer } from './curl';
import { httpieAnswer } from './httpie';
import { javascriptAnswer } from './javascript';
import { powershellAnswer, powershellObject } from './powershell';
import { printedAnswer } from './printed';
import { pythonAnswer } from './python';
import { redisctlAnswer } from './redisctl';
import { terraformAnswer } from './terraform';
import { wgetAnswer } from './wget';

export const ANSWER_READERS: readonly AnswerReader[] = [
  curlAnswer,
  powershellAnswer,
  pythonAnswer,
  javascriptAnswer,
  terraformAnswer,
  redisctlAnswer,
  wgetAnswer,
  httpieAnswer,
  powershellObject,
  printedAnswer,
];
