import { ASSIGNABLE_ROLES, isOneOf, type TeammateRole } from '../enums';
import { badRequest, notFound } from '../errors';
import { route, type Route, type RouteContext } from '../router';
import type { TeammateJson } from '../types';
import { objectBody, requiredStringArray } from '../validate';

/** Teams: spec §1 rows 30–32, §3.5. */
export const teamRoutes: Route[] = [
	route('GET', 'teams', ({ core }) => teammates(core)),
	route('POST', 'teams/invite', invite),
	route('POST', 'teams/set_role', setRole),
];

function teammates(core: RouteContext['core']): TeammateJson[] {
	return [...core.state.teammates.values()];
}

function readRoleRequest(rawBody: unknown): { emails: string[]; role: TeammateRole } {
	const body = objectBody(rawBody);
	const emails = requiredStringArray(body, 'emails');
	if (emails.length === 0) throw badRequest('emails must not be empty');
	const role = body.team_role;
	if (role === undefined) throw badRequest('Missing required parameter: team_role');
	if (!isOneOf(ASSIGNABLE_ROLES, role)) throw badRequest(`Invalid team_role: ${String(role)}`);
	return { emails, role };
}

/** Invited addresses join with the role; existing teammates are left as they are. Answers the whole team. */
function invite({ core, body }: RouteContext): unknown {
	const { emails, role } = readRoleRequest(body);
	for (const email of emails) {
		if (core.state.teammates.has(email)) continue;
		core.state.teammates.set(email, {
			email,
			role,
			company: 'Sandbox Inc.',
			firstName: '',
			lastName: '',
			isStudioLabeler: role === 'labeler',
			expiry: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
		});
	}
	core.markDirty();
	return teammates(core);
}

function setRole({ core, body }: RouteContext): unknown {
	const { emails, role } = readRoleRequest(body);
	const missing = emails.filter((email) => !core.state.teammates.has(email));
	if (missing.length > 0) throw notFound(`Teammates not found: ${missing.join(', ')}`);
	for (const email of emails) {
		const teammate = core.state.teammates.get(email)!;
		teammate.role = role;
		teammate.isStudioLabeler = role === 'labeler';
	}
	core.markDirty();
	return teammates(core);
}
