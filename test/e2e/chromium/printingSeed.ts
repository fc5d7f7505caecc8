import { residentIdCheckChar } from '../../../shared/identity/residentId';

/**
 * Records for the printing e2e, as a pull from HQ would store them (envelope and all):
 * 45 低保 households in three villages paid from June (a roster of more than one page),
 * and two 特困 persons with this month's roll approved. Written into IndexedDB before
 * the app reads them (then the page is reloaded), since Dexie's live queries do not see
 * a write made behind their back.
 */
export const officeId = '330102001';

const id = (first17: string) => first17 + residentIdCheckChar(first17);
const at = '2026-06-01T01:00:00.000Z';
const meta = (recordId: string) => ({
  id: recordId,
  officeId,
  version: 1,
  hlc: `${at}-0000-hq`,
  createdAt: at,
  createdBy: 'hq',
  updatedAt: at,
  updatedBy: 'hq',
  deleted: false,
  hqVersion: 1,
});

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
];
const given = ['建国', '秀兰', '德明'];
export const villages = ['东村', '西村', '南村'];

function person(pid: string, name: string, idNumber: string, householdId: string) {
  return {
    ...meta(pid),
    name,
    idType: 'resident',
    idNumber,
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    phone: '',
    hukouType: 'rural',
    hukouAddress: '',
    currentAddress: '',
    disabilityGrade: 0,
    disabilityType: null,
    disabilityCertNo: '',
    seriousIllness: false,
    illnessNote: '',
    workCapacity: 'partial',
    student: false,
    householdId,
    diedOn: null,
    searchTokens: [name],
    idTails: [idNumber.slice(-4), idNumber.slice(-6)],
  };
}

function assistanceCase(
  caseId: string,
  programme: 'dibao' | 'tekun',
  head: { id: string; name: string },
  householdId: string,
  covered: string[],
  benefitFen: number,
) {
  return {
    ...meta(caseId),
    programme,
    householdId,
    applicantPersonId: head.id,
    applicantName: head.name,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: covered,
    income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-04-02',
    benefit: {
      standardId: null,
      standardFen: 0,
      coveredCount: covered.length,
      countedIncomeFen: 0,
      benefitFen,
      classification: programme === 'dibao' ? 'dibao' : 'tekun',
      computedForDate: '2026-05-20',
      parts: [],
    },
    status: 'active',
    statusChangedAt: '2026-05-20T01:00:00.000Z',
    acceptedOn: '2026-04-02',
    noticeStartedOn: null,
    noticeEnd: null,
    decisionDue: null,
    decidedOn: '2026-05-20',
    paymentFrom: '2026-06',
    endedOn: null,
    paymentTo: null,
    helpedFirstOn: null,
    paperworkDue: null,
    reviewedOn: null,
    reviewStartedOn: null,
    reviewDue: null,
    phaseOutUntil: null,
    programmeFacts: {},
    previousCaseId: null,
    searchTokens: [head.name],
  };
}

export interface Seed {
  persons: object[];
  households: object[];
  cases: object[];
  paymentRolls: object[];
  /** What the papers should add up to. */
  dibao: { households: number; people: number; totalFen: number; firstHead: string };
  tekun: { households: number; totalFen: number; headIds: string[] };
}

export function printingSeed(month: string): Seed {
  const persons: object[] = [];
  const households: object[] = [];
  const cases: object[] = [];
  let people = 0;
  let totalFen = 0;
  for (let i = 0; i < 45; i += 1) {
    const n = String(i).padStart(3, '0');
    const hid = `0193b000-0000-7000-8000-000000h${n}`;
    const village = villages[i % 3] ?? '东村';
    const name = `${surnames[i % 15] ?? '王'}${given[Math.floor(i / 15)] ?? ''}`;
    const head = person(
      `0193b000-0000-7000-8000-000000p${n}`,
      name,
      id(
        `3301021955${String((i % 12) + 1).padStart(2, '0')}1${String(i % 9)}${String(100 + i * 2 + 1).slice(-3)}`,
      ),
      hid,
    );
    const members = [head];
    if (i % 2 === 0) {
      members.push(
        person(
          `0193b000-0000-7000-8000-000000s${n}`,
          `${name.slice(0, 1)}小${i}`,
          id(`33010220100${String((i % 9) + 1)}1${String(i % 9)}${String(100 + i * 2).slice(-3)}`),
          hid,
        ),
      );
    }
    persons.push(...members);
    households.push({
      ...meta(hid),
      headPersonId: head.id,
      headName: head.name,
      members: members.map((m, k) => ({ personId: m.id, relation: k === 0 ? 'self' : 'child' })),
      areaCode: '330102',
      hukouType: 'rural',
      villageName: village,
      address: `${village}${(i % 5) + 1}组`,
      searchTokens: [head.name],
    });
    const fen = 30_000 + i * 1_000 + 25;
    cases.push(
      assistanceCase(
        `0193b000-0000-7000-8000-000000c${n}`,
        'dibao',
        head,
        hid,
        members.map((m) => m.id),
        fen,
      ),
    );
    people += members.length;
    totalFen += fen;
  }
  const tekunLines: object[] = [];
  const headIds: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const hid = `0193b000-0000-7000-8000-00000th${i}`;
    const head = person(
      `0193b000-0000-7000-8000-00000tp${i}`,
      i === 0 ? '孤老甲' : '孤老乙',
      id(`33010219400${i + 1}0150${i}`),
      hid,
    );
    persons.push(head);
    headIds.push(head.idNumber);
    households.push({
      ...meta(hid),
      headPersonId: head.id,
      headName: head.name,
      members: [{ personId: head.id, relation: 'self' }],
      areaCode: '330102',
      hukouType: 'rural',
      villageName: '北村',
      address: '北村1组',
      searchTokens: [head.name],
    });
    const caseId = `0193b000-0000-7000-8000-00000tc${i}`;
    cases.push(assistanceCase(caseId, 'tekun', head, hid, [head.id], 99_900));
    tekunLines.push({
      key: caseId,
      kind: 'continuing',
      caseId,
      township: '城关镇民政办',
      village: '北村',
      headName: head.name,
      headIdNumber: head.idNumber,
      payeePersonId: head.id,
      payeeName: head.name,
      coveredCount: 1,
      category: 'rural',
      monthlyFen: 91_000 + i,
      adjustments: [],
      adjustFen: 0,
      paidFen: 91_000 + i,
      bankName: '农商银行',
      accountNumber: `6228480000000000${i}`,
      oneCard: true,
      carriedFrom: null,
      note: '',
    });
  }
  const rollTotal = 91_000 + 91_001;
  const paymentRolls = [
    {
      ...meta('0193b000-0000-7000-8000-0000000roll1'),
      programme: 'tekun',
      month,
      rollVersion: 1,
      status: 'approved',
      drawnOn: `${month}-01`,
      lines: tekunLines,
      changes: [],
      problems: [],
      totalFen: rollTotal,
      hash: 'a'.repeat(64),
      approvedBy: '李主管',
      approvedOn: `${month}-02`,
    },
  ];
  const firstHead = (households[0] as { headName: string }).headName;
  return {
    persons,
    households,
    cases,
    paymentRolls,
    dibao: { households: 45, people, totalFen, firstHead },
    tekun: { households: 2, totalFen: rollTotal, headIds },
  };
}
