/**
 * A bulk put or add through the at-rest middleware, sealed in chunks. IndexedDB starts
 * writing a request as soon as it is made, in the browser's own process, while the page
 * goes on; sealed whole, a 5,000-row page kept the writer idle while every row was
 * sealed and the page idle while they were written. Each chunk's rows are sealed and
 * their requests made before the next chunk is sealed, in the same synchronous turn
 * (no await between them: the transaction stays open), so the two overlap.
 */
import Dexie, {
  type DBCoreAddRequest,
  type DBCoreMutateResponse,
  type DBCorePutRequest,
  type DBCoreTable,
} from 'dexie';

/** Rows sealed before their requests are made. */
export const sealChunkRows = 250;

export function sealedMutate(
  table: DBCoreTable,
  req: DBCoreAddRequest | DBCorePutRequest,
  seal: (row: unknown) => unknown,
): Promise<DBCoreMutateResponse> {
  const { values } = req;
  // A modify's put (criteria, changeSpec, updates) goes whole, as Dexie made it.
  const plainBulk = req.type === 'add' || (!req.criteria && !req.changeSpec && !req.updates);
  if (!plainBulk || values.length <= sealChunkRows) {
    return table.mutate({ ...req, values: values.map(seal) });
  }
  const parts: Promise<DBCoreMutateResponse>[] = [];
  const offsets: number[] = [];
  for (let at = 0; at < values.length; at += sealChunkRows) {
    const end = Math.min(at + sealChunkRows, values.length);
    offsets.push(at);
    parts.push(
      table.mutate({
        ...req,
        values: values.slice(at, end).map(seal),
        ...(req.keys ? { keys: req.keys.slice(at, end) } : {}),
      }),
    );
  }
  // Dexie's own Promise.all and `.then`, never native ones: Dexie's promises carry the
  // transaction's zone.
  return Dexie.Promise.all(parts).then((responses) => joined(responses, offsets));
}

/** The chunks' answers as one: failures at their place in the whole request. */
function joined(responses: DBCoreMutateResponse[], offsets: number[]): DBCoreMutateResponse {
  const failures: Record<number, Error> = {};
  const results: unknown[] = [];
  let numFailures = 0;
  responses.forEach((response, i) => {
    numFailures += response.numFailures;
    for (const [index, error] of Object.entries(response.failures)) {
      failures[Number(index) + (offsets[i] ?? 0)] = error;
    }
    results.push(...(response.results ?? []));
  });
  return {
    numFailures,
    failures,
    results,
    lastResult: responses[responses.length - 1]?.lastResult,
  };
}
