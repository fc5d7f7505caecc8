/** A desk's access-chain key and an entry's seal: 32 bytes as lower-case hex. */
export const chainKeyPattern = /^[0-9a-f]{64}$/;
export const sealPattern = /^[0-9a-f]{64}$/;
