// The notifications feature's public entry: notify inside the caller's transaction.
export { notifyInTx } from "./notify";
