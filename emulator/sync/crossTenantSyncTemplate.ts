import { CROSS_TENANT_SYNC_TEMPLATE_ID } from "../fixture";
import type { JsonObject } from "../state/model";

/** Id of the synchronization template and job prefix of cross-tenant sync. */
export const AZURE2AZURE_TEMPLATE_ID = "Azure2Azure";

/** Id of the template's single rule, USER_INBOUND_USER. Fixed so that clients can keep it. */
export const USER_RULE_ID = "6c409270-f78a-4bc6-af23-7cf3ab6482fe";

/** The gallery application template, as `GET /applicationTemplates/{id}` returns it. */
export const CROSS_TENANT_SYNC_APPLICATION_TEMPLATE: JsonObject = {
  id: CROSS_TENANT_SYNC_TEMPLATE_ID,
  displayName: "Cross-Tenant Synchronization",
  homePageUrl: "https://www.microsoft.com/",
  supportedSingleSignOnModes: ["notSupported"],
  supportedProvisioningTypes: ["sync"],
  logoUrl: null,
  categories: ["productivity"],
  publisher: "Microsoft",
  description:
    "Automate creating, updating, and deleting B2B users across Microsoft Entra tenants in your organization.",
};

function attributeMapping(source: string, target: string, flowType = "Always", matchingPriority = 0): JsonObject {
  return {
    defaultValue: null,
    exportMissingReferences: false,
    flowBehavior: "FlowWhenChanged",
    flowType,
    matchingPriority,
    source: { expression: `[${source}]`, name: source, parameters: [], type: "Attribute" },
    targetAttributeName: target,
  };
}

function userAttributes(names: string[]): JsonObject[] {
  return names.map((name) => ({
    name,
    type: name === "accountEnabled" ? "Boolean" : "String",
    anchor: name === "objectId",
  }));
}

/**
 * Builds the template's schema: one rule, USER_INBOUND_USER, mapping source users to target users. `userType` comes
 * from a Constant (`Member`); flowType `Always` lets a later schema change turn existing guests into members.
 */
export function buildDefaultSchema(): JsonObject {
  const attributeNames = ["objectId", "accountEnabled", "displayName", "givenName", "surname", "mail", "userType"];
  return {
    id: AZURE2AZURE_TEMPLATE_ID,
    version: "Date:2024-01-15T09:00:00Z",
    synchronizationRules: [
      {
        id: USER_RULE_ID,
        name: "USER_INBOUND_USER",
        editable: true,
        sourceDirectoryName: "Azure Active Directory",
        targetDirectoryName: "Azure Active Directory (target tenant)",
        objectMappings: [
          {
            enabled: true,
            flowTypes: "Add, Update, Delete",
            name: "Provision Microsoft Entra ID Users",
            sourceObjectName: "User",
            targetObjectName: "User",
            scope: null,
            attributeMappings: [
              attributeMapping("objectId", "alternativeSecurityIds", "ObjectAddOnly", 1),
              attributeMapping("accountEnabled", "accountEnabled"),
              attributeMapping("displayName", "displayName"),
              attributeMapping("givenName", "givenName"),
              attributeMapping("surname", "surname"),
              attributeMapping("mail", "mail"),
              {
                defaultValue: null,
                exportMissingReferences: false,
                flowBehavior: "FlowWhenChanged",
                flowType: "Always",
                matchingPriority: 0,
                source: { expression: '"Member"', name: "Member", parameters: [], type: "Constant" },
                targetAttributeName: "userType",
              },
            ],
          },
        ],
      },
    ],
    directories: [
      { name: "Azure Active Directory", objects: [{ name: "User", attributes: userAttributes(attributeNames) }] },
      {
        name: "Azure Active Directory (target tenant)",
        objects: [{ name: "User", attributes: userAttributes(attributeNames) }],
      },
    ],
  };
}

/** Builds the synchronization template listed on a cross-tenant sync service principal. */
export function buildSynchronizationTemplate(applicationId: string): JsonObject {
  return {
    id: AZURE2AZURE_TEMPLATE_ID,
    applicationId,
    default: true,
    description: "Synchronize users from this tenant to a target tenant.",
    discoverable: true,
    factoryTag: "Azure2Azure",
    metadata: [],
    schema: buildDefaultSchema(),
  };
}
