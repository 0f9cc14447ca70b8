/** Time stamps written into files: a time that is no date gives null, never a thrown RangeError. */
import { describe, expect, it } from 'vitest';
import { fileStamp, isoOrNull } from '../../src/core/iso-time';

describe('isoOrNull and fileStamp', () => {
  it('write a date, and null for NaN, undefined and times beyond ±8.64e15 ms', () => {
    expect(isoOrNull(Date.UTC(2026, 11, 2, 9, 41, 5))).toBe('2026-12-02T09:41:05.000Z');
    expect(fileStamp(Date.UTC(2026, 11, 2, 9, 41, 5))).toBe('2026-12-02-09-41');
    for (const at of [NaN, undefined, 8.64e15 + 1, -8.64e15 - 1, Infinity]) {
      expect(isoOrNull(at)).toBeNull();
      expect(fileStamp(at)).toBeNull();
    }
  });
});
