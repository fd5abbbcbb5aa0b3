import type { ComparisonOperator, FilterLiteral, FilterNode } from "./filterParser";

/** Reads a nested property (`["servicePrincipal", "id"]`) from a resource. */
export function readPath(item: unknown, path: readonly string[]): unknown {
  let current: unknown = item;
  for (const name of path) {
    if (typeof current !== "object" || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

/** Orders two values: numbers numerically, date-times by instant, other strings case-insensitively. */
export function compareValues(left: unknown, right: unknown): number {
  if (typeof left === "number" && typeof right === "number") {
    return left - right;
  }
  if (typeof left === "boolean" && typeof right === "boolean") {
    return Number(left) - Number(right);
  }
  if (typeof left === "string" && typeof right === "string") {
    const leftTime = Date.parse(left);
    const rightTime = Date.parse(right);
    if (/^\d{4}-\d{2}-\d{2}T/.test(left) && /^\d{4}-\d{2}-\d{2}T/.test(right) && !Number.isNaN(leftTime + rightTime)) {
      return leftTime - rightTime;
    }
    return left.toLowerCase().localeCompare(right.toLowerCase());
  }
  return Number.NaN;
}

function compare(value: unknown, operator: ComparisonOperator, literal: FilterLiteral): boolean {
  if (literal.kind === "null" || value === null || value === undefined) {
    const bothNull = literal.kind === "null" && (value === null || value === undefined);
    if (operator === "eq") {
      return bothNull;
    }
    return operator === "ne" ? !bothNull : false;
  }
  const order = compareValues(value, literal.value);
  if (Number.isNaN(order)) {
    return operator === "ne";
  }
  switch (operator) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}

/** Tests a resource against a parsed filter. String comparisons ignore case, as in the directory. */
export function matchesFilter(node: FilterNode, item: unknown): boolean {
  switch (node.kind) {
    case "comparison":
      return compare(readPath(item, node.path), node.operator, node.literal);
    case "startsWith": {
      const value = readPath(item, node.path);
      return typeof value === "string" && value.toLowerCase().startsWith(node.prefix.toLowerCase());
    }
    case "and":
      return matchesFilter(node.left, item) && matchesFilter(node.right, item);
    case "or":
      return matchesFilter(node.left, item) || matchesFilter(node.right, item);
    case "not":
      return !matchesFilter(node.operand, item);
  }
}
