import { describe, expect, it } from 'vitest';
import { idCardReadingSchema, type IdCardReading } from '../../../shared/identity/idCardReading';
import {
  compareCard,
  takableFields,
  takeFromCard,
} from '../../../renderer/src/idCard/cardComparison';
import {
  emptyMember,
  type MemberDraft,
} from '../../../renderer/src/screens/registry/householdForm';
import { residentIdOf } from '../../support/fakeIdCardReader';

const today = '2026-12-05';
const cardId = residentIdOf('33010219600504013');

const card: IdCardReading = {
  name: '张三丰',
  sex: 'male',
  nation: '汉',
  birthDate: '1960-05-04',
  address: '浙江省杭州市上城区城关镇东村3组12号',
  idNumber: cardId,
  issuer: '杭州市公安局上城分局',
  validFrom: '2015-06-01',
  validTo: null,
  photo: null,
};

const registered = (patch: Partial<MemberDraft> = {}): MemberDraft => ({
  ...emptyMember('self'),
  name: '张三丰',
  idNumber: cardId,
  sex: 'male',
  birthDate: '1960-05-04',
  hukouAddress: '浙江省杭州市上城区城关镇东村3组12号',
  ...patch,
});

const row = (m: MemberDraft, field: string) => compareCard(card, m).find((r) => r.field === field);

describe('what the card said against what the form has', () => {
  it('a registry that agrees shows no difference and nothing to take', () => {
    const rows = compareCard(card, registered());
    expect(rows.map((r) => r.field)).toEqual([
      'name',
      'idNumber',
      'sex',
      'birthDate',
      'address',
      'nation',
    ]);
    expect(rows.filter((r) => r.differs)).toEqual([]);
    expect(takableFields(rows)).toEqual([]);
  });

  it('marks a different name and address; spaces and a lower-case x are no difference', () => {
    const m = registered({ name: '张三峰', hukouAddress: '城关镇 东村3组12号' });
    expect(row(m, 'name')).toMatchObject({ card: '张三丰', form: '张三峰', differs: true });
    expect(row(m, 'address')?.differs).toBe(true);
    const spaced = registered({ hukouAddress: '浙江省杭州市上城区城关镇东村3组 12号　' });
    expect(row(spaced, 'address')?.differs).toBe(false);
  });

  it('a different number differs, and so do the sex and birth date it says', () => {
    const other = residentIdOf('33010219620815024');
    const rows = compareCard(card, registered({ idNumber: other }));
    expect(rows.filter((r) => r.differs).map((r) => r.field)).toEqual([
      'idNumber',
      'sex',
      'birthDate',
    ]);
    // Sex and birth date follow the form's valid number: only the number can be taken.
    expect(takableFields(rows)).toEqual(['idNumber']);
  });

  it('empty form fields are no difference but can be taken', () => {
    const rows = compareCard(card, emptyMember('self'));
    expect(rows.filter((r) => r.differs)).toEqual([]);
    expect(takableFields(rows)).toEqual(['name', 'idNumber', 'sex', 'birthDate', 'address']);
  });

  it('the nation is shown but never compared or taken: the registry keeps none', () => {
    expect(row(registered(), 'nation')).toEqual({
      field: 'nation',
      card: '汉',
      form: null,
      differs: false,
      takable: false,
    });
  });
});

describe('taking the card’s values into the form', () => {
  it('one field at a time leaves the others as they were', () => {
    const m = registered({ name: '张三峰', hukouAddress: '东村' });
    const taken = takeFromCard(m, card, ['name'], today);
    expect(taken.name).toBe('张三丰');
    expect(taken.hukouAddress).toBe('东村');
  });

  it('all at once makes the form agree with the card', () => {
    const m = registered({
      name: '张三峰',
      idNumber: residentIdOf('33010219620815024'),
      sex: 'female',
      birthDate: '1962-08-15',
      sexFromId: true,
      birthFromId: true,
      hukouAddress: '东村',
    });
    const taken = takeFromCard(m, card, takableFields(compareCard(card, m)), today);
    expect(compareCard(card, taken).filter((r) => r.differs || r.takable)).toEqual([]);
    expect(taken).toMatchObject({
      name: '张三丰',
      idNumber: cardId,
      sex: 'male',
      birthDate: '1960-05-04',
      hukouAddress: card.address,
    });
    // Everything else of the row is the user's, untouched.
    expect(taken.key).toBe(m.key);
  });

  it('taking the number into an empty row fills the sex and birth date it implies', () => {
    const taken = takeFromCard(emptyMember('self'), card, ['idNumber'], today);
    expect(taken).toMatchObject({ sex: 'male', birthDate: '1960-05-04', sexFromId: true });
  });
});

describe('the reading is checked again as it reaches the renderer', () => {
  it.each<[string, Partial<Record<keyof IdCardReading, unknown>>]>([
    ['an unknown sex', { sex: 'M' }],
    ['a date that is no date', { birthDate: '1960-02-30' }],
    ['a number of 17 characters', { idNumber: cardId.slice(1) }],
    ['a photo of another type', { photo: { mime: 'image/svg+xml', base64: 'PHN2Zy8+' } }],
    ['an empty name', { name: '' }],
  ])('refuses %s', (_what, patch) => {
    expect(idCardReadingSchema.safeParse({ ...card, ...patch }).success).toBe(false);
  });

  it('accepts the card as the main process sends it', () => {
    expect(idCardReadingSchema.parse(card)).toEqual(card);
  });
});
