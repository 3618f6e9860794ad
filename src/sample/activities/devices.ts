/**
 * Devices: joins and registrations by the Device Registration Service, compliance updates by
 * Intune, clean-ups by admins. High volume, low interest — the background hum of a real log.
 */
import { byApp, deviceTarget, includedUpdatedProperties, jsonProp, listProp, userTarget } from '../event-parts.js';
import { adminActor, anyMember, chain, single, type Operation } from '../operation.js';

const DEVICE = 'Device';
const CORE = 'Core Directory';

/** A join: the device object, its owner and user, then the registration itself. */
const registerDevice: Operation = {
  activity: 'Add device',
  weight: 0.8,
  build(ctx, at) {
    const owner = anyMember(ctx);
    const device = ctx.recent.newDevice(owner);
    const drs = byApp(ctx.tenant.firstParty.deviceRegistration);
    const trustType = device.os === 'Windows' ? 'AzureAd' : 'Workplace';
    const link = (activity: string, property: string) => ({
      activity, category: DEVICE, service: CORE, operationType: 'Assign', initiatedBy: drs,
      targets: [deviceTarget(device.id, device.displayName, [jsonProp(property, undefined, owner.id)]), userTarget(owner)],
    });
    return chain(ctx, at, [
      {
        activity: 'Add device', category: DEVICE, service: CORE, operationType: 'Add', initiatedBy: drs,
        targets: [deviceTarget(device.id, device.displayName, [
          listProp('AccountEnabled', undefined, true),
          listProp('DisplayName', undefined, device.displayName),
          listProp('DeviceOSType', undefined, device.os),
          listProp('DeviceOSVersion', undefined, device.osVersion),
          listProp('DeviceTrustType', undefined, trustType),
          includedUpdatedProperties(['AccountEnabled', 'DisplayName', 'DeviceOSType', 'DeviceOSVersion', 'DeviceTrustType']),
        ])],
      },
      link('Add registered owner to device', 'Device.RegisteredOwner'),
      link('Add registered users to device', 'Device.RegisteredUsers'),
      {
        activity: 'Register device', category: DEVICE, service: CORE, operationType: 'Add', initiatedBy: drs,
        targets: [deviceTarget(device.id, device.displayName, [jsonProp('DeviceTrustType', undefined, trustType)])],
        details: [{ key: 'Device Id', value: device.id }, { key: 'Device OS', value: device.os }],
      },
    ]);
  },
};

const updateDevice: Operation = {
  activity: 'Update device',
  weight: 3.2,
  build(ctx, at) {
    const device = ctx.recent.devices.pick(ctx.rng) ?? ctx.recent.newDevice(anyMember(ctx));
    const byIntune = ctx.rng.chance(0.6);
    const change = byIntune
      ? ctx.rng.pick([listProp('IsCompliant', false, true), listProp('IsCompliant', true, false), listProp('IsManaged', false, true)])
      : listProp('DeviceOSVersion', device.osVersion, device.osVersion.replace(/\d+$/, (last) => String(Number(last) + 1)));
    return single(ctx, at, {
      activity: 'Update device', category: DEVICE, service: CORE, operationType: 'Update',
      initiatedBy: byApp(byIntune ? ctx.tenant.firstParty.intune : ctx.tenant.firstParty.deviceRegistration),
      targets: [deviceTarget(device.id, device.displayName, [change, includedUpdatedProperties([change.displayName])])],
    });
  },
};

const deleteDevice: Operation = {
  activity: 'Delete device',
  weight: 0.4,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Helpdesk Administrator', 'Global Administrator');
    const device = ctx.recent.devices.pick(ctx.rng) ?? ctx.recent.newDevice(anyMember(ctx));
    return single(ctx, at, {
      activity: 'Delete device', category: DEVICE, service: CORE, operationType: 'Delete', initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [deviceTarget(device.id, device.displayName)],
    });
  },
};

/** Windows Hello keys are user objects' business, logged under UserManagement. */
const addWindowsHello: Operation = {
  activity: 'Add Windows Hello for Business credential',
  weight: 0.5,
  build(ctx, at) {
    const user = anyMember(ctx);
    return single(ctx, at, {
      activity: 'Add Windows Hello for Business credential', category: 'UserManagement', service: 'Device Registration Service', operationType: 'Add',
      initiatedBy: byApp(ctx.tenant.firstParty.deviceRegistration), targets: [userTarget(user)],
    });
  },
};

export const DEVICE_OPERATIONS: readonly Operation[] = [registerDevice, updateDevice, deleteDevice, addWindowsHello];
