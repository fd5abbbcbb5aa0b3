import { Permissions } from "../auth/permissions";
import { contextUrl } from "../http/odata";
import type { RouteDefinition } from "../http/routeTypes";
import { mergeSecrets, parseCredentialList } from "../sync/credentials";
import { requireObjectBody } from "./requestBody";
import { requireSyncPrincipal } from "./synchronizationJobs";

const SECRETS = "/servicePrincipals/{spId}/synchronization/secrets";

export const synchronizationSecretRoutes: RouteDefinition[] = [
  {
    method: "PUT",
    template: SECRETS,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      const update = parseCredentialList(requireObjectBody(request.body).value, "value");
      // NOTE: whether PUT replaces or merges saved secrets is not documented; the emulator merges by key.
      sp.secrets = mergeSecrets(sp.secrets, update);
      sp.secretsExpired = false;
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: SECRETS,
    permissions: Permissions.synchronizationRead,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      return {
        status: 200,
        body: {
          "@odata.context": contextUrl(request, `servicePrincipals('${request.params.spId}')/synchronization/secrets`),
          value: sp.secrets.map((entry) => ({ key: entry.key, value: "*" })),
        },
      };
    },
  },
];
