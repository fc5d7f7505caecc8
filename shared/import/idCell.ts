import { checkResidentId } from '../identity/residentId';
import { idLostToNumberCell } from './cells';
import type { RowProblem } from './types';

/**
 * A roster's 身份证号 cell, checked as the forms check it: the normalized number, or the
 * problem to report for the row (the shared check's own reason; an 18-digit number Excel
 * kept as a number is named as such). An empty cell is neither: `required` says so.
 */
export function readIdCell(
  text: string,
  today: string,
): { idNumber: string; problem: Omit<RowProblem, 'row' | 'severity'> | null } {
  if (!text) return { idNumber: '', problem: null };
  const id = checkResidentId(text, today);
  if (id.ok) return { idNumber: id.value.normalized, problem: null };
  return {
    idNumber: '',
    problem: {
      group: 'bad_id',
      field: 'idNumber',
      // Excel kept the number as a number (last digits lost): say so, not just "checksum".
      code: idLostToNumberCell(text, id.error.code) ? 'import.id_as_number' : id.error.code,
      params: id.error.params,
    },
  };
}
