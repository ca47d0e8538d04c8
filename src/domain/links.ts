/** Schemes a link from the data may use; anything else (javascript:, data:, vbscript:…) is never followed. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** "www.example.fr" or "example.fr/page": a web address written without its scheme. */
const BARE_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::[0-9]{1,5})?(?:[/?#]|$)/i;

/**
 * The address to put in an href, or null when the text is not a safe external link.
 * Parsing follows the WHATWG URL rules the browser itself applies (spaces and control
 * characters around the value are dropped, tabs and newlines inside are removed, the
 * scheme is case-insensitive), so what is checked is what the browser would follow.
 */
export function safeExternalUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    if (!BARE_DOMAIN.test(text)) return null;
    try {
      url = new URL(`https://${text}`);
    } catch {
      return null;
    }
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return null;
  if ((url.protocol === 'mailto:' || url.protocol === 'tel:') && url.pathname.trim() === '') return null;
  return url.href;
}
