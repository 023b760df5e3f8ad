/**
 * Runs keycheck.mjs as a customer does, `node keycheck.mjs ...`, in a child process. The file is
 * built from the current sources into a temporary folder first (scripts/cli-bundle.js), so these
 * tests need no earlier `vite build` and never test a stale dist/.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, CLI_FILE } from '../../../scripts/cli-bundle.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Builds keycheck.mjs into a new temporary folder; `remove` deletes the folder. */
export async function buildTemporaryCli(): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'keycheck-cli-'));
  await buildCli({ outDir: dir });
  return { file: join(dir, CLI_FILE), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * `node <file> ...args` with only PATH and `env` in the environment (none of the machine's own
 * REDISCLOUD_ variables), `stdin` written to its standard input, `nodeArgs` before the file.
 */
export function runCli(
  file: string,
  args: readonly string[],
  env: Record<string, string> = {},
  stdin = '',
  nodeArgs: readonly string[] = [],
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
