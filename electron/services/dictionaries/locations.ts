import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Folders where the operating system's packages or dictionary programs keep dictionaries. Linux:
 * dictd (Debian's dict-freedict-* packages) and StarDict; macOS: Homebrew's and MacPorts' prefixes;
 * Windows: StarDict/GoldenDict installs.
 */
export function systemDictionaryDirs(platform = process.platform, env = process.env): string[] {
  const home = homedir();
  if (platform === 'win32') {
    const programs = [env.ProgramFiles, env['ProgramFiles(x86)']].filter((p): p is string => Boolean(p));
    return [...programs.map((p) => join(p, 'StarDict', 'dic')), ...programs.map((p) => join(p, 'GoldenDict', 'content'))];
  }
  const unix = ['/usr/share/dictd', '/usr/share/stardict/dic', '/usr/local/share/dictd', '/usr/local/share/stardict/dic', join(home, '.stardict', 'dic')];
  if (platform === 'darwin') return [...unix, '/opt/homebrew/share/dictd', '/opt/local/share/dictd'];
  return unix;
}
