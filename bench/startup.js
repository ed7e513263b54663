// Startup times of the `vdl` command (run `npm run build` first, then `node bench/startup.js [--runs N]`).
//
// Measures, as a user waits for them: `vdl --version`, `vdl --help`, `vdl run -e 'print 1;'`, and the
// interactive REPL's first prompt (`vdl repl` on a pseudo-terminal made by python3's pty module: the
// time until "vdl>" is drawn). Also the imports that dominate them, each in a fresh node: node alone,
// chevrotain (as its package loads it: lib/src with lodash-es, file by file, and its single-file
// bundle lib/chevrotain.mjs for comparison), the grammar (chevrotain plus the parser's construction,
// grammar/parser.ts's self-analysis), ink and react. Each figure is the median of --runs wall-clock
// runs (default 5) with the user+system CPU seconds of that run; on a shared machine the CPU time is
// the steadier of the two.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;

/** Wall and CPU seconds of a command, read from GNU time's output (-f "%e %U %S"). */
function timed(args, options = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', ...args], { cwd: root, encoding: 'utf8', ...options });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no timing for ${args.join(' ')}: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

/** Seconds until the REPL draws its prompt on a pseudo-terminal (python3's pty), then Ctrl-D. */
const PTY = `
import fcntl, os, pty, struct, sys, termios, time, select
start = time.time()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 100, 0, 0))
    os.execvp(sys.argv[1], sys.argv[1:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 100, 0, 0))
seen = b''
while b'vdl>' not in seen:
    r, _, _ = select.select([fd], [], [], 30)
    if not r:
        break
    try:
        seen += os.read(fd, 4096)
    except OSError:
        break
elapsed = time.time() - start
os.write(fd, b'\\x04')
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
print('%.3f' % elapsed if b'vdl>' in seen else 'none')
`;

function promptSeconds() {
  const r = spawnSync('python3', ['-c', PTY, process.execPath, 'bin/vdl.js', 'repl'], { cwd: root, encoding: 'utf8', env: { ...process.env, TERM: 'xterm-256color', HOME: process.env.HOME ?? '/tmp' } });
  const s = r.stdout.trim();
  if (s === 'none' || s === '') throw new Error(`the REPL drew no prompt: ${r.stderr}`);
  return { wall: Number(s), cpu: NaN };
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a.wall - b.wall);
  return sorted[Math.floor(sorted.length / 2)];
}

const node = process.execPath;
const imports = (spec) => [node, '--input-type=module', '-e', `await import(${JSON.stringify(spec)})`];
const cases = [
  ['node -e 0 (Node itself)', () => timed([node, '-e', '0'])],
  ['import chevrotain (lib/src, lodash-es)', () => timed(imports('chevrotain'))],
  ['import chevrotain/lib/chevrotain.mjs (one file)', () => timed(imports(join(root, 'node_modules/chevrotain/lib/chevrotain.mjs')))],
  ['import grammar/parser (chevrotain + construction)', () => timed(imports(join(root, 'dist/grammar/parser.js')))],
  ['import ink', () => timed(imports('ink'))],
  ['vdl --version', () => timed([node, 'bin/vdl.js', '--version'])],
  ['vdl --help', () => timed([node, 'bin/vdl.js', '--help'])],
  ["vdl run -e 'print 1;'", () => timed([node, 'bin/vdl.js', 'run', '-e', 'print 1;'])],
  ['vdl repl: first prompt (pty)', promptSeconds],
];

console.log(`startup, median of ${runs} runs; ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| what | wall s | cpu s |');
console.log('|---|---|---|');
for (const [name, measure] of cases) {
  let m;
  try {
    m = median(Array.from({ length: runs }, measure));
  } catch (e) {
    console.log(`| ${name} | failed: ${e.message.split('\n')[0]} | |`);
    continue;
  }
  console.log(`| ${name} | ${m.wall.toFixed(2)} | ${Number.isNaN(m.cpu) ? '' : m.cpu.toFixed(2)} |`);
}
