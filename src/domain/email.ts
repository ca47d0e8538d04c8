/**
 * E-mail addresses of initiatives: the syntax browsers accept in `<input type="email">`
 * (WHATWG HTML), plus a dotted domain, since an address from a public page always has one.
 */
import { accepted, quoted, refused, type FieldCheck } from './field-check';

const LOCAL_PART = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The domain in ASCII (a domain with accents, « café.fr », becomes its punycode), or null. */
function asciiDomain(domain: string): string | null {
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
}

/** Checks an address; the result has its domain in lower case. A `mailto:` prefix is dropped. */
export function checkEmail(raw: string): FieldCheck {
  const typed = raw.trim().replace(/^mailto:/i, '');
  const invalid = refused(`adresse e-mail invalide : ${quoted(raw.trim())}`);
  if (typed.length > 254 || /[\s\p{Cc}]/u.test(typed)) return invalid;
  const at = typed.lastIndexOf('@');
  if (at <= 0 || typed.indexOf('@') !== at) return invalid;
  const local = typed.slice(0, at);
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return invalid;
  const domain = /[^ -~]/.test(typed.slice(at + 1)) ? asciiDomain(typed.slice(at + 1)) : typed.slice(at + 1).toLowerCase();
  if (!domain) return invalid;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return invalid;
  return accepted(`${local}@${domain}`);
}

/** The `mailto:` link of a checked address (the address is URL-encoded, so it cannot add headers). */
export function emailHref(address: string): string {
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`;
}
