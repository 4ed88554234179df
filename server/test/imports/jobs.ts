import type { TestServer } from '../harness.js';

// An import as the portal drives it: the multipart upload, the dry run, the commit, each waited for.

export async function uploadFile(server: TestServer, token: string, source: string, name: string, body: string | Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('source', source);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([body]), name);
  const res = await fetch(`${server.url}/import/jobs`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}

/** Waits for the background work to leave `status` (polling, as the portal does); the job's status then. */
export async function settleJob(server: TestServer, token: string, id: string, status: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const res = await server.gql<{ importJob: { status: string } }>(`query ($id: ID!) { importJob(id: $id) { status } }`, { id }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    if (res.data!.importJob.status !== status) return res.data!.importJob.status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} stayed ${status}`);
}

/** Uploads, dry-runs and commits a file; throws unless it ends COMMITTED. */
export async function commitFile(server: TestServer, token: string, source: string, name: string, body: string | Buffer, fields: Record<string, string> = {}): Promise<string> {
  const up = await uploadFile(server, token, source, name, body, fields);
  if (up.status !== 201) throw new Error(`upload refused: ${JSON.stringify(up.body)}`);
  const id = up.body.id!;
  for (const [mutation, from, to] of [['validateImport', 'VALIDATING', 'VALIDATED'], ['commitImport', 'COMMITTING', 'COMMITTED']] as const) {
    const res = await server.gql(`mutation ($id: ID!) { ${mutation}(jobId: $id) { status } }`, { id }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const status = await settleJob(server, token, id, from);
    if (status !== to) throw new Error(`job ${id} ended ${status}, not ${to}`);
  }
  return id;
}
