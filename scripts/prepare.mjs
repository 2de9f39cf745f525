// `prepare` (run by npm ci / npm install in a checkout): builds the `nianbao` command and the
// app it publishes (npm run build:package). With --omit=dev there is no vite to build with; then
// the already built dist-cli/ and dist-app/ (a copied or packed checkout) are used as they are.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url);
if (!existsSync(new URL('node_modules/vite/package.json', root))) {
  const built = existsSync(new URL('dist-cli/main.js', root)) && existsSync(new URL('dist-app/index.html', root));
  process.stderr.write(built
    ? 'nianbao: dev dependencies not installed; using the built dist-cli/ and dist-app/\n'
    : 'nianbao: dev dependencies not installed and dist-cli/ is not built; `nianbao` needs `npm install` (with dev dependencies) once, or the packed package\n');
  process.exit(0);
}
execSync('npm run build:package', { stdio: 'inherit', cwd: root });
