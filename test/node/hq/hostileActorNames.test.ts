import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@shared/records/ids';
import { registerResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { registerFamily } from '../../support/officeWork';
import { sync } from '../../support/syncDesks';
import { smallHome } from '../elderlyCare/elderlyFixtures';
import {
  cases,
  fieldsOf,
  Forge,
  forgerActors,
  hqCase,
  officeState,
  setUp,
  stopHostileOffice,
} from './hostileDeskKit';

/**
 * A record that names who wrote it names the account that pushed it
 * (shared/authority/actorStamp.ts): a hostile desk's case step whose history event names
 * the supervisor, and a resident's movement signed with a colleague's name, are refused
 * with `actor.name_not_actor` and change nothing; the same ops with the writer's own
 * name stand. A movement's name cannot be edited afterwards (`actor.name_fixed`).
 */
afterEach(stopHostileOffice);

describe.each(cases.filter((c) => c.mode === 'online'))(
  'names on records at HQ, $storage.kind',
  ({ storage, mode }) => {
    it('refuses a step event or a movement that names someone other than its writer', async () => {
      const office = await setUp(storage);
      const desk = office.honest;
      const family = await registerFamily(desk);
      const { institution, beds } = await smallHome(desk.db, desk.ctx);
      const resident = await registerResident(desk.db, desk.ctx, {
        person: { existingPersonId: family.household.headPersonId },
        fundingCategory: 'self_paying',
        emergencyContact: { name: '张女儿', relation: '女儿', phone: '13800000000' },
      });
      expect((await sync(desk)).rejected).toBe(0);
      const forge = new Forge(office, mode);
      await forge.start();
      const { registrar, supervisor } = forgerActors;

      // 提交 of a draft by the registrar, its history event signed 主管f1.
      const before = await officeState(office);
      const [step, event] = forge.step(
        office.draftId,
        1,
        { action: 'submit', from: 'draft', to: 'submitted' },
        registrar,
      );
      if (!step || !event) throw new Error('forge.step makes a step and its event');
      const signedByBoss = { ...event, fields: { ...event.fields, actorName: supervisor.name } };
      const refused = await forge.send([step, signedByBoss]);
      expect(fieldsOf(refused[0])).toEqual(['actorName:actor.name_not_actor']);
      // The event goes with its step: refused as part of a step HQ did not apply.
      expect(refused[1]?.status).toBe('rejected');
      expect(await officeState(office)).toEqual(before);
      expect((await hqCase(office, office.draftId)).data.status).toBe('draft');

      // A movement (入住) by the registrar, written as the supervisor's.
      const admit = (actorName: string) =>
        forge.op({
          kind: 'elderlyMovement',
          op: 'create',
          recordId: newRecordId(),
          baseVersion: 0,
          actor: registrar,
          fields: {
            residentId: resident.id,
            institutionId: institution.id,
            type: 'admit',
            date: '2026-03-01',
            bedId: beds.a.id,
            fromBedId: null,
            dischargeReason: null,
            destination: '',
            reversesId: null,
            reason: '',
            actorName,
            bedIds: [beds.a.id],
          },
        });
      expect(fieldsOf((await forge.send([admit(supervisor.name)]))[0])).toEqual([
        'actorName:actor.name_not_actor',
      ]);
      expect(await officeState(office)).toEqual(before);

      // The writer's own names: both stand.
      const honestMovement = admit(registrar.name);
      expect((await forge.send([honestMovement]))[0]?.status).toBe('applied');
      const [step2, event2] = forge.step(
        office.draftId,
        1,
        { action: 'submit', from: 'draft', to: 'submitted' },
        registrar,
      );
      if (!step2 || !event2) throw new Error('forge.step makes a step and its event');
      expect((await forge.send([step2, event2])).map((r) => r.status)).toEqual([
        'applied',
        'applied',
      ]);

      // Renamed afterwards: refused.
      const renamed = forge.op({
        kind: 'elderlyMovement',
        op: 'update',
        recordId: honestMovement.recordId,
        baseVersion: 1,
        actor: registrar,
        fields: { actorName: supervisor.name },
        reason: '改经办人',
      });
      expect(fieldsOf((await forge.send([renamed]))[0])).toEqual(['actorName:actor.name_fixed']);
    });
  },
);
