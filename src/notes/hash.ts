/** SHA-256 of a string's UTF-8 bytes as lower-case hex (Web Crypto; also on Node ≥ 19 as globalThis.crypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
