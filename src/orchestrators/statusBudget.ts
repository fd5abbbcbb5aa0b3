/**
 * Durable Functions rejects a custom status over 16 KB of JSON. Step texts are already capped, but a run can still
 * add up past the limit (every step with a long detail, a rollback listing 20 left-behind items with their errors), so
 * every status passes through `fitCustomStatus` before it is published.
 */

/** Budget for the serialized custom status: below Durable's 16 KB limit with room for the JSON envelope. */
export const CUSTOM_STATUS_BUDGET_BYTES = 15 * 1024;

/** Length a text is cut to when the status is over budget; ids and codes are kept whole. */
const SHORT_TEXT_LENGTH = 120;

interface StepLike {
  state: string;
  detail?: string;
  waitingFor?: string;
  error?: { message: string };
}

interface RollbackLike {
  rolledBack: unknown[];
  leftBehind: Array<{ error: { message: string } }>;
}

interface StatusLike {
  steps: StepLike[];
  rollback?: RollbackLike;
}

/**
 * Returns the status unchanged when it fits the budget. Otherwise it returns a copy without the least useful text:
 * first the details of steps that succeeded, then long messages, then entries of the rollback lists, whose counts stay
 * complete. It throws only if even the smallest form is over budget. With texts cut to 120 characters, the steps of
 * these orchestrations come to well under half of it.
 */
export function fitCustomStatus<T extends StatusLike>(status: T): T {
  if (fits(status)) {
    return status;
  }
  const withoutDetails = { ...status, steps: status.steps.map(dropSucceededDetail) };
  if (fits(withoutDetails)) {
    return withoutDetails;
  }
  const shortened = shortenTexts(withoutDetails);
  if (fits(shortened)) {
    return shortened;
  }
  for (let keep = 10; keep >= 0; keep -= 2) {
    const trimmed = trimRollbackLists(shortened, keep);
    if (fits(trimmed)) {
      return trimmed;
    }
  }
  throw new Error(`The custom status does not fit in ${CUSTOM_STATUS_BUDGET_BYTES} bytes even in its smallest form.`);
}

function fits(status: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(status), "utf8") <= CUSTOM_STATUS_BUDGET_BYTES;
}

function dropSucceededDetail<S extends StepLike>(step: S): S {
  if (step.state !== "succeeded" || step.detail === undefined) {
    return step;
  }
  const { detail: _detail, ...rest } = step;
  return rest as S;
}

function shorten(text: string): string {
  return text.length <= SHORT_TEXT_LENGTH ? text : `${text.slice(0, SHORT_TEXT_LENGTH - 1)}…`;
}

function shortenTexts<T extends StatusLike>(status: T): T {
  const steps = status.steps.map((step) => ({
    ...step,
    ...(step.detail === undefined ? {} : { detail: shorten(step.detail) }),
    ...(step.waitingFor === undefined ? {} : { waitingFor: shorten(step.waitingFor) }),
    ...(step.error === undefined ? {} : { error: { ...step.error, message: shorten(step.error.message) } }),
  }));
  const rollback = status.rollback && {
    ...status.rollback,
    leftBehind: status.rollback.leftBehind.map((item) => ({
      ...item,
      error: { ...item.error, message: shorten(item.error.message) },
    })),
  };
  return { ...status, steps, ...(rollback ? { rollback } : {}) };
}

function trimRollbackLists<T extends StatusLike>(status: T, keep: number): T {
  if (!status.rollback) {
    return status;
  }
  const rollback = {
    ...status.rollback,
    rolledBack: status.rollback.rolledBack.slice(0, keep),
    leftBehind: status.rollback.leftBehind.slice(0, keep),
  };
  return { ...status, rollback };
}
