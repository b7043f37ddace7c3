import type { INodeProperties, INodeTypeBaseDescription, IDisplayOptions } from 'n8n-workflow';

/** What a node shell says about itself; the rest of its base description is the same for all. */
export interface NodeIdentity {
	displayName: string;
	/** The node's name; its icons are `<name>.svg` and `<name>.dark.svg` beside the shell. */
	name: string;
	subtitle: string;
	description: string;
	group?: 'transform' | 'trigger';
}

/**
 * The base description of a versioned node shell: icons in light and dark, group, version 1 as
 * the default, usable as a tool.
 *
 * @example
 * const base = baseDescription({ displayName: '8D Gate', name: 'eightDGate', subtitle, description });
 * super({ 1: new EightDGateV1(base) }, base);
 */
export function baseDescription(identity: NodeIdentity): INodeTypeBaseDescription {
	return {
		displayName: identity.displayName,
		name: identity.name,
		icon: { light: `file:${identity.name}.svg`, dark: `file:${identity.name}.dark.svg` },
		group: [identity.group ?? 'transform'],
		subtitle: identity.subtitle,
		description: identity.description,
		defaultVersion: 1,
		usableAsTool: true,
	};
}

/** The placeholder of every node's "Options" collection. */
export const OPTIONS_PLACEHOLDER = 'Add option';

/**
 * The "Options" collection of a node or an operation.
 *
 * @example
 * optionsCollection([{ displayName: 'Now', name: 'now', type: 'string', default: '' }], {
 * 	show: { operation: ['advance'] },
 * });
 */
export function optionsCollection(
	options: INodeProperties[],
	displayOptions?: IDisplayOptions,
): INodeProperties {
	const collection: INodeProperties = {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: OPTIONS_PLACEHOLDER,
		default: {},
		options,
	};
	if (displayOptions) collection.displayOptions = displayOptions;
	return collection;
}
