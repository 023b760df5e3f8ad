/**
 * The answer readers, in detection order: what each tool prints as the answer or as its failure
 * (FACTS.md, "What customers paste as the answer"). The registry in `../readers.ts` lists them.
 */
import type { AnswerReader } from '../reader';

export const ANSWER_READERS: readonly AnswerReader[] = [];
