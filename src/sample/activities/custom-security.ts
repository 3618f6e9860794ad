/**
 * Custom security attribute audits: the six activities Microsoft logs to the separate
 * customSecurityAttributeAudits endpoint (category AttributeManagement, Core Directory).
 * Attribute values are logged under `<Set>_<Attribute>` with JSON-array text values.
 */
import {
  byApp,
  includedUpdatedProperties,
  listProp,
  otherTarget,
  rawProp,
  servicePrincipalTarget,
  userTarget,
  type EventSpec,
} from '../event-parts.js';
import { adminActor, anyMember, single, type Operation, type OperationContext } from '../operation.js';
import type { AttributeDefinition } from '../tenant.js';

const ATTRIBUTES = 'AttributeManagement';
const CORE = 'Core Directory';

function anyDefinition(ctx: OperationContext): AttributeDefinition {
  const set = ctx.rng.pick(ctx.tenant.attributeSets);
  return ctx.rng.pick(set.attributes);
}

/** An old and a new value, as JSON-array text; empty old value for first assignments. */
function valueChange(ctx: OperationContext, definition: AttributeDefinition): { oldValue: string; newValue: string } {
  const [first, second] = ctx.rng.sample(definition.values, 2);
  const fresh = ctx.rng.chance(0.35);
  if (definition.isCollection && ctx.rng.chance(0.4)) {
    return { oldValue: JSON.stringify([first]), newValue: JSON.stringify([first, second]) };
  }
  return { oldValue: fresh ? '[]' : JSON.stringify([first]), newValue: JSON.stringify([second]) };
}

function attributeValueSpec(ctx: OperationContext, activity: string, target: 'user' | 'servicePrincipal'): EventSpec {
  const actor = adminActor(ctx, 'Attribute Assignment Administrator');
  const definition = anyDefinition(ctx);
  const property = `${definition.attributeSet}_${definition.name}`;
  const { oldValue, newValue } = valueChange(ctx, definition);
  const props = [rawProp(property, oldValue, newValue), includedUpdatedProperties([property])];
  return {
    activity, category: ATTRIBUTES, service: CORE, operationType: 'Update', initiatedBy: actor.initiatedBy, details: actor.details,
    targets: [target === 'user' ? userTarget(anyMember(ctx), props) : servicePrincipalTarget(ctx.rng.pick(ctx.tenant.apps), props)],
  };
}

const assignUserAttribute: Operation = {
  activity: 'Update attribute values assigned to a user',
  weight: 60,
  failureReasons: ['The value is not one of the predefined values for this attribute.'],
  build: (ctx, at) => single(ctx, at, attributeValueSpec(ctx, 'Update attribute values assigned to a user', 'user')),
};

const assignServicePrincipalAttribute: Operation = {
  activity: 'Update attribute values assigned to a servicePrincipal',
  weight: 16,
  build: (ctx, at) => single(ctx, at, attributeValueSpec(ctx, 'Update attribute values assigned to a servicePrincipal', 'servicePrincipal')),
};

const updateDefinition: Operation = {
  activity: 'Update custom security attribute definition in an attribute set',
  weight: 9,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Attribute Definition Administrator');
    const definition = anyDefinition(ctx);
    const change = ctx.rng.chance(0.6)
      ? listProp('Description', definition.description, `${definition.description} (reviewed)`)
      : rawProp('AllowedValues', JSON.stringify(definition.values.slice(0, -1)), JSON.stringify(definition.values));
    return single(ctx, at, {
      activity: 'Update custom security attribute definition in an attribute set', category: ATTRIBUTES, service: CORE, operationType: 'Update',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [otherTarget(`${definition.attributeSet}_${definition.name}`, definition.name, [change, includedUpdatedProperties([change.displayName])])],
    });
  },
};

const addDefinition: Operation = {
  activity: 'Add custom security attribute definition in an attribute set',
  weight: 6,
  failureReasons: ['An attribute with the same name already exists in this attribute set.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'Attribute Definition Administrator');
    const set = ctx.rng.pick(ctx.tenant.attributeSets);
    const name = ctx.rng.pick(['DataOwner', 'Region', 'ReviewCycle', 'Sensitivity', 'VendorId', 'TeamLead']);
    const props = [
      listProp('AttributeSet', undefined, set.name),
      listProp('Name', undefined, name),
      listProp('Type', undefined, 'String'),
      listProp('IsCollection', undefined, false),
      listProp('UsePreDefinedValuesOnly', undefined, ctx.rng.chance(0.5)),
      listProp('Status', undefined, 'Available'),
    ];
    return single(ctx, at, {
      activity: 'Add custom security attribute definition in an attribute set', category: ATTRIBUTES, service: CORE, operationType: 'Add',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [otherTarget(`${set.name}_${name}`, name, [...props, includedUpdatedProperties(props.map((prop) => prop.displayName))])],
    });
  },
};

const updateSet: Operation = {
  activity: 'Update an attribute set',
  weight: 5,
  build(ctx, at) {
    const actor = adminActor(ctx, 'Attribute Definition Administrator');
    const set = ctx.rng.pick(ctx.tenant.attributeSets);
    const change = ctx.rng.chance(0.5)
      ? rawProp('MaxAttributesPerSet', `[${set.maxAttributesPerSet}]`, `[${ctx.rng.pick([10, 20, 25, 50])}]`)
      : listProp('Description', set.description, `${set.description}; owner: identity team`);
    return single(ctx, at, {
      activity: 'Update an attribute set', category: ATTRIBUTES, service: CORE, operationType: 'Update',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [otherTarget(set.name, set.name, [change, includedUpdatedProperties([change.displayName])])],
    });
  },
};

const addSet: Operation = {
  activity: 'Add an attribute set',
  weight: 4,
  failureReasons: ['An attribute set with the same name already exists.'],
  build(ctx, at) {
    const actor = adminActor(ctx, 'Attribute Definition Administrator');
    const name = ctx.rng.pick(ctx.tenant.plannedAttributeSets);
    const props = [listProp('Description', undefined, `${name} attributes`), rawProp('MaxAttributesPerSet', null, '[25]')];
    return single(ctx, at, {
      activity: 'Add an attribute set', category: ATTRIBUTES, service: CORE, operationType: 'Add',
      initiatedBy: actor.initiatedBy, details: actor.details,
      targets: [otherTarget(name, name, [...props, includedUpdatedProperties(props.map((prop) => prop.displayName))])],
    });
  },
};

/** HR Sync also stamps EmploymentType on people, through its app identity. */
const hrSyncAttribute: Operation = {
  activity: 'Update attribute values assigned to a user',
  weight: 8,
  build(ctx, at) {
    const app = ctx.tenant.apps.find((candidate) => candidate.displayName === 'HR Sync Service') ?? ctx.tenant.apps[0];
    const property = 'HR_EmploymentType';
    const value = ctx.rng.pick(['Employee', 'Contractor', 'Intern']);
    return single(ctx, at, {
      activity: 'Update attribute values assigned to a user', category: ATTRIBUTES, service: CORE, operationType: 'Update',
      initiatedBy: byApp(app),
      targets: [userTarget(anyMember(ctx), [rawProp(property, '[]', JSON.stringify([value])), includedUpdatedProperties([property])])],
    });
  },
};

export const CUSTOM_SECURITY_OPERATIONS: readonly Operation[] = [
  assignUserAttribute, assignServicePrincipalAttribute, updateDefinition, addDefinition, updateSet, addSet, hrSyncAttribute,
];
