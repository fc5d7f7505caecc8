import type { Programme } from '@shared/domain/assistanceCase';
import type { PaperKind } from '@shared/programmes/types';

/**
 * The papers' screens (文书): one paper of a case, the 公示 list of a village, and the
 * office's own papers — a household's 户籍登记表, a programme's 花名册 for a month, the
 * office's 月度统计.
 */
export type PapersRoute =
  | { name: 'casePaper'; id: string; paper: PaperKind }
  | { name: 'noticeList'; village?: string }
  | { name: 'householdPaper'; id: string }
  | { name: 'roster'; programme?: Programme; month?: string }
  | { name: 'monthlyFigures'; month?: string };

export const papersRouteNames: readonly PapersRoute['name'][] = [
  'casePaper',
  'noticeList',
  'householdPaper',
  'roster',
  'monthlyFigures',
];
