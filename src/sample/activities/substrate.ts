/**
 * Exchange Online writes mailbox-side changes back to Entra as "Microsoft Substrate Management".
 * Microsoft calls these entries informational; they are a large share of a real log and the
 * first thing an explorer should let people hide.
 */
import type { ModifiedProperty } from '../../model/audit-event.js';
import { byApp, groupTarget, includedUpdatedProperties, rawProp, userTarget } from '../event-parts.js';
import { anyMember, single, type Operation, type OperationContext } from '../operation.js';
import type { TenantGroup, TenantUser } from '../tenant.js';

const ROUTING_DOMAIN = 'fabrikamdemo.mail.onmicrosoft.example';

function proxyAddresses(local: string, domain: string): string[] {
  return [`SMTP:${local}@${domain}`, `smtp:${local}@${ROUTING_DOMAIN}`];
}

/** Often the write-back changes nothing visible: Included Updated Properties is `""`. */
function userWriteBack(ctx: OperationContext, user: TenantUser): ModifiedProperty[] {
  const local = user.userPrincipalName.split('@')[0];
  const roll = ctx.rng.next();
  if (roll < 0.45) return [includedUpdatedProperties([])];
  if (roll < 0.8) {
    const before = proxyAddresses(local, ctx.tenant.domain);
    const after = [...before, `smtp:${local.replace('.', '')}@${ctx.tenant.domain}`];
    return [rawProp('ProxyAddresses', JSON.stringify(before), JSON.stringify(after)), includedUpdatedProperties(['ProxyAddresses'])];
  }
  return [rawProp('ShowInAddressList', '[true]', '[true]'), rawProp('MSExchRecipientTypeDetails', '[1]', '[1]'), includedUpdatedProperties(['ShowInAddressList', 'MSExchRecipientTypeDetails'])];
}

function groupWriteBack(ctx: OperationContext, group: TenantGroup): ModifiedProperty[] {
  if (ctx.rng.chance(0.5)) return [includedUpdatedProperties([])];
  const before = proxyAddresses(group.mailNickname, ctx.tenant.domain);
  return [rawProp('ProxyAddresses', JSON.stringify(before.slice(0, 1)), JSON.stringify(before)), includedUpdatedProperties(['ProxyAddresses'])];
}

const substrateUpdateUser: Operation = {
  activity: 'Update user',
  weight: 6.8,
  build(ctx, at) {
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Update user', category: 'UserManagement', service: 'Core Directory', operationType: 'Update',
      initiatedBy: byApp(ctx.tenant.firstParty.substrate), targets: [userTarget(user, userWriteBack(ctx, user))],
    });
  },
};

const substrateUpdateGroup: Operation = {
  activity: 'Update group',
  weight: 1.6,
  build(ctx, at) {
    const group = ctx.rng.pick(ctx.tenant.groups.filter((candidate) => candidate.groupType === 'unifiedGroups'));
    return single(ctx, at, {
      activity: 'Update group', category: 'GroupManagement', service: 'Core Directory', operationType: 'Update',
      initiatedBy: byApp(ctx.tenant.firstParty.substrate), targets: [groupTarget(group, groupWriteBack(ctx, group))],
    });
  },
};

export const SUBSTRATE_OPERATIONS: readonly Operation[] = [substrateUpdateUser, substrateUpdateGroup];
