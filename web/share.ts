// The shareable link: the script travels in the URL's fragment (`#code=<base64url of UTF-8>`), so
// sharing needs no server and the script never leaves the browser until the link is sent.
const PREFIX = '#code=';

export function encodeScript(source: string): string {
  const bytes = new TextEncoder().encode(source);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The script in a fragment made by encodeScript, or null when there is none (or it is damaged). */
export function decodeScript(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    const b64 = hash.slice(PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
