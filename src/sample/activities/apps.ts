/**
 * App registrations, service principals, their credentials and consent — the area incident
 * responders watch most, so the routine noise here has to look like the incident's moves
 * without being them (user consent, admin consent to harmless scopes, certificate rotation).
 */
import type { ModifiedProperty } from '../../model/audit-event.js';
import {
  applicationTarget,
  byApp,
  includedUpdatedProperties,
  jsonProp,
  listProp,
  rawProp,
  servicePrincipalTarget,
  userTarget,
  type EventSpec,
} from '../event-parts.js';
import { adminActor, chain, memberActor, single, type Actor, type Operation, type OperationContext } from '../operation.js';
import type { FirstPartyApp, TenantApp } from '../tenant.js';

const APP_MGMT = 'ApplicationManagement';
const CORE = 'Core Directory';
/** The real activity name: EN DASH (U+2013) and a trailing space. */
export const CERTIFICATES_AND_SECRETS = 'Update application \u2013 Certificates and secrets management ';
/** A reply URL as AppAddress logs it. */
const address = (url: string) => `[AddressType=0,Address=${url}]`;

/** `[KeyIdentifier=…,KeyType=…,KeyUsage=Verify,DisplayName=…]`, the KeyDescription entry format. */
export function keyDescription(keyId: string, keyType: 'Password' | 'AsymmetricX509Cert', displayName: string): string {
  return `[KeyIdentifier=${keyId},KeyType=${keyType},KeyUsage=Verify,DisplayName=${displayName}]`;
}

/**
 * The ConsentAction.Permissions text: a before => after list of grants, itself JSON-quoted.
 * The odd spacing (`PrincipalId: ,`) is how the service writes it.
 */
export function consentPermissions(grantId: string, clientId: string, resourceId: string, scopes: readonly string[], allPrincipals: boolean, principalId: string): string {
  const consentType = allPrincipals ? 'AllPrincipals' : 'Principal';
  const principal = allPrincipals ? '' : principalId;
  return `[] => [[Id: ${grantId}, ClientId: ${clientId}, PrincipalId: ${principal}, ResourceId: ${resourceId}, ConsentType: ${consentType}, Scope: ${scopes.join(' ')}, CreatedDateTime: , LastModifiedDateTime ]]; `;
}

export function consentProps(app: TenantApp, grantId: string, graph: FirstPartyApp, scopes: readonly string[], adminConsent: boolean, principalId: string): ModifiedProperty[] {
  const flag = (value: boolean) => (value ? 'True' : 'False');
  return [
    jsonProp('ConsentContext.IsAdminConsent', undefined, flag(adminConsent)),
    jsonProp('ConsentContext.IsAppOnly', undefined, 'False'),
    jsonProp('ConsentContext.OnBehalfOfAll', undefined, flag(adminConsent)),
    jsonProp('ConsentContext.Tags', undefined, 'WindowsAzureActiveDirectoryIntegratedApp'),
    jsonProp('ConsentAction.Permissions', undefined, consentPermissions(grantId, app.servicePrincipalId, graph.servicePrincipalId, scopes, adminConsent, principalId)),
    jsonProp('TargetId.ServicePrincipalNames', undefined, app.appId),
  ];
}

function tenantApp(ctx: OperationContext): TenantApp {
  const recent = ctx.rng.chance(0.3) ? ctx.recent.apps.pick(ctx.rng) : null;
  return recent ?? ctx.rng.pick(ctx.tenant.apps);
}

function appAdminOrDeveloper(ctx: OperationContext): Actor {
  return ctx.rng.chance(0.6) ? adminActor(ctx, 'Application Administrator') : memberActor(ctx);
}

/** New registration: the application, its service principal and its first owner. */
const registerApplication: Operation = {
  activity: 'Add application',
  weight: 0.6,
  build(ctx, at) {
    const actor = appAdminOrDeveloper(ctx);
    const app = ctx.recent.newApp();
    const specs: EventSpec[] = [
      {
        activity: 'Add application', category: APP_MGMT, service: CORE, operationType: 'Add', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [applicationTarget(app, [
          listProp('AppId', undefined, app.appId),
          listProp('DisplayName', undefined, app.displayName),
          rawProp('AppAddress', null, JSON.stringify([address(app.replyUrl)])),
          includedUpdatedProperties(['AppId', 'DisplayName', 'AppAddress']),
        ])],
      },
      {
        activity: 'Add service principal', category: APP_MGMT, service: CORE, operationType: 'Add', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [servicePrincipalTarget(app, [
          listProp('AccountEnabled', undefined, true),
          listProp('AppPrincipalId', undefined, app.appId),
          listProp('DisplayName', undefined, app.displayName),
          listProp('ServicePrincipalName', undefined, app.appId),
          includedUpdatedProperties(['AccountEnabled', 'AppPrincipalId', 'DisplayName', 'ServicePrincipalName']),
        ])],
      },
      {
        activity: 'Add owner to application', category: APP_MGMT, service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [userTarget(actor.user, [jsonProp('Application.ObjectID', undefined, app.objectId), jsonProp('Application.DisplayName', undefined, app.displayName)]), applicationTarget(app)],
      },
    ];
    return chain(ctx, at, specs);
  },
};

