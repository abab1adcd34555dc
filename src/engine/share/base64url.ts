// base64url without padding (RFC 4648 §5), written out by hand: the engine runs in the browser, in a
// worker, in Node 20 (no Uint8Array.toBase64 there) and in the CLI, and must not lean on Buffer or btoa.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]! + ALPHABET[(v >>> 6) & 63]! + ALPHABET[v & 63]!;
    // Flush now and then: one huge string built by += is fine in V8, but joining parts keeps
    // memory predictable for multi-megabyte payloads.
    if (chunk.length >= 65536) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = n - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    chunk += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]!;
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]! + ALPHABET[(v >>> 6) & 63]!;
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes base64url. Trailing `=` padding is tolerated (some tools add it); any other character
 * outside the alphabet, or a length that no encoder produces, is an error: returns the message.
 */
export function fromBase64Url(text: string): Uint8Array | { error: string } {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) {
      const shown = JSON.stringify(String.fromCodePoint(text.codePointAt(i) ?? c));
      return { error: `it contains the character ${shown} at position ${i + 1}, which is not base64url` };
    }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  // Checked after the characters, so that a foreign character gets the more useful message.
  if (end % 4 === 1) return { error: 'its encoded length is impossible (it was probably cut off)' };
  return o === out.length ? out : out.subarray(0, o);
}
