/**
 * Instance ids the status route accepts: letters, digits, ".", "_", ":" and "-", starting with a letter or digit, at
 * most 100 characters. Onboarding ids (`onboard-<guid>-<guid>`) have 81 characters. The limit leaves room for ids of
 * other operations, and the character set keeps arbitrary text out of the Durable client's URLs.
 */
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function isWellFormedInstanceId(id: string): boolean {
  return INSTANCE_ID.test(id);
}

/**
 * Builds the absolute URL of `GET …/operations/{id}` from the URL of a request to a sibling route such as
 * `…/tenant-pairs`, so that it keeps whatever host and route prefix the request came in on.
 */
export function operationStatusUri(requestUrl: string, instanceId: string): string {
  const url = new URL(requestUrl);
  const segments = url.pathname.replace(/\/+$/, "").split("/");
  segments.pop();
  url.pathname = `${segments.join("/")}/operations/${encodeURIComponent(instanceId)}`;
  url.search = "";
  url.hash = "";
  return url.toString();
}
