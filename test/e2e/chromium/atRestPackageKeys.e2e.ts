import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HqDatabase } from '../../../hq/src/db/database';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { addUser, completeFirstRun, logIn } from '../deskSession';
import { foundInFiles, openProfile, textNeedles, type Needle } from './profileScan';
import { readStore } from './deskPage';
import { startPageHq, type PageHq } from './pageHq';

/**
 * Issue #16 item 1, from the at-rest review: Chromium writes a stored WebCrypto key's
 * bytes into the profile, so the desk's package private keys live in a meta row the
 * at-rest middleware seals (db/atRest/sealedMetaKeys.ts). A supervisor enrolls the web
 * build with a real HQ on loopback (which makes the keys); the test reads the private
 * keys through the desk's own store access (the only one who may), closes the browser,
 * and scans every file of the on-disk profile for each key's `d` — raw, hex, base64 and
 * base64url — and for the HQ token: none is found, while clear data is (the control).
 * On the way, a logout is seen to lock the store again (the login offers the words).
 */
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const adminToken = 'e2e-admin-token-2026';

let hq: HqDatabase;
let served: PageHq | undefined;
let hqUrl = '';
let profile = '';

beforeAll(async () => {
  served = await startPageHq({ adminToken });
  ({ hq, url: hqUrl } = served);
});

afterAll(async () => {
  await served?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

const reopen = () => openProfile(profile);
const text = textNeedles;
const foundInProfile = (needles: Needle[]) => foundInFiles(profile, needles);

/**
 * A private key's `d` (its 32 secret bytes) in every form it could be stored in: raw (a
 * stored CryptoKey's PKCS #8), hex, and the first 40 characters of its base64 and
 * base64url (inside a PKCS #8 in base64, d starts on a 3-byte boundary; in a JWK it is
 * base64url).
 */
async function needlesOfPrivateKey(label: string, pkcs8Base64: string): Promise<Needle[]> {
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    Buffer.from(pkcs8Base64, 'base64'),
    { name: 'ECDSA', namedCurve: 'P-256' },
    true,
    ['sign'],
  );
  const jwk = await webcrypto.subtle.exportKey('jwk', key);
  const d = Buffer.from(jwk.d ?? '', 'base64url');
  expect(d.length).toBe(32);
  expect(pkcs8Base64).toContain(d.toString('base64').slice(0, 40)); // the form stored plain
  return [
    { label: `${label} raw`, bytes: d },
    ...text(`${label} hex`, d.toString('hex')),
    ...text(`${label} base64`, d.toString('base64').slice(0, 40)),
    ...text(`${label} base64url`, d.toString('base64url').slice(0, 40)),
  ];
}

interface MetaRow {
  key: string;
  value: unknown;
}

it('leaves no package private key and no HQ token in the closed profile', async () => {
  profile = await mkdtemp(join(tmpdir(), 'desk-at-rest-keys-'));
  const { context, page } = await reopen();
  await completeFirstRun(page);
  await logIn(page);
  await addUser(page, supervisor, '主管');
  // A logout locks the browser's store again: the login offers the recovery words.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: /使用恢复密钥/ }).waitFor();
  if (process.env.DESK_SCREENSHOTS) {
    await page.screenshot({
      path: `${process.env.DESK_SCREENSHOTS}/at-rest-login-after-logout.png`,
    });
  }
  await logIn(page, supervisor);

  // Enrolling makes the desk's package keys and sends their public halves to HQ.
  await page.getByRole('button', { name: '设置' }).first().click();
  await page.getByRole('button', { name: '县局连接' }).click();
  await page.getByLabel('县局地址').fill(hqUrl);
  await page.getByLabel('接入码').fill(await createEnrollmentCode(hq.db, '330102001', new Date()));
  await page.getByRole('button', { name: '接入', exact: true }).click();
  await page.getByTestId('enroll-done').waitFor();
  await expect.poll(() => page.getByTestId('queued-count').innerText()).toBe('0');

  // Only the test reads them: through the desk's own store access, opened by a password.
  const meta = await readStore<MetaRow>(page, 'meta', supervisor);
  const valueOf = (key: string) => meta.find((row) => row.key === key)?.value;
  const packageKeys = valueOf('packageKeys') as {
    privateKeys: { signing: string; encryption: string };
  };
  const credential = valueOf('syncWebCredential') as { token: string };
  const deviceId = String(valueOf('deviceId'));
  expect(credential.token.length).toBeGreaterThan(20);
  const secrets = [
    ...(await needlesOfPrivateKey('signing d', packageKeys.privateKeys.signing)),
    ...(await needlesOfPrivateKey('encryption d', packageKeys.privateKeys.encryption)),
    ...text('HQ token', credential.token.split('.').pop() ?? credential.token),
  ];
  await context.close();

  const found = await foundInProfile([
    ...secrets,
    ...text('control: office name', '城关镇民政办'),
    ...text('control: device id', deviceId),
  ]);
  // The control: clear data is found, so the scan reads the stored bytes.
  expect(found).toContain('control: office name');
  expect(found).toContain('control: device id');
  expect(found.filter((label) => !label.startsWith('control'))).toEqual([]);
});
