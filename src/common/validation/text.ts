/**
 * Rules every piece of client text obeys, whatever field it lands in. They run before any
 * transform or validator sees the input, so nothing that breaks them reaches a handler or
 * the database.
 */

/** Deeper than any body the API takes (three levels at most), far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` opens more than `max` arrays or objects inside each other. A scan of the raw
 * text, so that a hostile body costs one pass and never a deep recursion.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** In `u` mode a surrogate pair is one code point: this matches only unpaired halves. */
const LONE_SURROGATE = /\p{Cs}/u;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a body, or null when its bytes are not well-formed UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * What is wrong with the text in `value` (every string and key, at any depth), or null.
 * Lone UTF-16 surrogates (from `\ud800` escapes) cannot be stored or compared as text;
 * PostgreSQL cannot store NUL.
 */
export function illFormedText(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return 'Text must be well-formed Unicode (no lone surrogates)';
    if (value.includes('\0')) return 'Text must not contain NUL characters';
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_JSON_DEPTH) return 'Input is nested too deeply';
  for (const [key, item] of Object.entries(value)) {
    const problem = illFormedText(key, depth + 1) ?? illFormedText(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}
