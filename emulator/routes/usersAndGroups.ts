import { Permissions } from "../auth/permissions";
import { resourceNotFound } from "../http/graphError";
import { collectionResult, entityResult } from "../http/odata";
import type { RouteDefinition } from "../http/routeTypes";

/** Properties Graph returns for a user without `$select`. */
const USER_DEFAULT_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
];
const USER_FILTERABLE = [
  "id",
  "displayName",
  "userPrincipalName",
  "mail",
  "givenName",
  "surname",
  "userType",
  "accountEnabled",
  "creationType",
  "externalUserState",
];
const GROUP_FILTERABLE = ["id", "displayName", "mail", "mailNickname", "securityEnabled", "mailEnabled"];

export const userAndGroupRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/users",
    permissions: Permissions.userRead,
    handler: (request) =>
      collectionResult(
        request,
        [...request.tenant.users.values()].map((user) => user.resource),
        {
          contextFragment: "users",
          filterableProperties: USER_FILTERABLE,
          defaultProperties: USER_DEFAULT_PROPERTIES,
        },
      ),
  },
  {
    method: "GET",
    template: "/users/{id}",
    permissions: Permissions.userRead,
    handler: (request) => {
      const idOrName = (request.params.id ?? "").toLowerCase();
      // Graph accepts a user's id or userPrincipalName in the path.
      const user = [...request.tenant.users.values()].find(
        ({ resource }) => resource.id === idOrName || resource.userPrincipalName.toLowerCase() === idOrName,
      );
      if (user === undefined) {
        throw resourceNotFound(request.params.id ?? "");
      }
      return entityResult(request, "users/$entity", user.resource, USER_DEFAULT_PROPERTIES);
    },
  },
  {
    method: "GET",
    template: "/groups",
    permissions: Permissions.groupRead,
    handler: (request) =>
      collectionResult(
        request,
        [...request.tenant.groups.values()].map((group) => group.resource),
        {
          contextFragment: "groups",
          filterableProperties: GROUP_FILTERABLE,
        },
      ),
  },
  {
    method: "GET",
    template: "/groups/{id}",
    permissions: Permissions.groupRead,
    handler: (request) => {
      const group = request.tenant.groups.get((request.params.id ?? "").toLowerCase());
      if (group === undefined) {
        throw resourceNotFound(request.params.id ?? "");
      }
      return entityResult(request, "groups/$entity", group.resource);
    },
  },
  {
    method: "GET",
    template: "/groups/{id}/members",
    permissions: Permissions.groupRead,
    handler: (request) => {
      const group = request.tenant.groups.get((request.params.id ?? "").toLowerCase());
      if (group === undefined) {
        throw resourceNotFound(request.params.id ?? "");
      }
      const members = group.memberIds
        .map((id) => request.tenant.users.get(id)?.resource)
        .filter((user) => user !== undefined);
      return collectionResult(request, members, {
        contextFragment: "directoryObjects",
        filterableProperties: USER_FILTERABLE,
        defaultProperties: USER_DEFAULT_PROPERTIES,
      });
    },
  },
];