const STAGE_SUFFIX = / \(dev\)| \(test\)| – staging/;

/** A change to an app registration, and the name the app has afterwards. */
interface AppChange {
  prop: ModifiedProperty;
  displayName: string;
}

/** Renames: a new registration loses its stage suffix; an established one drops an "(old)". */
function rename(app: TenantApp): AppChange {
  const promoted = app.displayName.replace(STAGE_SUFFIX, '');
  return promoted !== app.displayName
    ? { prop: listProp('DisplayName', app.displayName, promoted), displayName: promoted }
    : { prop: listProp('DisplayName', `${app.displayName} (old)`, app.displayName), displayName: app.displayName };
}

const GRAPH_USER_READ = '{"EntitlementId":"e1fe6dd8-ba31-4d61-89e7-88639da4683d","DirectAccessGrant":false,"ImpersonationAccessGrants":[20]}';
const GRAPH_PROFILE = '{"EntitlementId":"14dad69e-099b-42c9-810b-d002981feec1","DirectAccessGrant":false,"ImpersonationAccessGrants":[20]}';
const graphAccess = (...grants: string[]) =>
  `[{"ResourceAppId":"00000003-0000-0000-c000-000000000000","RequiredAppPermissions":[${grants.join(',')}]}]`;

const APP_CHANGES: ReadonlyArray<(ctx: OperationContext, app: TenantApp) => AppChange> = [
  (_ctx, app) => rename(app),
  (_ctx, app) => ({
    prop: rawProp('AppAddress', JSON.stringify([address(app.replyUrl)]), JSON.stringify([address(app.replyUrl), address('http://localhost:5173/auth')])),
    displayName: app.displayName,
  }),
  (ctx, app) => ({
    prop: rawProp('RequiredResourceAccess', graphAccess(GRAPH_USER_READ), ctx.rng.chance(0.5) ? graphAccess(GRAPH_USER_READ, GRAPH_PROFILE) : '[]'),
    displayName: app.displayName,
  }),
  (_ctx, app) => ({ prop: listProp('SignInAudience', 'AzureADMultipleOrgs', 'AzureADMyOrg'), displayName: app.displayName }),
];

const updateApplication: Operation = {
  activity: 'Update application',
  weight: 2,
  failureReasons: ['Property identifierUris is invalid.'],
  build(ctx, at) {
    const actor = appAdminOrDeveloper(ctx);
    const app = tenantApp(ctx);
    const { prop, displayName } = ctx.rng.pick(APP_CHANGES)(ctx, app);
    return single(ctx, at, {
      activity: 'Update application', category: APP_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [applicationTarget({ ...app, displayName }, [prop, includedUpdatedProperties([prop.displayName])])],
    });
  },
};

const rotateAppSecret: Operation = {
  activity: CERTIFICATES_AND_SECRETS,
  weight: 1,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Application Administrator');
    const app = tenantApp(ctx);
    const year = ctx.clock.iso(at).slice(0, 4);
    const old = keyDescription(ctx.rng.guid(), 'Password', `${app.displayName} secret ${Number(year) - 1}`);
    const fresh = ctx.rng.chance(0.7)
      ? keyDescription(ctx.rng.guid(), 'Password', `${app.displayName} secret ${year}`)
      : keyDescription(ctx.rng.guid(), 'AsymmetricX509Cert', `CN=${app.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.fabrikam-demo.example`);
    return single(ctx, at, {
      activity: CERTIFICATES_AND_SECRETS, category: APP_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [applicationTarget(app, [rawProp('KeyDescription', JSON.stringify([old]), JSON.stringify([old, fresh])), includedUpdatedProperties(['KeyDescription'])])],
    });
  },
};

const deleteApplication: Operation = {
  activity: 'Delete application',
  weight: 0.3,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Application Administrator');
    const app = ctx.recent.apps.pick(ctx.rng) ?? ctx.recent.newApp();
    return single(ctx, at, {
      activity: 'Delete application', category: APP_MGMT, service: CORE, operationType: 'Delete', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [applicationTarget(app, [listProp('AppId', app.appId, undefined), listProp('DisplayName', app.displayName, undefined)])],
    });
  },
};

const updateServicePrincipal: Operation = {
  activity: 'Update service principal',
  weight: 1.5,
  build(ctx, at) {
    const app = tenantApp(ctx);
    const change = ctx.rng.pick([
      listProp('AppRoleAssignmentRequired', false, true),
      rawProp('Tags', '["WindowsAzureActiveDirectoryIntegratedApp"]', '["WindowsAzureActiveDirectoryIntegratedApp","HideApp"]'),
      listProp('AccountEnabled', true, true),
    ]);
    // Daemon apps maintain their own service principal now and then; the rest is admins' work.
    const actor = app.actsOnItsOwn && ctx.rng.chance(0.4) ? null : adminActor(ctx, 'Application Administrator');
    return single(ctx, at, {
      activity: 'Update service principal', category: APP_MGMT, service: CORE, operationType: 'Update',
      initiatedBy: actor ? actor.initiatedBy : byApp(app), details: actor ? actor.details : [],
      targets: [servicePrincipalTarget(app, [change, includedUpdatedProperties([change.displayName]), jsonProp('TargetId.ServicePrincipalNames', undefined, app.appId)])],
    });
  },
};

