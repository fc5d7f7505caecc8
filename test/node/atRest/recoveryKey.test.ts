import { describe, expect, it } from 'vitest';
import { newRecoveryWords, normalizeWords, recoveryKeyPair } from '@shared/backup/recoveryKey';
import { unlockWithRecoveryWords } from '../../../renderer/src/db/atRest/recoveryWrap';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import {
  confirmRecoveryKey,
  loadRecoveryKey,
} from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { openOfficeDesk } from '../../support/syncDesks';
import { registerNth, typedBack } from '../backup/backupFixtures';
import { withLockedStore } from './rawStore';

/** Issue #16 item 1: the office recovery key opens the store, and cannot be swapped. */
describe('the data key wrapped for the office recovery key', () => {
  it('the 24 words open a store no password and no OS key store opens; other words do not', async () => {
    const desk = await openOfficeDesk('office-rk', 'R1');
    const person = await registerNth(desk.db, desk.ctx, 0);
    const words = newRecoveryWords();
    await confirmRecoveryKey(desk.db, desk.as('supervisor'), words, typedBack(words));
    desk.db.close();
    await withLockedStore(desk.db.name, async (locked) => {
      await locked.open();
      expect(locked.atRest.keys).toBeNull();
      expect(await unlockWithRecoveryWords(locked, newRecoveryWords())).toBe(false);
      expect(locked.atRest.keys).toBeNull();
      expect(await unlockWithRecoveryWords(locked, words)).toBe(true);
      expect((await locked.persons.get(person.id))?.name).toBe(person.name);
    });
  });

  it('a recovery key row swapped in the profile (an attacker’s own public key) is ignored: no backup is sealed for it', async () => {
    const desk = await openOfficeDesk('office-rk2', 'R2');
    await registerNth(desk.db, desk.ctx, 0);
    const supervisor = desk.as('supervisor');
    const words = newRecoveryWords();
    await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
    expect(await loadRecoveryKey(desk.db)).not.toBeNull();

    // The attacker writes meta directly (no data key): their public key, the old pin or none.
    const theirs = await recoveryKeyPair(newRecoveryWords());
    const row = await desk.db.meta.get('backupRecoveryKey');
    const value = row?.value as Record<string, unknown>;
    await desk.db.meta.put({
      key: 'backupRecoveryKey',
      value: { ...value, publicKey: theirs.publicKey },
    });
    expect(await loadRecoveryKey(desk.db)).toBeNull();
    const { pin: _pin, ...unpinned } = value;
    await desk.db.meta.put({
      key: 'backupRecoveryKey',
      value: { ...unpinned, publicKey: theirs.publicKey },
    });
    expect(await loadRecoveryKey(desk.db)).toBeNull();
    await expect(makeBackup(desk.db, supervisor)).rejects.toThrow();
  });

  it('the first administrator sets it up at first run; a registrar may not, and writes nothing', async () => {
    const desk = await openOfficeDesk('office-rk3', 'R3');
    const words = newRecoveryWords();
    await expect(
      confirmRecoveryKey(desk.db, desk.as('registrar'), words, typedBack(words)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await loadRecoveryKey(desk.db)).toBeNull();
    const stored = await confirmRecoveryKey(
      desk.db,
      desk.as('admin', '赵管理'),
      words,
      typedBack(words),
    );
    expect(stored.setBy).toBe('赵管理');
    expect((await loadRecoveryKey(desk.db))?.publicKey).toBe(stored.publicKey);
  });

  it('takes the words as written on paper: run together, or separated by any space or comma', () => {
    const words = newRecoveryWords();
    const expected = [...words];
    expect(normalizeWords(words.join(''))).toEqual(expected);
    expect(
      normalizeWords(` ${words.slice(0, 12).join('　')}，${words.slice(12).join('、')}\n`),
    ).toEqual(expected);
    expect(normalizeWords(words.slice(0, 6).join('') + ' ' + words.slice(6).join(' '))).toEqual(
      expected,
    );
  });
});
