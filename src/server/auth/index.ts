// The app's only door to authentication. Swapping next-auth means changing this folder.
export { authOptions, THROTTLED_ERROR } from "./options";
export { CHANGE_PASSWORD_PATH, getActor, getPasswordSession, requireActor, hasRole, loadActor, type Actor, type ActorMembership, type PasswordSession } from "./actor";
export { hashPassword, verifyPassword } from "./password";
