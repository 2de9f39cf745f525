// What `nianbao site` wrote into index.html (src/cli/site.ts): the portal's own title and the
// path the dashboard is served under. Read from <meta> (not from data) so the heading is right
// before any data has loaded. Null when the page is the plain build.
const meta = (name: string): string | null => {
  if (typeof document === 'undefined') return null;
  const v = document.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim();
  return v ? v : null;
};

export const siteTitle = (): string | null => meta('nianbao:title');
export const siteBase = (): string | null => meta('nianbao:base');
