// Command-line inputs → the set of files to parse (issue: nothing doubled, nothing hangs).
//   - every file a folder holds is listed (hidden entries skipped); what it is decides src/ingest
//   - real paths: a file named twice, or reached through a link and its folder, is parsed once
//   - a symbolic link to a folder that contains it (`self -> .`) is a failed row, never followed;
//     a folder reached twice through links is walked once
//   - FIFOs, sockets and devices are refused from their lstat/stat and never opened (opening a
//     FIFO blocks forever); a missing path and an unreadable folder get their own reasons
// Ids: src/ingest/ids.ts (the same rule as the browser import).
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { assignReportIds, type Refusal } from '../ingest';
import { cannotRead, type FileJob } from './parse-file';

const slash = (p: string) => p.split(path.sep).join('/');

function special(st: Stats): Refusal | null {
  const what = st.isFIFO() ? ['命名管道（FIFO）', 'a named pipe (FIFO)'] : st.isSocket() ? ['套接字', 'a socket']
    : st.isCharacterDevice() || st.isBlockDevice() ? ['设备文件', 'a device'] : st.isFile() || st.isDirectory() ? null : ['特殊文件', 'a special file'];
  return what && { reason: 'special-file', messageZh: `这是${what[0]}，不是普通文件：未打开`, messageEn: `This is ${what[1]}, not a regular file: not opened` };
}

const loop = (target: string): Refusal => ({
  reason: 'symlink-loop',
  messageZh: `符号链接指向包含它的文件夹（${target}），形成循环：未跟随`,
  messageEn: `A symbolic link to a folder that contains it (${target}): a loop, not followed`,
});

const unreadableFolder = (e: unknown): Refusal => ({
  reason: 'unreadable',
  messageZh: `无法读取文件夹（${(e as NodeJS.ErrnoException).code ?? '错误'}）：其中的文件未列出，请检查权限`,
  messageEn: `Cannot read the folder (${(e as NodeJS.ErrnoException).code ?? 'error'}): its files are not listed; check its permissions`,
});

export function collectJobs(inputs: string[]): FileJob[] {
  const found: { path: string; sourceFile: string; refusal?: Refusal }[] = [];
  const seenFiles = new Set<string>();
  const walkedDirs = new Set<string>();
  const addFile = (full: string, sourceFile: string, st: Stats) => {
    const refusal = special(st);
    if (refusal) { found.push({ path: full, sourceFile, refusal }); return; }
    let real: string;
    try { real = realpathSync(full); } catch { real = path.resolve(full); }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    found.push({ path: full, sourceFile });
  };
  const walk = (root: string, dir: string, ancestors: string[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    } catch (e) {
      found.push({ path: dir, sourceFile: slash(path.relative(root, dir)) || path.basename(dir), refusal: unreadableFolder(e) });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      const sourceFile = slash(path.relative(root, full));
      let st: Stats;
      try { st = e.isSymbolicLink() ? statSync(full) : lstatSync(full); } catch (err) {
        found.push({ path: full, sourceFile, refusal: cannotRead(err) }); // e.g. a link to nothing
        continue;
      }
      if (st.isDirectory()) {
        let real: string;
        try { real = realpathSync(full); } catch (err) { found.push({ path: full, sourceFile, refusal: unreadableFolder(err) }); continue; }
        if (ancestors.includes(real)) { found.push({ path: full, sourceFile, refusal: loop(slash(path.relative(root, real)) || '.') }); continue; }
        if (walkedDirs.has(real)) continue; // reached before through another link: its files are listed
        walkedDirs.add(real);
        walk(root, full, [...ancestors, real]);
      } else addFile(full, sourceFile, st);
    }
  };
  for (const input of inputs) {
    let st: Stats;
    try { st = statSync(input); } catch (err) {
      found.push({ path: input, sourceFile: namedFile(input), refusal: cannotRead(err) });
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try { real = realpathSync(input); } catch { real = path.resolve(input); }
      if (walkedDirs.has(real)) continue;
      walkedDirs.add(real);
      walk(input, input, [real]);
    } else addFile(input, namedFile(input), st);
  }
  const ids = assignReportIds(found.map((f) => f.sourceFile));
  return found.map((f, i) => ({ ...f, reportId: ids[i]! }));
}

/** source_file of a file named on the command line: its path as given when that stays inside the
 * working folder, else its name alone — reports.csv is published by `nianbao site`, and an
 * absolute path would show the machine's folders. */
function namedFile(input: string): string {
  const rel = slash(path.normalize(input));
  return path.isAbsolute(rel) || rel.startsWith('../') || rel === '..' ? path.basename(input) : rel;
}
