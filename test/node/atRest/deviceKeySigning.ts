import type { PublicKeys } from '@shared/package/keys';
import type { DeviceKeys } from '../../../renderer/src/sync/packages/deviceKeys';

/**
 * Signs `text` with the desk's loaded private signing key and verifies it with the public
 * half given: whether the key the store opened is the pair those public keys name.
 */
export async function signAndVerify(
  keys: DeviceKeys | null,
  publicKeys: PublicKeys,
  text = 'manifest',
): Promise<{ verified: boolean; signature: Uint8Array<ArrayBuffer> }> {
  if (!keys) return { verified: false, signature: new Uint8Array() };
  const data = new TextEncoder().encode(text);
  const signature = new Uint8Array(
    await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      keys.signing.privateKey as CryptoKey,
      data,
    ),
  );
  const verifyKey = await crypto.subtle.importKey(
    'spki',
    Buffer.from(publicKeys.signing, 'base64'),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  const verified = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    verifyKey,
    signature,
    data,
  );
  return { verified, signature };
}
