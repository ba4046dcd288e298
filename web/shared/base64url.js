// UTF-8 text as base64url (RFC 4648 section 5, no padding) and back: how an imported CSV travels
// in a link's hash (state.js). Pure: usable on both threads.

/** Text as base64url. */
export function base64urlFromText(text) {
  const bytes = new TextEncoder().encode(text);
  const chunks = [];
  // String.fromCharCode takes its bytes as arguments: a chunk at a time keeps under the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(chunks.join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of base64url; a bad encoding (or bytes that are not UTF-8) throws. */
export function textFromBase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
