/**
 * Writes a value as an OData string literal for `$filter` and function parameters: the value is wrapped in single
 * quotes and each `'` inside it is doubled, so that `O'Neil` becomes `'O''Neil'`.
 */
export function quoteODataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
