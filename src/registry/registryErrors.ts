/** Thrown when a tenant pair the caller expected is not in the registry. */
export class TenantPairNotFoundError extends Error {
  override readonly name = "TenantPairNotFoundError";

  constructor(
    readonly sourceTenantId: string,
    readonly targetTenantId: string,
  ) {
    super(`Tenant pair ${sourceTenantId} → ${targetTenantId} is not in the registry.`);
  }
}

/** Thrown when every attempt of an update lost the race against another writer (HTTP 412 on the ETag). */
export class RegistryConflictError extends Error {
  override readonly name = "RegistryConflictError";

  constructor(sourceTenantId: string, targetTenantId: string, attempts: number, options?: { cause?: unknown }) {
    super(
      `Updating tenant pair ${sourceTenantId} → ${targetTenantId} conflicted with other writers ${attempts} times; ` +
        "try again later.",
      options,
    );
  }
}

/** Thrown for a continuation token that this registry did not issue or that was altered. */
export class InvalidContinuationTokenError extends Error {
  override readonly name = "InvalidContinuationTokenError";

  constructor() {
    super("The continuation token is invalid: pass the token of the previous page unchanged.");
  }
}

/** Thrown when a record stays above Table Storage's entity size limit after its health history was shortened. */
export class RecordTooLargeError extends Error {
  override readonly name = "RecordTooLargeError";

  constructor(sourceTenantId: string, targetTenantId: string, bytes: number, limit: number) {
    super(
      `Tenant pair ${sourceTenantId} → ${targetTenantId} needs about ${bytes} bytes in Table Storage, ` +
        `above the limit of ${limit} bytes.`,
    );
  }
}

/** Thrown when a stored entity cannot be read back as a tenant-pair record. */
export class CorruptRecordError extends Error {
  override readonly name = "CorruptRecordError";

  constructor(partitionKey: string, rowKey: string, problem: string) {
    super(`The registry entity ${partitionKey}/${rowKey} is not a valid tenant-pair record: ${problem}.`);
  }
}
