import { describe, expect, it } from 'vitest';
import { cellOf, isSensitive, maskNumber } from '../../../renderer/src/export/listDefinition';

/** How one cell is written: money and hours as numbers, personal numbers masked or full. */
describe('export cells', () => {
  it('writes fen as yuan and minutes as hours, never rounding a fen away', () => {
    expect(cellOf('money', 1, false)).toBe(0.01);
    expect(cellOf('money', 63_250, false)).toBe(632.5);
    expect(cellOf('money', 0, false)).toBe(0);
    expect(cellOf('hours', 90, false)).toBe(1.5);
    expect(cellOf('hours', 20, false)).toBe(0.33);
    expect(cellOf('count', 3, false)).toBe(3);
    expect(cellOf('date', '2026-03-01', false)).toBe('2026-03-01');
    expect(cellOf('text', '', false)).toBeNull();
    expect(cellOf('money', undefined, false)).toBeNull();
  });

  it('masks ID, phone and bank-account numbers unless the export is full', () => {
    const id = '330102196005040135';
    expect(cellOf('idNumber', id, false)).toBe('330102********0135');
    expect(cellOf('idNumber', id, true)).toBe(id);
    expect(cellOf('phone', '13800001234', false)).toBe('138****1234');
    expect(cellOf('phone', '13800001234', true)).toBe('13800001234');
    expect(cellOf('account', '6217 0000 1234 5678 901', false)).toBe('621************8901');
    expect(cellOf('account', '6217000012345678901', true)).toBe('6217000012345678901');
    // Too short to keep anything: all hidden.
    expect(maskNumber('1234567')).toBe('*******');
    expect(['idNumber', 'phone', 'account'].every((t) => isSensitive(t as 'phone'))).toBe(true);
    expect(isSensitive('text')).toBe(false);
  });
});