/** Certificate rotation on daemon apps: the benign twin of the incident's secret. */
const addServicePrincipalCredentials: Operation = {
  activity: 'Add service principal credentials',
  weight: 0.7,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Application Administrator');
    const app = ctx.rng.pick(ctx.tenant.apps.filter((candidate) => candidate.actsOnItsOwn));
    const key = keyDescription(ctx.rng.guid(), 'AsymmetricX509Cert', `CN=${app.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.fabrikam-demo.example`);
    return single(ctx, at, {
      activity: 'Add service principal credentials', category: APP_MGMT, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [servicePrincipalTarget(app, [
        rawProp('KeyDescription', '[]', JSON.stringify([key])),
        includedUpdatedProperties(['KeyDescription']),
        jsonProp('TargetId.ServicePrincipalNames', undefined, app.appId),
      ])],
    });
  },
};

const USER_SCOPES = [['User.Read'], ['User.Read', 'openid', 'profile', 'offline_access'], ['Calendars.Read', 'User.Read'], ['Files.Read', 'User.Read']];
const ADMIN_SCOPES = [['User.Read.All'], ['Sites.Read.All', 'User.Read'], ['Group.Read.All', 'User.Read'], ['Directory.Read.All']];

/**
 * Consent: users consent to low-risk scopes for themselves; admins now and then grant
 * tenant-wide consent to harmless read scopes. Mail scopes with admin consent are the
 * incident's alone.
 */
const consentToApplication: Operation = {
  activity: 'Consent to application',
  weight: 0.8,
  failureReasons: ['Microsoft.Online.Security.UserConsentBlockedForRiskyAppsException'],
  build(ctx, at) {
    const admin = ctx.rng.chance(0.25);
    const actor = admin ? adminActor(ctx, 'Application Administrator', 'Global Administrator') : memberActor(ctx);
    const app = tenantApp(ctx);
    const graph = ctx.tenant.firstParty.graph;
    const scopes = ctx.rng.pick(admin ? ADMIN_SCOPES : USER_SCOPES);
    const grantId = ctx.rng.code(43);
    return chain(ctx, at, [
      {
        activity: 'Consent to application', category: APP_MGMT, service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [servicePrincipalTarget(app, consentProps(app, grantId, graph, scopes, admin, actor.user.id))],
      },
      {
        activity: 'Add delegated permission grant', category: APP_MGMT, service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy, details: actor.details,
        targets: [
          servicePrincipalTarget({ servicePrincipalId: graph.servicePrincipalId, displayName: graph.displayName }, [
            jsonProp('DelegatedPermissionGrant.Scope', undefined, ` ${scopes.join(' ')}`),
            jsonProp('DelegatedPermissionGrant.ClientId', undefined, app.servicePrincipalId),
          ]),
          servicePrincipalTarget(app),
        ],
      },
    ]);
  },
};

const addAppRoleAssignment: Operation = {
  activity: 'Add app role assignment to service principal',
  weight: 0.3,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Application Administrator', 'Global Administrator');
    const app = ctx.rng.pick(ctx.tenant.apps.filter((candidate) => candidate.actsOnItsOwn));
    const graph = ctx.tenant.firstParty.graph;
    const role = ctx.rng.pick([
      ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
      ['Group.Read.All', '5b567255-7703-4780-807c-7be8301ae99b'],
      ['Sites.Read.All', '332a536c-c7ef-4017-ab91-336970924f0d'],
    ]);
    return single(ctx, at, {
      activity: 'Add app role assignment to service principal', category: APP_MGMT, service: CORE, operationType: 'Assign',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [
        servicePrincipalTarget({ servicePrincipalId: graph.servicePrincipalId, displayName: graph.displayName }, [
          jsonProp('AppRole.Id', undefined, role[1]),
          jsonProp('AppRole.Value', undefined, role[0]),
          jsonProp('ServicePrincipal.ObjectID', undefined, app.servicePrincipalId),
          jsonProp('ServicePrincipal.DisplayName', undefined, app.displayName),
        ]),
        servicePrincipalTarget(app),
      ],
    });
  },
};

const addOwnerToApplication: Operation = {
  activity: 'Add owner to application',
  weight: 0.4,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Application Administrator');
    const app = tenantApp(ctx);
    const owner = memberActor(ctx).user;
    return single(ctx, at, {
      activity: 'Add owner to application', category: APP_MGMT, service: CORE, operationType: 'Assign', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [userTarget(owner, [jsonProp('Application.ObjectID', undefined, app.objectId), jsonProp('Application.DisplayName', undefined, app.displayName)]), applicationTarget(app)],
    });
  },
};

export const APP_OPERATIONS: readonly Operation[] = [
  registerApplication, updateApplication, rotateAppSecret, deleteApplication, updateServicePrincipal,
  addServicePrincipalCredentials, consentToApplication, addAppRoleAssignment, addOwnerToApplication,
];
