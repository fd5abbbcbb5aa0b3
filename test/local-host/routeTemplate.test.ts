import { describe, expect, it } from "vitest";
import { RouteTemplate } from "../../local-host/http/routeTemplate";

describe("RouteTemplate", () => {
  it("captures parameters and ignores literal case", () => {
    expect(new RouteTemplate("pairs/{id}/status").match(["Pairs", "p1", "STATUS"])).toEqual({ id: "p1" });
  });

  it("allows an optional last parameter to be absent", () => {
    const template = new RouteTemplate("start/{name}/{instanceId?}");
    expect(template.match(["start", "Chain"])).toEqual({ name: "Chain" });
    expect(template.match(["start", "Chain", "i1"])).toEqual({ name: "Chain", instanceId: "i1" });
  });

  it("checks int and guid constraints", () => {
    expect(new RouteTemplate("items/{id:int}").match(["items", "abc"])).toBeUndefined();
    expect(new RouteTemplate("items/{id:int}").match(["items", "12"])).toEqual({ id: "12" });
    const guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect(new RouteTemplate("items/{id:guid}").match(["items", guid])).toEqual({ id: guid });
    expect(new RouteTemplate("items/{id:guid}").match(["items", "nope"])).toBeUndefined();
  });

  it("accepts unknown constraints without checking", () => {
    expect(new RouteTemplate("items/{id:minlength(3)}").match(["items", "x"])).toEqual({ id: "x" });
  });

  it("rejects extra segments unless a catch-all takes them", () => {
    expect(new RouteTemplate("items/{id}").match(["items", "1", "more"])).toBeUndefined();
    expect(new RouteTemplate("files/{*path}").match(["files", "a", "b.txt"])).toEqual({ path: "a/b.txt" });
  });
});
