// What a command may touch of its process: folder, environment, output streams and standard input.

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when standard output is a terminal (colours allowed). */
  stdoutIsTTY: boolean;
  /** Standard input's bytes: decoded by the loader with the checks every file gets (size, binary, encoding, BOM). */
  readStdin(): Promise<Uint8Array>;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => { process.stdout.write(t); },
    stderr: (t) => { process.stderr.write(t); },
    stdoutIsTTY: !!process.stdout.isTTY,
    readStdin: () => new Promise((resolvePromise, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => resolvePromise(Buffer.concat(chunks)));
      process.stdin.on('error', reject);
    }),
  };
}
