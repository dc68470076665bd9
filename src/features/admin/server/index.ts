// The admin feature's public entry: what other features may use of its services.
export { adminMunicipalityOf } from "./admin-access";
