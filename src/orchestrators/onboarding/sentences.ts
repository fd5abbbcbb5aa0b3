/** Joins a message and the sentence after it, adding the full stop that the message may lack. */
export function joinSentences(message: string, next: string): string {
  const trimmed = message.trim();
  if (trimmed === "") {
    return next;
  }
  return /[.!?…]$/.test(trimmed) ? `${trimmed} ${next}` : `${trimmed}. ${next}`;
}
