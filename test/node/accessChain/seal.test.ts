import { describe, expect, it } from 'vitest';
import { checkLink, nextLink, type SealedContent } from '@shared/accessChain/seal';

/** The access chain's links, as the desk makes them and HQ checks them. */
const key = 'a'.repeat(64);
const look = (n: number): SealedContent => ({
  action: 'view',
  subjectKind: 'person',
  subjectId: `p${n}`,
  maskedSubject: '330102********0133',
  purpose: '',
  actorId: 'u1',
  at: `2026-12-05T08:00:0${n}.000Z`,
});

function chain(length: number) {
  const links = [];
  let head: { seq: number; seal: string } | null = null;
  for (let n = 1; n <= length; n++) {
    const link = nextLink(key, head, look(n));
    links.push({ link, content: look(n) });
    head = { seq: link.chainSeq, seal: link.seal };
  }
  return links;
}

function verify(
  links: ReturnType<typeof chain>,
  withKey: string | null = key,
): { kind: string; seq: number }[] {
  let head: { seq: number; seal: string } | null = null;
  const found: { kind: string; seq: number }[] = [];
  for (const { link, content } of links) {
    const checked = checkLink(withKey, head, link, content);
    found.push(...checked.breaks.map((b) => ({ kind: b.kind, seq: b.seq })));
    head = checked.head;
  }
  return found;
}

describe('access chain', () => {
  it('an unbroken chain checks clean, numbered from 1', () => {
    const links = chain(5);
    expect(links.map((l) => l.link.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(links[0]?.link.prevSeal).toBe('');
    expect(verify(links)).toEqual([]);
  });

  it('an edited entry fails its seal; one rewritten and resealed breaks the next link', () => {
    const edited = chain(4);
    const third = edited[2];
    if (!third) throw new Error('no third entry');
    third.content = { ...third.content, purpose: '改过' };
    expect(verify(edited)).toEqual([{ kind: 'edited', seq: 3 }]);

    // Resealed under the key (someone holding it): the fourth no longer follows it.
    const resealed = chain(4);
    const second = resealed[1];
    const first = resealed[0];
    if (!second || !first) throw new Error('short chain');
    second.content = { ...second.content, subjectId: 'other' };
    second.link = nextLink(key, { seq: 1, seal: first.link.seal }, second.content);
    expect(verify(resealed)).toEqual([{ kind: 'edited', seq: 2 }]);
  });

  it('removed entries leave a gap named once; a chain going back is cut', () => {
    const links = chain(6);
    expect(verify([...links.slice(0, 2), ...links.slice(4)])).toEqual([
      { kind: 'removed', seq: 5 },
    ]);
    // Back to 2 after 4 (an old copy of the log): named once, then followed from there.
    expect(verify([...links.slice(0, 4), ...links.slice(1, 3)])).toEqual([
      { kind: 'truncated', seq: 2 },
    ]);
  });

  it('a wrong key fails every seal; without a key only the numbering is checked', () => {
    const links = chain(3);
    expect(verify(links, 'b'.repeat(64)).map((b) => b.kind)).toEqual([
      'edited',
      'edited',
      'edited',
    ]);
    expect(verify(links, null)).toEqual([]);
    expect(
      verify(
        [links[0], links[2]].flatMap((l) => (l ? [l] : [])),
        null,
      ),
    ).toEqual([{ kind: 'removed', seq: 3 }]);
  });

  it('a line break or backslash in a field cannot pass as another field', () => {
    const a = nextLink(key, null, { ...look(1), purpose: 'x\nview' });
    const b = nextLink(key, null, { ...look(1), purpose: 'x\\nview' });
    expect(a.seal).not.toBe(b.seal);
  });
});
