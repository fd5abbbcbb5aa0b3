/**
 * Parser for the subset of OData `$filter` that clients of the emulated endpoints use.
 * It reads comparisons `path op literal` (eq, ne, gt, ge, lt, le), `startswith(path,'text')`, `and`, `or`, `not`
 * and parentheses. Paths may be nested (`servicePrincipal/id`). Literals are quoted strings (`''` is one quote),
 * GUIDs, numbers, date-times, true, false and null.
 */

export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type FilterLiteral =
  | { kind: "string" | "guid" | "dateTime"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null"; value: null };

export type FilterNode =
  | { kind: "comparison"; path: string[]; operator: ComparisonOperator; literal: FilterLiteral }
  | { kind: "startsWith"; path: string[]; prefix: string }
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode };

export class FilterSyntaxError extends Error {
  override name = "FilterSyntaxError";
}

type Token = { kind: "string"; text: string } | { kind: "word" | "bare" | "punct"; text: string };

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const WORD_PATTERN = /^[A-Za-z_][A-Za-z0-9_./]*/;
const BARE_PATTERN = /^-?[0-9][0-9A-Za-z:.+-]*/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const OPERATORS: readonly string[] = ["eq", "ne", "gt", "ge", "lt", "le"];

function readString(text: string, start: number): { value: string; end: number } {
  let value = "";
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === "'") {
      if (text[index + 1] === "'") {
        value += "'";
        index += 2;
        continue;
      }
      return { value, end: index + 1 };
    }
    value += char;
    index += 1;
  }
  throw new FilterSyntaxError("unterminated string literal");
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const char = rest[0] ?? "";
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === "'") {
      const literal = readString(text, index);
      tokens.push({ kind: "string", text: literal.value });
      index = literal.end;
    } else if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: "punct", text: char });
      index += 1;
    } else {
      const guid = GUID_PATTERN.exec(rest);
      const word = guid === null ? WORD_PATTERN.exec(rest) : null;
      const bare = guid === null && word === null ? BARE_PATTERN.exec(rest) : null;
      const match = guid ?? word ?? bare;
      if (match === null) {
        throw new FilterSyntaxError(`unexpected character '${char}'`);
      }
      tokens.push({ kind: word === null ? "bare" : "word", text: match[0] });
      index += match[0].length;
    }
  }
  return tokens;
}

class Parser {
  #position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.#parseOr();
    if (this.#position < this.tokens.length) {
      throw new FilterSyntaxError(`unexpected '${this.tokens[this.#position]?.text}'`);
    }
    return node;
  }

  #peekWord(): string | undefined {
    const token = this.tokens[this.#position];
    return token?.kind === "word" ? token.text.toLowerCase() : undefined;
  }

  #next(): Token {
    const token = this.tokens[this.#position];
    if (token === undefined) {
      throw new FilterSyntaxError("unexpected end of the clause");
    }
    this.#position += 1;
    return token;
  }

  #expectPunct(text: string): void {
    const token = this.#next();
    if (token.kind !== "punct" || token.text !== text) {
      throw new FilterSyntaxError(`expected '${text}' but found '${token.text}'`);
    }
  }

  #parseOr(): FilterNode {
    let left = this.#parseAnd();
    while (this.#peekWord() === "or") {
      this.#position += 1;
      left = { kind: "or", left, right: this.#parseAnd() };
    }
    return left;
  }

  #parseAnd(): FilterNode {
    let left = this.#parseUnary();
    while (this.#peekWord() === "and") {
      this.#position += 1;
      left = { kind: "and", left, right: this.#parseUnary() };
    }
    return left;
  }

  #parseUnary(): FilterNode {
    if (this.#peekWord() === "not") {
      this.#position += 1;
      return { kind: "not", operand: this.#parseUnary() };
    }
    const token = this.#next();
    if (token.kind === "punct" && token.text === "(") {
      const inner = this.#parseOr();
      this.#expectPunct(")");
      return inner;
    }
    if (token.kind !== "word") {
      throw new FilterSyntaxError(`expected a property name but found '${token.text}'`);
    }
    if (token.text.toLowerCase() === "startswith") {
      return this.#parseStartsWith();
    }
    const operator = this.#next();
    if (operator.kind !== "word" || !OPERATORS.includes(operator.text.toLowerCase())) {
      throw new FilterSyntaxError(`expected a comparison operator after '${token.text}'`);
    }
    const literal = toLiteral(this.#next());
    return {
      kind: "comparison",
      path: token.text.split("/"),
      operator: operator.text.toLowerCase() as ComparisonOperator,
      literal,
    };
  }

  #parseStartsWith(): FilterNode {
    this.#expectPunct("(");
    const property = this.#next();
    if (property.kind !== "word") {
      throw new FilterSyntaxError("startswith expects a property name first");
    }
    this.#expectPunct(",");
    const prefix = this.#next();
    if (prefix.kind !== "string") {
      throw new FilterSyntaxError("startswith expects a string literal second");
    }
    this.#expectPunct(")");
    return { kind: "startsWith", path: property.text.split("/"), prefix: prefix.text };
  }
}

function toLiteral(token: Token): FilterLiteral {
  if (token.kind === "string") {
    return { kind: "string", value: token.text };
  }
  if (token.kind === "word") {
    const word = token.text.toLowerCase();
    if (word === "true" || word === "false") {
      return { kind: "boolean", value: word === "true" };
    }
    if (word === "null") {
      return { kind: "null", value: null };
    }
  }
  if (token.kind === "bare" || token.kind === "word") {
    if (GUID_PATTERN.test(token.text) && token.text.length === 36) {
      return { kind: "guid", value: token.text };
    }
    if (DATE_TIME_PATTERN.test(token.text)) {
      return { kind: "dateTime", value: token.text };
    }
    if (/^-?\d+(\.\d+)?$/.test(token.text)) {
      return { kind: "number", value: Number(token.text) };
    }
  }
  throw new FilterSyntaxError(`'${token.text}' is not a valid literal`);
}

/** Parses a `$filter` expression. Throws FilterSyntaxError on anything outside the supported subset. */
export function parseFilter(text: string): FilterNode {
  if (text.trim() === "") {
    throw new FilterSyntaxError("the clause is empty");
  }
  return new Parser(tokenize(text)).parse();
}

/** Lists the property paths a filter reads, joined with '/'. */
export function filterPaths(node: FilterNode): string[] {
  switch (node.kind) {
    case "comparison":
    case "startsWith":
      return [node.path.join("/")];
    case "not":
      return filterPaths(node.operand);
    default:
      return [...filterPaths(node.left), ...filterPaths(node.right)];
  }
}
