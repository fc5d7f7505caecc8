import type { PaperKind } from '@shared/programmes/types';

/** The papers' screens (文书): one paper of a case, and the 公示 list of a village. */
export type PapersRoute =
  { name: 'casePaper'; id: string; paper: PaperKind } | { name: 'noticeList'; village?: string };

export const papersRouteNames: readonly PapersRoute['name'][] = ['casePaper', 'noticeList'];
