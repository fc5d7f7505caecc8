/**
 * A Node Buffer (a file read, a request body) as the plain byte view the package codec
 * takes, without copying: a package may be hundreds of megabytes.
 */
export function asBytes(buffer: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}
