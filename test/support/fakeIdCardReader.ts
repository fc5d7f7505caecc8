/**
 * A fake local-HTTP ID-card reader speaking the desk's protocol
 * (electron/idCard/httpReaderProtocol.ts) on 127.0.0.1, for the Node tests of the
 * adapter and the Chromium test of the 读卡 comparison. `answer` says what the next
 * reads get: a card, one of the reader's own refusals, or one of the ways a broken or
 * hostile service answers (bad JSON, too much, too late, a redirect).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { residentIdCheckChar } from '../../shared/identity/residentId';

export type FakeReaderAnswer =
  | { kind: 'card'; data: Record<string, unknown> }
  | { kind: 'code'; code: number; message?: string }
  | { kind: 'raw'; body: string; contentType?: string }
  | { kind: 'oversized'; bytes: number; declareLength: boolean }
  | { kind: 'silent' }
  /** Headers at once, then a byte every `everyMs`: the whole read must still time out. */
  | { kind: 'trickle'; everyMs: number }
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; location: string };

export interface FakeIdCardReader {
  url: string;
  answer: FakeReaderAnswer;
  /** How many requests arrived (a refused address must reach none). */
  requests: number;
  close(): Promise<void>;
}

export function residentIdOf(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/**
 * A 102×126 24-bit BMP (the card photo's size): a pale background with a grey head and
 * shoulders, so a screenshot shows where the photo goes.
 */
export function cardPhotoBase64(): string {
  const width = 102;
  const height = 126;
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const pixels = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    const top = height - 1 - y; // BMP rows run bottom-up
    for (let x = 0; x < width; x += 1) {
      const head = (x - 51) ** 2 / 22 ** 2 + (top - 48) ** 2 / 28 ** 2 <= 1;
      const shoulders = top > 84 && Math.abs(x - 51) < 12 + (top - 84) * 1.2;
      const [b, g, r] = head || shoulders ? [120, 120, 120] : [250, 236, 220];
      pixels.writeUInt8(b, y * rowBytes + x * 3);
      pixels.writeUInt8(g, y * rowBytes + x * 3 + 1);
      pixels.writeUInt8(r, y * rowBytes + x * 3 + 2);
    }
  }
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'ascii');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]).toString('base64');
}

/** A card as the protocol sends it; `overrides` replace fields (or remove them as undefined). */
export function cardData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '张三丰',
    sex: '男',
    nation: '汉',
    birthDate: '19600504',
    address: '浙江省杭州市上城区城关镇东村3组12号',
    idNumber: residentIdOf('33010219600504013'),
    issuer: '杭州市公安局上城分局',
    validFrom: '20150601',
    validTo: '长期',
    photo: cardPhotoBase64(),
    ...overrides,
  };
}

export async function startFakeIdCardReader(
  answer: FakeReaderAnswer = { kind: 'card', data: cardData() },
): Promise<FakeIdCardReader> {
  const server: Server = createServer((request, response) => {
    fake.requests += 1;
    const a = fake.answer;
    const json = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    switch (a.kind) {
      case 'card':
        return json({ code: 0, message: '读卡成功', data: a.data });
      case 'code':
        return json({ code: a.code, message: a.message ?? '' });
      case 'raw':
        response.writeHead(200, { 'content-type': a.contentType ?? 'application/json' });
        return response.end(a.body);
      case 'oversized': {
        response.writeHead(200, {
          'content-type': 'application/json',
          ...(a.declareLength ? { 'content-length': String(a.bytes) } : {}),
        });
        // Streamed in pieces so an undeclared length is only found out by counting.
        const piece = Buffer.alloc(16 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < a.bytes && !response.destroyed) {
            sent += piece.length;
            if (!response.write(piece)) return void response.once('drain', more);
          }
          response.end();
        };
        return more();
      }
      case 'silent':
        return; // never answers; the adapter's timeout must end the read
      case 'trickle': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => response.write(' '), a.everyMs);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'status':
        response.writeHead(a.status, { 'content-type': 'text/plain' });
        return response.end('reader error');
      case 'redirect':
        response.writeHead(302, { location: a.location });
        return response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeIdCardReader = {
    url: `http://127.0.0.1:${port}/api/readcard`,
    answer,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
