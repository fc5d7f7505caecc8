import { createServer, type IncomingMessage, type Server } from 'node:http';
import { hqSignatureHeader } from '@shared/sync/hqSignature';

/**
 * A man in the middle on loopback between desks and the real HQ: it forwards every
 * request, records HQ's answers, and lets a test rewrite an answer (drop or replace its
 * signature, alter its bytes, serve one recorded earlier) before the desk sees it.
 */
export interface Exchange {
  path: string;
  /** The desk's request body, parsed. */
  request: Record<string, unknown>;
  status: number;
  contentType: string;
  signature: string | null;
  body: Buffer;
}

/** Returns the answer the desk gets; `undefined` passes HQ's own through. */
export type Tamper = (
  exchange: Exchange,
) => Promise<Partial<Omit<Exchange, 'path' | 'request'>> | undefined>;

export interface HostileProxy {
  url: string;
  /** Every exchange as HQ answered it (before tampering), oldest first. */
  recorded: Exchange[];
  /** The rewrite for the next answers (null: pass everything through). */
  tamper: Tamper | null;
  close: () => Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startHostileProxy(hqUrl: string): Promise<HostileProxy> {
  const proxy: HostileProxy = {
    url: '',
    recorded: [],
    tamper: null,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const requestBody = await readBody(request);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization', 'accept']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${hqUrl}${request.url ?? '/'}`, {
        method: request.method,
        headers,
        body: request.method === 'POST' ? new Uint8Array(requestBody) : undefined,
      });
      const exchange: Exchange = {
        path: request.url ?? '/',
        request: requestBody.length > 0 ? (JSON.parse(requestBody.toString()) as never) : {},
        status: answer.status,
        contentType: answer.headers.get('content-type') ?? '',
        signature: answer.headers.get(hqSignatureHeader),
        body: Buffer.from(await answer.arrayBuffer()),
      };
      proxy.recorded.push(exchange);
      const sent = { ...exchange, ...((await proxy.tamper?.(exchange)) ?? {}) };
      response.statusCode = sent.status;
      response.setHeader('content-type', sent.contentType);
      if (sent.signature) response.setHeader(hqSignatureHeader, sent.signature);
      response.end(sent.body);
    })().catch((error: unknown) => {
      response.statusCode = 502;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return proxy;
}
