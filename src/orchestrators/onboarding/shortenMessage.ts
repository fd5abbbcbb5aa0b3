/** The `(request-id …)` that ends a Graph error line made by `formatGraphError`. */
const REQUEST_ID_SUFFIX = /\s*\(request-id [^\s)]+\)\s*$/;

/**
 * Shortens a message to at most `maxLength` characters (code points), ending the cut part with "…". A trailing
 * `(request-id …)` is kept whole and the text before it is shortened instead, because support needs the whole id.
 */
export function shortenMessage(message: string, maxLength: number): string {
  const characters = Array.from(message);
  if (characters.length <= maxLength) {
    return message;
  }
  const match = REQUEST_ID_SUFFIX.exec(message);
  const suffix = match?.[0].trim();
  if (match === null || suffix === undefined || suffix.length + 2 > maxLength) {
    return `${characters.slice(0, maxLength - 1).join("")}…`;
  }
  const head = Array.from(message.slice(0, match.index));
  return `${head
    .slice(0, maxLength - suffix.length - 2)
    .join("")
    .trimEnd()}… ${suffix}`;
}
