import { describe, expect, it } from 'vitest';
import { classifyQuery, nameSearchTokens } from '@shared/search/searchTokens';

describe('nameSearchTokens', () => {
  it('gives the name, pinyin initials and full pinyin', () => {
    expect(nameSearchTokens('张三丰')).toEqual(['张三丰', 'zsf', 'zhangsanfeng']);
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(nameSearchTokens('曾小贤')).toEqual(['曾小贤', 'zxx', 'zengxiaoxian']);
    expect(nameSearchTokens('单田芳')).toContain('shantianfang');
    expect(nameSearchTokens('解缙')).toContain('xiejin');
  });

  it('writes ü as v, as typed on a keyboard', () => {
    expect(nameSearchTokens('吕强')).toEqual(['吕强', 'lq', 'lvqiang']);
  });

  it('drops separators in minority names and trims', () => {
    expect(nameSearchTokens(' 阿依·买买提 ')).toEqual(['阿依·买买提', 'aymmt', 'ayimaimaiti']);
  });

  it('lower-cases non-Chinese names and dedupes', () => {
    expect(nameSearchTokens('John SMITH')).toEqual(['john smith']);
    expect(nameSearchTokens('   ')).toEqual([]);
  });
});

describe('classifyQuery', () => {
  it('recognises ID digits, whole or partial, with X upper-cased', () => {
    expect(classifyQuery(' 11010519491231002x ')).toEqual({
      kind: 'id',
      value: '11010519491231002X',
      tail: false,
    });
    expect(classifyQuery('11010519')).toEqual({ kind: 'id', value: '11010519', tail: false });
    expect(classifyQuery('110')).toEqual({ kind: 'id', value: '110', tail: false });
    expect(classifyQuery('11010')).toEqual({ kind: 'id', value: '11010', tail: false });
  });

  it('reads 4 or 6 characters (digits, a final X) as the tail a person reads out', () => {
    expect(classifyQuery('002X')).toEqual({ kind: 'id', value: '002X', tail: true });
    expect(classifyQuery('1231002x')).toEqual({ kind: 'id', value: '1231002X', tail: false });
    expect(classifyQuery('31002x')).toEqual({ kind: 'id', value: '31002X', tail: true });
    expect(classifyQuery('１１０１')).toEqual({ kind: 'id', value: '1101', tail: true });
    // Year-like: a tail first (prefix matches follow in searchPersons).
    expect(classifyQuery('1949')).toEqual({ kind: 'id', value: '1949', tail: true });
    expect(classifyQuery(' 3100 2X ')).toEqual({ kind: 'id', value: '31002X', tail: true });
  });

  it('recognises latin letters as pinyin', () => {
    expect(classifyQuery('ZSF')).toEqual({ kind: 'latin', value: 'zsf' });
    expect(classifyQuery('zhang san')).toEqual({ kind: 'latin', value: 'zhangsan' });
  });

  it('treats anything else as a name', () => {
    expect(classifyQuery(' 张三 ')).toEqual({ kind: 'name', value: '张三' });
    expect(classifyQuery('x')).toEqual({ kind: 'latin', value: 'x' });
    expect(classifyQuery('')).toEqual({ kind: 'name', value: '' });
  });
});
