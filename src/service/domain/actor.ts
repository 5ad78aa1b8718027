// Who is acting: the signed-in user as the domain layer sees it, and the role checks every operation starts with.
// Roles: admin (政务公开办管理员: everything in every assessment), reviewer (复核人员: review, return, accept,
// resolve appeals; never the rubric or publication), agency (单位填报人: its own agency only), leader (领导:
// read-only results).
import type { Role } from '../db/schema.js';
import { forbidden } from './errors.js';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The agency an agency user belongs to (by register code); null for office roles. */
  agencyCode: string | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: '政务公开办管理员',
  reviewer: '复核人员',
  agency: '单位填报人',
  leader: '领导',
};

/** Throws FORBIDDEN unless the actor has one of the roles. */
export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) throw forbidden(`${what}(当前身份:${ROLE_LABELS[actor.role]})`);
}

/** Office staff may see every agency; an agency user only its own. */
export function canSeeAgency(actor: Actor, agencyCode: string): boolean {
  return actor.role === 'agency' ? actor.agencyCode === agencyCode : true;
}

/** Throws FORBIDDEN when an agency user reaches for another agency's data. */
export function requireAgency(actor: Actor, agencyCode: string): void {
  if (!canSeeAgency(actor, agencyCode)) throw forbidden('查看或修改其他单位的材料');
}
