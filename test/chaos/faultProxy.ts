import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hqSignatureHeader } from '@shared/sync/hqSignature';
import { seededRandom, type Random } from '../support/seededRandom';

/**
 * A fault-injecting HTTP proxy on loopback between desks and HQ. Each desk talks to
 * `<proxy>/d/<desk name>/…`; the proxy strips the prefix and forwards to HQ's current
 * URL (switched when HQ restarts). Every request draws its fault from the desk's own
 * seeded PRNG, so the k-th request of a desk meets the same fault whatever the
 * interleaving of desks: the same seed replays the same faults. A reordered request is
 * held back until a seeded number of later requests have passed it (counted, not
 * timed), and HQ kills are armed at a request number, so a run whose desks sync one
 * after another replays exactly.
 */

export const faultKinds = [
  'drop',
  'delay',
  'duplicate',
  'reorder',
  'error5xx',
  'cutAfterApply',
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Where an armed HQ kill lands relative to its request. */
export type KillPoint = 'before' | 'during' | 'after';

export interface FaultProxy {
  /**
   * Kills HQ (SIGKILL) at the `n`-th request from now (counting only while faults are
   * on): before it reaches HQ, while HQ works on it, or after HQ answered it (the
   * answer is lost). HQ is restarted before the next request is served.
   */
  armKill: (n: number, point: KillPoint, killAfterMs: number) => void;
  /** Drops a kill that the round's requests did not reach. */
  disarmKill: () => void;
  /** The base URL a desk uses. */
  urlFor: (desk: string) => string;
  /** Where HQ listens now. */
  setTarget: (url: string) => void;
  /** Faults on (chaos) or off (quiescence: every request passes straight through). */
  setFaults: (on: boolean) => void;
  /** Delivers every request the proxy still holds back (late copies). */
  settle: () => Promise<void>;
  injected: () => Record<FaultKind, number>;
  close: () => Promise<void>;
}

/** How often a request meets a fault while faults are on. */
const faultRate = 0.35;
/** The longest a request is delayed. */
const maxHoldMs = 120;
/** The most later requests that overtake a reordered one. */
const maxOvertakers = 3;

/** A stable 32-bit hash of the run seed and a desk name (the desk's fault stream). */
export function streamSeed(seed: number, name: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h || 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Upstream {
  status: number;
  body: string;
  /** HQ's signature of the body (x-hq-signature), passed on as a real proxy would. */
  signature?: string | null;
}

export async function startFaultProxy(options: {
  seed: number;
  target: string;
  log: (line: string) => void;
  /** SIGKILLs HQ and starts it again over the same data; resolves to its new URL. */
  restartHq: () => Promise<string>;
}): Promise<FaultProxy> {
  let target = options.target;
  let faultsOn = true;
  const streams = new Map<string, { random: Random; count: number }>();
  /** Requests held back, each released once `left` later requests have passed. */
  let held: { label: string; left: number; send: () => Promise<Upstream> }[] = [];
  let requestCount = 0;
  let kill: { at: number; point: KillPoint; afterMs: number } | null = null;
  const injected = Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>;

  const forward = async (
    path: string,
    headers: IncomingMessage['headers'],
    body: Buffer,
  ): Promise<Upstream> => {
    try {
      const response = await fetch(`${target}${path}`, {
        method: 'POST',
        headers: {
          'content-type': String(headers['content-type'] ?? 'application/json'),
          ...(headers.authorization ? { authorization: headers.authorization } : {}),
        },
        body: body.toString('utf8'),
        signal: AbortSignal.timeout(10_000),
      });
      return {
        status: response.status,
        body: await response.text(),
        signature: response.headers.get(hqSignatureHeader),
      };
    } catch {
      // HQ down (killed, restarting): the gateway answers as nginx would.
      return {
        status: 502,
        body: JSON.stringify({ code: 'unavailable', message: 'HQ unreachable (proxy)' }),
      };
    }
  };
  /** Sends held-back requests whose overtakers have passed (all of them with `all`). */
  const release = async (all = false) => {
    for (const h of held) h.left -= 1;
    const due = held.filter((h) => all || h.left <= 0);
    held = held.filter((h) => !due.includes(h));
    for (const h of due) {
      const r = await h.send();
      options.log(`${h.label} delivered late → HQ ${r.status}`);
    }
  };
  const restart = async () => {
    target = await options.restartHq();
  };
  // What the desk gets is sent only after held-back requests due now have reached HQ, so
  // the desk's next request always comes after them.
  const replies = new WeakMap<ServerResponse, () => void>();
  const answer = (res: ServerResponse, upstream: Upstream) =>
    replies.set(res, () => {
      res.writeHead(upstream.status, {
        'content-type': 'application/json',
        ...(upstream.signature ? { [hqSignatureHeader]: upstream.signature } : {}),
      });
      res.end(upstream.body);
    });
  const cut = (res: ServerResponse) => replies.set(res, () => res.socket?.destroy());

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const match = /^\/d\/([^/]+)(\/.*)$/.exec(req.url ?? '');
    if (!match || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const [, desk = '', path = ''] = match;
    let stream = streams.get(desk);
    if (!stream) {
      stream = { random: seededRandom(streamSeed(options.seed, desk)), count: 0 };
      streams.set(desk, stream);
    }
    stream.count += 1;
    const r = stream.random;
    // Always draw the same numbers, faults on or off, so a request's fate depends only
    // on the seed, the desk and its request number.
    const roll = r.next();
    const kind = faultKinds[r.int(0, faultKinds.length - 1)] as FaultKind;
    const hold = r.int(5, maxHoldMs);
    const overtakers = r.int(1, maxOvertakers);
    const killMs = r.int(1, 20);
    const label = `${desk} #${stream.count} ${path.replace('/v1/sync/', '')}`;
    const send = () => forward(path, req.headers, body);
    if (faultsOn) requestCount += 1;
    try {
      if (faultsOn && kill && requestCount >= kill.at) {
        const { point, afterMs } = kill;
        kill = null;
        await killed(res, label, point, afterMs || killMs, send);
      } else if (!faultsOn || roll >= faultRate) {
        answer(res, await send());
      } else {
        await faulty(res, label, kind, hold, overtakers, send, r);
      }
    } finally {
      // Requests held back move one place down the line (this one overtook them).
      if (faultsOn) await release();
      replies.get(res)?.();
    }
  };

  const killed = async (
    res: ServerResponse,
    label: string,
    point: KillPoint,
    afterMs: number,
    send: () => Promise<Upstream>,
  ) => {
    options.log(
      `${label}: HQ SIGKILL ${point} the request${point === 'during' ? ` (${afterMs}ms in)` : ''}`,
    );
    if (point === 'before') {
      await restart();
      answer(res, {
        status: 502,
        body: JSON.stringify({ code: 'unavailable', message: 'HQ unreachable (proxy)' }),
      });
      return;
    }
    if (point === 'after') {
      await send();
      await restart();
      cut(res);
      return;
    }
    // During: however far HQ got, the restarted HQ receives the same request once more
    // (a duplicate delivery), so what HQ holds afterwards does not depend on the instant.
    const first = send();
    await sleep(afterMs);
    await restart();
    await first;
    const again = await send();
    options.log(`${label} sent again to the restarted HQ → ${again.status}`);
    cut(res);
  };

  const faulty = async (
    res: ServerResponse,
    label: string,
    kind: FaultKind,
    hold: number,
    overtakers: number,
    send: () => Promise<Upstream>,
    r: Random,
  ) => {
    injected[kind] += 1;
    const detail =
      kind === 'delay' ? ` ${hold}ms` : kind === 'reorder' ? ` (${overtakers} overtake it)` : '';
    options.log(`${label}: ${kind}${detail}`);
    switch (kind) {
      case 'drop':
        // Never reaches HQ; the desk sees the connection fail.
        cut(res);
        return;
      case 'delay':
        await sleep(hold);
        answer(res, await send());
        return;
      case 'duplicate': {
        // Two copies reach HQ at once; the desk gets the first one's answer.
        const [first] = await Promise.all([send(), send()]);
        answer(res, first);
        return;
      }
      case 'reorder':
        // The desk gives up on it at once (as on a timeout) and goes on; the request
        // reaches HQ later, after the next requests have overtaken it.
        held.push({ label, left: overtakers + 1, send });
        cut(res);
        return;
      case 'error5xx':
        answer(res, {
          status: r.pick([500, 502, 503]) ?? 503,
          body: JSON.stringify({ code: 'internal', message: 'injected 5xx (proxy)' }),
        });
        return;
      case 'cutAfterApply':
        // HQ applied it; the answer is lost on the way back.
        await send();
        cut(res);
        return;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`proxy error: ${String(error)}`);
      res.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    urlFor: (desk) => `http://127.0.0.1:${port}/d/${desk}`,
    setTarget: (url) => {
      target = url;
    },
    setFaults: (on) => {
      faultsOn = on;
    },
    armKill: (n, point, afterMs) => {
      kill = { at: requestCount + n, point, afterMs };
    },
    disarmKill: () => {
      kill = null;
    },
    settle: () => release(true),
    injected: () => ({ ...injected }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
