import type { Role } from '../graphql/enums.js';

/** Who is asking: resolved once per request from the session cookie or bearer token. */
export interface Viewer {
  userId: string;
  username: string;
  role: Role;
  organizationId: string;
  areaId: string | null;
  /** Kemendagri code of a kelurahan officer's area scope. */
  areaCode: string | null;
  /** API tokens may be read-only; sessions never are. */
  readOnly: boolean;
  sessionId: string | null;
  tokenId: string | null;
}
