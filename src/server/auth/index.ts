// The app's only door to authentication. Swapping next-auth means changing this folder.
export { authOptions, THROTTLED_ERROR } from "./options";
export { getActor, requireActor, hasRole, loadActor, type Actor, type ActorMembership } from "./actor";
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from "./password";
