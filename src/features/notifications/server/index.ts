// The notifications feature's public entry: notify inside the caller's transaction.
export { notifyInTx, type NotifyOptions } from "./notify";
