/** One segment of an ASP.NET-style route template such as `items/{id:guid}/{*rest}`. */
type Segment =
  | { kind: "literal"; text: string }
  | { kind: "parameter"; name: string; optional: boolean; catchAll: boolean; constraint: string | undefined };

const constraintTests: Record<string, (value: string) => boolean> = {
  int: (value) => /^-?\d+$/.test(value),
  long: (value) => /^-?\d+$/.test(value),
  double: (value) => value.trim() !== "" && !Number.isNaN(Number(value)),
  bool: (value) => /^(true|false)$/i.test(value),
  alpha: (value) => /^[a-z]+$/i.test(value),
  guid: (value) => /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(value),
};

function parseSegment(text: string): Segment {
  const match = /^\{(\*)?([A-Za-z_][\w]*)(?::([^}?]+))?(\?)?\}$/.exec(text);
  if (!match) {
    return { kind: "literal", text: text.toLowerCase() };
  }
  return {
    kind: "parameter",
    catchAll: match[1] === "*",
    name: match[2] ?? "",
    constraint: match[3]?.split("(")[0]?.toLowerCase(),
    optional: match[4] === "?",
  };
}

/** A compiled route template. Unknown constraints (regex, length, ...) are accepted without checking. */
export class RouteTemplate {
  readonly #segments: Segment[];

  constructor(readonly template: string) {
    this.#segments = template
      .split("/")
      .filter((part) => part !== "")
      .map(parseSegment);
  }

  /** Returns the route parameters when `pathSegments` (already URL-decoded) match, or undefined. */
  match(pathSegments: string[]): Record<string, string> | undefined {
    const params: Record<string, string> = {};
    for (let index = 0; index < this.#segments.length; index++) {
      const segment = this.#segments[index] as Segment;
      const value = pathSegments[index];
      if (segment.kind === "literal") {
        if (value === undefined || value.toLowerCase() !== segment.text) {
          return undefined;
        }
        continue;
      }
      if (segment.catchAll) {
        params[segment.name] = pathSegments.slice(index).join("/");
        return params;
      }
      if (value === undefined) {
        return segment.optional ? params : undefined;
      }
      const test = segment.constraint === undefined ? undefined : constraintTests[segment.constraint];
      if (test && !test(value)) {
        return undefined;
      }
      params[segment.name] = value;
    }
    return pathSegments.length === this.#segments.length ? params : undefined;
  }

  /** Literal segments first, so `items/new` wins over `items/{id}` as in ASP.NET routing. */
  get literalCount(): number {
    return this.#segments.filter((segment) => segment.kind === "literal").length;
  }
}
