import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that Chromium (Skia) made, page by page — enough of a reader to
 * check printed papers without pdftotext or pdf.js (neither is on this machine): the
 * objects and their (Flate) streams, each page's fonts with their ToUnicode maps, and
 * the text operators of its content (Tj, TJ, and the ActualText a span gives instead of
 * its glyphs). Glyphs are joined in drawing order with no spacing, so a check compares
 * text with white space removed.
 */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text)) !== null) {
    const from = match.index + match[0].length;
    const end = text.indexOf('endobj', from);
    const streamAt = text.indexOf('stream', from);
    if (streamAt !== -1 && (end === -1 || streamAt < end)) {
      const dict = text.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const dataStart = streamAt + 6 + (text[streamAt + 6] === '\r' ? 2 : 1);
      const raw = pdf.subarray(dataStart, dataStart + length);
      const stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
      found.set(Number(match[1]), { dict, stream });
      start.lastIndex = dataStart + length;
    } else {
      found.set(Number(match[1]), { dict: text.slice(from, end), stream: null });
      start.lastIndex = end === -1 ? text.length : end;
    }
  }
  return found;
}

const utf16 = (hex: string) => {
  const bytes = Buffer.from(hex, 'hex');
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
};

interface CMap {
  codeBytes: number;
  map: Map<number, string>;
}

function readCMap(source: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(source);
  const codeBytes = space?.[1] ? space[1].length / 2 : 1;
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
    }
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1] ?? '';
    for (const m of body.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      if (m[4] !== undefined) {
        const first = utf16(m[4]);
        const base = first.charCodeAt(first.length - 1);
        for (let c = lo; c <= hi; c += 1) {
          map.set(c, first.slice(0, -1) + String.fromCharCode(base + c - lo));
        }
      } else {
        const list = [...(m[5] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => utf16(x[1] ?? ''));
        list.forEach((s, i) => map.set(lo + i, s));
      }
    }
  }
  return { codeBytes, map };
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** Pages in document order (the page tree's Kids, depth first). */
function pageIds(objects: Map<number, PdfObject>): number[] {
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const walk = (id: number | null): number[] => {
    const node = id === null ? undefined : objects.get(id);
    if (!node || id === null) return [];
    if (/\/Type\s*\/Page\b/.test(node.dict)) return [id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(Number(k[1])));
  };
  return walk(catalog ? ref(catalog.dict, 'Pages') : null);
}

function pageText(objects: Map<number, PdfObject>, page: PdfObject): string {
  const fonts = new Map<string, CMap>();
  const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page.dict)?.[1] ?? '';
  for (const m of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
    const font = objects.get(Number(m[2]));
    const cmapId = font ? ref(font.dict, 'ToUnicode') : null;
    const cmap = cmapId === null ? undefined : objects.get(cmapId)?.stream;
    if (cmap && m[1]) fonts.set(m[1], readCMap(cmap.toString('latin1')));
  }
  const contentIds = [
    ...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
  ].map((m) => Number(m[1]));
  const content = contentIds
    .map((id) => objects.get(id)?.stream?.toString('latin1') ?? '')
    .join('\n');
  let font: CMap | undefined;
  let actual: string | null = null;
  let out = '';
  const decode = (hex: string) => {
    if (!font) return '';
    const step = font.codeBytes * 2;
    let s = '';
    for (let i = 0; i + step <= hex.length; i += step) {
      s += font.map.get(parseInt(hex.slice(i, i + step), 16)) ?? '';
    }
    return s;
  };
  const ops =
    /\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\/ActualText\s*<([0-9A-Fa-f]+)>[^B]*BDC|\bEMC\b/g;
  for (const m of content.matchAll(ops)) {
    if (m[1] !== undefined) font = fonts.get(m[1]);
    else if (m[4] !== undefined) {
      actual = utf16(m[4].replace(/^FEFF/i, ''));
      out += actual;
    } else if (m[0] === 'EMC') actual = null;
    else if (actual !== null) continue;
    else if (m[2] !== undefined) out += decode(m[2]);
    else if (m[3] !== undefined) {
      for (const part of m[3].matchAll(/<([0-9A-Fa-f]*)>/g)) out += decode(part[1] ?? '');
    }
  }
  return out;
}

/** Each page's text, in order. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  return pageIds(objects).map((id) => {
    const page = objects.get(id);
    return page ? pageText(objects, page) : '';
  });
}

/** Text with all white space removed, for comparing with what a paper should say. */
export const compact = (text: string) => text.replace(/\s+/g, '');
