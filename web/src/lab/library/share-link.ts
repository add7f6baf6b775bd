// A scenario carried in a link: deflate-raw (CompressionStream) then base64url in the URL hash, so the
// scenario never leaves the browser for a server. default.yaml (≈1.3 KB) becomes ≈ 900 characters.
async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeScenario(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The scenario text of a link's code, or an Error naming what is wrong with the link. */
export async function decodeScenario(code: string): Promise<string> {
  try {
    return new TextDecoder().decode(await pipe(fromBase64Url(code), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('the link does not carry a readable scenario (it may have been cut short)');
  }
}

export function shareUrl(code: string): string {
  return `${location.origin}${location.pathname}#/lab?scenario=${code}`;
}
