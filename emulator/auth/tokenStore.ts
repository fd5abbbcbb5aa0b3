import { randomBytes } from "node:crypto";

/** Lifetime of issued access tokens, as Entra reports it in `expires_in`. */
export const TOKEN_LIFETIME_SECONDS = 3599;

export interface IssuedToken {
  tenantId: string;
  clientId: string;
  /** App roles granted when the token was issued; later grant changes apply to new tokens only, as in Entra. */
  roles: readonly string[];
  expiresAt: number;
}

export type TokenLookup = { kind: "valid"; token: IssuedToken } | { kind: "expired" } | { kind: "unknown" };

/** Opaque access tokens issued by the token endpoint. */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  issue(tenantId: string, clientId: string, roles: readonly string[], now: number): string {
    const accessToken = randomBytes(32).toString("base64url");
    const expiresAt = now + TOKEN_LIFETIME_SECONDS * 1000;
    this.#tokens.set(accessToken, { tenantId, clientId, roles: [...roles], expiresAt });
    return accessToken;
  }

  lookup(accessToken: string, now: number): TokenLookup {
    const token = this.#tokens.get(accessToken);
    if (token === undefined) {
      return { kind: "unknown" };
    }
    if (token.expiresAt <= now) {
      this.#tokens.delete(accessToken);
      return { kind: "expired" };
    }
    return { kind: "valid", token };
  }

  clear(): void {
    this.#tokens.clear();
  }
}
