import { describe, expect, it } from "vitest";
import { TOKEN_LIFETIME_SECONDS, TokenStore } from "../../emulator/auth/tokenStore";

describe("token store", () => {
  it("keeps a token valid until its lifetime ends", () => {
    const store = new TokenStore();
    const token = store.issue("tenant", "client", ["User.Read.All"], 1_000);
    const lastValid = store.lookup(token, 1_000 + TOKEN_LIFETIME_SECONDS * 1000 - 1);
    expect(lastValid.kind).toBe("valid");
    expect(lastValid.kind === "valid" ? lastValid.token.roles : []).toEqual(["User.Read.All"]);
  });

  it("reports a token as expired once its lifetime has passed", () => {
    const store = new TokenStore();
    const token = store.issue("tenant", "client", [], 1_000);
    expect(store.lookup(token, 1_000 + TOKEN_LIFETIME_SECONDS * 1000).kind).toBe("expired");
  });

  it("reports an unknown token", () => {
    expect(new TokenStore().lookup("nope", 0).kind).toBe("unknown");
  });

  it("issues distinct opaque tokens", () => {
    const store = new TokenStore();
    expect(store.issue("t", "c", [], 0)).not.toBe(store.issue("t", "c", [], 0));
  });
});
