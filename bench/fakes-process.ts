// Starts bench/fakes.js in a child process and reads the first line it prints (where its servers listen).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export async function startFakes<T>(
  dir: string,
  latencyMs: number,
  size: string,
): Promise<T & { child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, 'fakes.js'), dir, String(latencyMs), size], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(buf.split('\n')[0]);
    });
    child.on('exit', (c) => reject(new Error(`fakes exited ${c}`)));
  });
  return { child, ...(JSON.parse(line) as T) };
}
