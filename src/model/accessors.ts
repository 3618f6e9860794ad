import type { AuditEvent, TargetResource } from './audit-event.js';

export type InitiatorKind = 'user' | 'app' | 'none';

export interface InitiatorSummary {
  kind: InitiatorKind;
  /** What a person recognises: UPN for users, the app / service principal name for apps. */
  label: string;
  ipAddress: string | null;
}

/** Who did it, in the one line an admin reads first. Apps must not vanish (the workbook bug). */
export function initiatorOf(event: AuditEvent): InitiatorSummary {
  const { user, app } = event.initiatedBy;
  if (user && (user.userPrincipalName || user.displayName || user.id)) {
    return {
      kind: 'user',
      label: user.userPrincipalName || user.displayName || user.id || '',
      ipAddress: user.ipAddress || null,
    };
  }
  if (app && (app.displayName || app.servicePrincipalName || app.appId || app.servicePrincipalId)) {
    return {
      kind: 'app',
      label: app.displayName || app.servicePrincipalName || app.appId || app.servicePrincipalId || '',
      ipAddress: null,
    };
  }
  return { kind: 'none', label: '', ipAddress: user?.ipAddress || null };
}

/** A target as a person would name it: display name, else UPN, else id. */
export function targetLabel(target: TargetResource): string {
  return target.displayName || target.userPrincipalName || target.id || '';
}

/** A modified property's value as text: Graph's JSON text decoded when it is a JSON string (`"\"Global Administrator\""`). */
function propertyText(value: string | null): string {
  if (!value) return '';
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value;
  }
}

/**
 * Every target as a person would name it, in order. A role target with no name of its own is
 * named from the `Role.DisplayName` property the directory writes on the member's side of "Add
 * member to role", so the role granted shows (`Global Administrator`), not an object id.
 */
export function targetLabels(event: AuditEvent): string[] {
  return event.targetResources.map((target) => {
    if (target.displayName || target.type?.toLowerCase() !== 'role') return targetLabel(target);
    const named = event.targetResources.flatMap((t) => t.modifiedProperties).find((p) => p.displayName === 'Role.DisplayName');
    return propertyText(named?.newValue ?? null) || propertyText(named?.oldValue ?? null) || targetLabel(target);
  });
}

/** The User-Agent, wherever the source put it (top level in beta, additionalDetails elsewhere). */
export function userAgentOf(event: AuditEvent): string | null {
  if (event.userAgent) return event.userAgent;
  const detail = event.additionalDetails.find((d) => d.key.toLowerCase() === 'user-agent');
  return detail?.value || null;
}

/**
 * Exchange Online writes directory changes back through this initiator; the portal shows them
 * as informational noise, so the explorer can dim or hide them.
 */
export function isSubstrateWriteBack(event: AuditEvent): boolean {
  const app = event.initiatedBy.app;
  const name = (app?.displayName || app?.servicePrincipalName || '').toLowerCase();
  return name === 'microsoft substrate management';
}
